package org.backproplab.ui;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Heatmaps as images, in TensorFlow Playground's colours: orange for low (negative, class 0),
 * white for the middle, blue for high (positive, class 1); a third class is green.
 */
final class HeatmapImages {
    static final Color LOW = Color.web("#f59322");
    static final Color MID = Color.web("#e8eaeb");
    static final Color HIGH = Color.web("#0877bd");
    static final Color[] CLASSES = {LOW, HIGH, Color.web("#2ca02c"), Color.web("#9467bd"), Color.web("#8c564b"),
        Color.web("#e377c2"), Color.web("#7f7f7f"), Color.web("#bcbd22"), Color.web("#17becf"), Color.web("#d62728")};

    private HeatmapImages() {
    }

    /** The colour of v on a scale from lo (orange) through the middle (white) to hi (blue). */
    static Color color(double v, double lo, double hi, boolean discrete) {
        double t = hi == lo ? 0.5 : (v - lo) / (hi - lo);
        t = Math.max(0, Math.min(1, t));
        if (discrete) {
            return t >= 0.5 ? HIGH : LOW;
        }
        return t < 0.5 ? LOW.interpolate(MID, t * 2) : MID.interpolate(HIGH, (t - 0.5) * 2);
    }

    /** The diverging scale in 256 steps as ARGB, so that a map is drawn without a Color per pixel. */
    private static final int[] PALETTE = new int[256];
    private static final int[] DISCRETE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            PALETTE[i] = argb(color(i / 255.0, 0, 1, false));
            DISCRETE[i] = argb(color(i / 255.0, 0, 1, true));
        }
    }

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** One map on a diverging scale. */
    static WritableImage render(float[] values, int res, double lo, double hi, boolean discrete) {
        int[] palette = discrete ? DISCRETE : PALETTE;
        int[] pixels = new int[res * res];
        double scale = hi == lo ? 0 : 255 / (hi - lo);
        for (int i = 0; i < pixels.length; i++) {
            int k = hi == lo ? 128 : (int) Math.round((values[i] - lo) * scale);
            pixels[i] = palette[k < 0 ? 0 : k > 255 ? 255 : k];
        }
        WritableImage img = new WritableImage(res, res);
        img.getPixelWriter().setPixels(0, 0, res, res, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0,
                res);
        return img;
    }

    /** Class maps (softmax outputs): each cell in the colour of its most likely class, paler when unsure. */
    static WritableImage renderClasses(float[][] probabilities, int res, boolean discrete) {
        WritableImage img = new WritableImage(res, res);
        PixelWriter w = img.getPixelWriter();
        for (int i = 0; i < res * res; i++) {
            int best = 0;
            for (int k = 1; k < probabilities.length; k++) {
                if (probabilities[k][i] > probabilities[best][i]) {
                    best = k;
                }
            }
            Color base = CLASSES[best % CLASSES.length];
            double p = probabilities[best][i];
            double strength = discrete ? 1 : Math.max(0, Math.min(1, (p - 1.0 / probabilities.length)
                    / (1 - 1.0 / probabilities.length)));
            w.setColor(i % res, i / res, MID.interpolate(base, 0.25 + 0.75 * strength));
        }
        return img;
    }

    /** The range a map is drawn over: the activation's own range, or symmetric around 0. */
    static double[] range(String activation, float[] values) {
        switch (activation) {
            case "sigmoid", "softmax":
                return new double[] {0, 1};
            case "tanh":
                return new double[] {-1, 1};
            default:
                double max = 1e-9;
                for (float v : values) {
                    max = Math.max(max, Math.abs(v));
                }
                return new double[] {-max, max};
        }
    }
}
