package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The blocked float kernels against plain loops written here (in double, then compared with a tolerance). */
class FloatKernelsTest {
    @Test
    void fourSumsAtOnceAreFourPlainSumsOfRows() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 37;
        int rowsCount = 23;
        float[][] rows = new float[rowsCount][n];
        for (float[] row : rows) {
            for (int j = 0; j < n; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        // four coefficient vectors of rowsCount values, interleaved in v with stride 4 from offsets 0..3;
        // some positions 0 in all four (skipped), some in only some of them
        float[] v = new float[4 * rowsCount];
        for (int i = 0; i < rowsCount; i++) {
            boolean allZero = i % 5 == 2;
            for (int a = 0; a < 4; a++) {
                v[4 * i + a] = allZero || r.nextInt(3) == 0 ? 0 : (float) r.nextDouble(-1, 1);
            }
        }
        float[] coef = new float[4 * rowsCount];
        int[] idx = new int[rowsCount];
        for (int count : new int[] {rowsCount, rowsCount - 1}) {
            int m = FloatKernels.nonZero4(v, new int[] {0, 1, 2, 3}, 4, count, coef, idx);
            int expectedM = 0;
            for (int i = 0; i < count; i++) {
                expectedM += i % 5 == 2 ? 0 : 1;
            }
            assertEquals(expectedM, m);
            float[][] c = new float[4][n];
            for (int a = 0; a < 4; a++) {
                for (int j = 0; j < n; j++) {
                    c[a][j] = 0.5f * a - j * 0.01f;
                }
            }
            FloatKernels.addRows4(c[0], c[1], c[2], c[3], n - 2, coef, rows, idx, m);
            for (int a = 0; a < 4; a++) {
                for (int j = 0; j < n; j++) {
                    double expected = 0.5 * a - j * 0.01f;
                    if (j < n - 2) {
                        for (int i = 0; i < count; i++) {
                            expected += (double) v[4 * i + a] * rows[i][j];
                        }
                    }
                    assertEquals(expected, c[a][j], 1e-5, "sum " + a + " at " + j + " of " + count + " rows");
                }
            }
        }
    }
    @Test
    void productsOfRowsAndSumsArePlainLoops() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 45;
        float[][] a = new float[4][n];
        float[][] b = new float[4][n];
        for (int g = 0; g < 4; g++) {
            for (int j = 0; j < n; j++) {
                a[g][j] = (float) r.nextDouble(-1, 1);
            }
            for (int j = 0; j < n; j++) {
                b[g][j] = (float) r.nextDouble(-1, 1);
            }
        }
        float[] c = new float[n + 3];
        float[] one = new float[n + 3];
        for (int j = 0; j < c.length; j++) {
            c[j] = j * 0.01f;
            one[j] = j * 0.01f;
        }
        FloatKernels.addProducts2(c, n, a[0], a[1], b[0], b[1]);
        FloatKernels.addProducts(one, n - 1, a[2], b[2]);
        for (int j = 0; j < c.length; j++) {
            double expected = j * 0.01f;
            double expectedOne = j * 0.01f;
            for (int g = 0; j < n && g < 2; g++) {
                expected += (double) a[g][j] * b[g][j];
            }
            if (j < n - 1) {
                expectedOne += (double) a[2][j] * b[2][j];
            }
            assertEquals(expected, c[j], 1e-6, "two products at " + j);
            assertEquals(expectedOne, one[j], 1e-6, "one product at " + j);
        }
        for (int m : new int[] {0, 1, 3, 4, 8, 9, 45}) {
            double expected = 0;
            for (int j = 0; j < m; j++) {
                expected += a[0][j];
            }
            float[] v = a[0].clone();
            assertEquals(expected, FloatKernels.sumAndClear(v, m), 1e-5, "sum of " + m);
            for (int j = 0; j < n; j++) {
                assertEquals(j < m ? 0f : a[0][j], v[j], 0f, "value " + j + " after the sum of " + m);
            }
        }
    }
    @Test
    void theTransposeOnBothCoresIsThePlainOne() {
        // 128 x 1100: more than 2^17 values, so both cores take columns
        int rows = 128;
        int cols = 1100;
        float[] m = new float[rows * cols];
        for (int i = 0; i < m.length; i++) {
            m[i] = i * 0.5f - 7;
        }
        float[][] out = new float[cols][rows];
        FloatKernels.copyColumns(m, rows, cols, out);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals((r * cols + c) * 0.5f - 7, out[c][r], 0f, "row " + r + " column " + c);
            }
        }
    }
    @Test
    void tapsIntoEveryFilterAreThePlainSumsAndTheFourTapKernelsNumbers() {
        // 7 filters (two blocks of three and one alone), 11 taps of K, rows of 53 values (52 used)
        SplittableRandom r = new SplittableRandom(8);
        int filters = 7;
        int k = 11;
        int n = 53;
        float[] w = new float[filters * k];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-1, 1);
        }
        float[][] slices = new float[k][n];
        for (float[] row : slices) {
            for (int j = 0; j < n; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        float[][] out = new float[filters][n];
        float[][] plain = new float[filters][n];
        for (int f = 0; f < filters; f++) {
            for (int j = 0; j < n; j++) {
                out[f][j] = 0.1f * f - 0.01f * j;
                plain[f][j] = out[f][j];
            }
        }
        // three taps at a time (the last block two: 11 = 3 + 3 + 3 + 2), and the same taps one row at a time
        for (int tap = 0; tap < k; tap += 3) {
            int taps = Math.min(3, k - tap);
            float[][] rows = java.util.Arrays.copyOfRange(slices, tap, tap + 3);
            FloatKernels.addTaps(out, filters, n - 1, w, k, tap, taps, rows);
        }
        for (int f = 0; f < filters; f++) {
            for (int tap = 0; tap < k; tap++) {
                FloatKernels.addRows(plain[f], n - 1, w, f * k + tap, slices, tap, 1);
            }
        }
        for (int f = 0; f < filters; f++) {
            for (int j = 0; j < n; j++) {
                double expected = 0.1f * f - 0.01f * j;
                for (int tap = 0; j < n - 1 && tap < k; tap++) {
                    expected += (double) w[f * k + tap] * slices[tap][j];
                }
                assertEquals(expected, out[f][j], 1e-5, "filter " + f + " at " + j);
                // the same terms in the same order, each with one rounding: the same float
                assertEquals(plain[f][j], out[f][j], 0f, "filter " + f + " at " + j + " against one tap at a time");
            }
        }
    }
}
