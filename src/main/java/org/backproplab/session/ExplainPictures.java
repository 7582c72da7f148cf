package org.backproplab.session;

import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * The explanation maps as ARGB pixels, made on the worker: a map on the app's diverging scale
 * (orange low, white middle, blue high: {@link PlaygroundPictures#color}) with the digit's ink
 * darkening it, so that the map is read against the strokes; the winning classes in ten colours.
 */
final class ExplainPictures {
    /** Ten distinct colours, one per class (Tableau 10, as matplotlib's tab10). */
    static final int[] CLASS_COLORS = {0xFF1F77B4, 0xFFFF7F0E, 0xFF2CA02C, 0xFFD62728, 0xFF9467BD, 0xFF8C564B,
        0xFFE377C2, 0xFF7F7F7F, 0xFFBCBD22, 0xFF17BECF};

    private ExplainPictures() {
    }

    /**
     * {@code values} (rows x cols) from lo to hi on the diverging scale; where {@code ink} (28 x 28 in
     * [0, 1], or null) is dark, the colour is darkened, the map resampled to the ink's grid by nearest cell.
     */
    static Picture map(double[] values, int rows, int cols, double lo, double hi, double[] ink) {
        int w = ink == null ? cols : 28;
        int h = ink == null ? rows : 28;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = y * rows / h;
                int c = x * cols / w;
                int argb = PlaygroundPictures.color(values[r * cols + c], lo, hi);
                px[y * w + x] = ink == null ? argb : darken(argb, ink[y * 28 + x]);
            }
        }
        return new Picture(w, h, px);
    }

    /** The legend's colour bar: {@code width} steps from lo (left) to hi (right), on the maps' scale. */
    static Picture legend(double lo, double hi, int width) {
        int rows = 4;
        int[] px = new int[width * rows];
        for (int i = 0; i < width; i++) {
            double v = lo + (hi - lo) * i / (width - 1);
            int argb = lo >= 0 ? PlaygroundPictures.color(v, -hi, hi) : PlaygroundPictures.color(v, lo, hi);
            for (int r = 0; r < rows; r++) {
                px[r * width + i] = argb;
            }
        }
        return new Picture(width, rows, px);
    }

    /** A map of values that are 0 or more, from 0 (white) to {@code max} (deep blue). */
    static Picture positive(double[] values, int rows, int cols, double max, double[] ink) {
        double m = max > 0 ? max : 1;
        return map(values, rows, cols, -m, m, ink);
    }

    /** The winning class of each pixel in its colour, the digit's ink darkening it. */
    static Picture winners(int[][] winner, double[] ink) {
        int h = winner.length;
        int w = winner[0].length;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int light = lighten(CLASS_COLORS[winner[y][x]]);
                px[y * w + x] = ink == null ? light : darken(light, ink[y * w + x]);
            }
        }
        return new Picture(w, h, px);
    }

    /** An image with values in [0, 1] as grey, ink black on white (a maximised digit). */
    static Picture grey(double[] image, int rows, int cols) {
        return DigitsPictures.grey(image, 0, cols, rows, 0, 1);
    }

    private static int darken(int argb, double ink) {
        double k = 1 - 0.7 * Math.max(0, Math.min(1, ink));
        int r = (int) (((argb >> 16) & 0xFF) * k);
        int g = (int) (((argb >> 8) & 0xFF) * k);
        int b = (int) ((argb & 0xFF) * k);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int lighten(int argb) {
        int r = ((argb >> 16) & 0xFF) + (255 - ((argb >> 16) & 0xFF)) / 3;
        int g = ((argb >> 8) & 0xFF) + (255 - ((argb >> 8) & 0xFF)) / 3;
        int b = (argb & 0xFF) + (255 - (argb & 0xFF)) / 3;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
