package org.backproplab.engine;

import java.util.Arrays;

/**
 * {@link ConvLayer} in single precision: the same im2col arrangement and sums of whole rows (see
 * ConvLayer) on float rows, samples split over the cores, each thread's share of dE/dW and dE/db
 * added in thread order. The arrangements differ from the double layer's, for speed:
 * <ul>
 * <li>forward, stride 1: each filter's outputs as a "wide" row (rows of the input's width, its
 * border included), so that a tap's values for every position are one slice of the input (one
 * copy a tap instead of one a row of output); samples' wide rows side by side up to about
 * {@link #GROUP_VALUES} values; four taps at a time added into every filter's row;</li>
 * <li>forward, other strides: a group of samples' im2col rows side by side (rows of about
 * {@link #GROUP_VALUES} values), four taps at a time added into every filter's plane;</li>
 * </ul>
 * dE/dW is the double layer's: the sum over the positions that have a delta of delta times the
 * position's patch. dE/dinput goes position by position too, skipping the many deltas that are 0
 * behind a max-pool: the sum over the filters with a delta of delta times the filter's weights,
 * added back onto the patch's pixels. Patches are copied and added back by {@link FloatPatches}.
 */
final class FloatConv implements FloatLayer {
    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outHeight;
    private final int outWidth;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;
    private final float[] gradWeights;
    private final float[] gradBias;
    private final Work[] work = new Work[Kernels.THREADS];
    private final FloatPatches geometry;
    /** For stride 1, where each tap's slice starts ({@link FloatPatches#tapOffsets}). */
    private final int[] tapOffsets;
    /** For stride 1, samples whose wide rows are put side by side (rows of about {@link #GROUP_VALUES}). */
    private final int wideGroup;
    /** The weights as F rows of K, for dE/dinput (copied at each backward pass). */
    private final float[][] weightRows;
    /**
     * Samples computed together: their patches side by side make rows of about
     * {@link #GROUP_VALUES} values (LeNet's second convolution has rows of only 100 positions, too
     * short to vectorise well), while a layer's output planes stay in the first-level cache.
     */
    private final int group;
    private static final int GROUP_VALUES = 400;

    private static final class Work {
        final float[][] patches;
        final float[] gradPatch;
        final float[] magnitude;
        final float[][] biasRows;
        final float[] coef;
        final int[] idx;
        final float[][] gradWeights;
        final float[] gradBias;
        /** The patches of a group of samples as K rows, their planes (or deltas) as F rows, and one row of dE/dpatches. */
        final float[][] groupColumns;
        final float[][] groupPlanes;
        /** One sample's input planes and its dE/dinput with their zero border of {@code padding} pixels. */
        final float[][] padded;
        final float[] gradPadded;

        /** Each filter's outputs as a wide row (stride 1). */
        final float[][] wide;
        final float[][] slices;

        Work(int positions, int k, int filters, int group, int paddedSize, int wideGroup, int wideLength) {
            wide = new float[filters][wideLength];
            slices = new float[4][wideLength];
            padded = new float[wideGroup][paddedSize];
            gradPadded = new float[paddedSize];
            groupColumns = new float[k][group * positions];
            groupPlanes = new float[filters][group * positions];
            patches = new float[positions][k];
            gradPatch = new float[k];
            magnitude = new float[positions];
            biasRows = new float[filters][positions];
            coef = new float[Math.max(Math.max(positions, k), filters)];
            idx = new int[coef.length];
            gradWeights = new float[filters][k];
            gradBias = new float[filters];
        }
    }

    FloatConv(ConvLayer c) {
        channels = c.channels();
        height = c.inputHeight();
        width = c.inputWidth();
        filters = c.filters();
        kernel = c.kernel();
        stride = c.stride();
        padding = c.padding();
        outHeight = c.outHeight();
        outWidth = c.outWidth();
        activation = c.activation();
        int k = channels * kernel * kernel;
        weights = FloatKernels.toFloats(c.weights().value().data, filters * k);
        bias = FloatKernels.toFloats(c.bias().value().data, filters);
        gradWeights = new float[filters * k];
        gradBias = new float[filters];
        int positions = outHeight * outWidth;
        group = Math.max(1, GROUP_VALUES / positions);
        geometry = new FloatPatches(channels, height, width, kernel, stride, padding, outHeight, outWidth);
        tapOffsets = geometry.tapOffsets();
        wideGroup = Math.max(1, GROUP_VALUES / geometry.wideLength());
        weightRows = new float[filters][k];
        for (int t = 0; t < work.length; t++) {
            work[t] = new Work(positions, k, filters, group,
                    geometry.borderedSize(), wideGroup, wideGroup * geometry.wideLength());
        }
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return filters * outHeight * outWidth;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public float[][] values() {
        return new float[][] {weights, bias};
    }

    @Override
    public float[][] gradients() {
        return new float[][] {gradWeights, gradBias};
    }

    private void im2colRows(float[] in, int offset, float[][] columns, int at) {
        int tap = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    float[] row = columns[tap++];
                    int lo = Math.max(0, ceilDiv(padding - kx, stride));
                    int hi = Math.min(outWidth, ceilDiv(width + padding - kx, stride));
                    for (int oy = 0; oy < outHeight; oy++) {
                        int y = oy * stride + ky - padding;
                        int base = at + oy * outWidth;
                        if (y < 0 || y >= height || hi <= lo) {
                            Arrays.fill(row, base, base + outWidth, 0);
                            continue;
                        }
                        for (int ox = 0; ox < lo; ox++) {
                            row[base + ox] = 0;
                        }
                        int src = plane + y * width + kx - padding;
                        if (stride == 1) {
                            System.arraycopy(in, src + lo, row, base + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                row[base + ox] = in[src + ox * stride];
                            }
                        }
                        for (int ox = hi; ox < outWidth; ox++) {
                            row[base + ox] = 0;
                        }
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Stride 1: each filter's outputs as a wide row (rows of the bordered input's width), to which
     * every tap adds W[f, tap] times a slice of the (bordered) input, four taps at a time; no
     * im2col copies, at the price of the wide row's extra columns; then narrowed into z.
     */
    private void forwardSlices(float[] input, int batch, float[] z) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int in = inputSize();
        int out = outputSize();
        int wide = geometry.wideLength();
        FloatKernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            int end = Kernels.share(batch, t + 1);
            for (int s0 = Kernels.share(batch, t); s0 < end; s0 += wideGroup) {
                int count = Math.min(wideGroup, end - s0);
                int n = count * wide;
                for (int g = 0; g < count; g++) {
                    if (padding > 0) {
                        geometry.border(input, (s0 + g) * in, w.padded[g]);
                    }
                }
                for (int f = 0; f < filters; f++) {
                    Arrays.fill(w.wide[f], 0, n, bias[f]);
                }
                // three taps at a time into every filter's row, three filters at a time: the three slices
                // stay in the cache (copied into rows of their own: C2 does not vectorise reads of one array
                // at several offsets)
                for (int tap = 0; tap < k; tap += 3) {
                    int taps = Math.min(3, k - tap);
                    for (int i = 0; i < taps; i++) {
                        for (int g = 0; g < count; g++) {
                            float[] src = padding > 0 ? w.padded[g] : input;
                            int base = padding > 0 ? 0 : (s0 + g) * in;
                            System.arraycopy(src, base + tapOffsets[tap + i], w.slices[i], g * wide, wide);
                        }
                    }
                    FloatKernels.addTaps(w.wide, filters, n, weights, k, tap, taps, w.slices);
                }
                for (int g = 0; g < count; g++) {
                    for (int f = 0; f < filters; f++) {
                        geometry.narrow(w.wide[f], g * wide, z, (s0 + g) * out + f * positions);
                    }
                }
            }
        });
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        if (stride == 1) {
            forwardSlices(input, batch, z);
            return;
        }
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int in = inputSize();
        int out = outputSize();
        FloatKernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            int end = Kernels.share(batch, t + 1);
            for (int s0 = Kernels.share(batch, t); s0 < end; s0 += group) {
                int count = Math.min(group, end - s0);
                int n = count * positions;
                for (int g = 0; g < count; g++) {
                    im2colRows(input, (s0 + g) * in, w.groupColumns, g * positions);
                }
                for (int f = 0; f < filters; f++) {
                    Arrays.fill(w.groupPlanes[f], 0, n, bias[f]);
                }
                // four taps at a time into every filter's plane: the four rows stay in the cache
                for (int tap = 0; tap < k; tap += 4) {
                    int taps = Math.min(4, k - tap);
                    for (int f = 0; f < filters; f++) {
                        FloatKernels.addRows(w.groupPlanes[f], n, weights, f * k + tap, w.groupColumns, tap, taps);
                    }
                }
                for (int g = 0; g < count; g++) {
                    for (int f = 0; f < filters; f++) {
                        System.arraycopy(w.groupPlanes[f], g * positions, z, (s0 + g) * out + f * positions, positions);
                    }
                }
            }
        });
    }

    /**
     * dE/dinput of one sample (its deltas from {@code off}, its gradient from {@code at}): for each
     * output position that has a delta, dE/dpatch = the sum over the filters with a delta there of
     * delta times the filter's weights (rows of K), added back onto the pixels of the patch.
     */
    private void gradInput(Work w, float[] d, int off, float[] gradInput, int at) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        float[] dst = padding > 0 ? w.gradPadded : gradInput;
        int base = padding > 0 ? 0 : at;
        Arrays.fill(dst, base, base + (padding > 0 ? dst.length : inputSize()), 0);
        for (int q = 0; q < positions; q++) {
            if (w.magnitude[q] == 0) {
                continue;
            }
            int n = FloatKernels.nonZero(d, off + q, positions, filters, w.coef, w.idx);
            Arrays.fill(w.gradPatch, 0);
            FloatKernels.addRows(w.gradPatch, k, w.coef, weightRows, w.idx, n);
            geometry.scatter(w.gradPatch, q, dst, base);
        }
        if (padding > 0) {
            geometry.unborder(w.gradPadded, gradInput, at);
        }
    }

    @Override
    public void backward(float[] input, float[] d, int batch, float[] gradInput) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int inSize = inputSize();
        int out = outputSize();
        if (gradInput != null) {
            FloatKernels.copyRows(weights, 0, filters, k, weightRows);
        }
        FloatKernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            for (float[] g : w.gradWeights) {
                Arrays.fill(g, 0);
            }
            for (float[] b : w.biasRows) {
                Arrays.fill(b, 0);
            }
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                int off = s * out;
                // dE/db_f, position by position (summed at the end of the batch), and which
                // positions have a delta (a sum of magnitudes: no branch, and the loops vectorise)
                Arrays.fill(w.magnitude, 0);
                for (int f = 0; f < filters; f++) {
                    float[] acc = w.biasRows[f];
                    float[] mag = w.magnitude;
                    int from = off + f * positions;
                    for (int q = 0; q < positions; q++) {
                        float v = d[from + q];
                        acc[q] += v;
                        mag[q] += Math.abs(v);
                    }
                }
                if (padding > 0) {
                    geometry.border(input, s * inSize, w.padded[0]);
                    geometry.gather(w.padded[0], 0, w.magnitude, w.patches);
                } else {
                    geometry.gather(input, s * inSize, w.magnitude, w.patches);
                }
                for (int f = 0; f < filters; f++) {
                    int n = FloatKernels.nonZero(d, off + f * positions, 1, positions, w.coef, w.idx);
                    FloatKernels.addRows(w.gradWeights[f], k, w.coef, w.patches, w.idx, n);
                }
                if (gradInput != null) {
                    gradInput(w, d, off, gradInput, s * inSize);
                }
            }
            for (int f = 0; f < filters; f++) {
                float sum = 0;
                for (int q = 0; q < positions; q++) {
                    sum += w.biasRows[f][q];
                }
                w.gradBias[f] = sum;
            }
        });
        Arrays.fill(gradWeights, 0);
        Arrays.fill(gradBias, 0);
        for (Work w : work) {
            for (int f = 0; f < filters; f++) {
                float[] g = w.gradWeights[f];
                int base = f * k;
                for (int i = 0; i < k; i++) {
                    gradWeights[base + i] += g[i];
                }
                gradBias[f] += w.gradBias[f];
            }
        }
    }

}
