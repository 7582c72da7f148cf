package org.backproplab.session;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A loss chart as TensorBoard draws one, computed for the view: smoothing, the log scale, the
 * axis range and ticks, one line per kept run. The view only draws the points it is given.
 *
 * <p>Smoothing is TensorBoard's exponential moving average with debiasing (its
 * {@code resetDomain}/{@code smoothing} code): {@code last = last * s + (1 - s) * v}, shown as
 * {@code last / (1 - s^k)} at the k-th finite value; a non-finite value is shown as it is and
 * leaves the average alone; a constant series is shown unsmoothed. It runs over the points kept
 * (a long run keeps every 2nd, 4th, ... point; TensorBoard too smooths the points it sampled).
 */
public final class CurvePlot {
    public static final double MAX_SMOOTHING = 0.99;

    /**
     * One line to draw.
     *
     * @param color  which colour of the palette (a run's number in the chart, 0 first)
     * @param dashed the test loss (the training loss is solid)
     * @param faint  the raw values behind a smoothed line
     * @param ys     the height to draw, in the chart's units (log10 of the value on the log
     *               scale); NaN is not drawn (the line breaks there)
     */
    public record Line(int color, boolean dashed, boolean faint, long[] xs, double[] ys) {
    }

    /** A tick on the y axis at height {@code at} (chart units) with its text. */
    public record Tick(double at, String text) {
    }

    /** A legend entry: the colour of a run's lines and its label. */
    public record Legend(int color, Phrase label) {
    }

    /**
     * The line the mouse reads: x, the height it is drawn at, the raw value, the smoothed value
     * (NaN without smoothing) and the second series' value at the same x (NaN when there is none).
     */
    public record Hover(long[] xs, double[] ys, double[] raw, double[] smoothed, double[] other) {
        static final Hover EMPTY = new Hover(new long[0], new double[0], new double[0], new double[0], new double[0]);
    }

    /**
     * What the view draws.
     *
     * @param hidden how many values the log scale cannot show (zero, negative or not finite)
     */
    public record Chart(List<Line> lines, List<Legend> legend, long xMin, long xMax, double yMin, double yMax,
            List<Tick> yTicks, boolean log, int hidden, Hover hover) {
        public static final Chart EMPTY = new Chart(List.of(), List.of(), 0, 1, 0, 1,
                List.of(new Tick(0, "0"), new Tick(1, "1")), false, 0, Hover.EMPTY);

        public Chart {
            lines = List.copyOf(lines);
            legend = List.copyOf(legend);
            yTicks = List.copyOf(yTicks);
        }

        public boolean isEmpty() {
            return hover.xs().length == 0 && lines.isEmpty();
        }
    }

    private CurvePlot() {
    }

    /** TensorBoard's smoothing of {@code ys} with weight {@code s} (0 = none, below 1). */
    public static double[] smooth(double[] ys, double s) {
        double[] out = ys.clone();
        if (s <= 0 || ys.length == 0) {
            return out;
        }
        boolean constant = true;
        for (double y : ys) {
            constant &= Double.compare(y, ys[0]) == 0;
        }
        if (constant) {
            return out;
        }
        double last = 0;
        int accumulated = 0;
        for (int i = 0; i < ys.length; i++) {
            if (!Double.isFinite(ys[i])) {
                continue;
            }
            last = last * s + (1 - s) * ys[i];
            accumulated++;
            out[i] = last / (1 - Math.pow(s, accumulated));
        }
        return out;
    }

    /** The height of {@code v} on the log scale: log10(v), or NaN when v is not a positive finite number. */
    public static double log10(double v) {
        return v > 0 && Double.isFinite(v) ? Math.log10(v) : Double.NaN;
    }

    /**
     * Ticks at the powers of ten from 10^lo to 10^hi (heights lo..hi in log units): every power or,
     * over more than seven decades, every 2nd, 3rd, 5th, 10th, ... (at multiples of that step), so
     * that at most about eight are written.
     */
    public static List<Tick> logTicks(int lo, int hi) {
        return logTicks(lo, hi, tickStep(lo, hi));
    }

    private static List<Tick> logTicks(int lo, int hi, int step) {
        List<Tick> out = new ArrayList<>();
        for (int k = Math.floorDiv(lo + step - 1, step) * step; k <= hi; k += step) {
            out.add(new Tick(k, powerOfTen(k)));
        }
        return out;
    }

    private static int tickStep(int lo, int hi) {
        int least = Math.max(1, (int) Math.ceil((hi - lo) / 7.0));
        for (int nice : new int[] {1, 2, 3, 5, 10, 20, 25, 50, 100}) {
            if (nice >= least) {
                return nice;
            }
        }
        return least;
    }

    /** 10^k as people write it: 0.001 ... 10000 in full, else 1e-5, 1e6. */
    static String powerOfTen(int k) {
        return Math.abs(k) <= 4 ? BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString() : "1e" + k;
    }

    /** One series and an optional second one (blue and orange), without runs: accuracy, a batch loss. */
    public static Chart plain(LossHistory.Curve main, LossHistory.Curve other, double fixedMax) {
        other = other == null ? LossHistory.Curve.EMPTY : other;
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(1, false, false, other.iterations(), other.losses()));
        lines.add(new Line(0, false, false, main.iterations(), main.losses()));
        return linear(lines, List.of(), fixedMax, hover(main, main.losses(), null, other));
    }

    /**
     * The chart of every run: each run's training loss solid and its test loss dashed in the run's
     * colour, smoothed with weight {@code smoothing} (the raw values faintly behind), on a linear or
     * a log scale; the legend names each run; the mouse reads the current run's training loss.
     */
    public static Chart runs(List<CurveRuns.Run> runs, double smoothing, boolean log) {
        List<Phrase> labels = CurveRuns.labels(runs);
        List<Line> lines = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        Hover hover = Hover.EMPTY;
        int hidden = 0;
        for (int r = 0; r < runs.size(); r++) {
            CurveRuns.Run run = runs.get(r);
            legend.add(new Legend(r, labels.get(r)));
            for (LossHistory.Curve c : List.of(run.test(), run.train())) {
                boolean test = c == run.test();
                double[] smoothed = smoothing > 0 ? smooth(c.losses(), smoothing) : null;
                if (smoothed != null) {
                    lines.add(new Line(r, test, true, c.iterations(), c.losses()));
                }
                lines.add(new Line(r, test, false, c.iterations(), smoothed != null ? smoothed : c.losses()));
                if (log) {
                    for (double v : c.losses()) {
                        hidden += Double.isNaN(log10(v)) ? 1 : 0;
                    }
                }
            }
            if (run.current()) {
                hover = hover(run.train(), run.train().losses(), smoothing > 0 ? smooth(run.train().losses(), smoothing)
                        : null, run.test());
            }
        }
        return log ? logarithmic(lines, legend, hidden, hover) : linear(lines, legend, Double.NaN, hover);
    }

    private static Hover hover(LossHistory.Curve c, double[] raw, double[] smoothed, LossHistory.Curve other) {
        int n = c.size();
        double[] ys = smoothed != null ? smoothed : raw;
        double[] second = new double[n];
        java.util.Arrays.fill(second, Double.NaN);
        for (int i = 0; i < n && i < other.size(); i++) {
            if (other.iterations()[i] == c.iterations()[i]) {
                second[i] = other.losses()[i];
            }
        }
        double[] s = smoothed != null ? smoothed : new double[n];
        if (smoothed == null) {
            java.util.Arrays.fill(s, Double.NaN);
        }
        return new Hover(c.iterations(), ys.clone(), raw, s, second);
    }

    private static Chart linear(List<Line> lines, List<Legend> legend, double fixedMax, Hover hover) {
        double max = 0;
        for (Line l : lines) {
            for (double y : l.ys()) {
                if (Double.isFinite(y)) {
                    max = Math.max(max, y);
                }
            }
        }
        if (!Double.isNaN(fixedMax)) {
            max = fixedMax;
        }
        if (max <= 0) {
            max = 1;
        }
        List<Tick> ticks = List.of(new Tick(0, "0"), new Tick(max, axisNumber(max)));
        long[] x = xRange(lines);
        return new Chart(lines, legend, x[0], x[1], 0, max, ticks, false, 0, hover);
    }

    private static Chart logarithmic(List<Line> lines, List<Legend> legend, int hidden, Hover hover) {
        List<Line> logLines = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line l : lines) {
            double[] ys = new double[l.ys().length];
            for (int i = 0; i < ys.length; i++) {
                ys[i] = log10(l.ys()[i]);
                if (!Double.isNaN(ys[i])) {
                    lo = Math.min(lo, ys[i]);
                    hi = Math.max(hi, ys[i]);
                }
            }
            logLines.add(new Line(l.color(), l.dashed(), l.faint(), l.xs(), ys));
        }
        int bottom = lo == Double.POSITIVE_INFINITY ? 0 : (int) Math.floor(lo);
        int top = hi == Double.NEGATIVE_INFINITY ? 1 : (int) Math.ceil(hi);
        // the bottom and the top are ticks too: both are multiples of the tick step
        int step = tickStep(bottom, Math.max(top, bottom + 1));
        bottom = Math.floorDiv(bottom, step) * step;
        top = Math.max(bottom + step, Math.floorDiv(top + step - 1, step) * step);
        double[] hy = new double[hover.ys().length];
        for (int i = 0; i < hy.length; i++) {
            hy[i] = log10(hover.ys()[i]);
        }
        Hover h = new Hover(hover.xs(), hy, hover.raw(), hover.smoothed(), hover.other());
        long[] x = xRange(logLines);
        return new Chart(logLines, legend, x[0], x[1], bottom, top, logTicks(bottom, top, step), true, hidden, h);
    }

    /** The first and last x of all lines (the last at least one more than the first). */
    private static long[] xRange(List<Line> lines) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Line l : lines) {
            if (l.xs().length > 0) {
                min = Math.min(min, l.xs()[0]);
                max = Math.max(max, l.xs()[l.xs().length - 1]);
            }
        }
        if (min == Long.MAX_VALUE) {
            return new long[] {0, 1};
        }
        return new long[] {min, Math.max(max, min + 1)};
    }

    static String axisNumber(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
