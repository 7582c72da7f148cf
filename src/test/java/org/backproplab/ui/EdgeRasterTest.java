package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The edges' rasteriser against coverage and blending worked out by hand. */
@ExtendWith(ApplicationExtension.class)
class EdgeRasterTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: images need it
    }

    @Test
    void aHorizontalStrokeCoversWholePixelsAndItsSquareCaps() {
        EdgeRaster r = new EdgeRaster();
        r.begin(12, 10, 1);
        // 2 wide from x 2 to 8 at y 5: rows 4 and 5 (y 4..6), columns 1..8 (the caps reach x 1 and 9)
        r.stroke(2, 5, 8, 5, 2, Color.rgb(0, 0, 255), 1);
        assertEquals(0xff0000ff, r.pixel(1, 4));
        assertEquals(0xff0000ff, r.pixel(8, 5));
        assertEquals(0, r.pixel(0, 4), "left of the cap");
        assertEquals(0, r.pixel(9, 5), "right of the cap");
        assertEquals(0, r.pixel(4, 3), "above");
        assertEquals(0, r.pixel(4, 6), "below");
    }

    @Test
    void aThinStrokeBetweenTwoRowsCoversHalfOfEach() {
        EdgeRaster r = new EdgeRaster();
        r.begin(12, 10, 1);
        // 1 wide at y 5: half of row 4 (y 4..5) and half of row 5; alpha 0.5 x 255 = 127.5, rounded 128
        r.stroke(2, 5, 8, 5, 1, Color.rgb(0, 0, 255), 1);
        assertEquals(0x80000080, r.pixel(4, 4));
        assertEquals(0x80000080, r.pixel(4, 5));
    }

    @Test
    void strokesBlendSourceOverAtTheirOpacity() {
        EdgeRaster r = new EdgeRaster();
        r.begin(12, 10, 1);
        r.stroke(0, 5, 12, 5, 2, Color.rgb(0x2f, 0x6f, 0xdf), 0.75);
        r.stroke(6, 0, 6, 10, 2, Color.rgb(0xe8, 0x59, 0x0c), 0.75);
        // blue alone: a = 0.75, premultiplied 0.75 x (47, 111, 223) = (35.25, 83.25, 167.25), alpha 191.25
        assertEquals(argb(191, 35, 83, 167), r.pixel(2, 4));
        // orange over it: alpha 191.25 + 191 x 0.25 = 239; each channel 0.75 x orange + 0.25 x blue's
        // red 0.75 x 232 + 0.25 x 35 = 182.75, green 0.75 x 89 + 0.25 x 83 = 87.5, blue 0.75 x 12 + 0.25 x 167 = 50.75
        assertEquals(argb(239, 183, 88, 51), r.pixel(6, 4));
    }

    @Test
    void slantedStrokesCoverWhatJava2dCoversAntialiased() {
        // the same strokes, opaque white, by Java 2D's antialiased rasteriser (square caps, pure
        // stroke control: no snapping to pixels); coverage is the alpha each leaves in a pixel
        double[][] strokes = {{3.2, 4.7, 57.9, 31.3, 1.0}, {5, 36, 60, 2.5, 2.6}, {10.5, 2, 14, 38, 4.2},
            {6, 20, 56, 21.5, 7}};
        for (double[] k : strokes) {
            EdgeRaster r = new EdgeRaster();
            r.begin(64, 40, 1);
            r.stroke(k[0], k[1], k[2], k[3], k[4], Color.WHITE, 1);
            java.awt.image.BufferedImage ref = new java.awt.image.BufferedImage(64, 40,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
            java.awt.Graphics2D g = ref.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.setStroke(new java.awt.BasicStroke((float) k[4], java.awt.BasicStroke.CAP_SQUARE,
                    java.awt.BasicStroke.JOIN_MITER));
            g.draw(new java.awt.geom.Line2D.Double(k[0], k[1], k[2], k[3]));
            g.dispose();
            long ours = 0;
            long theirs = 0;
            int worst = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 64; x++) {
                    int a = r.pixel(x, y) >>> 24;
                    int b = ref.getRGB(x, y) >>> 24;
                    ours += a;
                    theirs += b;
                    worst = Math.max(worst, Math.abs(a - b));
                }
            }
            // the ink: the stroke's area, (length + width) x width, in both
            double area = (Math.hypot(k[2] - k[0], k[3] - k[1]) + k[4]) * k[4] * 255;
            assertEquals(area, theirs, 0.02 * area, "Java 2D's ink, stroke " + java.util.Arrays.toString(k));
            assertEquals(theirs, ours, 0.02 * theirs, "the ink, stroke " + java.util.Arrays.toString(k));
            // pixel by pixel: a box's overlap against 8 x 8 subpixel samples (and our separable
            // overlap at the slanted rim and the corners)
            assertTrue(worst <= 64, "largest difference of a pixel " + worst + ", stroke " + java.util.Arrays.toString(k));
        }
    }

    private static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }
}
