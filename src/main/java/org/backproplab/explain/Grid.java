package org.backproplab.explain;

import java.util.Arrays;

/**
 * An immutable picture of numbers, {@code rows x cols}, row by row: a saliency map, a class
 * activation map, an occlusion map, an image. The values are the raw ones an explanation defines;
 * {@link #scaledToMax()} is the display version.
 */
public final class Grid {
    private final int rows;
    private final int cols;
    private final double[] values;

    /** {@code values} (row by row) is copied. */
    public Grid(int rows, int cols, double[] values) {
        if (rows < 1 || cols < 1 || values.length != rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " grid needs " + rows * cols
                    + " values, got " + values.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.values = values.clone();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        return values[row * cols + col];
    }

    /** A copy of the values, row by row. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the values as {@code rows} arrays of {@code cols}. */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(values, r * cols, (r + 1) * cols);
        }
        return out;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The largest absolute value (0 for an all-zero grid). */
    public double maxAbs() {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * For display only: every value divided by the largest absolute value, so the strongest is 1
     * (or -1); an all-zero grid stays zero.
     */
    public Grid scaledToMax() {
        double m = maxAbs();
        double[] out = values.clone();
        if (m > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= m;
            }
        }
        return new Grid(rows, cols, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Grid g && g.rows == rows && g.cols == cols && Arrays.equals(g.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Grid " + rows + " x " + cols;
    }
}
