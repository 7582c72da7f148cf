package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The loss curves' thinning to four points a pixel column, against the columns worked out apart and Java 2D's drawing. */
class ColumnThinningTest {
    @Test
    void aColumnKeepsItsFirstLowestHighestAndLastPointInOrder() {
        // column 0 holds six points: first y 5 (x 0.1), lowest y 1 (x 0.4), highest y 9 (x 0.5), last y 4 (x 0.6)
        double[] xs = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.5};
        double[] ys = {5, 2, 7, 1, 9, 4, 3};
        double[] ox = new double[7];
        double[] oy = new double[7];
        int n = ColumnThinning.thin(xs, ys, 7, ox, oy);
        assertEquals(5, n);
        assertArrayEquals(new double[] {0.1, 0.4, 0.5, 0.6, 1.5}, Arrays.copyOf(ox, n));
        assertArrayEquals(new double[] {5, 1, 9, 4, 3}, Arrays.copyOf(oy, n));
    }

    @Test
    void aBreakStaysOnceAndEndsTheColumnsRun() {
        // NaN at x 0.3 and 0.35 breaks column 0 in two runs; two NaN in a row make one break
        double[] xs = {0.1, 0.2, 0.3, 0.35, 0.4, 0.5};
        double[] ys = {1, 2, Double.NaN, Double.NaN, 3, 4};
        int n = ColumnThinning.thin(xs, ys, 6, xs, ys);
        assertEquals(5, n);
        assertArrayEquals(new double[] {1, 2, Double.NaN, 3, 4}, Arrays.copyOf(ys, n));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, Arrays.copyOf(xs, n));
    }

    @Test
    void everyColumnKeepsItsExtremesAndEnds() {
        Random random = new Random(7);
        int n = 5000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        double y = 100;
        for (int i = 0; i < n; i++) {
            xs[i] = 10 + i * 330.0 / n;
            y += random.nextGaussian() * 3;
            ys[i] = y;
        }
        double[] ox = new double[n];
        double[] oy = new double[n];
        int kept = ColumnThinning.thin(xs, ys, n, ox, oy);
        // the columns worked out apart: per column the first, last, lowest and highest y
        TreeMap<Integer, double[]> whole = columns(xs, ys, n);
        TreeMap<Integer, double[]> thinned = columns(ox, oy, kept);
        assertEquals(whole.keySet(), thinned.keySet());
        for (int c : whole.keySet()) {
            assertArrayEquals(whole.get(c), thinned.get(c), "column " + c);
        }
        assertTrue(kept <= 4 * whole.size(), kept + " points for " + whole.size() + " columns");
        for (int i = 1; i < kept; i++) {
            assertTrue(ox[i] > ox[i - 1], "in order");
        }
    }

    @Test
    void aThinnedLossCurveDrawsAsTheWholeCurve() {
        Random random = new Random(3);
        int n = 2048;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // a loss curve's shape in pixels: falling fast, then slowly, noisy by about a pixel a point
            xs[i] = 20 + i * 320.0 / n;
            ys[i] = 110 - 95 * Math.exp(-i / 300.0) + random.nextGaussian();
        }
        double[] ox = new double[n];
        double[] oy = new double[n];
        int kept = ColumnThinning.thin(xs, ys, n, ox, oy);
        BufferedImage whole = draw(xs, ys, n);
        BufferedImage thinned = draw(ox, oy, kept);
        // in every pixel column the same band is inked (rows more than half black), to within a row
        // (a dropped point near a column's edge inks the next column through the stroke's width),
        // and the ink over the whole picture agrees to 2 % (antialiased edges shade a little differently)
        long inkWhole = 0;
        long inkThinned = 0;
        for (int px = 0; px < whole.getWidth(); px++) {
            int[] a = StrokeInk.column(whole, px);
            int[] b = StrokeInk.column(thinned, px);
            assertTrue(Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1,
                    "column " + px + ": rows " + Arrays.toString(a) + " against " + Arrays.toString(b));
            inkWhole += a[2];
            inkThinned += b[2];
        }
        assertEquals(1.0, (double) inkThinned / inkWhole, 0.02);
    }

    private static TreeMap<Integer, double[]> columns(double[] xs, double[] ys, int n) {
        TreeMap<Integer, double[]> columns = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int c = (int) Math.floor(xs[i]);
            double[] v = columns.get(c);
            if (v == null) {
                columns.put(c, new double[] {ys[i], ys[i], ys[i], ys[i]});
            } else {
                v[1] = ys[i];
                v[2] = Math.min(v[2], ys[i]);
                v[3] = Math.max(v[3], ys[i]);
            }
        }
        return columns;
    }

    /** Black on white, 2 wide, antialiased, butt caps and round joins, as the curve is stroked. */
    private static BufferedImage draw(double[] xs, double[] ys, int n) {
        return StrokeInk.draw(xs, ys, n, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
    }
}
