package org.backproplab.engine;

import java.util.Arrays;

/**
 * {@link MaxPoolLayer} in single precision: the same windows and the same winner (the first of
 * the largest, row by row), 2 x 2 windows without branches; backward routes each delta to its
 * window's winner. Also stands for {@link FlattenLayer} (the identity on this layout) when
 * {@code size} is 1.
 */
final class FloatMaxPool implements FloatLayer {
    private final int channels;
    private final int height;
    private final int width;
    private final int size;
    private final int outHeight;
    private final int outWidth;
    private int[] argmax = new int[0];

    FloatMaxPool(int channels, int height, int width, int size) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.outHeight = height / size;
        this.outWidth = width / size;
    }

    FloatMaxPool(MaxPoolLayer p) {
        this(p.channels(), p.inputHeight(), p.inputWidth(), p.size());
    }

    /** Flatten: a pool of 1 x 1 windows, which is the identity. */
    FloatMaxPool(FlattenLayer f) {
        this(f.channels(), f.height(), f.width(), 1);
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
    public float[][] values() {
        return new float[0][];
    }

    @Override
    public float[][] gradients() {
        return new float[0][];
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        int in = inputSize();
        int out = outputSize();
        if (size == 1) {
            System.arraycopy(input, 0, z, 0, batch * in);
            return;
        }
        if (argmax.length < batch * out) {
            argmax = new int[batch * out];
        }
        int[] arg = argmax;
        FloatKernels.parallel((long) batch * in, t -> {
            for (int s = Kernels.share(batch, t); s < Kernels.share(batch, t + 1); s++) {
                if (size == 2) {
                    pool2(input, s * in, z, arg, s * out);
                } else {
                    pool(input, s * in, z, arg, s * out);
                }
            }
        });
    }

    private void pool(float[] in, int offset, float[] z, int[] arg, int out) {
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int best = -1;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < size; ky++) {
                        for (int kx = 0; kx < size; kx++) {
                            int i = c * height * width + (oy * size + ky) * width + ox * size + kx;
                            float v = in[offset + i];
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

    private void pool2(float[] in, int offset, float[] z, int[] arg, int out) {
        int o = out;
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                int top = c * height * width + 2 * oy * width;
                for (int ox = 0; ox < outWidth; ox++) {
                    int i = top + 2 * ox;
                    float v0 = in[offset + i];
                    float v1 = in[offset + i + 1];
                    float v2 = in[offset + i + width];
                    float v3 = in[offset + i + width + 1];
                    int right01 = v1 > v0 ? 1 : 0;
                    int right23 = v3 > v2 ? 1 : 0;
                    float m01 = Math.max(v0, v1);
                    float m23 = Math.max(v2, v3);
                    int lower = m23 > m01 ? 1 : 0;
                    z[o] = Math.max(m01, m23);
                    arg[o] = i + lower * width + (lower == 0 ? right01 : right23);
                    o++;
                }
            }
        }
    }

    @Override
    public void backward(float[] input, float[] delta, int batch, float[] gradInput) {
        if (gradInput == null) {
            return;
        }
        int in = inputSize();
        int out = outputSize();
        if (size == 1) {
            System.arraycopy(delta, 0, gradInput, 0, batch * in);
            return;
        }
        Arrays.fill(gradInput, 0, batch * in, 0f);
        for (int s = 0; s < batch; s++) {
            for (int o = 0; o < out; o++) {
                gradInput[s * in + argmax[s * out + o]] += delta[s * out + o];
            }
        }
    }
}
