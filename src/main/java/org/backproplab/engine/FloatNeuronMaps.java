package org.backproplab.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Every neuron of a dense network over many inputs at once, in single precision, one row of values
 * per neuron: the pictures TensorFlow Playground draws of each neuron over the input plane.
 *
 * <p>A picture needs no more than a float: its colours have 256 steps, and the functions below are
 * within 1e-4 of their double values (tested against {@link Network#forward}). The sums run along
 * whole rows of points, z_j += w_ji a_i, tanh is a rational function and the sigmoid takes e^x from
 * {@link FloatNetwork#expNonPositive}, so that every loop is one Java 17's JIT vectorises. Points are
 * taken in blocks, so that a block's rows of every layer stay in the cache. One thread: the worker
 * that calls it (the other core draws the window).
 */
public final class FloatNeuronMaps {
    /** Points taken at once: 16 neurons' rows of them are 32 KB. */
    static final int BLOCK = 512;

    private FloatNeuronMaps() {
    }

    /** Whether {@link #compute} takes this network: dense layers only, and softmax only last. */
    public static boolean supports(Network network) {
        List<Layer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            if (!(layers.get(l) instanceof DenseLayer d)
                    || d.activation() == Activation.SOFTMAX && l != layers.size() - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The largest |z| any neuron of the network can reach for inputs of at most {@code inputBound}:
     * layer by layer, its inputs times the largest |w| times the largest input, plus the largest
     * |b|; the next layer's inputs are at most that, or 1 after tanh, the sigmoid or softmax.
     */
    public static double bound(Network network, double inputBound) {
        double in = inputBound;
        double most = 0;
        for (Layer layer : network.layers()) {
            DenseLayer d = (DenseLayer) layer;
            double z = d.inputSize() * largest(d.weights().value().data) * in
                    + (d.biasMode() == BiasMode.NONE ? 0 : largest(d.bias().value().data));
            most = Math.max(most, z);
            Activation f = d.activation();
            in = f == Activation.TANH || f == Activation.SIGMOID || f == Activation.SOFTMAX ? 1 : z;
        }
        return most;
    }

    /**
     * Whether a float holds every sum of the network for inputs of at most {@code inputBound}
     * ({@link #bound} under 1e30, far below a float's 3.4e38): else, a network far gone in
     * divergence, a sum could overflow where the double one does not, and the maps are drawn in double.
     */
    public static boolean fits(Network network, double inputBound) {
        return supports(network) && bound(network, inputBound) < 1e30;
    }

    private static double largest(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Neuron j of layer l at point p into {@code out[l][j][p]}, the inputs being {@code inputs[f][p]}
     * (feature f at point p); every row of {@code out} at least as long as the inputs' rows.
     */
    public static void compute(Network network, float[][] inputs, float[][][] out) {
        if (!supports(network)) {
            throw new IllegalArgumentException("float maps take dense layers only, softmax only last");
        }
        int layers = network.layerCount();
        float[][][] weights = new float[layers][][];
        float[][] biases = new float[layers][];
        Activation[] functions = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            DenseLayer d = (DenseLayer) network.layer(l);
            weights[l] = new float[d.outputSize()][d.inputSize()];
            FloatKernels.copyRows(FloatKernels.toFloats(d.weights().value().data, d.outputSize() * d.inputSize()), 0,
                    d.outputSize(), d.inputSize(), weights[l]);
            biases[l] = d.biasMode() == BiasMode.NONE ? new float[d.outputSize()]
                    : FloatKernels.toFloats(d.bias().value().data, d.outputSize());
            functions[l] = d.activation();
        }
        int n = inputs.length == 0 ? 0 : inputs[0].length;
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            float[][] in = inputs;
            for (int l = 0; l < layers; l++) {
                for (int j = 0; j < out[l].length; j++) {
                    weightedSum(out[l][j], from, to, biases[l][j], weights[l][j], in);
                }
                activate(functions[l], out[l], from, to);
                in = out[l];
            }
        }
    }

    /** {@code z[from..to) = b + sum_i w[i] in[i][from..to)}, four inputs a pass. */
    static void weightedSum(float[] z, int from, int to, float b, float[] w, float[][] in) {
        Arrays.fill(z, from, to, b);
        int i = 0;
        for (; i + 4 <= w.length; i += 4) {
            float w0 = w[i];
            float w1 = w[i + 1];
            float w2 = w[i + 2];
            float w3 = w[i + 3];
            float[] a0 = in[i];
            float[] a1 = in[i + 1];
            float[] a2 = in[i + 2];
            float[] a3 = in[i + 3];
            for (int p = from; p < to; p++) {
                z[p] = Math.fma(w3, a3[p], Math.fma(w2, a2[p], Math.fma(w1, a1[p], Math.fma(w0, a0[p], z[p]))));
            }
        }
        for (; i < w.length; i++) {
            float wi = w[i];
            float[] a = in[i];
            for (int p = from; p < to; p++) {
                z[p] = Math.fma(wi, a[p], z[p]);
            }
        }
    }

    /** a = f(z) in place over points [from, to) of every neuron's row (softmax across the rows). */
    static void activate(Activation f, float[][] rows, int from, int to) {
        switch (f) {
            case IDENTITY -> { }
            case RELU -> {
                for (float[] r : rows) {
                    for (int p = from; p < to; p++) {
                        r[p] = Math.max(r[p], 0f);
                    }
                }
            }
            case LEAKY_RELU -> {
                float slope = (float) Activation.LEAKY_SLOPE;
                for (float[] r : rows) {
                    for (int p = from; p < to; p++) {
                        // max(z, slope z) is z for z > 0 and slope z below (slope < 1), without a branch
                        r[p] = Math.max(r[p], slope * r[p]);
                    }
                }
            }
            case SIGMOID -> {
                for (float[] r : rows) {
                    FloatNetwork.sigmoid(r, r, from, to);
                }
            }
            case TANH -> {
                for (float[] r : rows) {
                    tanh(r, from, to);
                }
            }
            case SOFTMAX -> softmax(rows, from, to);
        }
    }

    /**
     * r = tanh(r) over [from, to) by the odd rational minimax approximation of degrees 13/6 that Eigen
     * and XLA use for float tanh: x p(x^2) / q(x^2) with x clamped to +-7.9053 (where tanh rounds to
     * +-1 in float). Odd, so that small values keep their sign and relative precision (1 - 2/(e^2z + 1)
     * would cancel), and only multiplications, additions and a division, so that the loop vectorises.
     */
    static void tanh(float[] r, int from, int to) {
        for (int p = from; p < to; p++) {
            float x = Math.max(Math.min(r[p], TANH_CLAMP), -TANH_CLAMP);
            float x2 = x * x;
            float num = Math.fma(x2, Math.fma(x2, Math.fma(x2, Math.fma(x2, Math.fma(x2, Math.fma(x2,
                    -2.76076847742355e-16f, 2.00018790482477e-13f), -8.60467152213735e-11f), 5.12229709037114e-08f),
                    1.48572235717979e-05f), 6.37261928875436e-04f), 4.89352455891786e-03f);
            float den = Math.fma(x2, Math.fma(x2, Math.fma(x2, 1.19825839466702e-06f, 1.18534705686654e-04f),
                    2.26843463243900e-03f), 4.89352518554385e-03f);
            r[p] = x * num / den;
        }
    }

    /** Where float tanh rounds to +-1. */
    private static final float TANH_CLAMP = 7.90531110763549805f;

    /** Softmax across the neurons' rows at each point in [from, to): e^(z_j - max z) over their sum. */
    static void softmax(float[][] rows, int from, int to) {
        float[] max = new float[to - from];
        float[] sum = new float[to - from];
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (float[] r : rows) {
            for (int p = from; p < to; p++) {
                max[p - from] = Math.max(max[p - from], r[p]);
            }
        }
        for (float[] r : rows) {
            for (int p = from; p < to; p++) {
                float e = FloatNetwork.expNonPositive(r[p] - max[p - from]);
                r[p] = e;
                sum[p - from] += e;
            }
        }
        for (float[] r : rows) {
            for (int p = from; p < to; p++) {
                r[p] /= sum[p - from];
            }
        }
    }
}
