package org.backproplab.engine;

import java.util.Arrays;

/**
 * {@link ConvLayer} in single precision: the same im2col arrangement and sums of whole rows (see
 * ConvLayer), with float rows, samples split over the cores, each thread's share of dE/dW and
 * dE/db added in thread order.
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
    private final float[][] weightRows;
    private final Work[] work = new Work[Kernels.THREADS];

    private static final class Work {
        final float[][] columns;
        final float[][] patches;
        final float[] gradPatch;
        final float[] plane;
        final boolean[] needed;
        final float[] coef;
        final int[] idx;
        final float[][] gradWeights;
        final float[] gradBias;

        Work(int positions, int k, int filters) {
            columns = new float[k][positions];
            patches = new float[positions][k];
            gradPatch = new float[k];
            plane = new float[positions];
            needed = new boolean[positions];
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
        weightRows = new float[filters][k];
        for (int t = 0; t < work.length; t++) {
            work[t] = new Work(outHeight * outWidth, k, filters);
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

    private void im2colRows(float[] in, int offset, float[][] columns) {
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
                        int base = oy * outWidth;
                        if (y < 0 || y >= height || hi <= lo) {
                            Arrays.fill(row, base, base + outWidth, 0);
                            continue;
                        }
                        Arrays.fill(row, base, base + lo, 0);
                        int src = plane + y * width + kx - padding;
                        if (stride == 1) {
                            System.arraycopy(in, src + lo, row, base + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                row[base + ox] = in[src + ox * stride];
                            }
                        }
                        Arrays.fill(row, base + hi, base + outWidth, 0);
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private void im2colPatch(float[] in, int offset, int q, float[] patch) {
        int oy = q / outWidth;
        int ox = q % outWidth;
        int x0 = ox * stride - padding;
        boolean inside = x0 >= 0 && x0 + kernel <= width;
        int col = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int ky = 0; ky < kernel; ky++) {
                int y = oy * stride + ky - padding;
                if (y < 0 || y >= height) {
                    Arrays.fill(patch, col, col + kernel, 0);
                } else if (inside) {
                    System.arraycopy(in, plane + y * width + x0, patch, col, kernel);
                } else {
                    for (int kx = 0; kx < kernel; kx++) {
                        int x = x0 + kx;
                        patch[col + kx] = x < 0 || x >= width ? 0 : in[plane + y * width + x];
                    }
                }
                col += kernel;
            }
        }
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int in = inputSize();
        int out = outputSize();
        Kernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                im2colRows(input, s * in, w.columns);
                for (int f = 0; f < filters; f++) {
                    Arrays.fill(w.plane, bias[f]);
                    int n = FloatKernels.nonZero(weights, f * k, 1, k, w.coef, w.idx);
                    FloatKernels.addRows(w.plane, positions, w.coef, w.columns, w.idx, n);
                    System.arraycopy(w.plane, 0, z, s * out + f * positions, positions);
                }
            }
        });
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
        Kernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            for (float[] g : w.gradWeights) {
                Arrays.fill(g, 0);
            }
            Arrays.fill(w.gradBias, 0);
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                int off = s * out;
                Arrays.fill(w.needed, false);
                for (int f = 0; f < filters; f++) {
                    float sum = 0;
                    for (int q = 0; q < positions; q++) {
                        float v = d[off + f * positions + q];
                        sum += v;
                        w.needed[q] |= v != 0;
                    }
                    w.gradBias[f] += sum;
                }
                for (int q = 0; q < positions; q++) {
                    if (w.needed[q]) {
                        im2colPatch(input, s * inSize, q, w.patches[q]);
                    }
                }
                for (int f = 0; f < filters; f++) {
                    int n = FloatKernels.nonZero(d, off + f * positions, 1, positions, w.coef, w.idx);
                    FloatKernels.addRows(w.gradWeights[f], k, w.coef, w.patches, w.idx, n);
                }
                if (gradInput != null) {
                    int in = s * inSize;
                    Arrays.fill(gradInput, in, in + inSize, 0);
                    for (int q = 0; q < positions; q++) {
                        if (!w.needed[q]) {
                            continue;
                        }
                        Arrays.fill(w.gradPatch, 0);
                        int n = FloatKernels.nonZero(d, off + q, positions, filters, w.coef, w.idx);
                        FloatKernels.addRows(w.gradPatch, k, w.coef, weightRows, w.idx, n);
                        col2im(gradInput, in, q, w.gradPatch);
                    }
                }
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

    private void col2im(float[] out, int offset, int q, float[] g) {
        int oy = q / outWidth;
        int ox = q % outWidth;
        int col = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int ky = 0; ky < kernel; ky++) {
                int y = oy * stride + ky - padding;
                if (y < 0 || y >= height) {
                    col += kernel;
                    continue;
                }
                for (int kx = 0; kx < kernel; kx++) {
                    int x = ox * stride + kx - padding;
                    if (x >= 0 && x < width) {
                        out[plane + y * width + x] += g[col];
                    }
                    col++;
                }
            }
        }
    }
}
