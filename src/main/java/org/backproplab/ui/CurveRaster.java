package org.backproplab.ui;

import java.util.Arrays;
import javafx.scene.image.WritableImage;

/**
 * The loss curves of a chart as antialiased pixels (an {@link ArgbPicture}), drawn one over another
 * in order: each pixel takes of a curve's colour the part of its area the curve's {@link CurveBand}
 * steps cover. The chart's canvas then draws one picture instead of stroking every curve, which
 * JavaFX's software renderer does several times slower (docs/PERFORMANCE.md).
 */
final class CurveRaster {
    private final ArgbPicture picture = new ArgbPicture();
    private float[] cover = new float[0];
    private double[] low = new double[0];
    private double[] high = new double[0];

    /** Clears to transparent at {@code width} x {@code height} pixels (at least 1 x 1). */
    void clear(int width, int height) {
        picture.begin(width, height);
        if (cover.length < picture.height()) {
            cover = new float[picture.height()];
        }
        if (low.length < picture.width() * CurveBand.STEPS) {
            low = new double[picture.width() * CurveBand.STEPS];
            high = new double[picture.width() * CurveBand.STEPS];
        }
    }

    /**
     * Draws the stroke ({@code 2 * half} wide; {@code dashes} or null, as {@link CurveBand#steps}) of the
     * {@code n} points (pixels; NaN y breaks) in {@code rgb} with {@code opacity} over what is drawn.
     */
    void draw(double[] xs, double[] ys, int n, double half, double[] dashes, int rgb, double opacity) {
        int width = picture.width();
        int height = picture.height();
        int steps = width * CurveBand.STEPS;
        Arrays.fill(low, 0, steps, Double.POSITIVE_INFINITY);
        Arrays.fill(high, 0, steps, Double.NEGATIVE_INFINITY);
        CurveBand.steps(xs, ys, n, half, dashes, low, high);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        // column by column, only the rows its steps reach: the work goes with the pixels inked
        for (int column = 0; column < width; column++) {
            int first = Integer.MAX_VALUE;
            int last = -1;
            for (int s = column * CurveBand.STEPS; s < (column + 1) * CurveBand.STEPS; s++) {
                if (low[s] < high[s]) {
                    first = Math.min(first, (int) Math.floor(Math.max(0, low[s])));
                    last = Math.max(last, (int) Math.ceil(Math.min(height, high[s])) - 1);
                }
            }
            if (first > last) {
                continue;
            }
            Arrays.fill(cover, first, last + 1, 0f);
            for (int s = column * CurveBand.STEPS; s < (column + 1) * CurveBand.STEPS; s++) {
                double top = Math.max(0, low[s]);
                double bottom = Math.min(height, high[s]);
                for (int row = (int) Math.floor(top); row < bottom; row++) {
                    double part = Math.min(bottom, row + 1) - Math.max(top, row);
                    cover[row] += (float) (part / CurveBand.STEPS);
                }
            }
            for (int row = first; row <= last; row++) {
                if (cover[row] > 0) {
                    picture.blend(row * width + column, r, g, b, (int) (Math.min(1f, cover[row]) * opacity * 65536 + 0.5));
                }
            }
        }
    }

    /** The premultiplied ARGB pixel at column x, row y. */
    int pixel(int x, int y) {
        return picture.pixel(x, y);
    }

    /** The curves drawn since {@link #clear}, in an image of their own pixels. */
    WritableImage image() {
        picture.show();
        return picture.image();
    }
}
