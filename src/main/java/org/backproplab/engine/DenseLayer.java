package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

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
        if (small(input.numRows)) {
            multTransBSmall(input, weights.value(), z);
        } else if (large(input.numRows)) {
            CommonOps_MT_DDRM.multTransB(input, weights.value(), z);
        } else {
            CommonOps_DDRM.multTransB(input, weights.value(), z);
        }
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
        if (small(input.numRows)) {
            multTransASmall(delta, input, weights.gradient());
        } else if (large(input.numRows)) {
            CommonOps_MT_DDRM.multTransA(delta, input, weights.gradient());
        } else {
            CommonOps_DDRM.multTransA(delta, input, weights.gradient());
        }
        // dE/db = column sums of delta (zero when there is no bias)
        if (biasMode == BiasMode.NONE) {
            CommonOps_DDRM.fill(bias.gradient(), 0);
        } else {
            // dE/db_j = sum over the batch of delta_j
            double[] gb = bias.gradient().data;
            java.util.Arrays.fill(gb, 0, outputSize, 0.0);
            double[] dd = delta.data;
            for (int r = 0; r < delta.numRows; r++) {
                int off = r * outputSize;
                for (int j = 0; j < outputSize; j++) {
                    gb[j] += dd[off + j];
                }
            }
        }
        if (gradInput != null) {
            // dE/dX = delta W
            gradInput.reshape(delta.numRows, inputSize);
            if (small(delta.numRows)) {
                multSmall(delta, weights.value(), gradInput);
            } else if (large(delta.numRows)) {
                CommonOps_MT_DDRM.mult(delta, weights.value(), gradInput);
            } else {
                CommonOps_DDRM.mult(delta, weights.value(), gradInput);
            }
        }
    }

    /**
     * True when the products are small enough that plain loops beat EJML's general kernels (whose
     * set-up costs dominate for the playground's few neurons and batches of ten).
     */
    private boolean small(int batch) {
        return (long) batch * inputSize * outputSize <= 4096;
    }

    /**
     * True when a product is large enough (a digits batch through a wide layer) to be worth
     * splitting over the cores; each output is still computed by one thread, so the numbers do
     * not depend on the split.
     */
    private boolean large(int batch) {
        return (long) batch * inputSize * outputSize >= 1 << 20;
    }

    // Z = X W^T, Z (m x n) overwritten
    private static void multTransBSmall(DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj z) {
        int m = x.numRows;
        int k = x.numCols;
        int n = w.numRows;
        double[] xd = x.data;
        double[] wd = w.data;
        double[] zd = z.data;
        for (int r = 0; r < m; r++) {
            int xo = r * k;
            for (int j = 0; j < n; j++) {
                int wo = j * k;
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += xd[xo + i] * wd[wo + i];
                }
                zd[r * n + j] = sum;
            }
        }
    }

    // G = D^T X, G (n x k) overwritten
    private static void multTransASmall(DMatrixRMaj d, DMatrixRMaj x, DMatrixRMaj g) {
        int m = d.numRows;
        int n = d.numCols;
        int k = x.numCols;
        double[] dd = d.data;
        double[] xd = x.data;
        double[] gd = g.data;
        java.util.Arrays.fill(gd, 0, n * k, 0.0);
        for (int r = 0; r < m; r++) {
            int xo = r * k;
            for (int j = 0; j < n; j++) {
                double dj = dd[r * n + j];
                int go = j * k;
                for (int i = 0; i < k; i++) {
                    gd[go + i] += dj * xd[xo + i];
                }
            }
        }
    }

    // Y = D W, Y (m x k) overwritten
    private static void multSmall(DMatrixRMaj d, DMatrixRMaj w, DMatrixRMaj y) {
        int m = d.numRows;
        int n = d.numCols;
        int k = w.numCols;
        double[] dd = d.data;
        double[] wd = w.data;
        double[] yd = y.data;
        java.util.Arrays.fill(yd, 0, m * k, 0.0);
        for (int r = 0; r < m; r++) {
            int yo = r * k;
            for (int j = 0; j < n; j++) {
                double dj = dd[r * n + j];
                int wo = j * k;
                for (int i = 0; i < k; i++) {
                    yd[yo + i] += dj * wd[wo + i];
                }
            }
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
