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
    void aSegmentOverThreeColumnsByHand() {
        // from (0.5, 10) to (2.5, 20): y = 10 + 5 (x - 0.5); at x 1: 12.5, at x 2: 17.5
        List<double[][]> outlines = CurveBand.outlines(new double[] {0.5, 2.5}, new double[] {10, 20}, 2, 1);
        assertEquals(1, outlines.size());
        // tops left to right (lowest y - 1), bottoms right to left (highest y + 1), at the ends 0.5 and 2.5 and
        // the centre of the column between, 1.5
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 2.5, 1.5, 0.5}, outlines.get(0)[0], 1e-12);
        assertArrayEquals(new double[] {9, 11.5, 16.5, 21, 18.5, 13.5}, outlines.get(0)[1], 1e-12);
    }

    @Test
    void aColumnSpansEveryPointInItAndBreaksSplitTheCurve() {
        // column 3 holds y 5, 1 (lowest) and 9 (highest, a vertical step at x 3.5); NaN breaks before x 6
        double[] xs = {3.2, 3.5, 3.5, 3.9, 6.1, 6.3, 7.6};
        double[] ys = {5, 1, 9, 4, Double.NaN, 2, 4};
        List<double[][]> outlines = CurveBand.outlines(xs, ys, 7, 0.5);
        assertEquals(2, outlines.size());
        assertArrayEquals(new double[] {3.2, 3.5, 3.9, 3.9, 3.5, 3.2}, outlines.get(0)[0], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 9.5, 9.5, 9.5}, outlines.get(0)[1], 1e-12);
        // from (6.3, 2) to (7.6, 4): y at x 7 = 2 + 2 * 0.7 / 1.3
        double at7 = 2 + 2 * 0.7 / 1.3;
        assertArrayEquals(new double[] {6.3, 6.5, 7.5, 7.6, 7.6, 7.5, 6.5, 6.3}, outlines.get(1)[0], 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, at7 - 0.5, at7 - 0.5, 4.5, 4.5, at7 + 0.5, at7 + 0.5},
                outlines.get(1)[1], 1e-12);
        // a lone point between breaks inks nothing, as a stroke's moveTo alone draws nothing
        assertTrue(CurveBand.outlines(new double[] {1, 2, 3}, new double[] {Double.NaN, 4, Double.NaN}, 3, 1).isEmpty());
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
        // within a row, and the ink agrees within 3 % (the band's edges are straight between column centres)
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
        assertEquals(1.0, (double) inkFilled / inkStroked, 0.03);
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
