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
        for (int s = 0; s < input.numRows; s++) {
            int in = s * input.numCols;
            for (int c = 0; c < channels; c++) {
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++) {
                        int best = -1;
                        double max = Double.NEGATIVE_INFINITY;
                        for (int ky = 0; ky < size; ky++) {
                            for (int kx = 0; kx < size; kx++) {
                                int i = c * height * width + (oy * size + ky) * width + ox * size + kx;
                                double v = input.data[in + i];
                                if (v > max || best < 0) {
                                    max = v;
                                    best = i;
                                }
                            }
                        }
                        int o = s * out + c * outHeight * outWidth + oy * outWidth + ox;
                        z.data[o] = max;
                        argmax[o] = best;
                    }
                }
            }
        }
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
