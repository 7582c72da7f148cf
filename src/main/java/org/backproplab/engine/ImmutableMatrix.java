package org.backproplab.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A read-only copy of a matrix, safe to hand to other threads and views.
 *
 * <p>Stage records and snapshots hold these instead of the engine's working {@link DMatrixRMaj}s,
 * so what a view shows can never change under it while the engine keeps computing.
 *
 * <p>A large data set of pixels can be held compactly ({@link #ofUnsignedBytes}): one byte per
 * value, turned into the double {@code (b & 0xFF) / 255.0} only when read, a row or a batch at a
 * time, so 60,000 digits take 47 MB instead of 376 MB.
 */
public final class ImmutableMatrix {
    private final int rows;
    private final int cols;
    /** The values, or null when they are held as {@link #bytes}. */
    private final double[] data;
    /** Unsigned bytes standing for byte / 255.0, or null when the values are held as doubles. */
    private final byte[] bytes;

    private ImmutableMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.bytes = null;
    }

    private ImmutableMatrix(int rows, int cols, byte[] bytes) {
        this.rows = rows;
        this.cols = cols;
        this.data = null;
        this.bytes = bytes;
    }

    /**
     * Pixels kept as unsigned bytes (copied): value (r, c) is {@code (values[r * cols + c] & 0xFF) / 255.0},
     * computed when read, the same double as scaling the byte up front.
     */
    public static ImmutableMatrix ofUnsignedBytes(int rows, int cols, byte[] values) {
        if (rows < 0 || cols < 0 || (long) rows * cols > values.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " values asked from " + values.length + " bytes");
        }
        return new ImmutableMatrix(rows, cols, Arrays.copyOf(values, rows * cols));
    }

    /** Whether the values are held compactly as bytes (and turned into doubles when read). */
    public boolean isCompact() {
        return bytes != null;
    }

    /** Value i of the row-major storage. */
    private double at(int i) {
        return bytes == null ? data[i] : (bytes[i] & 0xFF) / 255.0;
    }

    /**
     * Copies row {@code row} into {@code dst} from {@code offset} on (a batch being gathered); no
     * object is created.
     */
    /**
     * Copies row {@code row} into {@code dst} from {@code offset} on as floats (the float32
     * training path): each value the float nearest to the double {@link #copyRow(int, double[], int)}
     * gives.
     */
    void copyRow(int row, float[] dst, int offset) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside " + rows);
        }
        int from = row * cols;
        if (bytes == null) {
            for (int c = 0; c < cols; c++) {
                dst[offset + c] = (float) data[from + c];
            }
            return;
        }
        for (int c = 0; c < cols; c++) {
            dst[offset + c] = BYTE_FLOATS[bytes[from + c] & 0xFF];
        }
    }

    /** (float) (b / 255.0) for every unsigned byte b. */
    private static final float[] BYTE_FLOATS = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_FLOATS[b] = (float) (b / 255.0);
        }
    }

    public void copyRow(int row, double[] dst, int offset) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " outside " + rows);
        }
        int from = row * cols;
        if (bytes == null) {
            System.arraycopy(data, from, dst, offset, cols);
            return;
        }
        for (int c = 0; c < cols; c++) {
            dst[offset + c] = (bytes[from + c] & 0xFF) / 255.0;
        }
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
        return at(row * cols + col);
    }

    /** A fresh copy of one row. */
    public double[] rowValues(int row) {
        double[] out = new double[cols];
        copyRow(row, out, 0);
        return out;
    }

    /** A fresh copy as rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = rowValues(i);
        }
        return out;
    }

    /** A fresh working copy for the engine (as doubles, also when held compactly). */
    public DMatrixRMaj toMatrix() {
        return new DMatrixRMaj(rows, cols, true, toDoubles());
    }

    private double[] toDoubles() {
        if (bytes == null) {
            return Arrays.copyOf(data, data.length);
        }
        double[] out = new double[rows * cols];
        for (int i = 0; i < out.length; i++) {
            out[i] = at(i);
        }
        return out;
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean isFinite() {
        if (bytes != null) {
            return true;
        }
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ImmutableMatrix m) || m.rows != rows || m.cols != cols) {
            return false;
        }
        if (bytes != null && m.bytes != null) {
            return Arrays.equals(m.bytes, bytes);
        }
        return Arrays.equals(m.toDoublesShared(), toDoublesShared());
    }

    private double[] toDoublesShared() {
        return bytes == null ? data : toDoubles();
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(toDoublesShared());
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArray());
    }
}
