package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backproplab.session.DigitsSnapshot.LayerMaps;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * The digits tab's pictures as ARGB pixels, made on the worker thread: digits in grey (ink black on
 * white, as they are drawn), filters, saliency and occlusion on the playground's diverging scale
 * (orange low, white middle, blue high: {@link PlaygroundPictures#color}).
 */
final class DigitsPictures {
    private DigitsPictures() {
    }

    /** values[from..from + w h) in grey: lo white, hi black (ink). */
    static Picture grey(double[] values, int from, int w, int h, double lo, double hi) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            double v = from + i < values.length ? values[from + i] : lo;
            double t = hi == lo ? 0 : (v - lo) / (hi - lo);
            int g = 255 - (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
            px[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return new Picture(w, h, px);
    }

    /** A 28 x 28 digit with values in [0, 1]. */
    static Picture digit(double[] image) {
        return grey(image, 0, 28, 28, 0, 1);
    }

    /** A square map on the diverging scale from lo (orange) to hi (blue); lo > hi turns it round. */
    static Picture diverging(double[] values, int side, double lo, double hi) {
        int[] px = new int[side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = PlaygroundPictures.color(values[i], lo, hi);
        }
        return new Picture(side, side, px);
    }

    static double maxAbs(double[] values) {
        double m = 1e-9;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * Each hidden layer's feature maps: a conv or pool layer's channels one picture each (each on its
     * own range, so that its pattern shows whatever its level); a dense layer's neurons as one
     * near-square block, one pixel per neuron.
     *
     * @param shapes   {channels, height, width} of each layer's output
     * @param maps     each layer's activations (the last, the output, is not drawn)
     * @param captions each layer's caption
     */
    static List<LayerMaps> featureMaps(List<int[]> shapes, List<double[]> maps, List<Phrase> captions) {
        List<LayerMaps> out = new ArrayList<>();
        for (int l = 0; l < maps.size() - 1; l++) {
            int[] shape = shapes.get(l);
            double[] a = maps.get(l);
            if (shape[1] == 1) {
                int cols = (int) Math.ceil(Math.sqrt(a.length));
                int rows = (a.length + cols - 1) / cols;
                double[] r = range(a, 0, a.length);
                out.add(new LayerMaps(captions.get(l), List.of(grey(Arrays.copyOf(a, cols * rows), 0, cols, rows, r[0],
                        r[1])), Math.max(40, cols * 6), Math.max(40, rows * 6)));
            } else {
                int size = shape[1] * shape[2];
                List<Picture> planes = new ArrayList<>();
                for (int c = 0; c < shape[0]; c++) {
                    double[] r = range(a, c * size, (c + 1) * size);
                    planes.add(grey(a, c * size, shape[2], shape[1], r[0], r[1]));
                }
                double tile = shape[1] >= 20 ? 56 : 40;
                out.add(new LayerMaps(captions.get(l), planes, tile, tile));
            }
        }
        return out;
    }

    private static double[] range(double[] v, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        return new double[] {lo, hi};
    }
}
