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
 *
 * <p>Small products (the playground's) are plain loops; larger ones (the digits networks') use
 * {@link Kernels}, split by rows of the result over the cores, so that each number is computed by
 * one thread in the same order whatever the split.
 */
public final class DenseLayer implements Layer {
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;
    private BiasMode biasMode;
    /**
     * Below this many neurons the forward pass's rows are too short for the row kernel to pay off
     * (the playground's heatmaps: 10,000 points through layers of 8; measured 717 frames/s with the
     * kernel against 905 with EJML's product), so EJML computes it.
     */
    private static final int ROW_KERNEL_MIN = 32;
    /** Buffers of the larger products: W's columns, W's rows, the input's rows, per-thread scratch. */
    private double[][] wColumns;
    private double[][] wRows;
    private double[][] inputRows;
    private final double[][] coef = new double[Kernels.THREADS][];
    private final int[][] index = new int[Kernels.THREADS][];
    private final double[][] row = new double[Kernels.THREADS][];

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
        if (small(input.numRows) || outputSize < ROW_KERNEL_MIN) {
            if (small(input.numRows)) {
                multTransBSmall(input, weights.value(), z);
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
            return;
        }
        // row r of Z: b + the sum over inputs i of x_ri times column i of W (inputs that are 0 skipped)
        wColumns = Kernels.rows(wColumns, inputSize, outputSize);
        Kernels.copyColumns(weights.value().data, outputSize, inputSize, wColumns);
        double[] b = bias.value().data;
        boolean withBias = biasMode != BiasMode.NONE;
        Kernels.parallel((long) input.numRows * inputSize * outputSize, t -> {
            double[] c = scratch(t, 0);
            int[] idx = index[t];
            for (int r = Kernels.share(input.numRows, t); r < Kernels.share(input.numRows, t + 1); r++) {
                double[] acc = row[t];
                if (withBias) {
                    System.arraycopy(b, 0, acc, 0, outputSize);
                } else {
                    java.util.Arrays.fill(acc, 0, outputSize, 0.0);
                }
                int n = Kernels.nonZero(input.data, r * inputSize, 1, inputSize, c, idx);
                Kernels.addRows(acc, outputSize, c, wColumns, idx, n);
                System.arraycopy(acc, 0, z.data, r * outputSize, outputSize);
            }
        });
    }

    /** Thread t's scratch for the weights of one row (and its index twin), at least {@code rows} long. */
    private double[] scratch(int t, int rows) {
        int size = Math.max(Math.max(inputSize, outputSize), Math.max(rows, 1024));
        if (coef[t] == null || coef[t].length < size) {
            coef[t] = new double[size];
            index[t] = new int[size];
            row[t] = new double[size];
        }
        return coef[t];
    }

    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        int batch = input.numRows;
        // dE/dW = delta^T X: entry (j, i) sums delta_j x_i over the batch
        if (small(batch)) {
            multTransASmall(delta, input, weights.gradient());
        } else {
            // row j of dE/dW: the sum over samples r of delta_rj times row r of X (zero deltas skipped)
            inputRows = Kernels.rows(inputRows, batch, inputSize);
            Kernels.copyRows(input.data, 0, batch, inputSize, inputRows);
            double[] gw = weights.gradient().data;
            double[] d = delta.data;
            Kernels.parallel((long) batch * inputSize * outputSize, t -> {
                double[] c = scratch(t, batch);
                int[] idx = index[t];
                for (int j = Kernels.share(outputSize, t); j < Kernels.share(outputSize, t + 1); j++) {
                    double[] acc = row[t];
                    java.util.Arrays.fill(acc, 0, inputSize, 0.0);
                    int n = Kernels.nonZero(d, j, outputSize, batch, c, idx);
                    Kernels.addRows(acc, inputSize, c, inputRows, idx, n);
                    System.arraycopy(acc, 0, gw, j * inputSize, inputSize);
                }
            });
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
            gradInput.reshape(batch, inputSize);
            if (small(batch)) {
                multSmall(delta, weights.value(), gradInput);
            } else {
                // row r of dE/dX: the sum over neurons j of delta_rj times row j of W (zero deltas skipped)
                wRows = Kernels.rows(wRows, outputSize, inputSize);
                Kernels.copyRows(weights.value().data, 0, outputSize, inputSize, wRows);
                double[] gx = gradInput.data;
                double[] d = delta.data;
                Kernels.parallel((long) batch * inputSize * outputSize, t -> {
                    double[] c = scratch(t, 0);
                    int[] idx = index[t];
                    for (int r = Kernels.share(batch, t); r < Kernels.share(batch, t + 1); r++) {
                        double[] acc = row[t];
                        java.util.Arrays.fill(acc, 0, inputSize, 0.0);
                        int n = Kernels.nonZero(d, r * outputSize, 1, outputSize, c, idx);
                        Kernels.addRows(acc, inputSize, c, wRows, idx, n);
                        System.arraycopy(acc, 0, gx, r * inputSize, inputSize);
                    }
                });
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
