package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * How large the stepping tab's graph can be drawn in its pane, and where each weight label sits on its edge.
 * The graph is laid out over the whole pane at the largest scale, at most 1, at which nothing overlaps: no two
 * weight labels, no weight label and a bias, a delta or a target, no bias and the neuron above it. Each weight
 * label takes the first place along its edge, from near the neuron it feeds towards its source, where it overlaps
 * nothing placed before it: the labels into one neuron step aside from each other instead of the whole graph being
 * drawn smaller. The sizes it is given are the largest the labels have taken, so that the graph keeps its size from
 * stage to stage.
 */
final class GraphFit {
    /** The places tried along an edge, from its source (0) to the neuron it feeds (1), in this order. */
    private static final double[] ALONG = {0.75, 0.65, 0.55, 0.45, 0.35, 0.25, 0.86};
    /** Each try at a smaller scale is this much smaller than the last. */
    private static final double SHRINK = 0.97;
    private static final double SMALLEST = 0.05;
    /** Room kept between two labels, in design pixels. */
    private static final double AIR = 3;

    private GraphFit() {
    }

    /**
     * The largest sizes the graph's labels take, in design pixels (before the fit): a weight label, a bias, a
     * neuron's delta, an input box, a target box and its error, and the radius that fits the widest neuron text.
     */
    record Sizes(double weightW, double weightH, double biasW, double biasH, double deltaW, double deltaH,
            double inputW, double inputH, double targetW, double targetH, double errorW, double errorH,
            double textRadius) {

        /** Each size the larger of this one's and the other's. */
        Sizes max(Sizes o) {
            return new Sizes(Math.max(weightW, o.weightW), Math.max(weightH, o.weightH), Math.max(biasW, o.biasW),
                    Math.max(biasH, o.biasH), Math.max(deltaW, o.deltaW), Math.max(deltaH, o.deltaH),
                    Math.max(inputW, o.inputW), Math.max(inputH, o.inputH), Math.max(targetW, o.targetW),
                    Math.max(targetH, o.targetH),
                    Math.max(errorW, o.errorW), Math.max(errorH, o.errorH), Math.max(textRadius, o.textRadius));
        }
    }

    /**
     * The frame (the design size, which has the pane's shape, and the fit), where each weight label is centred along
     * its edge (edges in the order layer, neuron, source; null when the weights carry no labels), and whether
     * nothing overlaps (false only when even the smallest scale tried is not small enough).
     */
    record Fitted(GraphLayout.Frame frame, double[] along, boolean clear) {
    }

    /**
     * The largest fit, at most 1, at which the graph laid out over a design of the pane's size divided by the fit
     * has nothing overlapping.
     *
     * @param weights whether the weights carry labels
     * @param biases  whether the neurons carry bias labels
     */
    static Fitted fit(List<Integer> sizes, double paneW, double paneH, double scale, Sizes s, boolean weights,
            boolean biases) {
        double pw = Math.max(1, paneW);
        double ph = Math.max(1, paneH);
        Fitted last = null;
        for (double f = 1; f >= SMALLEST; f *= SHRINK) {
            GraphLayout g = layout(sizes, pw / f, ph / f, scale, s);
            List<double[]> taken = new ArrayList<>();
            boolean clear = fixedPartsClear(g, sizes, s, scale, biases, pw / f, ph / f, taken);
            double[] along = weights ? new double[edges(sizes)] : null;
            clear &= !weights || placeWeights(g, sizes, s, along, taken);
            last = new Fitted(new GraphLayout.Frame(pw / f, ph / f, f, 0, 0), along, clear);
            if (clear) {
                break;
            }
        }
        return last;
    }

    /**
     * The step graph's layout at a design size: the inputs and the targets as far from the sides as their boxes
     * need, the neurons spread over the whole height (a bias above the top one and a delta below the bottom one
     * fit in half a neuron's spacing, which {@link #fit} checks).
     */
    static GraphLayout layout(List<Integer> sizes, double width, double height, double scale, Sizes s) {
        return new GraphLayout(sizes, width, height, scale, false, s.textRadius(), s.inputW() / 2 + 6,
                Math.max(s.targetW() / 2, s.errorW() - s.targetW() / 2) + 10, 4, GraphLayout.gapWeights(sizes.size() + 1));
    }

    /** The last fit worked out and what it was worked out for: a layout with nothing changed reuses it. */
    static final class Memo {
        private List<Object> key;
        private Fitted fitted;

        Fitted fit(List<Integer> sizes, double paneW, double paneH, double scale, Sizes s, boolean weights,
                boolean biases) {
            List<Object> now = List.of(sizes, paneW, paneH, scale, s, weights, biases);
            if (!now.equals(key)) {
                fitted = GraphFit.fit(sizes, paneW, paneH, scale, s, weights, biases);
                key = now;
            }
            return fitted;
        }
    }

    static int edges(List<Integer> sizes) {
        int n = 0;
        for (int l = 0; l + 1 < sizes.size(); l++) {
            n += sizes.get(l) * sizes.get(l + 1);
        }
        return n;
    }

    /**
     * Puts the neurons' biases and deltas, the targets and their errors into {@code taken}; true when none of them
     * overlaps another or a neuron, and all are inside the design.
     */
    private static boolean fixedPartsClear(GraphLayout g, List<Integer> sizes, Sizes s, double scale, boolean biases,
            double width, double height, List<double[]> taken) {
        double r = g.radius();
        boolean clear = true;
        for (int l = 0; l + 1 < sizes.size(); l++) {
            int n = sizes.get(l + 1);
            if (n > 1) {
                double spacing = g.neuronY(l, 1) - g.neuronY(l, 0);
                // a bias between two neurons, a delta above the next one's circle
                double need = Math.max(2 * r + (biases ? s.biasH() + 4 : 4), 1.7 * r + s.deltaH() + 2);
                clear &= spacing >= need;
            }
            if (l + 2 < sizes.size()) {
                clear &= g.columnX(l + 2) - g.columnX(l + 1) >= 2 * r + 10;
            }
            for (int j = 0; j < n; j++) {
                double x = g.neuronX(l, j);
                double y = g.neuronY(l, j);
                if (biases) {
                    clear &= add(taken, x - s.biasW() / 2, y - r - s.biasH() - 2, s.biasW(), s.biasH(), width, height);
                }
                if (s.deltaW() > 0) {
                    clear &= add(taken, x + r * 0.75, y + r * 0.7, s.deltaW(), s.deltaH(), width, height);
                }
            }
        }
        for (int i = 0; i < sizes.get(0); i++) {
            clear &= add(taken, g.inputX(i) - s.inputW() / 2, g.inputY(i) - s.inputH() / 2, s.inputW(), s.inputH(),
                    width, height);
        }
        int outputs = sizes.get(sizes.size() - 1);
        for (int k = 0; k < outputs; k++) {
            double x = g.targetX(k);
            double y = g.targetY(k);
            clear &= add(taken, x - s.targetW() / 2, y - s.targetH() / 2, s.targetW(), s.targetH(), width, height);
            if (s.errorW() > 0) {
                clear &= add(taken, g.errorLabelX(k, s.targetW(), s.errorW()), errorY(y, s.targetH()), s.errorW(), s.errorH(),
                        width, height);
            }
        }
        return clear;
    }

    /**
     * The top of a target's error label: just under its box ({@code boxHeight} high, centred on {@code targetY}),
     * clear of it at any fit (a fixed 18 px under the centre overlapped a selected target's thicker box at every fit,
     * and the graph was drawn at the smallest).
     */
    static double errorY(double targetY, double boxHeight) {
        return targetY + boxHeight / 2 + AIR + 1;
    }

    /** Adds the box; false when it overlaps one already taken or reaches outside the design. */
    private static boolean add(List<double[]> taken, double x, double y, double w, double h, double width,
            double height) {
        double[] box = {x, y, x + w, y + h};
        boolean clear = x >= 0 && y >= 0 && x + w <= width && y + h <= height && free(taken, box);
        taken.add(box);
        return clear;
    }

    private static boolean free(List<double[]> taken, double[] box) {
        for (double[] t : taken) {
            if (box[0] < t[2] + AIR && t[0] < box[2] + AIR && box[1] < t[3] + AIR && t[1] < box[3] + AIR) {
                return false;
            }
        }
        return true;
    }

    /** Places every weight label at the first of {@link #ALONG} where it overlaps nothing; false when one could not be. */
    private static boolean placeWeights(GraphLayout g, List<Integer> sizes, Sizes s, double[] along,
            List<double[]> taken) {
        boolean clear = true;
        int e = 0;
        double half = s.weightW() / 2;
        for (int l = 0; l + 1 < sizes.size(); l++) {
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++, e++) {
                    double[] p = g.edge(l, j, i, l == 0 ? s.inputW() / 2 : 0);
                    double span = p[2] - p[0];
                    // the whole label on its edge, clear of what is at either end
                    double lo = (half + 4) / span;
                    double hi = 1 - lo;
                    if (!(span > 0) || lo > hi) {
                        along[e] = 0.5;
                        clear = false;
                        continue;
                    }
                    double[] chosen = null;
                    for (double t : ALONG) {
                        double at = Math.max(lo, Math.min(hi, t));
                        double[] box = box(p, at, s);
                        if (free(taken, box)) {
                            along[e] = at;
                            chosen = box;
                            break;
                        }
                    }
                    if (chosen == null) {
                        along[e] = Math.max(lo, Math.min(hi, ALONG[0]));
                        chosen = box(p, along[e], s);
                        clear = false;
                    }
                    taken.add(chosen);
                }
            }
        }
        return clear;
    }

    private static double[] box(double[] p, double at, Sizes s) {
        double cx = p[0] + at * (p[2] - p[0]);
        double cy = p[1] + at * (p[3] - p[1]);
        return new double[] {cx - s.weightW() / 2, cy - s.weightH() / 2, cx + s.weightW() / 2, cy + s.weightH() / 2};
    }
}
