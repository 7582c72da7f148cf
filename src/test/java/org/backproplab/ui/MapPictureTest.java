package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The data map's picture: its scaling against Java 2D's bilinear filter, the points over it by hand. */
@ExtendWith(ApplicationExtension.class)
class MapPictureTest {
    @Start
    void start(Stage stage) {
        // the toolkit only: images need it
    }

    /** A grid of random opaque colours: every pixel differs from its neighbours. */
    static int[] noise(int n, long seed) {
        Random random = new Random(seed);
        int[] grid = new int[n * n];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        return grid;
    }

    /** {@code grid} scaled to side x side by Java 2D with bilinear interpolation. */
    static int[] java2d(int[] grid, int n, int side) {
        BufferedImage src = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, n, n, grid, 0, n);
        BufferedImage dst = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, side, side, null);
        g.dispose();
        return dst.getRGB(0, 0, side, side, null, 0, side);
    }

    /** The largest difference of one channel between two opaque colours. */
    static int channelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)));
        }
        return d;
    }

    @Test
    void theGridIsScaledAsJava2dScalesItBilinearly() {
        for (int[] sizes : new int[][] {{100, 380}, {100, 570}, {7, 50}}) {
            int n = sizes[0];
            int side = sizes[1];
            int[] grid = noise(n, 42 + side);
            int[] ours = new int[side * side];
            MapPicture.scale(grid, n, ours, side);
            int[] reference = java2d(grid, n, side);
            int worst = 0;
            long total = 0;
            for (int i = 0; i < ours.length; i++) {
                assertEquals(0xFF, ours[i] >>> 24, "opaque");
                int d = channelDifference(ours[i], reference[i]);
                worst = Math.max(worst, d);
                total += d;
            }
            // weights in 256ths and two roundings against Java 2D's own arithmetic, on colours
            // that jump by up to 255 from pixel to pixel (a map's change by a few levels)
            assertTrue(worst <= 3, n + " to " + side + ": a channel off by " + worst);
            assertTrue(total < ours.length * 0.75, n + " to " + side + ": off by " + (double) total / ours.length + " on average");
        }
    }

    @Test
    void aGridAsLargeAsThePictureIsCopied() {
        int[] grid = noise(20, 7);
        int[] out = new int[grid.length];
        MapPicture.scale(grid, 20, out, 20);
        assertTrue(java.util.Arrays.equals(grid, out));
    }

    @Test
    void thePointsGoOverTheMapSourceOver() throws Exception {
        // half-transparent white (premultiplied 128 of 255) over opaque blue: 128 + 0 x 127/255 for red
        // and green, 128 + 255 x 127/255 = 128 + 127 for blue
        assertEquals(0xFF8080FF, MapPicture.over(0x80808080, 0xFF0000FF));
        // opaque over anything is itself, transparent over anything keeps it
        assertEquals(0xFF123456, MapPicture.over(0xFF123456, 0xFFABCDEF));
        assertEquals(0xFFABCDEF, MapPicture.over(0, 0xFFABCDEF));
        MapPicture picture = new MapPicture();
        int side = 38;
        int[] overlay = new int[side * side];
        overlay[5 * side + 7] = 0xFF00FF00;
        overlay[20 * side + 30] = 0x80808080;
        picture.setOverlay(overlay, side);
        int[] grid = noise(10, 3);
        // an image's buffer is handed over on the FX thread
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> picture.draw(grid, 10, side)).get();
        int[] scaled = new int[side * side];
        MapPicture.scale(grid, 10, scaled, side);
        assertEquals(side, picture.side());
        assertEquals(side, (int) picture.image().getWidth());
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                assertEquals(MapPicture.over(overlay[i], scaled[i]), picture.pixel(x, y), x + ", " + y);
            }
        }
        assertEquals(0xFF00FF00, picture.pixel(7, 5));
        // and shown: the image reads what was drawn
        assertEquals(picture.pixel(30, 20), picture.image().getPixelReader().getArgb(30, 20));
    }
}
