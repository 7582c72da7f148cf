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
    /** Rows of more values than this (a megabyte) are taken as too many for the cache ({@link #sums}). */
    private static final long LARGE_VALUES = 1 << 18;

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
        // row r of Z: b + the sum over inputs i of x_ri times column i of W (inputs that are 0 skipped)
        FloatKernels.copyColumns(weights, outputSize, inputSize, wColumns);
        FloatKernels.parallel((long) batch * inputSize * outputSize, t -> sums(t, bias, input, inputSize, 1, inputSize,
                wColumns, outputSize, Kernels.share(batch, t), Kernels.share(batch, t + 1), z, outputSize));
    }

    /**
     * Rows {@code lo} to {@code hi} of a result (rows of {@code n}, row x from x times {@code rowStep} in {@code out}),
     * row x being {@code init} (0 when null) plus the sum over i < count of v[x * xStep + i * iStep] times
     * {@code rows[i]}, the terms that are 0 skipped, in thread t's scratch. Four result rows at a time share
     * each loaded row ({@link FloatKernels#addRows4}) where the terms that are not 0 for any of the four are
     * not many more than those of each: always for the small CNN's 1440-128 layer, whose W or X is too large for
     * the cache to be read again for every row; not for sparse pixels (the MLP) nor behind a ReLU in small layers.
     */
    private void sums(int t, float[] init, float[] v, int xStep, int iStep, int count, float[][] rows, int n, int lo,
            int hi, float[] out, int rowStep) {
        float[] c = scratch(t, count);
        int[] idx = index[t];
        float[][] acc = rows4[t];
        int[] offs = offs4[t];
        float[] one = row[t];
        boolean large = (long) count * n > LARGE_VALUES;
        int x = lo;
        for (; x + 4 <= hi; x += 4) {
            int each = 0;
            for (int a = 0; a < 4; a++) {
                offs[a] = (x + a) * xStep;
                each += FloatKernels.countNonZero(v, offs[a], iStep, count);
            }
            int m = FloatKernels.nonZero4(v, offs, iStep, count, c, idx);
            if (4 * m > each * (large ? 2f : 1.2f)) {
                break;
            }
            for (int a = 0; a < 4; a++) {
                start(acc[a], init, n);
            }
            FloatKernels.addRows4(acc[0], acc[1], acc[2], acc[3], n, c, rows, idx, m);
            for (int a = 0; a < 4; a++) {
                System.arraycopy(acc[a], 0, out, (x + a) * rowStep, n);
            }
        }
        for (; x < hi; x++) {
            start(one, init, n);
            int m = FloatKernels.nonZero(v, x * xStep, iStep, count, c, idx);
            FloatKernels.addRows(one, n, c, rows, idx, m);
            System.arraycopy(one, 0, out, x * rowStep, n);
        }
    }

    private static void start(float[] acc, float[] init, int n) {
        if (init == null) {
            Arrays.fill(acc, 0, n, 0f);
        } else {
            System.arraycopy(init, 0, acc, 0, n);
        }
    }

    @Override
    public void backward(float[] input, float[] d, int batch, float[] gradInput) {
        // row j of dE/dW: the sum over samples r of delta_rj times row r of X, four neurons at a time
        // sharing each row of X (samples whose four deltas are 0 skipped)
        inputRows = FloatKernels.rows(inputRows, batch, inputSize);
        FloatKernels.copyRows(input, 0, batch, inputSize, inputRows);
        FloatKernels.parallel((long) batch * inputSize * outputSize, t -> sums(t, null, d, 1, outputSize, batch, inputRows,
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
        FloatKernels.parallel((long) batch * inputSize * outputSize, t -> sums(t, null, d, outputSize, 1, outputSize, wRows,
                inputSize, Kernels.share(batch, t), Kernels.share(batch, t + 1), gradInput, inputSize));
    }
}
