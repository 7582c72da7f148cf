package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The loss curves' steps and pixels, against a segment worked out by hand, the stroke found point by point, and Java 2D. */
@ExtendWith(ApplicationExtension.class)
class CurveBandTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: the raster's image needs it
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aLevelSegmentByHand() {
        // from (0.25, 10) to (0.625, 10), 2 wide: rows 9 to 11 over the steps from x 0.25 to 0.625 (steps 2 to 4 of 1/8)
        double[] low = new double[8];
        double[] high = new double[8];
        Arrays.fill(low, INF);
        Arrays.fill(high, -INF);
        CurveBand.steps(new double[] {0.25, 0.625}, new double[] {10, 10}, 2, 1, null, low, high);
        assertEquals(Arrays.toString(new double[] {INF, INF, 9, 9, 9, INF, INF, INF}), Arrays.toString(low));
        assertEquals(Arrays.toString(new double[] {-INF, -INF, 11, 11, 11, -INF, -INF, -INF}), Arrays.toString(high));
    }

    @Test
    void eachStepSpansTheStrokeFoundPointByPoint() {
        // steep, level, a vertical step and a sharp turn; a NaN breaks the line before x 6
        double[] xs = {0.3, 0.5, 1.7, 3.2, 3.5, 3.5, 3.9, 6.1, 6.3, 7.6};
        double[] ys = {2, 9, 9.5, 5, 1, 9, 4, Double.NaN, 2, 4};
        double half = 0.75;
        double[] low = new double[80];
        double[] high = new double[80];
        Arrays.fill(low, INF);
        Arrays.fill(high, -INF);
        CurveBand.steps(xs, ys, xs.length, half, null, low, high);
        double[][] runs = {Arrays.copyOfRange(xs, 0, 7), Arrays.copyOfRange(xs, 8, 10)};
        double[][] runYs = {Arrays.copyOfRange(ys, 0, 7), Arrays.copyOfRange(ys, 8, 10)};
        for (int step = 0; step < 80; step++) {
            // on a grid of about 0.005: the lowest and highest y within half of either run's line, over the step
            // (its sides taken 1e-6 inside: a step the stroke only touches is not inked)
            double lo = INF;
            double hi = -INF;
            for (int i = 0; i <= 50; i++) {
                double x = step / 8.0 + 1e-6 + i * (0.125 - 2e-6) / 50;
                for (double y = -5; y <= 15; y += 0.005) {
                    if (inked(runs[0], runYs[0], half, x, y) || inked(runs[1], runYs[1], half, x, y)) {
                        lo = Math.min(lo, y);
                        hi = Math.max(hi, y);
                    }
                }
            }
            if (lo == INF) {
                assertEquals(INF, low[step], "step " + step + " inks nothing");
            } else {
                assertEquals(lo, low[step], 0.011, "top of step " + step);
                assertEquals(hi, high[step], 0.011, "bottom of step " + step);
            }
        }
    }

    /** Within {@code half} of the line: across a segment within its length (butt ends), or of a point between two (round joins). */
    private static boolean inked(double[] xs, double[] ys, double half, double x, double y) {
        for (int k = 0; k + 1 < xs.length; k++) {
            double dx = xs[k + 1] - xs[k];
            double dy = ys[k + 1] - ys[k];
            double length = Math.hypot(dx, dy);
            double along = ((x - xs[k]) * dx + (y - ys[k]) * dy) / length;
            double across = Math.abs((y - ys[k]) * dx - (x - xs[k]) * dy) / length;
            if (along >= 0 && along <= length && across <= half) {
                return true;
            }
            if (k > 0 && Math.hypot(x - xs[k], y - ys[k]) <= half) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLossCurveInksWhatJava2dsStrokeInks() {
        compareWithJava2d(null, 1, 0.05);
    }

    @Test
    void aDashedLossCurveInksWhatJava2dsDashedStrokeInks() {
        // not noisy: a noisy curve's dashes are a pixel long, and the two dashers' rounding shifts them
        compareWithJava2d(new double[] {6, 4}, 0, 0.05);
    }

    /**
     * A loss curve of 2,048 points ({@code noise}: about a pixel a point when 1), 2 wide, through {@link CurveRaster} and through Java 2D's
     * antialiased stroke (butt ends, round joins): in every pixel column of the curve the ink differs by less
     * than a pixel's, and (not dashed) the same rows are inked more than half to within one; the ink of the
     * whole curve agrees within {@code inkTolerance} (each eighth of a column is filled over the whole range
     * the stroke reaches in it, where a slanted edge covers part of it: on 2026-12-02 4.1 % more undashed,
     * 3.6 % dashed). Dashed, the rows are not compared: a dash's slanted butt end inks a corner of the next
     * column, which the steps fill a little more than half where Java 2D fills a little less.
     */
    private static void compareWithJava2d(double[] dashes, double noise, double inkTolerance) {
        Random random = new Random(3);
        int n = 2048;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 20 + i * 320.0 / n;
            ys[i] = 110 - 95 * Math.exp(-i / 300.0) + noise * random.nextGaussian();
        }
        BufferedImage stroked = StrokeInk.draw(xs, ys, n, dashes == null
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6, 4}, 0f));
        CurveRaster raster = new CurveRaster();
        raster.clear(360, 120);
        raster.draw(xs, ys, n, 1, dashes, 0x000000, 1);
        long inkStroked = 0;
        long inkRaster = 0;
        int worst = 0;
        // the columns of the curve (x 20 to 340; the stroke's steep start reaches a little into column 19)
        for (int px = 20; px < 340; px++) {
            int[] a = StrokeInk.column(stroked, px);
            int[] b = {-1, -1, 0};
            for (int py = 0; py < 120; py++) {
                // premultiplied black: the ink is the alpha
                StrokeInk.add(b, py, raster.pixel(px, py) >>> 24);
            }
            if (dashes == null) {
                assertTrue(Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1,
                        "column " + px + ": rows " + Arrays.toString(a) + " against " + Arrays.toString(b));
            }
            worst = Math.max(worst, Math.abs(a[2] - b[2]));
            inkStroked += a[2];
            inkRaster += b[2];
        }
        assertTrue(worst <= 255, "a column's ink differs by " + worst + " (255: a whole pixel)");
        assertEquals(1.0, (double) inkRaster / inkStroked, inkTolerance);
    }
}
