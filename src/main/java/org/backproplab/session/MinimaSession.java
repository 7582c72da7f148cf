package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Random initialisation and local minima: gradient descent on a fixed loss over two weights with
 * four minima, from several random starts drawn with a seed; each path ends in the minimum whose
 * basin it started in. The loss is
 * <pre>
 *   L(w1, w2) = 0.05 (w1² + w2²) − Σᵢ dᵢ exp(−|w − cᵢ|² / (2 sᵢ²))
 * </pre>
 * with the wells of {@link #WELLS}: A at (−1.5, −1) depth 1 width 0.8, B at (1.5, 1.2) depth 0.8
 * width 0.7, C at (1.2, −1.5) depth 0.6 width 0.6, D at (−1.3, 1.5) depth 0.5 width 0.6. Each
 * minimum lies within 0.25 of its well's centre (the bowl 0.05 |w|² pulls it a little toward 0);
 * A is the deepest (the global minimum). Every start runs {@link #RATE} until |∇L| &lt; 10⁻⁶ or
 * {@link #MAX_STEPS} steps. The heat map is computed once, as ARGB pixels.
 */
public final class MinimaSession {
    /** The window drawn: w1 and w2 in [−EXTENT, EXTENT]. */
    public static final double EXTENT = 3;
    /** The learning rate of every path. */
    public static final double RATE = 0.2;
    public static final int MAX_STEPS = 3000;
    /** Random starts per seed. */
    public static final int STARTS = 6;
    /** The heat map's side in pixels. */
    public static final int SIZE = 480;
    private static final double BOWL = 0.05;
    private static final double CONTOUR = 0.1;

    /** A Gaussian well: its label, centre, depth and width. */
    public record Well(String label, double c1, double c2, double depth, double width) {
    }

    public static final List<Well> WELLS = List.of(new Well("A", -1.5, -1, 1, 0.8), new Well("B", 1.5, 1.2, 0.8, 0.7),
            new Well("C", 1.2, -1.5, 0.6, 0.6), new Well("D", -1.3, 1.5, 0.5, 0.6));

    /** One start: where it began and ended, the path (w1, w2 interleaved), the loss at the end, the steps, the well. */
    public record Run(int index, double w1, double w2, double end1, double end2, double loss, int steps,
            String well, double[] path) {
    }

    /**
     * The heat map (SIZE × SIZE ARGB, row 0 at w2 = +EXTENT), the seed, the runs, and how many
     * steps of each path the animation has reached ({@code shown}; the table shows the ends).
     */
    public record Snapshot(int[] pixels, long seed, List<Run> runs, double lowLoss, double highLoss, int shown) {
        public Snapshot {
            runs = List.copyOf(runs);
        }
    }

    private final int[] pixels;
    private final double low;
    private final double high;
    private long seed = 1;
    private List<Run> runs = List.of();
    private int shown;
    private final javafx.beans.property.ReadOnlyBooleanWrapper playing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");

    public MinimaSession() {
        double[] grid = new double[SIZE * SIZE];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double v = loss(coordinate(c), -coordinate(r));
                grid[r * SIZE + c] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        low = lo;
        high = hi;
        pixels = heatMap(grid, lo, hi);
        run();
    }

    /** The centre of pixel i along an axis, in weight units. */
    public static double coordinate(int i) {
        return -EXTENT + 2 * EXTENT * (i + 0.5) / SIZE;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** Whether the paths are being drawn step by step (the view calls {@link #advance()} on a timer). */
    public javafx.beans.property.ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The animation's next frame: each path a few steps further, about 75 frames in all. */
    public void advance() {
        int longest = runs.stream().mapToInt(Run::steps).max().orElse(0);
        shown = Math.min(longest, shown + Math.max(1, (longest + 74) / 75));
        if (shown >= longest) {
            playing.set(false);
        }
        publish();
    }

    /** Draws the paths again from their starts. */
    public void replay() {
        shown = 0;
        playing.set(true);
        publish();
    }

    /** Shows every path to its end at once. */
    public void showEnds() {
        shown = runs.stream().mapToInt(Run::steps).max().orElse(0);
        playing.set(false);
        publish();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Draws the starts from the seed typed: a whole number from 0 to 1,000,000,000. */
    public void setSeed(String text) {
        long s;
        try {
            s = Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            s = -1;
        }
        if (s < 0 || s > 1_000_000_000L) {
            inputError.set(new Notice("minima.error.seed", List.of(), true));
            return;
        }
        inputError.set(null);
        seed = s;
        run();
    }

    /** New starts: the next seed. */
    public void newStarts() {
        inputError.set(null);
        seed = seed >= 1_000_000_000L ? 0 : seed + 1;
        run();
    }

    // ---- the loss ---------------------------------------------------------------------------

    /** L(w1, w2). */
    public static double loss(double w1, double w2) {
        double l = BOWL * (w1 * w1 + w2 * w2);
        for (Well w : WELLS) {
            double d1 = w1 - w.c1();
            double d2 = w2 - w.c2();
            l -= w.depth() * Math.exp(-(d1 * d1 + d2 * d2) / (2 * w.width() * w.width()));
        }
        return l;
    }

    /** (∂L/∂w1, ∂L/∂w2). */
    public static double[] gradient(double w1, double w2) {
        double g1 = 2 * BOWL * w1;
        double g2 = 2 * BOWL * w2;
        for (Well w : WELLS) {
            double d1 = w1 - w.c1();
            double d2 = w2 - w.c2();
            double s2 = w.width() * w.width();
            double e = w.depth() * Math.exp(-(d1 * d1 + d2 * d2) / (2 * s2));
            g1 += e * d1 / s2;
            g2 += e * d2 / s2;
        }
        return new double[] {g1, g2};
    }

    /** Gradient descent from (w1, w2) with {@link #RATE}. */
    public static Run descend(int index, double w1, double w2) {
        List<Double> p = new ArrayList<>();
        double a = w1;
        double b = w2;
        p.add(a);
        p.add(b);
        int steps = 0;
        while (steps < MAX_STEPS) {
            double[] g = gradient(a, b);
            if (Math.hypot(g[0], g[1]) < 1e-6) {
                break;
            }
            a -= RATE * g[0];
            b -= RATE * g[1];
            steps++;
            p.add(a);
            p.add(b);
        }
        String well = "-";
        for (Well w : WELLS) {
            if (Math.hypot(a - w.c1(), b - w.c2()) < 0.5) {
                well = w.label();
            }
        }
        return new Run(index, w1, w2, a, b, loss(a, b), steps, well, p.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void run() {
        Random random = new Random(seed);
        List<Run> r = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            double w1 = (random.nextDouble() * 2 - 1) * (EXTENT - 0.2);
            double w2 = (random.nextDouble() * 2 - 1) * (EXTENT - 0.2);
            r.add(descend(i + 1, w1, w2));
        }
        runs = List.copyOf(r);
        replay();
    }

    private void publish() {
        snapshot.set(new Snapshot(pixels, seed, runs, low, high, shown));
    }

    /** Low loss dark blue to high loss pale yellow, with a darker line every 0.1 of loss. */
    private static int[] heatMap(double[] grid, double lo, double hi) {
        int[] out = new int[grid.length];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double v = grid[r * SIZE + c];
                double t = (v - lo) / (hi - lo);
                int red = (int) Math.round(20 + 235 * t);
                int green = (int) Math.round(40 + 200 * Math.sqrt(t));
                int blue = (int) Math.round(120 + 60 * (1 - t) * t * 4 - 60 * t);
                long band = (long) Math.floor(v / CONTOUR);
                boolean edge = (c + 1 < SIZE && (long) Math.floor(grid[r * SIZE + c + 1] / CONTOUR) != band)
                        || (r + 1 < SIZE && (long) Math.floor(grid[(r + 1) * SIZE + c] / CONTOUR) != band);
                if (edge) {
                    red = red * 3 / 5;
                    green = green * 3 / 5;
                    blue = blue * 3 / 5;
                }
                out[r * SIZE + c] = 0xff000000 | clamp(red) << 16 | clamp(green) << 8 | clamp(blue);
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
