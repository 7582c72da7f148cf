package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The edges' rasteriser against coverage and blending worked out by hand, and against Java 2D's. */
class EdgeStrokesTest {
    @Test
    void aHorizontalStrokeCoversWholePixelsAndItsSquareCaps() {
        EdgeStrokes r = new EdgeStrokes();
        r.begin(12, 10, 1);
        // 2 wide from x 2 to 8 at y 5: rows 4 and 5 (y 4..6), columns 1..8 (the caps reach x 1 and 9)
        r.stroke(2, 5, 8, 5, 2, 0x0000FF, 1);
        assertEquals(0xff0000ff, r.pixel(1, 4));
        assertEquals(0xff0000ff, r.pixel(8, 5));
        assertEquals(0, r.pixel(0, 4), "left of the cap");
        assertEquals(0, r.pixel(9, 5), "right of the cap");
        assertEquals(0, r.pixel(4, 3), "above");
        assertEquals(0, r.pixel(4, 6), "below");
    }

    @Test
    void aThinStrokeBetweenTwoRowsCoversHalfOfEach() {
        EdgeStrokes r = new EdgeStrokes();
        r.begin(12, 10, 1);
        // 1 wide at y 5: half of row 4 (y 4..5) and half of row 5; alpha 0.5 x 255 = 127.5, rounded 128
        r.stroke(2, 5, 8, 5, 1, 0x0000FF, 1);
        assertEquals(0x80000080, r.pixel(4, 4));
        assertEquals(0x80000080, r.pixel(4, 5));
    }

    @Test
    void strokesBlendSourceOverAtTheirOpacity() {
        EdgeStrokes r = new EdgeStrokes();
        r.begin(12, 10, 1);
        r.stroke(0, 5, 12, 5, 2, 0x2F6FDF, 0.75);
        r.stroke(6, 0, 6, 10, 2, 0xE8590C, 0.75);
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
            // drawn the right way round (few strokes) and turned over (many)
            for (int turn : new int[] {1, EdgeStrokes.TURN_FROM}) {
                EdgeStrokes r = new EdgeStrokes();
                r.begin(64, 40, turn);
                r.stroke(k[0], k[1], k[2], k[3], k[4], 0xFFFFFF, 1);
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
                assertTrue(worst <= 64, "largest difference of a pixel " + worst + ", stroke "
                        + java.util.Arrays.toString(k));
            }
        }
    }

    @Test
    void aGraphsFanOfStrokesIsThePixelByPixelSumOfItsStrokesOverlaps() throws Exception {
        // edges between two columns of 16 neurons and some off the picture's sides, steep and
        // shallow, 1 to 7 wide, blue and orange at 3/4: the raster (its picture drawn turned over,
        // its rows away from the caps in fixed point) against each pixel worked out on its own: for
        // every stroke in order, the unit box's overlap across times along, from the pixel's centre
        double[][] strokes = fan();
        for (int turn : new int[] {1, EdgeStrokes.TURN_FROM}) {
            fanAgainstEachPixel(strokes, turn);
        }
    }

    private static void fanAgainstEachPixel(double[][] strokes, int turn) throws Exception {
        EdgeStrokes r = new EdgeStrokes();
        r.begin(W, H, turn);
        for (double[] k : strokes) {
            r.stroke(k[0], k[1], k[2], k[3], k[4], k[5] > 0 ? EdgePicture.POSITIVE : EdgePicture.NEGATIVE, 0.75);
        }
        int[] drawn = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                drawn[y * W + x] = r.pixel(x, y);
            }
        }
        // turned the right way round, as the graph shows it
        int[] shown = r.end();
        int worst = 0;
        int inked = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int want = reference(strokes, x, y);
                int got = shown[y * W + x];
                assertEquals(drawn[y * W + x], got, "drawn and shown at " + x + ", " + y);
                inked += want != 0 ? 1 : 0;
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs((want >>> shift & 0xFF) - (got >>> shift & 0xFF)));
                }
            }
        }
        assertTrue(inked > W * H / 3, "the strokes cover a third of the picture or more: " + inked);
        // the fixed-point opacity is within a few 1/65536ths of the exact one: a channel 1 in 255 apart at most
        assertTrue(worst <= 1, "largest difference of a channel " + worst + ", turned " + (turn > 1));
    }

    @Test
    void aPictureDrawnAfterAnotherOfTheSameSizeHoldsNothingOfTheFirst() {
        double[][] strokes = fan();
        for (int turn : new int[] {1, EdgeStrokes.TURN_FROM}) {
            EdgeStrokes reused = new EdgeStrokes();
            reused.begin(W, H, turn);
            for (double[] k : strokes) {
                reused.stroke(k[0], k[1], k[2], k[3], k[4], EdgePicture.POSITIVE, 0.75);
            }
            reused.end();
            // the second picture: only the last stroke, as a new object draws it
            EdgeStrokes fresh = new EdgeStrokes();
            int[][] pictures = new int[2][];
            int i = 0;
            for (EdgeStrokes r : new EdgeStrokes[] {reused, fresh}) {
                r.begin(W, H, turn);
                double[] k = strokes[strokes.length - 1];
                r.stroke(k[0], k[1], k[2], k[3], k[4], EdgePicture.NEGATIVE, 0.75);
                pictures[i++] = r.end().clone();
            }
            assertArrayEquals(pictures[1], pictures[0], "turned " + (turn > 1));
        }
    }

    @Test
    void aGraphsFanOfStrokesLooksAsJava2dDrawsIt() {
        // the same fan by Java 2D's antialiased rasteriser (square caps, pure stroke control),
        // blue and orange at 3/4 source over: the same ink, and no pixel far from it
        double[][] strokes = fan();
        EdgeStrokes r = new EdgeStrokes();
        r.begin(W, H, EdgeStrokes.TURN_FROM);
        java.awt.image.BufferedImage ref = new java.awt.image.BufferedImage(W, H,
                java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = ref.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
        for (double[] k : strokes) {
            int c = k[5] > 0 ? EdgePicture.POSITIVE : EdgePicture.NEGATIVE;
            r.stroke(k[0], k[1], k[2], k[3], k[4], c, 0.75);
            g.setColor(new java.awt.Color(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, 191));
            g.setStroke(new java.awt.BasicStroke((float) k[4], java.awt.BasicStroke.CAP_SQUARE,
                    java.awt.BasicStroke.JOIN_MITER));
            g.draw(new java.awt.geom.Line2D.Double(k[0], k[1], k[2], k[3]));
        }
        g.dispose();
        long[] ours = new long[4];
        long[] theirs = new long[4];
        int worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = r.pixel(x, y);
                // premultiplied, as the picture holds it
                int b = ref.getColorModel().getRGB(ref.getRaster().getDataElements(x, y, null));
                b = premultiplied(b);
                for (int c = 0; c < 4; c++) {
                    int p = a >>> 8 * c & 0xFF;
                    int q = b >>> 8 * c & 0xFF;
                    ours[c] += p;
                    theirs[c] += q;
                    worst = Math.max(worst, Math.abs(p - q));
                }
            }
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(theirs[c], ours[c], 0.02 * theirs[c], "the ink of channel " + c);
        }
        // as for one stroke: a box's overlap against Java 2D's subpixel samples, at the rims
        assertTrue(worst <= 64, "largest difference of a channel " + worst);
    }

    private static final int W = 97;
    private static final int H = 83;

    /** x1, y1, x2, y2, width, positive (1) or not (0) of each stroke, in drawing order. */
    private static double[][] fan() {
        java.util.Random random = new java.util.Random(15);
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i += 3) {
                out.add(new double[] {14.3, 3 + 5 * i + 0.4 * j, 82.6, 2.5 + 5 * j, 1 + 6 * random.nextDouble(),
                    random.nextInt(2)});
            }
        }
        // shallow and steep ones, some reaching past the picture's sides
        out.add(new double[] {-10, 20.5, 110, 31, 2.2, 1});
        out.add(new double[] {50.2, -6, 43.7, 95, 3.7, 0});
        out.add(new double[] {3, 80, 93, 1, 1, 1});
        out.add(new double[] {60, 40, 60.3, 40.2, 5, 0});
        return out.toArray(new double[0][]);
    }

    /** Pixel (x, y) of {@code strokes} at 3/4, each pixel worked out on its own. */
    private static int reference(double[][] strokes, int x, int y) {
        int pixel = 0;
        for (double[] k : strokes) {
            double len = Math.hypot(k[2] - k[0], k[3] - k[1]);
            double ux = (k[2] - k[0]) / len;
            double uy = (k[3] - k[1]) / len;
            double hw = k[4] / 2;
            double cx = x + 0.5 - k[0];
            double cy = y + 0.5 - k[1];
            // across (d) and along (t) the stroke, from its start
            double d = -uy * cx + ux * cy;
            double t = ux * cx + uy * cy;
            double cover = overlap(d, -hw, hw) * overlap(t, -hw, len + hw);
            int c = k[5] > 0 ? EdgePicture.POSITIVE : EdgePicture.NEGATIVE;
            int a = (int) (0.75 * 65536 * cover + 0.5);
            // source over in 1/65536ths, rounded to the nearest (strokesBlendSourceOverAtTheirOpacity)
            int keep = 65536 - a;
            int[] src = {255, c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF};
            int out = 0;
            for (int ch = 0; ch < 4; ch++) {
                int dst = pixel >>> 24 - 8 * ch & 0xFF;
                out |= (src[ch] * a + dst * keep + 32768) >>> 16 << 24 - 8 * ch;
            }
            pixel = out;
        }
        return pixel;
    }

    private static double overlap(double c, double lo, double hi) {
        return Math.max(0, Math.min(c + 0.5, hi) - Math.max(c - 0.5, lo));
    }

    private static int premultiplied(int argb) {
        int a = argb >>> 24;
        int r = ((argb >> 16 & 0xFF) * a + 127) / 255;
        int g = ((argb >> 8 & 0xFF) * a + 127) / 255;
        int b = ((argb & 0xFF) * a + 127) / 255;
        return a << 24 | r << 16 | g << 8 | b;
    }

    private static int argb(int a, int r, int g, int b) {
        return a << 24 | r << 16 | g << 8 | b;
    }
}
