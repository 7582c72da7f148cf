package org.backproplab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a digits network in single precision (float32, as PyTorch does by default): the same
 * batches in the same order as the double {@link Trainer} it is made from (the same shuffle of
 * each epoch), the same optimizer (plain SGD or Adam, in PyTorch's arrangement) on float
 * parameters. Only the speed and the last bits of the numbers differ.
 *
 * <p>The double trainer stays the one to evaluate, save and inspect with: {@link #publish()}
 * writes the float parameters into its network (exactly: every float is a double).
 *
 * <p>Not thread-safe: one thread at a time drives a trainer.
 */
public final class FloatTrainer {
    private final Trainer trainer;
    private final FloatNetwork net;
    private final ImmutableMatrix inputs;
    private final double[] targets;
    private final int targetCols;
    private final int batchSize;
    private final boolean adam;
    private final float learningRate;
    private final double beta1;
    private final double beta2;
    private final float epsilon;
    private final List<float[]> values = new ArrayList<>();
    private final List<float[]> gradients = new ArrayList<>();
    private final List<float[]> first = new ArrayList<>();
    private final List<float[]> second = new ArrayList<>();
    /** The double network's parameters, in the order of {@link #values}. */
    private final List<Parameter> parameters = new ArrayList<>();
    private double[] batchTargets = new double[0];
    private long steps;
    private int epoch;
    private int cursor;
    private long iteration;
    private int[] order;
    private int orderEpoch = -1;

    /**
     * Null when {@code trainer} (its network and optimizer) can be trained in single precision,
     * else the reason it cannot.
     */
    public static String unsupported(Trainer trainer) {
        FloatRefusal r = refusal(trainer);
        return r == null ? null : r.message();
    }

    /** Null when {@code network} can be trained in single precision with {@code optimizer}, else the reason it cannot. */
    public static String unsupported(Network network, OptimizerSpec optimizer) {
        FloatRefusal r = refusal(network, optimizer);
        return r == null ? null : r.message();
    }

    /** As {@link #unsupported(Trainer)}, the reason as data. */
    public static FloatRefusal refusal(Trainer trainer) {
        FloatRefusal r = refusal(trainer.network(), trainer.optimizer().spec());
        if (r == null && trainer.regularization().kind() != Regularization.Kind.NONE) {
            return new FloatRefusal(FloatRefusal.Kind.REGULARIZATION, 0, "");
        }
        return r;
    }

    /** As {@link #unsupported(Network, OptimizerSpec)}, the reason as data. */
    public static FloatRefusal refusal(Network network, OptimizerSpec optimizer) {
        FloatRefusal r = FloatNetwork.refusal(network);
        if (r == null && !(optimizer instanceof OptimizerSpec.Adam || optimizer instanceof OptimizerSpec.Sgd)) {
            return new FloatRefusal(FloatRefusal.Kind.OPTIMIZER, 0, optimizer.create().id());
        }
        return r;
    }

    /**
     * Takes the network's parameters (rounded to floats), data, batch size, batch order, optimizer and the point
     * reached of {@code trainer}: its epoch, position in the epoch, updates done and the optimizer's memory (Adam's
     * moments rounded to floats). A trainer restored to a {@link #checkpoint()} of a float trainer goes on exactly.
     */
    public FloatTrainer(Trainer trainer) {
        String why = unsupported(trainer);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        this.trainer = trainer;
        this.net = new FloatNetwork(trainer.network());
        Samples data = trainer.samples();
        this.inputs = data.inputs();
        this.targets = data.targets().toMatrix().data;
        this.targetCols = data.targetSize();
        this.batchSize = trainer.batchSize();
        OptimizerSpec spec = trainer.optimizer().spec();
        if (spec instanceof OptimizerSpec.Adam a) {
            adam = true;
            learningRate = (float) a.learningRate();
            beta1 = a.beta1();
            beta2 = a.beta2();
            epsilon = (float) a.epsilon();
        } else {
            adam = false;
            learningRate = (float) trainer.optimizer().learningRate();
            beta1 = 0;
            beta2 = 0;
            epsilon = 0;
        }
        OptimizerState memory = trainer.optimizer().state();
        for (int l = 0; l < net.layers().size(); l++) {
            float[][] v = net.layers().get(l).values();
            float[][] g = net.layers().get(l).gradients();
            for (int i = 0; i < v.length; i++) {
                Parameter p = trainer.network().layer(l).parameters().get(i);
                Map<String, ImmutableMatrix> saved = memory.slots().get(p.name());
                values.add(v[i]);
                gradients.add(g[i]);
                parameters.add(p);
                first.add(floats(saved == null || !adam ? null : saved.get("m"), v[i].length));
                second.add(floats(saved == null || !adam ? null : saved.get("v"), v[i].length));
            }
        }
        steps = memory.steps();
        epoch = trainer.epoch();
        cursor = trainer.cursor();
        iteration = trainer.iteration();
    }

    /** The values of {@code m} (row by row) rounded to floats, or zeros. */
    private static float[] floats(ImmutableMatrix m, int n) {
        float[] out = new float[n];
        for (int r = 0, i = 0; m != null && r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                out[i++] = (float) m.get(r, c);
            }
        }
        return out;
    }

    /**
     * The point reached, in doubles (each float exactly): parameters, Adam's moments (SGD keeps none), epoch,
     * position and updates done. The last step of each parameter is not kept on this path: it reads as zeros.
     * Writes the parameters into the double trainer's network, as {@link #publish()}.
     */
    public Checkpoint checkpoint() {
        publish();
        Map<String, Map<String, ImmutableMatrix>> slots = new HashMap<>();
        for (int p = 0; steps > 0 && p < parameters.size(); p++) {
            DMatrixRMaj shape = parameters.get(p).value();
            Map<String, ImmutableMatrix> buffers = new HashMap<>();
            if (adam) {
                buffers.put("m", doubles(first.get(p), shape));
                buffers.put("v", doubles(second.get(p), shape));
            }
            buffers.put("step", ImmutableMatrix.copyOf(new DMatrixRMaj(shape.numRows, shape.numCols)));
            slots.put(parameters.get(p).name(), buffers);
        }
        return new Checkpoint(trainer.network().copyParameters(), new OptimizerState(steps, slots), epoch, cursor,
                iteration);
    }

    private static ImmutableMatrix doubles(float[] values, DMatrixRMaj shape) {
        DMatrixRMaj m = new DMatrixRMaj(shape.numRows, shape.numCols);
        for (int i = 0; i < values.length; i++) {
            m.data[i] = values[i];
        }
        return ImmutableMatrix.copyOf(m);
    }

    /** Position of the next batch within the epoch. */
    public int cursor() {
        return cursor;
    }

    /** Updates done so far (those of the trainer it was made from included). */
    public long iteration() {
        return iteration;
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Writes the float parameters into the double trainer's network (each value exactly) and
     * returns that trainer, to evaluate, save or go on inspecting in double.
     */
    public Trainer publish() {
        net.copyTo(trainer.network());
        return trainer;
    }

    /** Iterations until the epoch ends; the mean of the batch losses (each before its update), weighted by batch size. */
    public double trainEpoch() {
        int start = epoch;
        double sum = 0;
        int count = 0;
        while (epoch == start) {
            int size = Math.min(batchSize, sampleCount() - cursor);
            sum += trainIteration() * size;
            count += size;
        }
        return sum / count;
    }

    private int sampleCount() {
        return inputs.rows();
    }

    /** One update on the next batch; returns the batch's loss before it. */
    public double trainIteration() {
        int n = sampleCount();
        int size = Math.min(batchSize, n - cursor);
        int[] ord = batchSize >= n ? null : orderOf(epoch);
        float[] x = net.inputBuffer(size);
        int cols = inputs.cols();
        if (batchTargets.length < size * targetCols) {
            batchTargets = new double[size * targetCols];
        }
        for (int i = 0; i < size; i++) {
            int row = ord == null ? cursor + i : ord[cursor + i];
            inputs.copyRow(row, x, i * cols);
            System.arraycopy(targets, row * targetCols, batchTargets, i * targetCols, targetCols);
        }
        net.forward(size);
        double loss = net.backward(batchTargets, size);
        step();
        iteration++;
        cursor += size;
        if (cursor >= n) {
            cursor = 0;
            epoch++;
        }
        return loss;
    }

    private int[] orderOf(int e) {
        if (orderEpoch != e || order == null) {
            order = Trainer.shuffledOrder(sampleCount(), trainer.shuffleSeed(), e);
            orderEpoch = e;
        }
        return order;
    }

    /** w = w + s for every parameter: SGD's s = -eta g, or Adam's in PyTorch's arrangement. */
    private void step() {
        steps++;
        if (!adam) {
            float eta = learningRate;
            for (int p = 0; p < values.size(); p++) {
                float[] w = values.get(p);
                float[] g = gradients.get(p);
                for (int i = 0; i < w.length; i++) {
                    w[i] -= eta * g[i];
                }
            }
            return;
        }
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        float stepSize = (float) (learningRate / c1);
        float inverseRootC2 = (float) (1 / Math.sqrt(c2));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float eps = epsilon;
        for (int p = 0; p < values.size(); p++) {
            float[] w = values.get(p);
            float[] g = gradients.get(p);
            float[] m = first.get(p);
            float[] v = second.get(p);
            int n = w.length;
            FloatKernels.parallel(n * 8L, t -> {
                for (int i = Kernels.share(n, t); i < Kernels.share(n, t + 1); i++) {
                    float gi = g[i];
                    float mi = b1 * m[i] + a1 * gi;
                    float vi = b2 * v[i] + a2 * gi * gi;
                    m[i] = mi;
                    v[i] = vi;
                    w[i] -= stepSize * mi / ((float) Math.sqrt(vi) * inverseRootC2 + eps);
                }
            });
        }
    }
}
