package org.backproplab.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Flatten, a layer of its own as in Keras's and PyTorch's summaries ({@code nn.Flatten}): it
 * turns C x H x W maps into one vector of C H W values. A sample is already a row of values
 * channel by channel, row by row, so on that layout it is the identity: z = x, dE/dx = delta.
 * It keeps the shape it receives so that a summary can show what it flattens. No parameters.
 */
public final class FlattenLayer implements Layer {
    private final int channels;
    private final int height;
    private final int width;

    public FlattenLayer(int channels, int height, int width) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("flatten needs maps of at least 1 x 1 x 1, got " + channels + " x "
                    + height + " x " + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return inputSize();
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    /** z = x: the row layout is already the flattened vector. */
    @Override
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        z.setTo(input);
    }

    /** dE/dx = dE/dz. */
    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        if (gradInput != null) {
            gradInput.setTo(delta);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public FlattenLayer copy() {
        return new FlattenLayer(channels, height, width);
    }
}
