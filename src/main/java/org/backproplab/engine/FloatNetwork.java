package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A digits network computed in single precision, as PyTorch trains by default: its layers'
 * products, maps, activations and parameters are floats; the loss is summed in double. Built from
 * a double {@link Network} (its parameter values rounded to floats) and written back into one
 * ({@link #copyTo}), whose every value is then exactly the float's. Only the training path uses it
 * ({@link FloatTrainer}); everything a learner inspects stays in double.
 *
 * <p>Takes convolutions, max-pools, flatten and dense layers with a trained bias, activations
 * identity, ReLU and sigmoid, and a softmax output with softmax cross-entropy
 * ({@link #unsupported} says why another network is not taken).
 */
final class FloatNetwork {
    private final List<FloatLayer> layers = new ArrayList<>();
    private final float[][] z;
    private final float[][] a;
    private final float[][] gradActivation;
    private final float[][] delta;
    private float[] input = new float[0];
    private int capacity;
    /** Null, or where a timing harness (not the app) collects nanoseconds per layer. */
    Timer timer;

    /** Nanoseconds spent in each layer's forward (with its activation) and backward (with its derivative). */
    static final class Timer {
        final long[] forward;
        final long[] backward;

        Timer(int layers) {
            forward = new long[layers];
            backward = new long[layers];
        }

        void reset() {
            java.util.Arrays.fill(forward, 0);
            java.util.Arrays.fill(backward, 0);
        }
    }

    FloatNetwork(Network network) {
        String why = unsupported(network);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        List<Layer> ls = network.layers();
        for (int i = 0; i < ls.size(); i++) {
            Layer l = ls.get(i);
            if (i == 0 && l instanceof ConvLayer c && i + 1 < ls.size() && ls.get(i + 1) instanceof MaxPoolLayer p
                    && FloatConvPool.takes(c, p)) {
                // the first convolution, its activation and its pool in one pass; a pass-through in the pool's place
                layers.add(new FloatConvPool(c, p));
                layers.add(new FloatMaxPool(p.channels(), p.outHeight(), p.outWidth(), 1));
                i++;
            } else if (l instanceof ConvLayer c) {
                layers.add(new FloatConv(c));
            } else if (l instanceof DenseLayer d) {
                layers.add(new FloatDense(d));
            } else if (l instanceof MaxPoolLayer p) {
                layers.add(new FloatMaxPool(p));
            } else {
                layers.add(new FloatMaxPool((FlattenLayer) l));
            }
        }
        int n = layers.size();
        z = new float[n][];
        a = new float[n][];
        gradActivation = new float[n][];
        delta = new float[n][];
    }

    /** Null when {@code network} can be trained in single precision, else the reason it cannot. */
    static String unsupported(Network network) {
        FloatRefusal r = refusal(network);
        return r == null ? null : r.message();
    }

    /** Null when {@code network} can be trained in single precision, else why not. */
    static FloatRefusal refusal(Network network) {
        if (network.loss() != Loss.SOFTMAX_CROSS_ENTROPY || network.outputActivation() != Activation.SOFTMAX) {
            return new FloatRefusal(FloatRefusal.Kind.LOSS, 0, "");
        }
        List<Layer> ls = network.layers();
        for (int i = 0; i < ls.size(); i++) {
            Layer l = ls.get(i);
            boolean kind = l instanceof ConvLayer || l instanceof MaxPoolLayer || l instanceof FlattenLayer
                    || l instanceof DenseLayer d && d.biasMode() == BiasMode.TRAINED;
            if (!kind) {
                String name = l.getClass().getSimpleName().replace("Layer", "").toLowerCase(java.util.Locale.ROOT);
                return new FloatRefusal(FloatRefusal.Kind.LAYER, i + 1, name);
            }
            Activation f = l.activation();
            boolean ok = i == ls.size() - 1 ? f == Activation.SOFTMAX
                    : f == Activation.IDENTITY || f == Activation.RELU || f == Activation.SIGMOID;
            if (!ok) {
                return new FloatRefusal(FloatRefusal.Kind.ACTIVATION, i + 1, f.id());
            }
        }
        return null;
    }

    List<FloatLayer> layers() {
        return layers;
    }

    int inputSize() {
        return layers.get(0).inputSize();
    }

    int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    private void ensure(int batch) {
        if (batch <= capacity) {
            return;
        }
        capacity = batch;
        for (int l = 0; l < layers.size(); l++) {
            int size = batch * layers.get(l).outputSize();
            z[l] = new float[size];
            boolean identity = layers.get(l).activation() == Activation.IDENTITY;
            // the identity's a is its z, and its delta its dE/da
            a[l] = identity ? z[l] : new float[size];
            gradActivation[l] = new float[size];
            delta[l] = identity ? gradActivation[l] : new float[size];
        }
        input = new float[batch * inputSize()];
    }

    /** The buffer the next batch's inputs are written into, {@code batch} rows of inputSize(). */
    float[] inputBuffer(int batch) {
        ensure(batch);
        return input;
    }

    /** The forward pass of the batch in {@link #inputBuffer}; returns the outputs (softmax), one row per sample. */
    float[] forward(int batch) {
        ensure(batch);
        for (int l = 0; l < layers.size(); l++) {
            long t0 = timer == null ? 0 : System.nanoTime();
            FloatLayer layer = layers.get(l);
            layer.forward(l == 0 ? input : a[l - 1], batch, z[l]);
            activate(layer.activation(), z[l], a[l], batch * layer.outputSize(), layer.outputSize());
            if (timer != null) {
                timer.forward[l] += System.nanoTime() - t0;
            }
        }
        return a[layers.size() - 1];
    }

    /**
     * After {@link #forward}: the softmax cross-entropy of the batch against {@code targets} (one
     * row of outputSize() per sample, the mean over samples, summed in double), then the backward
     * pass, which leaves every layer's gradients.
     */
    double backward(double[] targets, int batch) {
        int last = layers.size() - 1;
        int n = outputSize();
        float[] zl = z[last];
        float[] al = a[last];
        float[] d = delta[last];
        double loss = 0;
        for (int r = 0; r < batch; r++) {
            int off = r * n;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                max = Math.max(max, zl[off + c]);
            }
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += Math.exp(zl[off + c] - max);
            }
            double logSumExp = max + Math.log(sum);
            for (int c = 0; c < n; c++) {
                double t = targets[off + c];
                loss -= t == 0 ? 0 : t * (zl[off + c] - logSumExp);
                // the fused delta of softmax and cross-entropy: (a - t) / batch
                d[off + c] = (float) ((al[off + c] - t) / batch);
            }
        }
        for (int l = last; l >= 0; l--) {
            long t0 = timer == null ? 0 : System.nanoTime();
            FloatLayer layer = layers.get(l);
            if (l < last) {
                derive(layer.activation(), z[l], a[l], gradActivation[l], delta[l], batch * layer.outputSize());
            }
            layer.backward(l == 0 ? input : a[l - 1], delta[l], batch, l == 0 ? null : gradActivation[l - 1]);
            if (timer != null) {
                timer.backward[l] += System.nanoTime() - t0;
            }
        }
        return loss / batch;
    }

    /** a = f(z) for n values (rows of {@code width} for softmax), on both cores for large layers. */
    static void activate(Activation f, float[] z, float[] a, int n, int width) {
        switch (f) {
            case IDENTITY -> {
                if (a != z) {
                    System.arraycopy(z, 0, a, 0, n);
                }
            }
            case RELU -> FloatKernels.parallel(n * 4L, t -> {
                for (int i = Kernels.share(n, t); i < Kernels.share(n, t + 1); i++) {
                    a[i] = Math.max(z[i], 0f);
                }
            });
            case SIGMOID -> FloatKernels.parallel(n * 16L, t -> sigmoid(z, a, Kernels.share(n, t), Kernels.share(n, t + 1)));
            case SOFTMAX -> {
                for (int off = 0; off < n; off += width) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < width; c++) {
                        max = Math.max(max, z[off + c]);
                    }
                    float sum = 0;
                    for (int c = 0; c < width; c++) {
                        float e = (float) Math.exp(z[off + c] - max);
                        a[off + c] = e;
                        sum += e;
                    }
                    for (int c = 0; c < width; c++) {
                        a[off + c] /= sum;
                    }
                }
            }
            default -> throw new IllegalArgumentException("no float " + f.id());
        }
    }

    /** a[i] = 1 / (1 + e^-z[i]) for from &le; i &lt; to ({@code a} may be {@code z}). */
    static void sigmoid(float[] z, float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = z[i];
            float e = expNonPositive(-Math.abs(v));
            float positive = 1f / (1f + e);
            float negative = e * positive;
            // 1 for v > 0, 0 for v < 0 (1/2 at 0, where both are 1/2): the formula that does
            // not overflow picked without a branch or bit operations, so that the loop vectorises
            float h = 0.5f + 0.5f * (v / Math.max(Math.abs(v), 1e-30f));
            a[i] = negative + (positive - negative) * h;
        }
    }

    /**
     * e^x for x &le; 0, within 4e-5 of it relatively (tested against {@link Math#exp}; a float's
     * own rounding is 6e-8, a float sum of a thousand products often 1e-6 or more): e^(x/128) by its
     * Taylor series to the 8th power, squared seven times. Only multiplications and additions,
     * so the sigmoid's loop vectorises: ten times faster than {@code (float) Math.exp}, which was
     * most of the small CNN's first layer. x below -87 counts as -87 (e^-87 is 1.6e-38).
     */
    static float expNonPositive(float x) {
        float r = Math.max(x, -87f) * (1f / 128);
        float p = 1f + r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720
                + r * (1f / 5040 + r * (1f / 40320))))))));
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p * p;
    }

    /** delta = dE/da times f'(z) for n values (identity: delta is dE/da's own buffer). */
    static void derive(Activation f, float[] z, float[] a, float[] g, float[] d, int n) {
        switch (f) {
            case IDENTITY -> {
                if (d != g) {
                    System.arraycopy(g, 0, d, 0, n);
                }
            }
            case RELU -> FloatKernels.parallel(n * 4L, t -> {
                for (int i = Kernels.share(n, t); i < Kernels.share(n, t + 1); i++) {
                    // f'(z) = 1 where a = max(z, 0) is a normal positive float, 0 where a = 0 (f'(0) = 0
                    // as PyTorch); only float operations, so that the loop vectorises
                    d[i] = g[i] * (a[i] / Math.max(a[i], Float.MIN_NORMAL));
                }
            });
            case SIGMOID -> FloatKernels.parallel(n * 4L, t -> {
                for (int i = Kernels.share(n, t); i < Kernels.share(n, t + 1); i++) {
                    d[i] = g[i] * (a[i] * (1f - a[i]));
                }
            });
            default -> throw new IllegalArgumentException("no float derivative of " + f.id());
        }
    }

    /** Writes the float parameters into {@code network} (the one this was built from, or a copy). */
    void copyTo(Network network) {
        for (int l = 0; l < layers.size(); l++) {
            float[][] v = layers.get(l).values();
            List<Parameter> ps = network.layer(l).parameters();
            for (int p = 0; p < v.length; p++) {
                double[] dst = ps.get(p).value().data;
                for (int i = 0; i < v[p].length; i++) {
                    dst[i] = v[p][i];
                }
            }
        }
    }
}
