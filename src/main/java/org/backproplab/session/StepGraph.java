package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.Naming;

/**
 * The graph of a stage: what the network graph draws after the stages of a {@link StepSnapshot}
 * run so far. On forward the layer computed and the edges into it are active, at the loss the
 * error of each output, on backward the deltas, at the update each weight's old and new value.
 */
public final class StepGraph {
    private StepGraph() {
    }

    /**
     * @param s        the stepping state
     * @param sample   which sample of the batch the neuron values show (0 for one-sample lessons)
     * @param selected what is selected (marked in the graph), or null
     */
    public static GraphSnapshot of(StepSnapshot s, int sample, GraphItem selected) {
        Naming naming = s.naming();
        List<Integer> sizes = s.layerSizes();
        int layers = sizes.size() - 1;
        StageRecords records = StageRecords.of(s.records());
        StageRecord last = records.last();
        UpdateRecord update = last instanceof UpdateRecord u ? u : null;
        int row = Math.min(sample, s.inputs().rows() - 1);

        List<GraphSnapshot.Box> inputs = new ArrayList<>();
        for (int i = 0; i < sizes.get(0); i++) {
            double v = s.inputs().get(row, i);
            String name = naming.neuron(-1, i);
            inputs.add(new GraphSnapshot.Box(name + "  " + Numbers.shortNumber(v), Phrase.of(name + " = " + Numbers.exact(v)),
                    true, last instanceof ForwardRecord f && f.layer() == 0, false,
                    GraphItem.input(i).forSample(row).equals(selected)));
        }

        double maxAbs = GraphSnapshot.maxAbs(s.parameters(), layers);
        List<GraphSnapshot.Edge> edges = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ImmutableMatrix w = s.parameters().get(Parameter.weightsName(l));
            boolean forward = last instanceof ForwardRecord f && f.layer() == l;
            boolean backward = last instanceof BackwardRecord b && b.layer() == l;
            BackwardRecord b = records.backward(l);
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++) {
                    double value = w.get(j, i);
                    String name = naming.weight(l, j, i);
                    String text = name + " " + Numbers.shortNumber(value);
                    Phrase tip = Phrase.of(name + " (" + naming.neuron(l - 1, i) + " \u2192 " + naming.neuron(l, j)
                            + ") = " + Numbers.exact(value));
                    if (update != null) {
                        ParameterUpdate p = update.parameter(Parameter.weightsName(l));
                        double before = p.before().get(j, i);
                        double after = p.after().get(j, i);
                        text = name + " " + Numbers.shortNumber(before) + "\n\u2192 " + Numbers.shortNumber(after);
                        tip = tip.then("\n").thenKey("graph.updateTip", Numbers.exact(before),
                                Numbers.exact(after - before), Numbers.exact(after));
                    } else if (b != null && b.gradWeights() != null) {
                        double g = b.gradWeights().get(j, i);
                        if (backward) {
                            text = "dE/d" + name + "\n" + Numbers.shortNumber(g);
                        }
                        tip = tip.then("\ndE/d" + name + " = " + Numbers.exact(g));
                    }
                    GraphSnapshot.Box label = new GraphSnapshot.Box(text, tip, true, forward || backward, update != null,
                            GraphItem.weight(l, j, i).equals(selected));
                    edges.add(new GraphSnapshot.Edge(l, j, i, value >= 0, Math.abs(value) / maxAbs, forward, backward,
                            label));
                }
            }
        }

        List<List<GraphSnapshot.Neuron>> neurons = new ArrayList<>();
        List<List<GraphSnapshot.Box>> biases = new ArrayList<>();
        boolean hasBias = s.biasMode() != BiasMode.NONE;
        for (int l = 0; l < layers; l++) {
            ForwardRecord f = records.forward(l);
            BackwardRecord b = records.backward(l);
            ImmutableMatrix bias = s.parameters().get(Parameter.biasName(l));
            boolean active = last instanceof ForwardRecord lf && lf.layer() == l
                    || last instanceof BackwardRecord lb && lb.layer() == l
                    || last instanceof LossRecord && l == layers - 1;
            boolean backwardStage = last instanceof BackwardRecord;
            List<GraphSnapshot.Neuron> col = new ArrayList<>();
            List<GraphSnapshot.Box> bcol = new ArrayList<>();
            for (int j = 0; j < sizes.get(l + 1); j++) {
                String n = naming.neuron(l, j);
                StringBuilder tip = new StringBuilder(n);
                String net = "net \u2013";
                String out = "out \u2013";
                if (f != null) {
                    double z = f.preActivation().get(row, j);
                    double a = f.activation().get(row, j);
                    net = "net " + Numbers.shortNumber(z);
                    out = "out " + Numbers.shortNumber(a);
                    tip.append("\nnet_").append(n).append(" = ").append(Numbers.exact(z));
                    tip.append("\nout_").append(n).append(" = ").append(Numbers.exact(a));
                }
                String delta = null;
                if (b != null) {
                    double d = b.delta().get(row, j);
                    delta = "\u03b4 " + Numbers.shortNumber(d);
                    tip.append("\ndelta_").append(n).append(" = ").append(Numbers.exact(d));
                }
                col.add(new GraphSnapshot.Neuron(n, net, out, delta, Phrase.of(tip.toString()), active && !backwardStage,
                        active && backwardStage, last instanceof BackwardRecord lb && lb.layer() == l,
                        GraphItem.neuron(l, j).equals(selected)));
                bcol.add(hasBias ? biasBox(s, naming, update, b, bias, l, j, selected)
                        : new GraphSnapshot.Box("", Phrase.EMPTY, false, false, false, false));
            }
            neurons.add(col);
            biases.add(bcol);
        }

        LossRecord loss = records.loss();
        List<GraphSnapshot.Box> targets = new ArrayList<>();
        List<GraphSnapshot.Box> errors = new ArrayList<>();
        for (int k = 0; k < sizes.get(layers); k++) {
            double t = s.targets().get(row, k);
            targets.add(new GraphSnapshot.Box("t" + (k + 1) + "  " + Numbers.shortNumber(t), Phrase.of(Numbers.exact(t)),
                    true, last instanceof LossRecord, false, GraphItem.target(k).forSample(row).equals(selected)));
            if (loss != null) {
                double e = loss.terms().get(row, k);
                errors.add(new GraphSnapshot.Box("E " + Numbers.shortNumber(e),
                        Phrase.of("E_" + naming.neuron(layers - 1, k) + " = " + Numbers.exact(e)), true, false, false,
                        false));
            } else {
                errors.add(new GraphSnapshot.Box("", Phrase.EMPTY, false, false, false, false));
            }
        }
        return new GraphSnapshot(sizes, inputs, neurons, biases, edges, targets, errors, true);
    }

    private static GraphSnapshot.Box biasBox(StepSnapshot s, Naming naming, UpdateRecord update, BackwardRecord b,
            ImmutableMatrix bias, int l, int j, GraphItem selected) {
        double bv = bias.get(j, 0);
        String text = "b " + Numbers.shortNumber(bv);
        Phrase tip = Phrase.of(naming.bias(l, j) + " = " + Numbers.exact(bv));
        if (update != null && update.parameter(Parameter.biasName(l)).trainable()) {
            ParameterUpdate p = update.parameter(Parameter.biasName(l));
            text = "b " + Numbers.shortNumber(p.before().get(j, 0)) + "\n\u2192 " + Numbers.shortNumber(p.after().get(j, 0));
        } else if (b != null && b.gradBias() != null) {
            tip = tip.then("\ndE/d" + naming.bias(l, j) + " = " + Numbers.exact(b.gradBias().get(j, 0)));
        }
        if (s.biasMode() == BiasMode.FROZEN) {
            tip = tip.then("\n(").thenKey("bias.frozen").then(")");
        }
        return new GraphSnapshot.Box(text, tip, true, false, false, GraphItem.bias(l, j).equals(selected));
    }
}
