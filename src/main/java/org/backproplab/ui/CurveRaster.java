package org.backproplab.ui;

import java.util.Arrays;

/**
 * The loss curves of a chart as antialiased pixels (premultiplied ARGB), drawn one over another in
 * order: each pixel takes of a curve's colour the part of its area the curve's {@link CurveBand}
 * steps cover. The chart's canvas then draws one picture instead of stroking every curve, which
 * JavaFX's software renderer does several times slower (docs/PERFORMANCE.md).
 */
final class CurveRaster {
    private int width;
    private int height;
    private int[] argb = new int[0];
    private float[] cover = new float[0];
    private double[] low = new double[0];
    private double[] high = new double[0];

    /** Clears to transparent at {@code width} x {@code height} pixels. */
    void clear(int width, int height) {
        this.width = width;
        this.height = height;
        if (argb.length < width * height) {
            argb = new int[width * height];
        }
        Arrays.fill(argb, 0, width * height, 0);
        if (cover.length < height) {
            cover = new float[height];
        }
        if (low.length < width * CurveBand.STEPS) {
            low = new double[width * CurveBand.STEPS];
            high = new double[width * CurveBand.STEPS];
        }
    }

    /**
     * Draws the stroke ({@code 2 * half} wide; {@code dashes} or null, as {@link CurveBand#steps}) of the
     * {@code n} points (pixels; NaN y breaks) in {@code rgb} with {@code opacity} over what is drawn.
     */
    void draw(double[] xs, double[] ys, int n, double half, double[] dashes, int rgb, double opacity) {
        int steps = width * CurveBand.STEPS;
        Arrays.fill(low, 0, steps, Double.POSITIVE_INFINITY);
        Arrays.fill(high, 0, steps, Double.NEGATIVE_INFINITY);
        CurveBand.steps(xs, ys, n, half, dashes, low, high);
        float r = (rgb >> 16 & 0xFF) / 255f;
        float g = (rgb >> 8 & 0xFF) / 255f;
        float b = (rgb & 0xFF) / 255f;
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
                    int p = row * width + column;
                    float a = (float) (Math.min(1f, cover[row]) * opacity);
                    int d = argb[p];
                    float keep = (1 - a) / 255f;
                    argb[p] = channel((d >>> 24) * keep + a) << 24 | channel((d >> 16 & 0xFF) * keep + r * a) << 16
                            | channel((d >> 8 & 0xFF) * keep + g * a) << 8 | channel((d & 0xFF) * keep + b * a);
                }
            }
        }
    }

    private static int channel(float v) {
        return Math.min(255, Math.round(v * 255));
    }

    /** The pixels, premultiplied ARGB, row after row ({@code width * height} of them). */
    int[] pixels() {
        return argb;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
