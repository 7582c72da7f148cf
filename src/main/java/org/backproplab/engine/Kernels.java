package org.backproplab.engine;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The multiply-adds behind the digits networks' products, written so that HotSpot's C2 compiler
 * turns their inner loops into vector instructions.
 *
 * <p>Every product is built from one operation, {@link #addRows}: a row of the result plus a
 * weighted sum of whole rows, c += a0 b0 + a1 b1 + a2 b2 + a3 b3, four rows at a time, with
 * {@link Math#fma}. Java 17's C2 vectorises such a loop only when every array in it is indexed
 * the same way: it does not vectorise a dot product (its sum is one chain), a loop that reads one
 * array at two offsets, nor one that writes {@code c[offset + j]} while reading {@code b[j]}
 * (measured: about 5 billion multiply-adds a second instead of 18). So every row, the one written
 * included, is a separate {@code double[]} indexed from 0 (a matrix is copied into rows first,
 * and a result row is copied out after), and products that would be dot products are turned
 * around into sums of rows. Measured on the 2-core machine of docs/PERFORMANCE.md, one thread,
 * rows of 784 values in the cache: 18.7 billion multiply-adds a second, against about 1.5 for a
 * plain dot-product loop.
 *
 * <p>Rows whose weight is exactly 0 are skipped (most inputs of a digit image, and most deltas
 * behind a ReLU or a max-pool, are 0): a zero term adds nothing, so the sum is the same.
 */
final class Kernels {
    /** How many threads the products use: the machine's cores, at most 8. */
    static final int THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private Kernels() {
    }

    /**
     * {@code c[j] += sum over i < count of coef[i] * rows[idx[i]][j]} for j < n, the terms added
     * in the order of i (four at a time, each with one rounding). {@code c} must not be one of the
     * rows.
     */
    static void addRows(double[] c, int n, double[] coef, double[][] rows, int[] idx, int count) {
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            double a0 = coef[i];
            double a1 = coef[i + 1];
            double a2 = coef[i + 2];
            double a3 = coef[i + 3];
            double[] b0 = rows[idx[i]];
            double[] b1 = rows[idx[i + 1]];
            double[] b2 = rows[idx[i + 2]];
            double[] b3 = rows[idx[i + 3]];
            for (int j = 0; j < n; j++) {
                c[j] = Math.fma(a3, b3[j], Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]))));
            }
        }
        switch (count - i) {
            case 3 -> {
                double a0 = coef[i];
                double a1 = coef[i + 1];
                double a2 = coef[i + 2];
                double[] b0 = rows[idx[i]];
                double[] b1 = rows[idx[i + 1]];
                double[] b2 = rows[idx[i + 2]];
                for (int j = 0; j < n; j++) {
                    c[j] = Math.fma(a2, b2[j], Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j])));
                }
            }
            case 2 -> {
                double a0 = coef[i];
                double a1 = coef[i + 1];
                double[] b0 = rows[idx[i]];
                double[] b1 = rows[idx[i + 1]];
                for (int j = 0; j < n; j++) {
                    c[j] = Math.fma(a1, b1[j], Math.fma(a0, b0[j], c[j]));
                }
            }
            case 1 -> {
                double a0 = coef[i];
                double[] b0 = rows[idx[i]];
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
     * Collects the values {@code v[off + i * stride]} for i < count that are not 0: the values
     * into {@code coef}, their i into {@code idx}. Returns how many there are.
     */
    static int nonZero(double[] v, int off, int stride, int count, double[] coef, int[] idx) {
        // written every time, kept by counting it (no branch to mispredict on which values are 0)
        int n = 0;
        for (int i = 0; i < count; i++) {
            double x = v[off + i * stride];
            coef[n] = x;
            idx[n] = i;
            n += x != 0 ? 1 : 0;
        }
        return n;
    }

    /** Copies the rows of a rows x cols matrix (row-major, from {@code off}) into {@code out[r]}. */
    static void copyRows(double[] m, int off, int rows, int cols, double[][] out) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(m, off + r * cols, out[r], 0, cols);
        }
    }

    /**
     * Copies the columns of a rows x cols matrix (row-major) into {@code out[c]} (a transpose),
     * the columns split over the cores.
     */
    static void copyColumns(double[] m, int rows, int cols, double[][] out) {
        parallel((long) rows * cols * 4, t -> {
            // blocks of 8 rows keep the reads and the writes in the cache
            for (int r0 = 0; r0 < rows; r0 += 8) {
                int r1 = Math.min(rows, r0 + 8);
                for (int c = share(cols, t); c < share(cols, t + 1); c++) {
                    double[] o = out[c];
                    for (int r = r0; r < r1; r++) {
                        o[r] = m[r * cols + c];
                    }
                }
            }
        });
    }

    /** A rows x cols array of rows, reused when it is already at least that large. */
    static double[][] rows(double[][] old, int rows, int cols) {
        if (old != null && old.length >= rows && (rows == 0 || old[0].length >= cols)) {
            return old;
        }
        double[][] out = new double[rows][cols];
        return out;
    }

    /**
     * Runs {@code body(t)} for t &lt; {@link #THREADS}, on every core when {@code work} (multiply-adds)
     * is worth it, else one after the other on this thread. Each t must write its own outputs.
     */
    static void parallel(long work, IntConsumer body) {
        if (THREADS == 1 || work < 1 << 17) {
            for (int t = 0; t < THREADS; t++) {
                body.accept(t);
            }
        } else {
            IntStream.range(0, THREADS).parallel().forEach(body);
        }
    }

    /** The first of the {@code n} items that thread t of {@link #THREADS} takes (t = THREADS gives n). */
    static int share(int n, int t) {
        return (int) ((long) n * t / THREADS);
    }
}
