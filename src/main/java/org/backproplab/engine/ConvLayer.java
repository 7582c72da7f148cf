package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * A 2-D convolution: F filters of k x k over C input channels, with stride s and zero padding p,
 * then the activation. A sample is a row of C x H x W values, channel by channel, row by row; the
 * output is F x OH x OW the same way, with OH = (H + 2p - k) / s + 1.
 *
 * <p>Computed with im2col: every k x k x C patch of every sample of the batch becomes a row of a
 * matrix P (B*OH*OW rows, C*k*k columns), so that Z = P W^T + b is one matrix product for the
 * whole batch (EJML, on every core when large), W having one row per filter. P is kept for the
 * backward pass, which must follow a forward pass on the same input. Backward: dW = D^T P, db = column sums of D, dP = D W, scattered back onto the
 * input (col2im), with D the deltas of one sample as OH*OW rows by F columns; these two are
 * written as plain multiply-adds that skip zero deltas.
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
    /** The batch is split over this many threads, sample s going to thread s mod THREADS. */
    private static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private final Work[] work = new Work[THREADS];
    /** The patches of every sample of the last forward pass (B*OH*OW rows), kept for the backward pass. */
    private final DMatrixRMaj batchPatches = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj batchProduct = new DMatrixRMaj(1, 1);

    /** One thread's buffers for one sample at a time, and its share of dE/dW and dE/db. */
    private final class Work {
        final DMatrixRMaj deltas;
        final DMatrixRMaj gradPatches;
        final DMatrixRMaj gradWeights;
        final double[] gradBias;

        Work(int positions, int k) {
            deltas = new DMatrixRMaj(positions, filters);
            gradPatches = new DMatrixRMaj(positions, k);
            gradWeights = new DMatrixRMaj(filters, k);
            gradBias = new double[filters];
        }
    }

    /** Runs body(t) for every thread index t, in parallel when the batch has enough samples. */
    private static void parallel(int samples, java.util.function.IntConsumer body) {
        if (THREADS == 1 || samples < 2 * THREADS) {
            for (int t = 0; t < THREADS; t++) {
                body.accept(t);
            }
        } else {
            java.util.stream.IntStream.range(0, THREADS).parallel().forEach(body);
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
        for (int t = 0; t < THREADS; t++) {
            work[t] = new Work(positions, k);
        }
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
     * Writes the patches of one sample into {@code p} from {@code start} (zeros where the kernel
     * hangs over the padding): one row of C*k*k values per output position.
     */
    private void im2col(double[] in, int offset, double[] p, int start) {
        int k = channels * kernel * kernel;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int row = start + (oy * outWidth + ox) * k;
                int col = 0;
                int x0 = ox * stride - padding;
                boolean inside = x0 >= 0 && x0 + kernel <= width;
                for (int c = 0; c < channels; c++) {
                    int plane = offset + c * height * width;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride + ky - padding;
                        if (y < 0 || y >= height) {
                            java.util.Arrays.fill(p, row + col, row + col + kernel, 0);
                        } else if (inside) {
                            // a whole kernel row lies inside the image: one copy
                            System.arraycopy(in, plane + y * width + x0, p, row + col, kernel);
                        } else {
                            for (int kx = 0; kx < kernel; kx++) {
                                int x = x0 + kx;
                                p[row + col + kx] = x < 0 || x >= width ? 0 : in[plane + y * width + x];
                            }
                        }
                        col += kernel;
                    }
                }
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
        z.reshape(input.numRows, outputSize());
        double[] b = bias.value().data;
        // every sample's patches into one matrix, then Z = P W^T as one product for the whole batch
        batchPatches.reshape(input.numRows * positions, k);
        parallel(input.numRows, t -> {
            for (int s = t; s < input.numRows; s += THREADS) {
                im2col(input.data, s * input.numCols, batchPatches.data, s * positions * k);
            }
        });
        batchProduct.reshape(input.numRows * positions, filters);
        if ((long) input.numRows * positions * k * filters >= 1 << 20) {
            CommonOps_MT_DDRM.multTransB(batchPatches, weights.value(), batchProduct);
        } else {
            CommonOps_DDRM.multTransB(batchPatches, weights.value(), batchProduct);
        }
        double[] pr = batchProduct.data;
        for (int s = 0; s < input.numRows; s++) {
            int out = s * z.numCols;
            int in = s * positions * filters;
            for (int pos = 0; pos < positions; pos++) {
                for (int f = 0; f < filters; f++) {
                    z.data[out + f * positions + pos] = pr[in + pos * filters + f] + b[f];
                }
            }
        }
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        int positions = outHeight * outWidth;
        CommonOps_DDRM.fill(weights.gradient(), 0);
        CommonOps_DDRM.fill(bias.gradient(), 0);
        if (gradInput != null) {
            gradInput.reshape(input.numRows, inputSize());
            CommonOps_DDRM.fill(gradInput, 0);
        }
        parallel(input.numRows, t -> {
            Work w = work[t];
            CommonOps_DDRM.fill(w.gradWeights, 0);
            java.util.Arrays.fill(w.gradBias, 0);
            for (int s = t; s < input.numRows; s += THREADS) {
                int off = s * delta.numCols;
                for (int pos = 0; pos < positions; pos++) {
                    for (int f = 0; f < filters; f++) {
                        double d = delta.data[off + f * positions + pos];
                        w.deltas.data[pos * filters + f] = d;
                        w.gradBias[f] += d;
                    }
                }
                // the patches of the forward pass, kept for this
                accumulate(w, s * positions * channels * kernel * kernel, gradInput != null);
                if (gradInput != null) {
                    // each patch's gradient goes back to the pixels it was cut from
                    col2im(gradInput.data, s * gradInput.numCols, w.gradPatches);
                }
            }
        });
        // the threads' shares, added in thread order so that the sum does not depend on timing
        double[] gb = bias.gradient().data;
        for (Work w : work) {
            CommonOps_DDRM.addEquals(weights.gradient(), w.gradWeights);
            for (int f = 0; f < filters; f++) {
                gb[f] += w.gradBias[f];
            }
        }
    }

    /**
     * dW += D^T P and, when asked, dP = D W, for one sample, as row-by-row multiply-adds over
     * contiguous memory; deltas that are exactly 0 (behind a ReLU, or not the max of a pool) are
     * skipped, which after ReLU layers is most of them.
     */
    private void accumulate(Work w, int patchStart, boolean inputGradient) {
        int positions = outHeight * outWidth;
        int k = channels * kernel * kernel;
        double[] d = w.deltas.data;
        double[] p = batchPatches.data;
        double[] gw = w.gradWeights.data;
        double[] wv = weights.value().data;
        double[] gp = w.gradPatches.data;
        if (inputGradient) {
            java.util.Arrays.fill(gp, 0, positions * k, 0);
        }
        for (int pos = 0; pos < positions; pos++) {
            int prow = patchStart + pos * k;
            int grow = pos * k;
            for (int f = 0; f < filters; f++) {
                double df = d[pos * filters + f];
                if (df == 0) {
                    continue;
                }
                int wrow = f * k;
                for (int i = 0; i < k; i++) {
                    gw[wrow + i] += df * p[prow + i];
                }
                if (inputGradient) {
                    for (int i = 0; i < k; i++) {
                        gp[grow + i] += df * wv[wrow + i];
                    }
                }
            }
        }
    }

    private void col2im(double[] out, int offset, DMatrixRMaj gradPatches) {
        double[] g = gradPatches.data;
        int k = channels * kernel * kernel;
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int row = (oy * outWidth + ox) * k;
                int col = 0;
                for (int c = 0; c < channels; c++) {
                    int plane = offset + c * height * width;
                    for (int ky = 0; ky < kernel; ky++) {
                        int y = oy * stride + ky - padding;
                        for (int kx = 0; kx < kernel; kx++) {
                            int x = ox * stride + kx - padding;
                            if (y >= 0 && y < height && x >= 0 && x < width) {
                                out[plane + y * width + x] += g[row + col];
                            }
                            col++;
                        }
                    }
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
