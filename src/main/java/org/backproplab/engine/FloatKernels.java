package org.backproplab.engine;

import java.util.function.IntConsumer;

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
     * Runs {@code body(t)} for t &lt; {@link Kernels#THREADS}: on every core ({@link FloatTeam}) when {@code work}
     * (multiply-adds or values) is worth it, else one after the other on this thread. Each t must write its own
     * outputs.
     */
    static void parallel(long work, IntConsumer body) {
        if (Kernels.THREADS == 1 || work < PARALLEL_WORK) {
            for (int t = 0; t < Kernels.THREADS; t++) {
                body.accept(t);
            }
        } else {
            FloatTeam.run(body);
        }
    }

    /** The least work split over the cores (as {@link Kernels#parallel}'s). */
    static final long PARALLEL_WORK = 1 << 17;

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
     * For every filter f &lt; {@code filters}: {@code out[f][j] += sum over i < taps of coef[f * k + tap + i] *
     * rows[i][j]} for j &lt; n, the terms added in the order of i with one rounding each (exactly what
     * {@link #addRows(float[], int, float[], int, float[][], int, int)} gives each row), for up to three taps.
     * With three taps, three filters at a time share each loaded value ({@link #addRows3x3}): nine
     * multiply-adds for every three loads and three stores, against four for six in the four-tap kernel
     * (measured, one thread, rows of 136 to 1,440: 36 to 50 billion multiply-adds a second against 24 to 30).
     */
    static void addTaps(float[][] out, int filters, int n, float[] coef, int k, int tap, int taps, float[][] rows) {
        int f = 0;
        if (taps == 3) {
            for (; f + 3 <= filters; f += 3) {
                addRows3x3(out[f], out[f + 1], out[f + 2], n, coef, f * k + tap, (f + 1) * k + tap,
                        (f + 2) * k + tap, rows);
            }
        }
        for (; f < filters; f++) {
            addRows(out[f], n, coef, f * k + tap, rows, 0, taps);
        }
    }

    /**
     * {@code c_a[j] += coef[from_a] rows[0][j] + coef[from_a + 1] rows[1][j] + coef[from_a + 2] rows[2][j]} for
     * a &lt; 3 and j &lt; n, in that order with one rounding each. The three {@code c_a} must be distinct and none
     * of them one of the rows (checked). Its bytecode is longer than C2's limit for inlining (FreqInlineSize,
     * 325 bytes), on purpose: inlined into its caller, the loop stayed scalar (measured: the small CNN's first
     * layer 2.3 ms a batch against 0.67 ms kept apart).
     */
    static void addRows3x3(float[] c0, float[] c1, float[] c2, int n, float[] coef, int from0, int from1, int from2,
            float[][] rows) {
        float[] b0 = rows[0];
        float[] b1 = rows[1];
        float[] b2 = rows[2];
        if (c0 == c1 || c0 == c2 || c1 == c2) {
            throw new IllegalArgumentException("the three sums must be three rows, got " + (c0 == c1 ? "c0 = c1"
                    : c0 == c2 ? "c0 = c2" : "c1 = c2") + " of " + n + " values");
        }
        boolean shared = c0 == b0 || c0 == b1 || c0 == b2 || c1 == b0 || c1 == b1 || c1 == b2 || c2 == b0
                || c2 == b1 || c2 == b2;
        int shortest = Math.min(Math.min(Math.min(c0.length, c1.length), Math.min(c2.length, b0.length)),
                Math.min(b1.length, b2.length));
        if (shared || shortest < n) {
            throw new IllegalArgumentException(shared ? "a sum is one of the rows added"
                    : "a row is shorter than " + n + " values (" + shortest + ")");
        }
        float a0 = coef[from0];
        float a1 = coef[from0 + 1];
        float a2 = coef[from0 + 2];
        float d0 = coef[from1];
        float d1 = coef[from1 + 1];
        float d2 = coef[from1 + 2];
        float e0 = coef[from2];
        float e1 = coef[from2 + 1];
        float e2 = coef[from2 + 2];
        for (int j = 0; j < n; j++) {
            float x0 = b0[j];
            float x1 = b1[j];
            float x2 = b2[j];
            c0[j] = Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, c0[j])));
            c1[j] = Math.fma(d2, x2, Math.fma(d1, x1, Math.fma(d0, x0, c1[j])));
            c2[j] = Math.fma(e2, x2, Math.fma(e1, x1, Math.fma(e0, x0, c2[j])));
        }
    }

    /**
     * Four sums of rows at once, each loaded row shared by the four (a block of a matrix product):
     * {@code c_a[j] += sum over i < count of coef[4 i + a] * rows[idx[i]][j]} for a < 4 and j < n,
     * the terms of each sum added in the order of i with one rounding each (so each {@code c_a}
     * gets exactly what {@link #addRows(float[], int, float[], float[][], int[], int)} would give it
     * from the same terms). The four {@code c_a} must be distinct and none of them one of the rows.
     */
    static void addRows4(float[] c0, float[] c1, float[] c2, float[] c3, int n, float[] coef, float[][] rows,
            int[] idx, int count) {
        int i = 0;
        for (; i + 2 <= count; i += 2) {
            float[] b0 = rows[idx[i]];
            float[] b1 = rows[idx[i + 1]];
            int k = 4 * i;
            float a00 = coef[k];
            float a10 = coef[k + 1];
            float a20 = coef[k + 2];
            float a30 = coef[k + 3];
            float a01 = coef[k + 4];
            float a11 = coef[k + 5];
            float a21 = coef[k + 6];
            float a31 = coef[k + 7];
            for (int j = 0; j < n; j++) {
                float x0 = b0[j];
                float x1 = b1[j];
                c0[j] = Math.fma(a01, x1, Math.fma(a00, x0, c0[j]));
                c1[j] = Math.fma(a11, x1, Math.fma(a10, x0, c1[j]));
                c2[j] = Math.fma(a21, x1, Math.fma(a20, x0, c2[j]));
                c3[j] = Math.fma(a31, x1, Math.fma(a30, x0, c3[j]));
            }
        }
        if (i < count) {
            float[] b0 = rows[idx[i]];
            int k = 4 * i;
            float a0 = coef[k];
            float a1 = coef[k + 1];
            float a2 = coef[k + 2];
            float a3 = coef[k + 3];
            for (int j = 0; j < n; j++) {
                float x0 = b0[j];
                c0[j] = Math.fma(a0, x0, c0[j]);
                c1[j] = Math.fma(a1, x0, c1[j]);
                c2[j] = Math.fma(a2, x0, c2[j]);
                c3[j] = Math.fma(a3, x0, c3[j]);
            }
        }
    }

    /**
     * For four vectors a < 4 of {@code count} values, value i of vector a at {@code v[offs[a] + i * stride]}:
     * collects the i at which any of the four is not 0 into {@code idx} and the four values there
     * into {@code coef} (at 4 x their rank + a). Returns how many such i there are.
     */
    static int nonZero4(float[] v, int[] offs, int stride, int count, float[] coef, int[] idx) {
        int o0 = offs[0];
        int o1 = offs[1];
        int o2 = offs[2];
        int o3 = offs[3];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int at = i * stride;
            float x0 = v[o0 + at];
            float x1 = v[o1 + at];
            float x2 = v[o2 + at];
            float x3 = v[o3 + at];
            int k = 4 * n;
            coef[k] = x0;
            coef[k + 1] = x1;
            coef[k + 2] = x2;
            coef[k + 3] = x3;
            idx[n] = i;
            n += (x0 != 0 || x1 != 0 || x2 != 0 || x3 != 0) ? 1 : 0;
        }
        return n;
    }

    /**
     * {@code c[j] += a0[j] b0[j] + a1[j] b1[j]} for j < n, in that order with one rounding each:
     * products of rows position by position. Five arrays at most, all read at j: with more, or
     * with an offset on one of them, C2 (Java 17) leaves the loop scalar (measured: 1 to 2 billion
     * multiply-adds a second against 8 to 10).
     */
    static void addProducts2(float[] c, int n, float[] a0, float[] a1, float[] b0, float[] b1) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a1[j], b1[j], Math.fma(a0[j], b0[j], c[j]));
        }
    }

    /** {@code c[j] += a0[j] b0[j] + a1[j] b1[j] + a2[j] b2[j]} for j < n, in that order with one rounding each. */
    static void addProducts3(float[] c, int n, float[] a0, float[] a1, float[] a2, float[] b0, float[] b1,
            float[] b2) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a2[j], b2[j], Math.fma(a1[j], b1[j], Math.fma(a0[j], b0[j], c[j])));
        }
    }

    /** {@code c[j] += a[j] b[j]} for j < n, with one rounding. */
    static void addProducts(float[] c, int n, float[] a, float[] b) {
        for (int j = 0; j < n; j++) {
            c[j] = Math.fma(a[j], b[j], c[j]);
        }
    }

    /**
     * The sum of {@code v[0..n)}, added in eight interleaved partial sums (j mod 8), then those pairwise; leaves
     * {@code v[0..n)} 0. One pass: the small CNN's partial rows (668 KB a core) are read once a batch, not
     * read for the sum and written again to clear them.
     */
    static float sumAndClear(float[] v, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            s0 += v[j];
            s1 += v[j + 1];
            s2 += v[j + 2];
            s3 += v[j + 3];
            s4 += v[j + 4];
            s5 += v[j + 5];
            s6 += v[j + 6];
            s7 += v[j + 7];
            v[j] = 0;
            v[j + 1] = 0;
            v[j + 2] = 0;
            v[j + 3] = 0;
            v[j + 4] = 0;
            v[j + 5] = 0;
            v[j + 6] = 0;
            v[j + 7] = 0;
        }
        for (; j < n; j++) {
            s0 += v[j];
            v[j] = 0;
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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

    /** How many of the values {@code v[off + i * stride]} for i < count are not 0. */
    static int countNonZero(float[] v, int off, int stride, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += v[off + i * stride] != 0 ? 1 : 0;
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
        // on both cores from 2^17 values (the small CNN's 1440 x 128: about 0.15 to 0.3 ms on one)
        parallel((long) rows * cols, t -> copyColumns(m, rows, cols, out, Kernels.share(cols, t),
                Kernels.share(cols, t + 1)));
    }

    /** Columns {@code c0} to {@code c1} of a rows x cols matrix (row-major) into {@code out[c]}. */
    static void copyColumns(float[] m, int rows, int cols, float[][] out, int c0, int c1) {
        for (int r0 = 0; r0 < rows; r0 += 8) {
            int r1 = Math.min(rows, r0 + 8);
            for (int c = c0; c < c1; c++) {
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
