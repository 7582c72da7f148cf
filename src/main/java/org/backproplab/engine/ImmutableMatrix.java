package org.backproplab.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A read-only copy of a matrix, safe to hand to other threads and views.
 *
 * <p>Stage records and snapshots hold these instead of the engine's working {@link DMatrixRMaj}s,
 * so what a view shows can never change under it while the engine keeps computing.
 */
public final class ImmutableMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private ImmutableMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Copies {@code source}; later changes to it do not show here. */
    public static ImmutableMatrix copyOf(DMatrixRMaj source) {
        return new ImmutableMatrix(source.numRows, source.numCols,
                Arrays.copyOf(source.data, source.numRows * source.numCols));
    }

    /** Copies a rectangular array given as rows. */
    public static ImmutableMatrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length
                        + " values, expected " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new ImmutableMatrix(r, c, d);
    }

    /** A single row, e.g. one sample's activations. */
    public static ImmutableMatrix row(double... values) {
        return new ImmutableMatrix(1, values.length, values.clone());
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + "x" + cols);
        }
        return data[row * cols + col];
    }

    /** A fresh copy of one row. */
    public double[] rowValues(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** A fresh copy as rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = rowValues(i);
        }
        return out;
    }

    /** A fresh working copy for the engine. */
    public DMatrixRMaj toMatrix() {
        return new DMatrixRMaj(rows, cols, true, Arrays.copyOf(data, data.length));
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImmutableMatrix m && m.rows == rows && m.cols == cols
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArray());
    }
}
