package org.backproplab.ui;

import java.util.List;

/**
 * Where the network graph's parts go, as plain numbers: the columns (inputs, each layer, the
 * targets), each neuron's centre and radius, each edge's ends and where its weight label sits.
 * The graph is laid out at a design size no smaller than the network needs and scaled down to
 * fit a smaller pane, so a small window shows the same readable layout, only smaller: the compact
 * graph's by {@link #compactFrame}, the step graph's by {@link GraphFit}.
 */
public final class GraphLayout {
    private static final double MARGIN_X = 70;
    private static final double MARGIN_Y = 40;

    private final List<Integer> sizes;
    private final double[] colX;
    private final double top;
    private final double width;
    private final double height;
    private final double radius;

    /** The design size, and the factor and offset that fit it into the pane. */
    public record Frame(double width, double height, double fit, double x, double y) {
    }

    /**
     * @param sizes          neuron counts, inputs first
     * @param width          design width
     * @param height         design height
     * @param scale          1 normally, larger in presentation mode
     * @param compact        small neurons showing heatmaps (the playground)
     * @param textRadius     the radius that fits the widest neuron text (ignored when compact)
     */
    public GraphLayout(List<Integer> sizes, double width, double height, double scale, boolean compact,
            double textRadius) {
        this(sizes, width, height, scale, compact, textRadius, MARGIN_X * scale, MARGIN_X * scale, MARGIN_Y * scale,
                gapWeights(sizes.size() + 1));
    }

    /**
     * With margins of one's own, in design pixels: the inputs' centres {@code left} from the left edge, the
     * targets' {@code right} from the right, the neurons spread between {@code topBottom} from the top and the bottom.
     */
    GraphLayout(List<Integer> sizes, double width, double height, double scale, boolean compact, double textRadius,
            double left, double right, double topBottom, double[] gaps) {
        this.sizes = List.copyOf(sizes);
        int columns = sizes.size() + 1;
        this.top = topBottom;
        this.width = width;
        this.height = height;
        double total = 0;
        for (double g : gaps) {
            total += g;
        }
        double unit = (width - left - right) / total;
        colX = new double[columns];
        colX[0] = left;
        for (int c = 1; c < columns; c++) {
            colX[c] = colX[c - 1] + gaps[c - 1] * unit;
        }
        double inner = height - 2 * top;
        int tallest = tallest(sizes);
        if (compact) {
            radius = Math.max(12, Math.min(32 * scale, inner / tallest * 0.36));
        } else {
            double fitted = Math.max(22, Math.min(46 * scale, Math.min(unit * 0.25, inner / tallest * 0.3)));
            radius = Math.max(fitted, textRadius);
        }
    }

    /**
     * The compact graph's design size for a pane of {@code paneWidth} x {@code paneHeight}: at least 90 px between
     * columns and 62 px a neuron of the tallest layer (times the scale), larger to fill a larger pane, scaled down
     * and centred in a smaller one. (The step graph's is {@link GraphFit}'s.)
     */
    public static Frame compactFrame(List<Integer> sizes, double paneWidth, double paneHeight, double scale) {
        double gapSum = 0;
        for (double g : gapWeights(sizes.size() + 1)) {
            gapSum += g;
        }
        double minWidth = 2 * MARGIN_X * scale + gapSum * 90 * scale / 1.3;
        double minHeight = (62 * tallest(sizes) + 90) * scale;
        double w = Math.max(paneWidth, minWidth);
        double h = Math.max(paneHeight, minHeight);
        double fit = Math.min(paneWidth / w, paneHeight / h);
        return new Frame(w, h, fit, (paneWidth - w * fit) / 2, (paneHeight - h * fit) / 2);
    }

    /**
     * Relative widths of the gaps between columns: the gaps between layers carry the weight
     * labels and get the most room; the targets sit close to the outputs.
     */
    static double[] gapWeights(int columns) {
        double[] out = new double[columns - 1];
        for (int c = 0; c < columns - 1; c++) {
            out[c] = c == columns - 2 ? 0.75 : 1.3;
        }
        return out;
    }

    private static int tallest(List<Integer> sizes) {
        return sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Every neuron's radius. */
    public double radius() {
        return radius;
    }

    /** x of column c: 0 the inputs, 1..L the layers, L + 1 the targets. */
    public double columnX(int c) {
        return colX[c];
    }

    /** y of the k-th of n items in a column, spread evenly between the margins. */
    private double y(int k, int n) {
        return top + (k + 0.5) * (height - 2 * top) / n;
    }

    public double inputX(int i) {
        return colX[0];
    }

    public double inputY(int i) {
        return y(i, sizes.get(0));
    }

    /** Centre x of neuron j of layer l (0 = the first layer after the inputs). */
    public double neuronX(int l, int j) {
        return colX[l + 1];
    }

    public double neuronY(int l, int j) {
        return y(j, sizes.get(l + 1));
    }

    public double targetX(int k) {
        return colX[colX.length - 1];
    }

    /**
     * Left edge of output k's error label: under its target box, moved left as far as needed to
     * stay inside the design width (a long value such as "E 7.79828E-27" would run off the pane).
     */
    public double errorLabelX(int k, double targetWidth, double labelWidth) {
        return Math.max(0, Math.min(targetX(k) - targetWidth / 2, width - labelWidth - 10));
    }

    public double targetY(int k) {
        return y(k, sizes.get(sizes.size() - 1));
    }

    /**
     * The ends of the edge of W_l[j][i]: from the right of its source (an input box half
     * {@code inputHalfWidth} wide, or a neuron) to the left of neuron j. {x1, y1, x2, y2}.
     */
    public double[] edge(int l, int j, int i, double inputHalfWidth) {
        double x1 = l == 0 ? inputX(i) + inputHalfWidth : neuronX(l - 1, i) + radius;
        double y1 = l == 0 ? inputY(i) : neuronY(l - 1, i);
        return new double[] {x1, y1, neuronX(l, j) - radius, neuronY(l, j)};
    }

    /**
     * Where along an edge from x1 to x2 (0..1) a label {@code labelWidth} wide is centred: near
     * the neuron it feeds (3/4), where the edges into one neuron are still a quarter of their
     * sources' spacing apart and crossing edges are far from their crossing; the whole label
     * stays on its edge, clear of the circles at both ends.
     */
    public static double labelAt(double x1, double x2, double labelWidth) {
        double half = labelWidth / 2 + 4;
        double span = x2 - x1;
        if (span > 2 * half) {
            return Math.max(half / span, Math.min(0.75, 1 - half / span));
        }
        return 0.5;
    }
}
