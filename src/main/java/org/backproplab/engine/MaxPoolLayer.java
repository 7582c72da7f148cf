package org.backproplab.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Max-pooling over k x k windows with stride k, channel by channel: each output is the largest of
 * its window. Backward routes each output's gradient to the input that was the largest (the
 * argmax remembered by the forward pass); the others get none. No parameters; its activation is
 * the identity.
 */
public final class MaxPoolLayer implements Layer {
    private final int index;
    private final int channels;
    private final int height;
    private final int width;
    private final int size;
    private final int outHeight;
    private final int outWidth;
    private int[] argmax = new int[0];

    public MaxPoolLayer(int index, int channels, int height, int width, int size) {
        if (size < 1 || size > height || size > width) {
            throw new IllegalArgumentException("a " + size + "x" + size + " pool does not fit a " + height + "x" + width
                    + " input");
        }
        this.index = index;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.outHeight = height / size;
        this.outWidth = width / size;
    }

    public int outHeight() {
        return outHeight;
    }

    public int outWidth() {
        return outWidth;
    }

    public int channels() {
        return channels;
    }

    /** The side of the window, which is also the stride. */
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return channels * outHeight * outWidth;
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        int out = outputSize();
        z.reshape(input.numRows, out);
        if (argmax.length < input.numRows * out) {
            argmax = new int[input.numRows * out];
        }
        int batch = input.numRows;
        int[] arg = argmax;
        Kernels.parallel((long) batch * inputSize(), t -> {
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                if (size == 2) {
                    pool2(input.data, s * input.numCols, z.data, arg, s * out);
                } else {
                    pool(input.data, s * input.numCols, z.data, arg, s * out);
                }
            }
        });
    }

    /** Any window size: the first of the largest values of each window, scanned row by row. */
    private void pool(double[] in, int offset, double[] z, int[] arg, int out) {
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int best = -1;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < size; ky++) {
                        for (int kx = 0; kx < size; kx++) {
                            int i = c * height * width + (oy * size + ky) * width + ox * size + kx;
                            double v = in[offset + i];
                            if (v > max || best < 0) {
                                max = v;
                                best = i;
                            }
                        }
                    }
                    int o = out + c * outHeight * outWidth + oy * outWidth + ox;
                    z[o] = max;
                    arg[o] = best;
                }
            }
        }
    }

    /**
     * 2 x 2 windows, the same result as {@link #pool} with comparisons whose outcome only picks a
     * number (no branches: which value wins is close to random, and mispredicted branches made
     * this loop several times slower).
     */
    private void pool2(double[] in, int offset, double[] z, int[] arg, int out) {
        int o = out;
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                int top = c * height * width + 2 * oy * width;
                for (int ox = 0; ox < outWidth; ox++) {
                    int i = top + 2 * ox;
                    double v0 = in[offset + i];
                    double v1 = in[offset + i + 1];
                    double v2 = in[offset + i + width];
                    double v3 = in[offset + i + width + 1];
                    // the first of the largest, in the order v0 v1 v2 v3
                    int right01 = v1 > v0 ? 1 : 0;
                    int right23 = v3 > v2 ? 1 : 0;
                    double m01 = Math.max(v0, v1);
                    double m23 = Math.max(v2, v3);
                    int lower = m23 > m01 ? 1 : 0;
                    z[o] = Math.max(m01, m23);
                    arg[o] = i + lower * width + (lower == 0 ? right01 : right23);
                    o++;
                }
            }
        }
    }

    /**
     * Which input won each window in the last forward pass of {@code batch} samples: one row per
     * sample, one column per output, holding the index of the winner in the sample's input row
     * (c H W + y W + x).
     */
    ImmutableMatrix winners(int batch) {
        int out = outputSize();
        double[][] rows = new double[batch][out];
        for (int s = 0; s < batch; s++) {
            for (int o = 0; o < out; o++) {
                rows[s][o] = argmax[s * out + o];
            }
        }
        return ImmutableMatrix.of(rows);
    }

    /** H and W of the input. */
    public int inputHeight() {
        return height;
    }

    public int inputWidth() {
        return width;
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        if (gradInput == null) {
            return;
        }
        gradInput.reshape(input.numRows, inputSize());
        java.util.Arrays.fill(gradInput.data, 0, gradInput.getNumElements(), 0);
        int out = outputSize();
        for (int s = 0; s < input.numRows; s++) {
            for (int o = 0; o < out; o++) {
                gradInput.data[s * inputSize() + argmax[s * out + o]] += delta.data[s * out + o];
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public MaxPoolLayer copy() {
        return new MaxPoolLayer(index, channels, height, width, size);
    }
}
