package org.backproplab.engine;

/**
 * The single-precision twins of {@link Kernels}, for the float32 training path of the digits
 * networks ({@link FloatTrainer}): the same loop shapes (every row a separate {@code float[]}
 * indexed from 0, four rows at a time with {@link Math#fma(float, float, float)}), which C2
 * vectorises with twice as many values per vector instruction as for doubles. The threads and the
 * split of work are {@link Kernels}'s.
 */
final class FloatKernels {
    private FloatKernels() {
    }

    /**
     * {@code c[j] += sum over i < count of coef[i] * rows[idx[i]][j]} for j < n, the terms added
     * in the order of i (four at a time, each with one rounding). {@code c} must not be one of the
     * rows.
     */
    static void addRows(float[] c, int n, float[] coef, float[][] rows, int[] idx, int count) {
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            float a0 = coef[i];
            float a1 = coef[i + 1];
            float a2 = coef[i + 2];
            float a3 = coef[i + 3];
            float[] b0 = rows[idx[i]];
            float[] b1 = rows[idx[i + 1]];
            float[] b2 = rows[idx[i + 2]];
            float[] b3 = rows[idx[i + 3]];
            for (int j = 0; j < n; j++) {
                c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
            }
        }
        switch (count - i) {
            case 3 -> {
                float a0 = coef[i];
                float a1 = coef[i + 1];
                float a2 = coef[i + 2];
                float[] b0 = rows[idx[i]];
                float[] b1 = rows[idx[i + 1]];
                float[] b2 = rows[idx[i + 2]];
                for (int j = 0; j < n; j++) {
                    c[j] = Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j])));
                }
            }
            case 2 -> {
                float a0 = coef[i];
                float a1 = coef[i + 1];
                float[] b0 = rows[idx[i]];
                float[] b1 = rows[idx[i + 1]];
                for (int j = 0; j < n; j++) {
                    c[j] = Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]));
                }
            }
            case 1 -> {
                float a0 = coef[i];
                float[] b0 = rows[idx[i]];
                for (int j = 0; j < n; j++) {
                    c[j] = Math.fma(a0, b0[j], c[j]);
                }
            }
            default -> {
                // nothing left
            }
        }
    }

    /**
     * {@code c[j] += sum over i < count of coef[from + i] * rows[first + i][j]} for j < n: consecutive
     * rows and coefficients (four at a time, as {@link #addRows(float[], int, float[], float[][], int[], int)}).
     */
    static void addRows(float[] c, int n, float[] coef, int from, float[][] rows, int first, int count) {
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            float a0 = coef[from + i];
            float a1 = coef[from + i + 1];
            float a2 = coef[from + i + 2];
            float a3 = coef[from + i + 3];
            float[] b0 = rows[first + i];
            float[] b1 = rows[first + i + 1];
            float[] b2 = rows[first + i + 2];
            float[] b3 = rows[first + i + 3];
            for (int j = 0; j < n; j++) {
                c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
            }
        }
        for (; i < count; i++) {
            float a0 = coef[from + i];
            float[] b0 = rows[first + i];
            for (int j = 0; j < n; j++) {
                c[j] = Math.fma(a0, b0[j], c[j]);
            }
        }
    }

    /**
     * Collects the values {@code v[off + i * stride]} for i < count that are not 0: the values
     * into {@code coef}, their i into {@code idx}. Returns how many there are.
     */
    static int nonZero(float[] v, int off, int stride, int count, float[] coef, int[] idx) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            float x = v[off + i * stride];
            coef[n] = x;
            idx[n] = i;
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    /** Copies the rows of a rows x cols matrix (row-major, from {@code off}) into {@code out[r]}. */
    static void copyRows(float[] m, int off, int rows, int cols, float[][] out) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m, off + r * cols, out[r], 0, cols);
        }
    }

    /** Copies the columns of a rows x cols matrix (row-major) into {@code out[c]} (a transpose). */
    static void copyColumns(float[] m, int rows, int cols, float[][] out) {
        for (int r0 = 0; r0 < rows; r0 += 8) {
            int r1 = Math.min(rows, r0 + 8);
            for (int c = 0; c < cols; c++) {
                float[] o = out[c];
                for (int r = r0; r < r1; r++) {
                    o[r] = m[r * cols + c];
                }
            }
        }
    }

    /** A rows x cols array of rows, reused when it is already at least that large. */
    static float[][] rows(float[][] old, int rows, int cols) {
        if (old != null && old.length >= rows && (rows == 0 || old[0].length >= cols)) {
            return old;
        }
        return new float[rows][cols];
    }

    /** A float array of at least {@code n} values, {@code old} when it is large enough. */
    static float[] atLeast(float[] old, int n) {
        return old != null && old.length >= n ? old : new float[n];
    }

    /** The values of a double array, each rounded to the nearest float. */
    static float[] toFloats(double[] v, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }
}
