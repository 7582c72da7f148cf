package org.backproplab.engine;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Turns gradients into parameter changes. Subclasses compute the step s for one parameter;
 * this class applies w = w + s to every trainable parameter and keeps the step for the records.
 */
public abstract sealed class Optimizer permits Optimizer.Sgd, Optimizer.Momentum, Optimizer.Adam {
    private double learningRate;
    private long steps;
    /** Per parameter: the buffers named by {@link #slotNames()} (velocity, m, v) and the step last taken. */
    private final Map<Parameter, Slots> slots = new IdentityHashMap<>();

    private static final class Slots {
        final DMatrixRMaj[] buffers;
        final DMatrixRMaj step;

        Slots(DMatrixRMaj[] buffers, DMatrixRMaj step) {
            this.buffers = buffers;
            this.step = step;
        }
    }

    protected Optimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    public double learningRate() {
        return learningRate;
    }

    /** Takes effect from the next step; the optimizer's memory is kept. */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a finite number > 0, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Steps taken so far (Adam's t). */
    public long steps() {
        return steps;
    }

    public abstract String id();

    /** This optimizer as data, at its learning rate now (its hyperparameters: momentum, betas, eps). */
    public abstract OptimizerSpec spec();

    /** Names of the buffers this optimizer keeps per parameter. */
    protected abstract List<String> slotNames();

    /**
     * Writes the step s for one parameter into {@code step}, from its gradient g and its buffers
     * (in the order of {@link #slotNames()}; it may update them); {@code t} is the 1-based step count.
     */
    protected abstract void computeStep(DMatrixRMaj g, DMatrixRMaj[] buffers, long t, DMatrixRMaj step);

    /** One update of every trainable parameter: w = w + s. Frozen parameters are left alone. */
    public void step(List<Parameter> parameters) {
        steps++;
        for (Parameter p : parameters) {
            if (!p.trainable()) {
                continue;
            }
            Slots slot = slotsOf(p);
            DMatrixRMaj step = slot.step;
            computeStep(p.gradient(), slot.buffers, steps, step);
            double[] w = p.value().data;
            double[] d = step.data;
            int n = p.size();
            for (int i = 0; i < n; i++) {
                w[i] += d[i];
            }
        }
    }

    private static final String STEP = "step";

    private Slots slotsOf(Parameter p) {
        return slots.computeIfAbsent(p, k -> {
            DMatrixRMaj[] buffers = new DMatrixRMaj[slotNames().size()];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = zerosLike(k);
            }
            return new Slots(buffers, zerosLike(k));
        });
    }

    /** The step last applied to {@code p} (zeros before its first update). */
    public ImmutableMatrix lastStep(Parameter p) {
        Slots slot = slots.get(p);
        return ImmutableMatrix.copyOf(slot == null ? zerosLike(p) : slot.step);
    }

    private static DMatrixRMaj zerosLike(Parameter p) {
        return new DMatrixRMaj(p.value().numRows, p.value().numCols);
    }

    /**
     * A copy of the buffers kept for {@code p}, by name (empty for plain SGD; zeros for a
     * parameter never updated). Reading does not create buffers.
     */
    public Map<String, ImmutableMatrix> stateOf(Parameter p) {
        Map<String, ImmutableMatrix> out = new LinkedHashMap<>();
        Slots slot = slots.get(p);
        List<String> names = slotNames();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), ImmutableMatrix.copyOf(slot == null ? zerosLike(p) : slot.buffers[i]));
        }
        return out;
    }

    /** A copy of the whole memory, for undo. */
    public OptimizerState state() {
        Map<String, Map<String, ImmutableMatrix>> copy = new HashMap<>();
        List<String> names = slotNames();
        for (Map.Entry<Parameter, Slots> e : slots.entrySet()) {
            Map<String, ImmutableMatrix> buffers = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                buffers.put(names.get(i), ImmutableMatrix.copyOf(e.getValue().buffers[i]));
            }
            buffers.put(STEP, ImmutableMatrix.copyOf(e.getValue().step));
            copy.put(e.getKey().name(), buffers);
        }
        return new OptimizerState(steps, copy);
    }

    /** Puts back a memory taken by {@link #state()} for the same parameters. */
    public void restore(OptimizerState state, List<Parameter> parameters) {
        steps = state.steps();
        slots.clear();
        for (Parameter p : parameters) {
            Map<String, ImmutableMatrix> saved = state.slots().get(p.name());
            if (saved == null) {
                continue;
            }
            List<String> names = slotNames();
            DMatrixRMaj[] buffers = new DMatrixRMaj[names.size()];
            for (int i = 0; i < buffers.length; i++) {
                buffers[i] = saved.get(names.get(i)).toMatrix();
            }
            slots.put(p, new Slots(buffers, saved.get(STEP).toMatrix()));
        }
    }

    /** Plain gradient descent: s = -eta g. */
    public static final class Sgd extends Optimizer {
        public Sgd(double learningRate) {
            super(learningRate);
        }

        @Override
        public String id() {
            return "sgd";
        }

        @Override
        public OptimizerSpec spec() {
            return new OptimizerSpec.Sgd(learningRate());
        }

        @Override
        protected List<String> slotNames() {
            return List.of();
        }

        @Override
        protected void computeStep(DMatrixRMaj g, DMatrixRMaj[] buffers, long t, DMatrixRMaj step) {
            double eta = learningRate();
            for (int i = 0; i < g.getNumElements(); i++) {
                step.data[i] = -eta * g.data[i];
            }
        }
    }

    /**
     * Gradient descent with momentum as PyTorch's torch.optim.SGD computes it (dampening 0, no
     * Nesterov): v = mu v + g (the first step v = g, the buffer starting at zero), s = -eta v.
     */
    public static final class Momentum extends Optimizer {
        private final double momentum;

        public Momentum(double learningRate, double momentum) {
            super(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            this.momentum = momentum;
        }

        public double momentum() {
            return momentum;
        }

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public OptimizerSpec spec() {
            return new OptimizerSpec.Momentum(learningRate(), momentum);
        }

        @Override
        protected List<String> slotNames() {
            return List.of("velocity");
        }

        @Override
        protected void computeStep(DMatrixRMaj g, DMatrixRMaj[] buffers, long t, DMatrixRMaj step) {
            double eta = learningRate();
            double[] v = buffers[0].data;
            for (int i = 0; i < g.getNumElements(); i++) {
                v[i] = momentum * v[i] + g.data[i];
                step.data[i] = -eta * v[i];
            }
        }
    }

    /**
     * Adam (Kingma and Ba, 2015): m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
     * s = -eta m^ / (sqrt(v^) + eps) with m^ = m / (1 - b1^t), v^ = v / (1 - b2^t).
     */
    public static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double epsilon;

        public Adam(double learningRate, double beta1, double beta2, double epsilon) {
            super(learningRate);
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + " and " + beta2);
            }
            if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("eps must be a finite number >= 0, got " + epsilon);
            }
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        public Adam(double learningRate) {
            this(learningRate, 0.9, 0.999, 1e-8);
        }

        public double beta1() {
            return beta1;
        }

        public double beta2() {
            return beta2;
        }

        public double epsilon() {
            return epsilon;
        }

        @Override
        public String id() {
            return "adam";
        }

        @Override
        public OptimizerSpec spec() {
            return new OptimizerSpec.Adam(learningRate(), beta1, beta2, epsilon);
        }

        @Override
        protected List<String> slotNames() {
            return List.of("m", "v");
        }

        @Override
        protected void computeStep(DMatrixRMaj g, DMatrixRMaj[] buffers, long t, DMatrixRMaj step) {
            double eta = learningRate();
            double[] m = buffers[0].data;
            double[] v = buffers[1].data;
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            // eta m^ / (sqrt(v^) + eps) rearranged as PyTorch does, (eta / c1) m / (sqrt(v) / sqrt(c2) + eps),
            // with 1 / sqrt(c2) worked out once: one division and one square root per weight
            // instead of three and one (the same up to rounding; the loop was a third of an MLP step)
            double b1 = beta1;
            double b2 = beta2;
            double eps = epsilon;
            double stepSize = eta / c1;
            double inverseRootC2 = 1 / Math.sqrt(c2);
            double[] gd = g.data;
            double[] s = step.data;
            int n = g.getNumElements();
            Kernels.parallel(n * 8L, part -> {
                for (int i = Kernels.share(n, part); i < Kernels.share(n, part + 1); i++) {
                    double gi = gd[i];
                    double mi = b1 * m[i] + (1 - b1) * gi;
                    double vi = b2 * v[i] + (1 - b2) * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    s[i] = -(stepSize * mi) / (Math.sqrt(vi) * inverseRootC2 + eps);
                }
            });
        }
    }
}
