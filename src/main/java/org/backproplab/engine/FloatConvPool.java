package org.backproplab.engine;

import java.util.Arrays;

/**
 * A network's first {@link ConvLayer} (stride 1), its activation and the 2 x 2 {@link MaxPoolLayer}
 * behind it, in single precision and in one pass over each sample, so that the convolution's maps
 * (5,760 values a sample for the small CNN) stay in the cache and are never written out: the
 * layer's output is the pooled map, its activation already applied (it reports
 * {@link Activation#IDENTITY}; {@link FloatNetwork} puts a pass-through in the pool's place).
 *
 * <p>Forward, per sample: each filter's outputs as a wide row (rows of the bordered input's
 * width), as {@link FloatConv} computes them (the same sums in the same order), each 2 x 2
 * window's winner (the first of the largest z), then a = f(z) of the winners only
 * ({@link FloatNetwork#activate}'s formula): the sigmoid increases, so the largest a is at the largest
 * z, a quarter of the values. The ReLU does not decrease: where the largest z is positive its a is
 * the largest a, at the same place; where it is not, every a of the window is 0, and the gradient
 * through the window is 0 whichever place is called the winner (f'(z) = 0 there, as PyTorch takes it at 0) (the float path one layer after the other takes the first of the
 * largest float a, which differs only where two of a window's a round to the same float; the
 * double layers' winner is at the largest z too). Kept for the backward pass: the winner's place and
 * f'(z) there.
 *
 * <p>Backward: the conv's delta is the pooled delta times f'(z) at each winner and 0 elsewhere,
 * put into wide rows. dE/dW[f, tap] = the sum over positions of delta[f, q] times the input at q
 * + offset(tap): for two samples at a time, the products are added position by position into a
 * partial row per (filter, tap) (a vector loop over positions, rows of about 700 instead of
 * dE/dW's patch rows of 25; the 3 in 4 deltas that are 0 behind the pool are multiplied too, which
 * costs less than a scalar loop over the others), and each partial row is summed once a batch. The layer computes no
 * dE/dinput: it must be the network's first.
 */
final class FloatConvPool implements FloatLayer {
    private final Activation activation;
    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int k;
    private final int padding;
    /** Pooled map's height and width, the bordered row width, and the wide row's length. */
    private final int poolHeight;
    private final int poolWidth;
    private final int rowWidth;
    private final int wide;
    private final float[] weights;
    private final float[] bias;
    private final float[] gradWeights;
    private final float[] gradBias;
    private final FloatPatches geometry;
    private final int[] tapOffsets;
    private final Work[] work = new Work[Kernels.THREADS];
    /** For each pooled value of the last forward pass: its winner's index in the wide row, and f'(z) there. */
    private int[] winner = new int[0];
    private float[] slope = new float[0];

    private static final class Work {
        /** Two samples' (bordered) inputs. */
        final float[][] x;
        final float[][] rows;
        final float[][] slices;
        /** Two samples' deltas as wide rows, F rows each (0 but at the winners). */
        final float[][][] deltas;
        /** One partial row of dE/dW per (filter, tap), summed at the end of the batch. */
        final float[][] partial;
        final float[] gradWeights;
        final float[] gradBias;

        Work(int inSize, int filters, int k, int wide) {
            x = new float[3][inSize];
            rows = new float[filters][wide];
            slices = new float[4][wide];
            deltas = new float[3][filters][wide];
            partial = new float[filters * k][wide];
            gradWeights = new float[filters * k];
            gradBias = new float[filters];
        }
    }

    /** Whether {@code conv} followed by {@code pool} can be computed by this layer (as the network's first). */
    static boolean takes(ConvLayer conv, MaxPoolLayer pool) {
        return conv.stride() == 1 && pool.size() == 2
                && (conv.activation() == Activation.SIGMOID || conv.activation() == Activation.RELU)
                && pool.channels() == conv.filters() && pool.inputHeight() == conv.outHeight()
                && pool.inputWidth() == conv.outWidth();
    }

    FloatConvPool(ConvLayer c, MaxPoolLayer p) {
        if (!takes(c, p)) {
            throw new IllegalArgumentException("not a stride-1 sigmoid or ReLU convolution followed by a 2 x 2 max-pool");
        }
        activation = c.activation();
        channels = c.channels();
        height = c.inputHeight();
        width = c.inputWidth();
        filters = c.filters();
        int kernel = c.kernel();
        k = channels * kernel * kernel;
        padding = c.padding();
        poolHeight = c.outHeight() / 2;
        poolWidth = c.outWidth() / 2;
        weights = FloatKernels.toFloats(c.weights().value().data, filters * k);
        bias = FloatKernels.toFloats(c.bias().value().data, filters);
        gradWeights = new float[filters * k];
        gradBias = new float[filters];
        geometry = new FloatPatches(channels, height, width, kernel, 1, padding, c.outHeight(), c.outWidth());
        tapOffsets = geometry.tapOffsets();
        rowWidth = width + 2 * padding;
        wide = geometry.wideLength();
        int inSize = padding > 0 ? geometry.borderedSize() : channels * height * width;
        for (int t = 0; t < work.length; t++) {
            work[t] = new Work(inSize, filters, k, wide);
        }
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return filters * poolHeight * poolWidth;
    }

    /** The activation is applied inside (before the pool): the network applies none. */
    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public float[][] values() {
        return new float[][] {weights, bias};
    }

    @Override
    public float[][] gradients() {
        return new float[][] {gradWeights, gradBias};
    }

    /** Sample {@code s}'s input planes, bordered, into {@code x}. */
    private void load(float[] input, int s, float[] x) {
        if (padding > 0) {
            geometry.border(input, s * inputSize(), x);
        } else {
            System.arraycopy(input, s * inputSize(), x, 0, x.length);
        }
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        int out = outputSize();
        if (winner.length < batch * out) {
            winner = new int[batch * out];
            slope = new float[batch * out];
        }
        FloatKernels.parallel((long) batch * wide * k * filters, t -> {
            Work w = work[t];
            float[] x = w.x[0];
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                load(input, s, x);
                for (int f = 0; f < filters; f++) {
                    Arrays.fill(w.rows[f], bias[f]);
                }
                // three taps at a time into every filter's row (FloatConv's forwardSlices, one sample)
                for (int tap = 0; tap < k; tap += 3) {
                    int taps = Math.min(3, k - tap);
                    for (int i = 0; i < taps; i++) {
                        System.arraycopy(x, tapOffsets[tap + i], w.slices[i], 0, wide);
                    }
                    FloatKernels.addTaps(w.rows, filters, wide, weights, k, tap, taps, w.slices);
                }
                for (int f = 0; f < filters; f++) {
                    pool(w.rows[f], z, s * out + f * poolHeight * poolWidth);
                }
                // f does not decrease: the pool of a = f(z) is f of the pool of z, a quarter of the values
                if (activation == Activation.SIGMOID) {
                    FloatNetwork.sigmoid(z, z, s * out, (s + 1) * out);
                    for (int o = s * out; o < (s + 1) * out; o++) {
                        // the sigmoid's f'(z) = a (1 - a), as FloatNetwork.derive computes it
                        slope[o] = z[o] * (1f - z[o]);
                    }
                } else {
                    for (int o = s * out; o < (s + 1) * out; o++) {
                        float a = Math.max(z[o], 0f);
                        z[o] = a;
                        // the ReLU's f'(z), as FloatNetwork.derive computes it: 1 where a is a normal positive float, else 0
                        slope[o] = a / Math.max(a, Float.MIN_NORMAL);
                    }
                }
            }
        });
    }

    /** One filter's 2 x 2 windows over its wide row of z: the largest (the first of equals) and its place. */
    private void pool(float[] v, float[] z, int o) {
        for (int py = 0; py < poolHeight; py++) {
            int top = 2 * py * rowWidth;
            for (int px = 0; px < poolWidth; px++) {
                int i = top + 2 * px;
                float v0 = v[i];
                float v1 = v[i + 1];
                float v2 = v[i + rowWidth];
                float v3 = v[i + rowWidth + 1];
                // without branches (FloatMaxPool's way): a window's order is random, branches on it mispredict
                int right01 = v1 > v0 ? 1 : 0;
                int right23 = v3 > v2 ? 1 : 0;
                float m01 = Math.max(v0, v1);
                float m23 = Math.max(v2, v3);
                int lower = m23 > m01 ? 1 : 0;
                z[o] = Math.max(m01, m23);
                winner[o] = i + right01 + lower * (rowWidth + right23 - right01);
                o++;
            }
        }
    }

    @Override
    public void backward(float[] input, float[] delta, int batch, float[] gradInput) {
        if (gradInput != null) {
            throw new IllegalArgumentException("the fused convolution and pool computes no dE/dinput");
        }
        int out = outputSize();
        int plane = poolHeight * poolWidth;
        FloatKernels.parallel((long) batch * wide * k * filters, t -> {
            Work w = work[t];
            Arrays.fill(w.gradBias, 0);
            int end = Kernels.share(batch, t + 1);
            for (int s0 = Kernels.share(batch, t); s0 < end; s0 += 3) {
                int count = Math.min(3, end - s0);
                for (int g = 0; g < count; g++) {
                    int s = s0 + g;
                    load(input, s, w.x[g]);
                    // the conv's delta: the pooled delta times f'(z) at the winner (0 elsewhere)
                    for (int f = 0; f < filters; f++) {
                        float[] dg = w.deltas[g][f];
                        float sum = 0;
                        for (int o = s * out + f * plane, e = o + plane; o < e; o++) {
                            float v = delta[o] * slope[o];
                            dg[winner[o]] = v;
                            sum += v;
                        }
                        w.gradBias[f] += sum;
                    }
                }
                float[][][] d = w.deltas;
                for (int tap = 0; tap < k; tap++) {
                    // the tap's slices copied into rows of their own (read at an offset, the loop stays scalar)
                    for (int g = 0; g < count; g++) {
                        System.arraycopy(w.x[g], tapOffsets[tap], w.slices[g], 0, wide);
                    }
                    for (int f = 0; f < filters; f++) {
                        float[] p = w.partial[f * k + tap];
                        if (count == 3) {
                            FloatKernels.addProducts3(p, wide, d[0][f], d[1][f], d[2][f], w.slices[0], w.slices[1],
                                    w.slices[2]);
                        } else if (count == 2) {
                            FloatKernels.addProducts2(p, wide, d[0][f], d[1][f], w.slices[0], w.slices[1]);
                        } else {
                            FloatKernels.addProducts(p, wide, d[0][f], w.slices[0]);
                        }
                    }
                }
                for (int g = 0; g < count; g++) {
                    int s = s0 + g;
                    for (int f = 0; f < filters; f++) {
                        float[] dg = d[g][f];
                        for (int o = s * out + f * plane, e = o + plane; o < e; o++) {
                            dg[winner[o]] = 0;
                        }
                    }
                }
            }
            for (int r = 0; r < filters * k; r++) {
                w.gradWeights[r] = FloatKernels.sumAndClear(w.partial[r], wide);
            }
        });
        Arrays.fill(gradWeights, 0);
        Arrays.fill(gradBias, 0);
        for (Work w : work) {
            for (int i = 0; i < gradWeights.length; i++) {
                gradWeights[i] += w.gradWeights[i];
            }
            for (int f = 0; f < filters; f++) {
                gradBias[f] += w.gradBias[f];
            }
        }
    }
}
