package org.backproplab.engine;

import java.util.Arrays;

/**
 * {@link DenseLayer} in single precision, with a trained bias: Z = X W^T + 1 b^T and its
 * gradients as sums of whole float rows ({@link FloatKernels}), split over the cores by rows of
 * the result so that each number is computed by one thread in the same order whatever the split.
 */
final class FloatDense implements FloatLayer {
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final float[] weights;
    private final float[] bias;
    private final float[] gradWeights;
    private final float[] gradBias;
    private float[][] wColumns;
    private float[][] wRows;
    private float[][] inputRows;
    private final float[][] coef = new float[Kernels.THREADS][];
    private final int[][] index = new int[Kernels.THREADS][];
    private final float[][] row = new float[Kernels.THREADS][];
    /** Thread t's four result rows and four offsets for a block of four sums ({@link FloatKernels#addRows4}). */
    private final float[][][] rows4 = new float[Kernels.THREADS][][];
    private final int[][] offs4 = new int[Kernels.THREADS][4];

    FloatDense(DenseLayer d) {
        if (d.biasMode() != BiasMode.TRAINED) {
            throw new IllegalArgumentException("the float path takes dense layers with a trained bias only");
        }
        inputSize = d.inputSize();
        outputSize = d.outputSize();
        activation = d.activation();
        weights = FloatKernels.toFloats(d.weights().value().data, inputSize * outputSize);
        bias = FloatKernels.toFloats(d.bias().value().data, outputSize);
        gradWeights = new float[inputSize * outputSize];
        gradBias = new float[outputSize];
        wColumns = new float[inputSize][outputSize];
        wRows = new float[outputSize][inputSize];
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

    @Override
    public float[][] values() {
        return new float[][] {weights, bias};
    }

    @Override
    public float[][] gradients() {
        return new float[][] {gradWeights, gradBias};
    }

    /** Thread t's scratch: coefficients (returned), indices and a result row, at least {@code rows} long. */
    private float[] scratch(int t, int rows) {
        int size = Math.max(Math.max(inputSize, outputSize), Math.max(rows, 1024));
        if (coef[t] == null || coef[t].length < size) {
            coef[t] = new float[4 * size];
            index[t] = new int[size];
            row[t] = new float[size];
            rows4[t] = new float[4][size];
        }
        return coef[t];
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        // row r of Z: b + the sum over inputs i of x_ri times column i of W, four samples at a time
        // sharing each column of W (inputs that are 0 for all four skipped)
        FloatKernels.copyColumns(weights, outputSize, inputSize, wColumns);
        Kernels.parallel((long) batch * inputSize * outputSize, t -> {
            float[] c = scratch(t, 0);
            int[] idx = index[t];
            float[][] acc = rows4[t];
            int[] offs = offs4[t];
            int end = Kernels.share(batch, t + 1);
            int r = Kernels.share(batch, t);
            for (; r + 4 <= end; r += 4) {
                for (int a = 0; a < 4; a++) {
                    System.arraycopy(bias, 0, acc[a], 0, outputSize);
                    offs[a] = (r + a) * inputSize;
                }
                int n = FloatKernels.nonZero4(input, offs, 1, inputSize, c, idx);
                FloatKernels.addRows4(acc[0], acc[1], acc[2], acc[3], outputSize, c, wColumns, idx, n);
                for (int a = 0; a < 4; a++) {
                    System.arraycopy(acc[a], 0, z, (r + a) * outputSize, outputSize);
                }
            }
            float[] one = row[t];
            for (; r < end; r++) {
                System.arraycopy(bias, 0, one, 0, outputSize);
                int n = FloatKernels.nonZero(input, r * inputSize, 1, inputSize, c, idx);
                FloatKernels.addRows(one, outputSize, c, wColumns, idx, n);
                System.arraycopy(one, 0, z, r * outputSize, outputSize);
            }
        });
    }

    /**
     * Rows {@code lo} to {@code hi} of a result (rows of {@code n}, row x from x times {@code rowStep} in {@code out}),
     * row x being the sum over i < count of v[x * xStep + i * iStep] times {@code rows[i]}, four result rows at a time
     * sharing each loaded row (terms that are 0 for all four skipped). Thread t's scratch.
     */
    private void sums(int t, float[] v, int xStep, int iStep, int count, float[][] rows, int n, int lo, int hi,
            float[] out, int rowStep) {
        float[] c = scratch(t, count);
        int[] idx = index[t];
        float[][] acc = rows4[t];
        int[] offs = offs4[t];
        int x = lo;
        for (; x + 4 <= hi; x += 4) {
            for (int a = 0; a < 4; a++) {
                Arrays.fill(acc[a], 0, n, 0f);
                offs[a] = (x + a) * xStep;
            }
            int m = FloatKernels.nonZero4(v, offs, iStep, count, c, idx);
            FloatKernels.addRows4(acc[0], acc[1], acc[2], acc[3], n, c, rows, idx, m);
            for (int a = 0; a < 4; a++) {
                System.arraycopy(acc[a], 0, out, (x + a) * rowStep, n);
            }
        }
        float[] one = row[t];
        for (; x < hi; x++) {
            Arrays.fill(one, 0, n, 0f);
            int m = FloatKernels.nonZero(v, x * xStep, iStep, count, c, idx);
            FloatKernels.addRows(one, n, c, rows, idx, m);
            System.arraycopy(one, 0, out, x * rowStep, n);
        }
    }

    @Override
    public void backward(float[] input, float[] d, int batch, float[] gradInput) {
        // row j of dE/dW: the sum over samples r of delta_rj times row r of X, four neurons at a time
        // sharing each row of X (samples whose four deltas are 0 skipped)
        inputRows = FloatKernels.rows(inputRows, batch, inputSize);
        FloatKernels.copyRows(input, 0, batch, inputSize, inputRows);
        Kernels.parallel((long) batch * inputSize * outputSize, t -> sums(t, d, 1, outputSize, batch, inputRows,
                inputSize, Kernels.share(outputSize, t), Kernels.share(outputSize, t + 1), gradWeights, inputSize));
        Arrays.fill(gradBias, 0f);
        for (int r = 0; r < batch; r++) {
            int off = r * outputSize;
            for (int j = 0; j < outputSize; j++) {
                gradBias[j] += d[off + j];
            }
        }
        if (gradInput == null) {
            return;
        }
        // row r of dE/dX: the sum over neurons j of delta_rj times row j of W (zero deltas skipped)
        FloatKernels.copyRows(weights, 0, outputSize, inputSize, wRows);
        Kernels.parallel((long) batch * inputSize * outputSize, t -> sums(t, d, outputSize, 1, outputSize, wRows,
                inputSize, Kernels.share(batch, t), Kernels.share(batch, t + 1), gradInput, inputSize));
    }
}
