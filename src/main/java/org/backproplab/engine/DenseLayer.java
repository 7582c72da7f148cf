package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A fully connected layer: z = W x + b for each sample x, a = f(z).
 *
 * <p>W has one row per neuron of this layer and one column per input (as PyTorch's nn.Linear),
 * so W[j][i] is the weight from input i to neuron j. With a batch X (one row per sample) the same
 * is Z = X W^T + 1 b^T.
 */
public final class DenseLayer implements Layer {
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;
    private BiasMode biasMode;
    private final DMatrixRMaj biasRowSums = new DMatrixRMaj(1, 1);

    public DenseLayer(int index, int inputSize, int outputSize, Activation activation, BiasMode biasMode) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("a layer needs at least one input and one neuron, got "
                    + inputSize + " -> " + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.activation = activation;
        this.weights = new Parameter(index, Parameter.Kind.WEIGHTS, outputSize, inputSize, true);
        this.bias = new Parameter(index, Parameter.Kind.BIAS, outputSize, 1, biasMode == BiasMode.TRAINED);
        this.biasMode = biasMode;
    }

    /** Sets the first values of W and b from the initialisers, drawing W first, then b. */
    public void initialize(Initializer weightInit, Initializer biasInit, SplittableRandom random) {
        weightInit.fill(weights.value(), inputSize, outputSize, random);
        biasInit.fill(bias.value(), inputSize, outputSize, random);
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return outputSize;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }

    public BiasMode biasMode() {
        return biasMode;
    }

    /** Changes what happens to the bias from the next forward pass on; its values are kept. */
    public void setBiasMode(BiasMode mode) {
        this.biasMode = mode;
        bias.setTrainable(mode == BiasMode.TRAINED);
    }

    @Override
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        if (input.numCols != inputSize) {
            throw new IllegalArgumentException("layer " + (weights.layer() + 1) + " expects " + inputSize
                    + " inputs, got " + input.numCols);
        }
        // Z = X W^T
        z.reshape(input.numRows, outputSize);
        CommonOps_DDRM.multTransB(input, weights.value(), z);
        if (biasMode != BiasMode.NONE) {
            // Z += 1 b^T: every sample's z_j gets b_j
            double[] b = bias.value().data;
            for (int r = 0; r < z.numRows; r++) {
                int off = r * outputSize;
                for (int j = 0; j < outputSize; j++) {
                    z.data[off + j] += b[j];
                }
            }
        }
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        // dE/dW = delta^T X: entry (j, i) sums delta_j x_i over the batch
        CommonOps_DDRM.multTransA(delta, input, weights.gradient());
        // dE/db = column sums of delta (zero when there is no bias)
        if (biasMode == BiasMode.NONE) {
            CommonOps_DDRM.fill(bias.gradient(), 0);
        } else {
            CommonOps_DDRM.sumCols(delta, biasRowSums);
            System.arraycopy(biasRowSums.data, 0, bias.gradient().data, 0, outputSize);
        }
        if (gradInput != null) {
            // dE/dX = delta W
            gradInput.reshape(delta.numRows, inputSize);
            CommonOps_DDRM.mult(delta, weights.value(), gradInput);
        }
    }

    @Override
    public DenseLayer copy() {
        DenseLayer c = new DenseLayer(weights.layer(), inputSize, outputSize, activation, biasMode);
        c.weights.value().setTo(weights.value());
        c.bias.value().setTo(bias.value());
        return c;
    }

    @Override
    public List<Parameter> parameters() {
        return biasMode == BiasMode.NONE ? List.of(weights) : List.of(weights, bias);
    }

    @Override
    public List<Parameter> allParameters() {
        return List.of(weights, bias);
    }
}
