package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loss curves' band, against a segment worked out by hand and Java 2D's stroke of the whole curve. */
class CurveBandTest {
    @Test
    void aLevelSegmentByHand() {
        // from (0.5, 10) to (1.25, 10), 2 wide: rows 9 to 11 in the quarter columns 0.5-0.75, 0.75-1 and 1-1.25
        List<double[][]> outlines = CurveBand.outlines(new double[] {0.5, 1.25}, new double[] {10, 10}, 2, 1);
        assertEquals(1, outlines.size());
        assertArrayEquals(new double[] {0.5, 0.75, 0.75, 1, 1, 1.25, 1.25, 1, 1, 0.75, 0.75, 0.5},
                outlines.get(0)[0], 1e-12);
        assertArrayEquals(new double[] {9, 9, 9, 9, 9, 9, 11, 11, 11, 11, 11, 11}, outlines.get(0)[1], 1e-12);
    }

    @Test
    void eachColumnSpansTheStrokeFoundPointByPoint() {
        // steep, level, a vertical step and a sharp turn; a NaN breaks the line before x 6
        double[] xs = {0.3, 0.5, 1.7, 3.2, 3.5, 3.5, 3.9, 6.1, 6.3, 7.6};
        double[] ys = {2, 9, 9.5, 5, 1, 9, 4, Double.NaN, 2, 4};
        double half = 0.75;
        List<double[][]> outlines = CurveBand.outlines(xs, ys, xs.length, half);
        assertEquals(2, outlines.size());
        checkAgainstPoints(outlines.get(0), Arrays.copyOfRange(xs, 0, 7), Arrays.copyOfRange(ys, 0, 7), half);
        checkAgainstPoints(outlines.get(1), Arrays.copyOfRange(xs, 8, 10), Arrays.copyOfRange(ys, 8, 10), half);
        // a lone point between breaks inks nothing, as a stroke's moveTo alone draws nothing
        assertTrue(CurveBand.outlines(new double[] {1, 2, 3}, new double[] {Double.NaN, 4, Double.NaN}, 3, 1).isEmpty());
    }

    /**
     * In every column of the outline's steps, its top and bottom are the lowest and highest y, on a grid of
     * 0.005, of the points within {@code half} of the line: across a segment within its length (butt ends),
     * or around a point between two segments (round joins).
     */
    private static void checkAgainstPoints(double[][] outline, double[] xs, double[] ys, double half) {
        int steps = outline[0].length / 4;
        for (int c = 0; c < steps; c++) {
            double left = outline[0][2 * c];
            double right = outline[0][2 * c + 1];
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double x = left; x <= right + 1e-9; x += 0.005) {
                for (double y = -5; y <= 15; y += 0.005) {
                    if (inked(xs, ys, half, x, y)) {
                        low = Math.min(low, y);
                        high = Math.max(high, y);
                    }
                }
            }
            assertEquals(low, outline[1][2 * c], 0.011, "top of the step at x " + left);
            assertEquals(high, outline[1][outline[1].length - 1 - 2 * c], 0.011, "bottom of the step at x " + left);
        }
    }

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
    void theBandOfALossCurveInksWhatItsStrokeInks() {
        Random random = new Random(3);
        int n = 2048;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // a loss curve's shape in pixels: falling fast, then slowly, noisy by about a pixel a point
            xs[i] = 20 + i * 320.0 / n;
            ys[i] = 110 - 95 * Math.exp(-i / 300.0) + random.nextGaussian();
        }
        BufferedImage stroked = image();
        Graphics2D g = graphics(stroked);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.draw(path);
        BufferedImage filled = image();
        g = graphics(filled);
        for (double[][] outline : CurveBand.outlines(xs, ys, n, 1)) {
            Path2D.Double band = new Path2D.Double();
            band.moveTo(outline[0][0], outline[1][0]);
            for (int i = 1; i < outline[0].length; i++) {
                band.lineTo(outline[0][i], outline[1][i]);
            }
            band.closePath();
            g.fill(band);
        }
        // in every pixel column of the curve (x 20 to 340; the stroke's steep start also reaches a little
        // into column 19, the band stops at the curve's ends) the same rows are inked (more than half black) to
        // within a row; the band inks a little more (each quarter column is filled over the whole range the stroke
        // reaches in it, where the stroke's slanted edges cover part of a pixel): within 7 % of the stroke's ink
        long inkStroked = 0;
        long inkFilled = 0;
        for (int px = 20; px < 340; px++) {
            int[] a = column(stroked, px);
            int[] b = column(filled, px);
            assertTrue(Math.abs(a[0] - b[0]) <= 1 && Math.abs(a[1] - b[1]) <= 1,
                    "column " + px + ": rows " + Arrays.toString(a) + " against " + Arrays.toString(b));
            inkStroked += a[2];
            inkFilled += b[2];
        }
        assertEquals(1.0, (double) inkFilled / inkStroked, 0.07);
    }

    private static BufferedImage image() {
        return new BufferedImage(360, 120, BufferedImage.TYPE_INT_RGB);
    }

    /** Black on white, antialiased, as JavaFX's canvas draws. */
    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        return g;
    }

    /** Column {@code px}'s first and last row more than half black (-1 when none) and its ink (0 to 255 a pixel). */
    private static int[] column(BufferedImage image, int px) {
        int first = -1;
        int last = -1;
        int ink = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            int dark = 255 - (image.getRGB(px, py) & 0xFF);
            ink += dark;
            if (dark > 128) {
                first = first < 0 ? py : first;
                last = py;
            }
        }
        return new int[] {first, last, ink};
    }
}
