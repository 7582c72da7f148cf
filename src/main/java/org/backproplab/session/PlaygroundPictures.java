package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.Task;
import org.backproplab.session.PlaygroundChoices.MapPoint;

/**
 * The playground's pictures as ARGB pixels, in TensorFlow Playground's colours: orange for low
 * (negative, class 0), white for the middle, blue for high (positive, class 1); a third class is
 * green. Computed on the worker with lookup tables, so that the FX thread only copies pixels.
 */
public final class PlaygroundPictures {
    public static final int LOW = 0xFFF59322;
    public static final int MID = 0xFFE8EAEB;
    public static final int HIGH = 0xFF0877BD;
    private static final int[] CLASSES = {LOW, HIGH, 0xFF2CA02C, 0xFF9467BD, 0xFF8C564B, 0xFFE377C2, 0xFF7F7F7F,
        0xFFBCBD22, 0xFF17BECF, 0xFFD62728};
    /** The diverging scale in 256 steps, continuous and discretised. */
    private static final int[] PALETTE = new int[256];
    private static final int[] DISCRETE = new int[256];
    /** Per class, 256 strengths from pale (0.25 towards the class colour) to full. */
    private static final int[][] CLASS_SHADES = new int[CLASSES.length][256];

    static {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            PALETTE[i] = t < 0.5 ? mix(LOW, MID, t * 2) : mix(MID, HIGH, (t - 0.5) * 2);
            DISCRETE[i] = t >= 0.5 ? HIGH : LOW;
            for (int k = 0; k < CLASSES.length; k++) {
                CLASS_SHADES[k][i] = mix(MID, CLASSES[k], 0.25 + 0.75 * t);
            }
        }
    }

    private PlaygroundPictures() {
    }

    /** The colour a fraction {@code f} of the way from a to b (as javafx Color.interpolate). */
    static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) + (((b >> 16) & 0xFF) - ((a >> 16) & 0xFF)) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) + (((b >> 8) & 0xFF) - ((a >> 8) & 0xFF)) * f);
        int bl = (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * f);
        return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    /** The colour of class k. */
    public static int classColor(int k) {
        return CLASSES[k % CLASSES.length];
    }

    /** The colour of v on the scale from lo (orange) through white to hi (blue). */
    public static int color(double v, double lo, double hi) {
        double t = hi == lo ? 0.5 : (v - lo) / (hi - lo);
        int k = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
        return PALETTE[k];
    }

    /** One map on the diverging scale from lo to hi. */
    static int[] map(float[] values, double lo, double hi, boolean discrete) {
        int[] palette = discrete ? DISCRETE : PALETTE;
        int[] pixels = new int[values.length];
        if (hi == lo) {
            java.util.Arrays.fill(pixels, palette[128]);
            return pixels;
        }
        // step k = round((v - lo) * 255 / (hi - lo)), clamped to 0..255; NaN lands on step 0
        float scale = (float) (255 / (hi - lo));
        float offset = (float) (0.5 - lo * scale);
        for (int i = 0; i < pixels.length; i++) {
            int k = (int) (values[i] * scale + offset);
            pixels[i] = palette[k < 0 ? 0 : k > 255 ? 255 : k];
        }
        return pixels;
    }

    /**
     * A map of {@code res} x {@code res} values shrunk to {@code size} x {@code size} pixels (size at
     * most res), as the window shows a neuron's map: each pixel takes the mean of the cells whose
     * centres fall inside it, coloured on the diverging scale from lo to hi as {@link #map} colours a cell.
     */
    static int[] thumbnail(float[] values, int res, int size, double lo, double hi) {
        int[] pixels = new int[size * size];
        float scale = hi == lo ? 0 : (float) (255 / (hi - lo));
        float offset = hi == lo ? 128 : (float) (0.5 - lo * scale);
        // cell i (centre (i + 0.5) / res) lies in pixel floor((i + 0.5) * size / res)
        int[] first = new int[size + 1];
        for (int p = 0; p <= size; p++) {
            first[p] = (int) Math.ceil((double) p * res / size - 0.5);
        }
        for (int pr = 0; pr < size; pr++) {
            for (int pc = 0; pc < size; pc++) {
                float sum = 0;
                for (int r = first[pr]; r < first[pr + 1]; r++) {
                    for (int c = first[pc]; c < first[pc + 1]; c++) {
                        sum += values[r * res + c];
                    }
                }
                float mean = sum / ((first[pr + 1] - first[pr]) * (first[pc + 1] - first[pc]));
                int k = (int) (mean * scale + offset);
                pixels[pr * size + pc] = PALETTE[k < 0 ? 0 : k > 255 ? 255 : k];
            }
        }
        return pixels;
    }

    /** Class maps (softmax outputs): each cell in the colour of its most likely class, paler when unsure. */
    static int[] classes(float[][] probabilities, boolean discrete) {
        int n = probabilities[0].length;
        int[] pixels = new int[n];
        double chance = 1.0 / probabilities.length;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < probabilities.length; k++) {
                if (probabilities[k][i] > probabilities[best][i]) {
                    best = k;
                }
            }
            double strength = discrete ? 1 : Math.max(0, Math.min(1, (probabilities[best][i] - chance) / (1 - chance)));
            pixels[i] = CLASS_SHADES[best % CLASSES.length][(int) Math.round(strength * 255)];
        }
        return pixels;
    }

    /** The range a neuron's map is drawn over: its activation's own range, or symmetric around 0. */
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

    /** The data set's points as the map shows them: training points, then test points, in their class's (or value's) colour. */
    static List<MapPoint> points(DataSet d, Task task) {
        List<MapPoint> out = new ArrayList<>(d.train().size() + d.test().size());
        for (DataPoint p : d.train()) {
            out.add(new MapPoint(p.x1(), p.x2(), color(p, task), false));
        }
        for (DataPoint p : d.test()) {
            out.add(new MapPoint(p.x1(), p.x2(), color(p, task), true));
        }
        return List.copyOf(out);
    }

    private static int color(DataPoint p, Task task) {
        return switch (task) {
            case MULTICLASS -> classColor((int) p.label());
            case BINARY -> p.label() > 0.5 ? HIGH : LOW;
            case REGRESSION -> color(p.label(), -1, 1);
        };
    }
}
