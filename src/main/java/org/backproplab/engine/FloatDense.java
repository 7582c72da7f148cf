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
            coef[t] = new float[size];
            index[t] = new int[size];
            row[t] = new float[size];
        }
        return coef[t];
    }

    @Override
    public void forward(float[] input, int batch, float[] z) {
        // row r of Z: b + the sum over inputs i of x_ri times column i of W (inputs that are 0 skipped)
        FloatKernels.copyColumns(weights, outputSize, inputSize, wColumns);
        Kernels.parallel((long) batch * inputSize * outputSize, t -> {
            float[] c = scratch(t, 0);
            int[] idx = index[t];
            float[] acc = row[t];
            for (int r = Kernels.share(batch, t); r < Kernels.share(batch, t + 1); r++) {
                System.arraycopy(bias, 0, acc, 0, outputSize);
                int n = FloatKernels.nonZero(input, r * inputSize, 1, inputSize, c, idx);
                FloatKernels.addRows(acc, outputSize, c, wColumns, idx, n);
                System.arraycopy(acc, 0, z, r * outputSize, outputSize);
            }
        });
    }

    @Override
    public void backward(float[] input, float[] d, int batch, float[] gradInput) {
        // row j of dE/dW: the sum over samples r of delta_rj times row r of X (zero deltas skipped)
        inputRows = FloatKernels.rows(inputRows, batch, inputSize);
        FloatKernels.copyRows(input, 0, batch, inputSize, inputRows);
        Kernels.parallel((long) batch * inputSize * outputSize, t -> {
            float[] c = scratch(t, batch);
            int[] idx = index[t];
            float[] acc = row[t];
            for (int j = Kernels.share(outputSize, t); j < Kernels.share(outputSize, t + 1); j++) {
                Arrays.fill(acc, 0, inputSize, 0f);
                int n = FloatKernels.nonZero(d, j, outputSize, batch, c, idx);
                FloatKernels.addRows(acc, inputSize, c, inputRows, idx, n);
                System.arraycopy(acc, 0, gradWeights, j * inputSize, inputSize);
            }
        });
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
        Kernels.parallel((long) batch * inputSize * outputSize, t -> {
            float[] c = scratch(t, 0);
            int[] idx = index[t];
            float[] acc = row[t];
            for (int r = Kernels.share(batch, t); r < Kernels.share(batch, t + 1); r++) {
                Arrays.fill(acc, 0, inputSize, 0f);
                int n = FloatKernels.nonZero(d, r * outputSize, 1, outputSize, c, idx);
                FloatKernels.addRows(acc, inputSize, c, wRows, idx, n);
                System.arraycopy(acc, 0, gradInput, r * inputSize, inputSize);
            }
        });
    }
}
