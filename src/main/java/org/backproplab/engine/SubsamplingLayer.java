package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * LeNet-5's original subsampling (LeCun et al. 1998, layers S2 and S4), channel by channel over
 * k x k windows with stride k:
 * <pre>
 * z[c, y, x] = w_c * mean(window (c, y, x)) + b_c,   a = f(z)
 * </pre>
 * one trainable coefficient w_c and one trainable bias b_c per map, then the activation (tanh in
 * LeNet-5). The paper adds the four inputs instead of averaging them: the same layer with a
 * coefficient four times smaller. W is C x 1 (the coefficients), b is C x 1.
 * <pre>
 * dE/dw_c = sum over samples and cells of delta[c, y, x] * mean(window)
 * dE/db_c = sum over samples and cells of delta[c, y, x]
 * dE/dx   = w_c * delta[c, y, x] / (k k) for each input of the window (0 for rows and columns
 *           left over when the side is not a multiple of k)
 * </pre>
 */
public final class SubsamplingLayer implements Layer {
    private final int channels;
    private final int height;
    private final int width;
    private final int size;
    private final int outHeight;
    private final int outWidth;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;

    public SubsamplingLayer(int index, int channels, int height, int width, int size, Activation activation) {
        if (size < 1 || size > height || size > width) {
            throw new IllegalArgumentException("a " + size + "x" + size + " subsampling does not fit a " + height + "x"
                    + width + " input");
        }
        if (activation == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax is for the last dense layer, not a subsampling layer");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.size = size;
        this.outHeight = height / size;
        this.outWidth = width / size;
        this.activation = activation;
        this.weights = new Parameter(index, Parameter.Kind.WEIGHTS, channels, 1, true);
        this.bias = new Parameter(index, Parameter.Kind.BIAS, channels, 1, true);
    }

    /** Draws the coefficients (fan-in k k, fan-out 1) then the biases. */
    public void initialize(Initializer weightInit, Initializer biasInit, SplittableRandom random) {
        weightInit.fill(weights.value(), size * size, 1, random);
        biasInit.fill(bias.value(), size * size, 1, random);
    }

    /** The coefficients w_c, C x 1. */
    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }

    public int channels() {
        return channels;
    }

    /** The side of the window, which is also the stride. */
    public int size() {
        return size;
    }

    public int outHeight() {
        return outHeight;
    }

    public int outWidth() {
        return outWidth;
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
        return activation;
    }

    /** z[c, y, x] = w_c * mean(window) + b_c. */
    @Override
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        int out = outputSize();
        z.reshape(input.numRows, out);
        for (int s = 0; s < input.numRows; s++) {
            for (int c = 0; c < channels; c++) {
                double w = weights.value().data[c];
                double b = bias.value().data[c];
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++) {
                        z.data[s * out + (c * outHeight + oy) * outWidth + ox] =
                                w * mean(input.data, s * inputSize(), c, oy, ox) + b;
                    }
                }
            }
        }
    }

    private double mean(double[] in, int offset, int c, int oy, int ox) {
        double sum = 0;
        for (int ky = 0; ky < size; ky++) {
            int row = offset + (c * height + oy * size + ky) * width + ox * size;
            for (int kx = 0; kx < size; kx++) {
                sum += in[row + kx];
            }
        }
        return sum / (size * size);
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        int out = outputSize();
        double[] gw = weights.gradient().data;
        double[] gb = bias.gradient().data;
        java.util.Arrays.fill(gw, 0);
        java.util.Arrays.fill(gb, 0);
        if (gradInput != null) {
            gradInput.reshape(input.numRows, inputSize());
            java.util.Arrays.fill(gradInput.data, 0, gradInput.getNumElements(), 0);
        }
        for (int s = 0; s < input.numRows; s++) {
            for (int c = 0; c < channels; c++) {
                double share = weights.value().data[c] / (size * size);
                for (int oy = 0; oy < outHeight; oy++) {
                    for (int ox = 0; ox < outWidth; ox++) {
                        double d = delta.data[s * out + (c * outHeight + oy) * outWidth + ox];
                        gw[c] += d * mean(input.data, s * inputSize(), c, oy, ox);
                        gb[c] += d;
                        if (gradInput != null) {
                            for (int ky = 0; ky < size; ky++) {
                                int row = s * inputSize() + (c * height + oy * size + ky) * width + ox * size;
                                for (int kx = 0; kx < size; kx++) {
                                    gradInput.data[row + kx] += share * d;
                                }
                            }
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
    public SubsamplingLayer copy() {
        SubsamplingLayer c = new SubsamplingLayer(weights.layer(), channels, height, width, size, activation);
        c.weights.value().setTo(weights.value());
        c.bias.value().setTo(bias.value());
        return c;
    }
}
