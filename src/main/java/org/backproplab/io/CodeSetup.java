package org.backproplab.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Iteration;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;

/**
 * A dense network's state at the start of an iteration, as the exported programs hold it: every
 * layer with its weights and bias (named as PyTorch's {@code state_dict} names them:
 * {@code linear1.weight}, {@code linear1.bias}, ...), the loss, the optimizer with its memory, and
 * the batch the next update uses.
 *
 * @param preset    the lesson it comes from
 * @param iteration updates done so far
 */
public record CodeSetup(String preset, List<Dense> layers, String loss, Opt optimizer, double[][] inputs,
        double[][] targets, long iteration) {

    /**
     * One dense layer. {@code bias} is null when the layer has none; {@code biasTrained} false when it
     * is kept at its value (frozen).
     */
    public record Dense(String name, int in, int out, String activation, double[][] weight, double[] bias,
            boolean biasTrained) {
    }

    /**
     * The optimizer: {@code id} sgd, momentum or adam with its hyperparameters, the steps taken, and
     * per state_dict name its buffers ("velocity"; "m" and "v") as they are now.
     */
    public record Opt(String id, double learningRate, double momentum, double beta1, double beta2, double epsilon,
            long steps, Map<String, Map<String, double[][]>> state) {
    }

    /** Thrown for what the exported programs cannot hold: a layer that is not dense, regularisation. */
    public static final class UnsupportedException extends Exception {
        private final String reason;

        /** @param reason "maps" (a layer that is not dense) or "regularization" */
        public UnsupportedException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * The state of the iteration {@code stepper} is in (between two iterations: the next one), with
     * the batch that iteration uses; nothing of the stepper or its trainer changes.
     *
     * @throws UnsupportedException as {@link #of}
     */
    public static CodeSetup atNextStep(String preset, Stepper stepper) throws UnsupportedException {
        Trainer trainer = stepper.trainer();
        if (!stepper.atIterationStart() && stepper.currentInputs() != null) {
            return of(preset, trainer, stepper.currentInputs(), stepper.currentTargets());
        }
        return atNextStep(preset, trainer);
    }

    /** The state of {@code trainer} between two iterations, with the next one's batch; the trainer is left as it was. */
    public static CodeSetup atNextStep(String preset, Trainer trainer) throws UnsupportedException {
        Checkpoint before = trainer.checkpoint();
        Iteration next = trainer.newIteration(false);
        ImmutableMatrix x = next.inputs();
        ImmutableMatrix t = next.targets();
        trainer.restore(before);
        return of(preset, trainer, x, t);
    }

    /**
     * The state of {@code trainer} with {@code x} and {@code t} the next batch (one row per sample).
     *
     * @throws UnsupportedException for a network with a layer that is not dense, or with L1/L2 regularisation
     */
    public static CodeSetup of(String preset, Trainer trainer, ImmutableMatrix x, ImmutableMatrix t)
            throws UnsupportedException {
        if (trainer.regularization().kind() != Regularization.Kind.NONE) {
            throw new UnsupportedException("regularization", "the exported programs do not hold " + trainer.regularization().id()
                    + " regularisation; choose none to export this network");
        }
        Network net = trainer.network();
        List<Dense> layers = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Layer l : net.layers()) {
            if (!(l instanceof DenseLayer d)) {
                throw new UnsupportedException("maps", "only dense networks are exported as code; layer "
                        + (layers.size() + 1) + " is a " + l.getClass().getSimpleName().replace("Layer", "").toLowerCase()
                        + " layer");
            }
            String name = "linear" + (layers.size() + 1);
            boolean hasBias = d.biasMode() != BiasMode.NONE;
            double[] bias = null;
            if (hasBias) {
                ImmutableMatrix b = d.bias().values();
                bias = new double[b.rows()];
                for (int i = 0; i < bias.length; i++) {
                    bias[i] = b.get(i, 0);
                }
            }
            layers.add(new Dense(name, d.inputSize(), d.outputSize(), d.activation().id(),
                    d.weights().values().toArray(), bias, hasBias && d.biasMode() == BiasMode.TRAINED));
            names.put(d.weights().name(), name + ".weight");
            if (hasBias) {
                names.put(d.bias().name(), name + ".bias");
            }
        }
        return new CodeSetup(preset, layers, net.loss().id(), optimizer(trainer.optimizer(), net, names), x.toArray(),
                t.toArray(), trainer.iteration());
    }

    private static Opt optimizer(Optimizer o, Network net, Map<String, String> names) {
        Map<String, Map<String, double[][]>> state = new LinkedHashMap<>();
        if (o.steps() > 0) {
            for (Parameter p : net.parameters()) {
                if (!names.containsKey(p.name()) || !p.trainable()) {
                    continue;
                }
                Map<String, double[][]> buffers = new LinkedHashMap<>();
                o.stateOf(p).forEach((k, v) -> buffers.put(k, v.toArray()));
                if (!buffers.isEmpty()) {
                    state.put(names.get(p.name()), buffers);
                }
            }
        }
        if (o instanceof Optimizer.Momentum m) {
            return new Opt("momentum", m.learningRate(), m.momentum(), 0, 0, 0, m.steps(), state);
        }
        if (o instanceof Optimizer.Adam a) {
            return new Opt("adam", a.learningRate(), 0, a.beta1(), a.beta2(), a.epsilon(), a.steps(), state);
        }
        return new Opt("sgd", o.learningRate(), 0, 0, 0, 0, o.steps(), state);
    }

    /** The number as Python reads it back exactly (Java's shortest round-trip form). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "float('nan')";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float('inf')" : "-float('inf')";
        }
        return Double.toString(v);
    }

    static String vector(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) {
            parts.add(number(x));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** A matrix as nested lists, one row a line, indented by {@code indent}. */
    static String matrix(double[][] m, String indent) {
        List<String> rows = new ArrayList<>();
        for (double[] r : m) {
            rows.add(vector(r));
        }
        return "[" + String.join(",\n" + indent + " ", rows) + "]";
    }
}
