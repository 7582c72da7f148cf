package org.backproplab.session;

import java.util.Arrays;

/**
 * The digit a person draws: ink on a 28 x 28 grid, laid down by a thick round brush as a finger
 * or mouse stroke on paper. Lives on the FX thread (each stroke is cheap); the network sees copies.
 */
final class DigitsDrawing {
    static final int CELLS = 28;
    /** The prediction and feature maps follow the pen at most this often. */
    private static final long STROKE_NANOS = 60_000_000L;
    private final double[] ink = new double[CELLS * CELLS];
    private long lastLook = Long.MIN_VALUE;

    /** Whether the network should look at the drawing at {@code now} (at most every 60 ms while the pen moves). */
    boolean due(long now) {
        if (lastLook == Long.MIN_VALUE || now - lastLook > STROKE_NANOS) {
            lastLook = now;
            return true;
        }
        return false;
    }

    /** The pen is lifted: the next stroke is looked at at once. */
    void lift() {
        lastLook = Long.MIN_VALUE;
    }

    /** Inks around (x, y), in cells from the top left; ink only grows. */
    void brush(double x, double y) {
        for (int gy = 0; gy < CELLS; gy++) {
            for (int gx = 0; gx < CELLS; gx++) {
                double d = Math.hypot(gx + 0.5 - x, gy + 0.5 - y);
                double v = Math.max(0, Math.min(1, 1.6 - d));
                ink[gy * CELLS + gx] = Math.max(ink[gy * CELLS + gx], v);
            }
        }
    }

    void clear() {
        Arrays.fill(ink, 0);
    }

    double[] copy() {
        return ink.clone();
    }

    DigitsSnapshot.Picture picture() {
        return DigitsPictures.grey(ink, 0, CELLS, CELLS, 0, 1);
    }
}
