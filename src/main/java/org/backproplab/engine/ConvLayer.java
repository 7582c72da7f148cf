package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * A 2-D convolution: F filters of k x k over C input channels, with stride s and zero padding p,
 * then the activation. A sample is a row of C x H x W values, channel by channel, row by row; the
 * output is F x OH x OW the same way, with OH = (H + 2p - k) / s + 1.
 *
 * <p>Computed sample by sample, the samples of a batch split over the cores, with the products of
 * {@link Kernels} (sums of whole rows, which the JIT vectorises), K = C k k and L = OH OW:
 * <ul>
 * <li>forward: the sample's patches as K rows of L values (row (c, ky, kx) holds the input pixel
 * under tap (c, ky, kx) at every output position, 0 in the padding); the output plane of filter f
 * is b_f plus the sum over taps of W[f, tap] times that row;</li>
 * <li>backward: the patches again, now as L rows of K values (one per output position that has a
 * delta); dE/dW[f] is the sum over positions q of delta[f, q] times patch q, dE/db_f the sum of
 * delta[f, .]; dE/dpatch q is the sum over filters of delta[f, q] times W[f], added back onto the
 * pixels it was cut from (col2im). Deltas that are exactly 0 (behind a ReLU, or not the max of a
 * pool: most of them) are skipped.</li>
 * </ul>
 * Each thread adds its samples' share of dE/dW and dE/db into its own buffers; the shares are then
 * added in thread order, so the result does not depend on timing.
 */
public final class ConvLayer implements Layer {
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
    private final Parameter weights;
    private final Parameter bias;
    private final Work[] work = new Work[Kernels.THREADS];
    /** W's rows (one per filter) as separate arrays, for the backward pass. */
    private final double[][] weightRows;

    /** One thread's buffers for one sample at a time, and its share of dE/dW and dE/db. */
    private static final class Work {
        final double[][] columns;
        final double[][] patches;
        final double[] gradPatch;
        final double[] plane;
        final boolean[] needed;
        final double[] coef;
        final int[] idx;
        final double[][] gradWeights;
        final double[] gradBias;

        Work(int positions, int k, int filters) {
            columns = new double[k][positions];
            patches = new double[positions][k];
            gradPatch = new double[k];
            plane = new double[positions];
            needed = new boolean[positions];
            coef = new double[Math.max(Math.max(positions, k), filters)];
            idx = new int[coef.length];
            gradWeights = new double[filters][k];
            gradBias = new double[filters];
        }
    }

    public ConvLayer(int index, int channels, int height, int width, int filters, int kernel, int stride, int padding,
            Activation activation) {
        if (kernel > height + 2 * padding || kernel > width + 2 * padding || stride < 1 || kernel < 1) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel with stride " + stride
                    + " and padding " + padding + " does not fit a " + height + "x" + width + " input");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outHeight = (height + 2 * padding - kernel) / stride + 1;
        this.outWidth = (width + 2 * padding - kernel) / stride + 1;
        this.activation = activation;
        int k = channels * kernel * kernel;
        this.weights = new Parameter(index, Parameter.Kind.WEIGHTS, filters, k, true);
        this.bias = new Parameter(index, Parameter.Kind.BIAS, filters, 1, true);
        int positions = outHeight * outWidth;
        for (int t = 0; t < work.length; t++) {
            work[t] = new Work(positions, k, filters);
        }
        weightRows = new double[filters][k];
    }

    /** Draws W (fan-in C k k, fan-out F k k) then b from the initialisers. */
    public void initialize(Initializer weightInit, Initializer biasInit, SplittableRandom random) {
        int fanIn = channels * kernel * kernel;
        weightInit.fill(weights.value(), fanIn, filters * kernel * kernel, random);
        biasInit.fill(bias.value(), fanIn, filters, random);
    }

    public int filters() {
        return filters;
    }

    /** C, the input channels each filter spans. */
    public int channels() {
        return channels;
    }

    /** C, H and W of the input. */
    public int inputChannels() {
        return channels;
    }

    public int inputHeight() {
        return height;
    }

    public int inputWidth() {
        return width;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    public int kernel() {
        return kernel;
    }

    public int outHeight() {
        return outHeight;
    }

    public int outWidth() {
        return outWidth;
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
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

    /**
     * The patches of one sample as K rows of L: {@code columns[(c k + ky) k + kx][oy OW + ox]} is
     * the input pixel (c, oy s + ky - p, ox s + kx - p), 0 in the padding.
     */
    private void im2colRows(double[] in, int offset, double[][] columns) {
        int tap = 0;
        for (int c = 0; c < channels; c++) {
            int plane = offset + c * height * width;
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    double[] row = columns[tap++];
                    // the output columns whose pixel lies inside the image (stride 1: one copy)
                    int lo = Math.max(0, ceilDiv(padding - kx, stride));
                    int hi = Math.min(outWidth, ceilDiv(width + padding - kx, stride));
                    for (int oy = 0; oy < outHeight; oy++) {
                        int y = oy * stride + ky - padding;
                        int base = oy * outWidth;
                        if (y < 0 || y >= height || hi <= lo) {
                            java.util.Arrays.fill(row, base, base + outWidth, 0);
                            continue;
                        }
                        java.util.Arrays.fill(row, base, base + lo, 0);
                        int src = plane + y * width + kx - padding;
                        if (stride == 1) {
                            System.arraycopy(in, src + lo, row, base + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                row[base + ox] = in[src + ox * stride];
                            }
                        }
                        java.util.Arrays.fill(row, base + hi, base + outWidth, 0);
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** The patch of output position q = oy OW + ox as one row of K values (0 in the padding). */
    private void im2colPatch(double[] in, int offset, int q, double[] patch) {
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
                    java.util.Arrays.fill(patch, col, col + kernel, 0);
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
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        if (input.numCols != inputSize()) {
            throw new IllegalArgumentException("conv layer expects " + inputSize() + " values per sample, got "
                    + input.numCols);
        }
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int batch = input.numRows;
        z.reshape(batch, outputSize());
        double[] b = bias.value().data;
        double[] wv = weights.value().data;
        Kernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                im2colRows(input.data, s * input.numCols, w.columns);
                for (int f = 0; f < filters; f++) {
                    java.util.Arrays.fill(w.plane, b[f]);
                    int n = Kernels.nonZero(wv, f * k, 1, k, w.coef, w.idx);
                    Kernels.addRows(w.plane, positions, w.coef, w.columns, w.idx, n);
                    System.arraycopy(w.plane, 0, z.data, s * z.numCols + f * positions, positions);
                }
            }
        });
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        int batch = input.numRows;
        if (gradInput != null) {
            gradInput.reshape(batch, inputSize());
            Kernels.copyRows(weights.value().data, 0, filters, k, weightRows);
        }
        double[] d = delta.data;
        Kernels.parallel((long) batch * positions * k * filters, t -> {
            Work w = work[t];
            for (double[] g : w.gradWeights) {
                java.util.Arrays.fill(g, 0);
            }
            java.util.Arrays.fill(w.gradBias, 0);
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                int off = s * delta.numCols;
                // the patches of the positions that have a delta
                java.util.Arrays.fill(w.needed, false);
                for (int f = 0; f < filters; f++) {
                    double sum = 0;
                    for (int q = 0; q < positions; q++) {
                        double v = d[off + f * positions + q];
                        sum += v;
                        if (v != 0) {
                            w.needed[q] = true;
                        }
                    }
                    w.gradBias[f] += sum;
                }
                for (int q = 0; q < positions; q++) {
                    if (w.needed[q]) {
                        im2colPatch(input.data, s * input.numCols, q, w.patches[q]);
                    }
                }
                // dE/dW[f] += sum over positions of delta[f, q] times patch q
                for (int f = 0; f < filters; f++) {
                    int n = Kernels.nonZero(d, off + f * positions, 1, positions, w.coef, w.idx);
                    Kernels.addRows(w.gradWeights[f], k, w.coef, w.patches, w.idx, n);
                }
                if (gradInput != null) {
                    // dE/dpatch q = sum over filters of delta[f, q] times W[f], back onto its pixels
                    int in = s * gradInput.numCols;
                    java.util.Arrays.fill(gradInput.data, in, in + gradInput.numCols, 0);
                    for (int q = 0; q < positions; q++) {
                        if (!w.needed[q]) {
                            continue;
                        }
                        java.util.Arrays.fill(w.gradPatch, 0);
                        int n = Kernels.nonZero(d, off + q, positions, filters, w.coef, w.idx);
                        Kernels.addRows(w.gradPatch, k, w.coef, weightRows, w.idx, n);
                        col2im(gradInput.data, in, q, w.gradPatch);
                    }
                }
            }
        });
        // the threads' shares, added in thread order so that the sum does not depend on timing
        double[] gw = weights.gradient().data;
        double[] gb = bias.gradient().data;
        java.util.Arrays.fill(gw, 0, filters * k, 0);
        java.util.Arrays.fill(gb, 0, filters, 0);
        for (Work w : work) {
            for (int f = 0; f < filters; f++) {
                for (int i = 0; i < k; i++) {
                    gw[f * k + i] += w.gradWeights[f][i];
                }
            }
            for (int f = 0; f < filters; f++) {
                gb[f] += w.gradBias[f];
            }
        }
    }

    /** Adds the gradient of position q's patch (K values) onto the pixels the patch was cut from. */
    private void col2im(double[] out, int offset, int q, double[] g) {
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

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public ConvLayer copy() {
        ConvLayer c = new ConvLayer(weights.layer(), channels, height, width, filters, kernel, stride, padding,
                activation);
        c.weights.value().setTo(weights.value());
        c.bias.value().setTo(bias.value());
        return c;
    }
}
