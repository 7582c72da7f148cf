package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Parameter;
import org.backproplab.lesson.Naming;

/**
 * What the network graph draws, ready to show: per input box, neuron, bias, edge, target and
 * error its text, its tooltip and its flags (active, backward, changed, selected), each edge's
 * sign and relative width. Built on the worker ({@link StepGraph} for a stage of an iteration,
 * {@link #ofNetwork} for a network with no stage); the view only sets texts and style classes.
 *
 * @param layerSizes  neuron counts, inputs first
 * @param inputs      one box per input
 * @param neurons     {@code neurons.get(l).get(j)}: neuron j of layer l
 * @param biases      {@code biases.get(l).get(j)}: the bias label beside neuron j of layer l
 * @param edges       one per weight, layer by layer, neuron by neuron, input by input
 * @param targets     one box per output
 * @param errors      the error term of each output, shown under its target
 * @param showTargets whether there are targets to draw (a plain network has none)
 */
public record GraphSnapshot(List<Integer> layerSizes, List<Box> inputs, List<List<Neuron>> neurons,
        List<List<Box>> biases, List<Edge> edges, List<Box> targets, List<Box> errors, boolean showTargets) {

    /** A label: an input, a bias, a weight, a target or an error. */
    public record Box(String text, Phrase tip, boolean visible, boolean active, boolean changed, boolean selected) {
    }

    /**
     * A neuron: its name, net and out lines, its delta (null when the backward pass has not
     * reached it), and whether the stage just run computed it (forward or backward).
     */
    public record Neuron(String name, String net, String out, String delta, Phrase tip, boolean active,
            boolean backward, boolean deltaActive, boolean selected) {
    }

    /**
     * The edge of weight W_l[to][from]: blue when positive; {@code width} is |w| over the largest
     * |w| of the network (0..1); forward/backward when the stage just run uses it.
     */
    public static final class Edge {
        private final int layer;
        private final int to;
        private final int from;
        private final boolean positive;
        private final double width;
        private final boolean forward;
        private final boolean backward;
        /** The label, or null until {@link #label} first makes it from {@link #makeLabel}. */
        private volatile Box label;
        private final Supplier<Box> makeLabel;

        public Edge(int layer, int to, int from, boolean positive, double width, boolean forward, boolean backward,
                Box label) {
            this(layer, to, from, positive, width, forward, backward, Objects.requireNonNull(label), null);
        }

        private Edge(int layer, int to, int from, boolean positive, double width, boolean forward, boolean backward,
                Box label, Supplier<Box> makeLabel) {
            this.layer = layer;
            this.to = to;
            this.from = from;
            this.positive = positive;
            this.width = width;
            this.forward = forward;
            this.backward = backward;
            this.label = label;
            this.makeLabel = makeLabel;
        }

        /**
         * An edge whose label {@code makeLabel} makes when first asked for: the playground's 2,000
         * weights at 8 layers of 16 need only their lines drawn on every frame, and a label's text
         * (the number written out) only when the mouse is over that edge. {@code makeLabel} must
         * read nothing that changes.
         */
        static Edge withLabelLater(int layer, int to, int from, boolean positive, double width,
                Supplier<Box> makeLabel) {
            return new Edge(layer, to, from, positive, width, false, false, null, makeLabel);
        }

        public int layer() {
            return layer;
        }

        public int to() {
            return to;
        }

        public int from() {
            return from;
        }

        public boolean positive() {
            return positive;
        }

        public double width() {
            return width;
        }

        public boolean forward() {
            return forward;
        }

        public boolean backward() {
            return backward;
        }

        public Box label() {
            Box b = label;
            if (b == null) {
                b = makeLabel.get();
                label = b;
            }
            return b;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Edge e && layer == e.layer && to == e.to && from == e.from && positive == e.positive
                    && Double.compare(width, e.width) == 0 && forward == e.forward && backward == e.backward
                    && label().equals(e.label());
        }

        @Override
        public int hashCode() {
            return Objects.hash(layer, to, from, positive, width, forward, backward, label());
        }

        @Override
        public String toString() {
            return "Edge[layer=" + layer + ", to=" + to + ", from=" + from + ", positive=" + positive + ", width="
                    + width + ", forward=" + forward + ", backward=" + backward + ", label=" + label() + "]";
        }
    }

    /** Whether any neuron shows a delta (the backward pass reached it). */
    public boolean anyDelta() {
        return neurons.stream().flatMap(List::stream).anyMatch(n -> n.delta() != null);
    }

    public GraphSnapshot {
        layerSizes = List.copyOf(layerSizes);
        inputs = List.copyOf(inputs);
        neurons = neurons.stream().map(List::copyOf).toList();
        biases = biases.stream().map(List::copyOf).toList();
        edges = List.copyOf(edges);
        targets = List.copyOf(targets);
        errors = List.copyOf(errors);
    }

    /**
     * A network with no stage run (the playground): inputs named {@code inputNames}, neurons
     * named only, each weight and bias with its value, no targets.
     *
     * @param layerSizes neuron counts, inputs first
     * @param inputNames one name per input (the playground's features)
     * @param parameters W1, b1, W2, ... by {@link Parameter#weightsName}/{@link Parameter#biasName}
     * @param hasBias    whether the layers have biases (their labels and tooltips)
     * @param biasFrozen whether the biases are frozen (said in their tooltips)
     */
    public static GraphSnapshot ofNetwork(List<Integer> layerSizes, List<String> inputNames,
            Map<String, ImmutableMatrix> parameters, boolean hasBias, boolean biasFrozen) {
        Naming naming = new Naming(layerSizes);
        int layers = layerSizes.size() - 1;
        List<Box> inputs = new ArrayList<>();
        for (int i = 0; i < layerSizes.get(0); i++) {
            String name = i < inputNames.size() ? inputNames.get(i) : naming.neuron(-1, i);
            inputs.add(new Box(name, Phrase.of(name), true, false, false, false));
        }
        double maxAbs = maxAbs(parameters, layers);
        List<Edge> edges = new ArrayList<>();
        List<List<Neuron>> neurons = new ArrayList<>();
        List<List<Box>> biases = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            ImmutableMatrix w = parameters.get(Parameter.weightsName(l));
            ImmutableMatrix b = parameters.get(Parameter.biasName(l));
            List<Neuron> col = new ArrayList<>();
            List<Box> bcol = new ArrayList<>();
            for (int j = 0; j < layerSizes.get(l + 1); j++) {
                for (int i = 0; i < layerSizes.get(l); i++) {
                    double v = w.get(j, i);
                    String from = l == 0 ? inputs.get(i).text() : null;
                    int layer = l;
                    int to = j;
                    int source = i;
                    edges.add(Edge.withLabelLater(l, j, i, v >= 0, Math.abs(v) / maxAbs,
                            () -> weightBox(naming, layer, to, source, from, v)));
                }
                String n = naming.neuron(l, j);
                col.add(new Neuron(n, "net \u2013", "out \u2013", null, Phrase.of(n), false, false, false, false));
                bcol.add(biasBox(naming, l, j, hasBias && b != null ? b.get(j, 0) : Double.NaN, hasBias && b != null,
                        biasFrozen));
            }
            neurons.add(col);
            biases.add(bcol);
        }
        List<Box> targets = new ArrayList<>();
        for (int k = 0; k < layerSizes.get(layers); k++) {
            targets.add(new Box("", Phrase.EMPTY, false, false, false, false));
        }
        return new GraphSnapshot(layerSizes, inputs, neurons, biases, edges, targets, targets, false);
    }

    /**
     * The tooltip of what {@code item} points at: a weight or a bias with its exact value, a
     * neuron, an input; {@link Phrase#EMPTY} for anything this network does not have.
     */
    public Phrase tip(GraphItem item) {
        if (item == null || !item.isIn(layerSizes)) {
            return Phrase.EMPTY;
        }
        return switch (item.kind()) {
            case NEURON -> neurons.get(item.layer()).get(item.row()).tip();
            case BIAS -> biases.get(item.layer()).get(item.row()).tip();
            case INPUT -> inputs.get(item.col()).tip();
            case TARGET -> targets.get(item.col()).tip();
            case WEIGHT -> edges.stream().filter(e -> e.layer() == item.layer() && e.to() == item.row()
                    && e.from() == item.col()).map(e -> e.label().tip()).findFirst().orElse(Phrase.EMPTY);
        };
    }

    /** The label of weight W_l[j][i] = v, whose source is named {@code from} (null: a neuron's name). */
    private static Box weightBox(Naming naming, int l, int j, int i, String from, double v) {
        String name = naming.weight(l, j, i);
        String source = from != null ? from : naming.neuron(l - 1, i);
        Phrase tip = Phrase.of(name + " (" + source + " \u2192 " + naming.neuron(l, j) + ") = " + Numbers.exact(v));
        return new Box(name + " " + Numbers.shortNumber(v), tip, true, false, false, false);
    }

    private static Box biasBox(Naming naming, int l, int j, double value, boolean visible, boolean frozen) {
        if (!visible) {
            return new Box("", Phrase.EMPTY, false, false, false, false);
        }
        Phrase tip = Phrase.of(naming.bias(l, j) + " = " + Numbers.exact(value));
        if (frozen) {
            tip = tip.then("\n(").thenKey("bias.frozen").then(")");
        }
        return new Box("b " + Numbers.shortNumber(value), tip, true, false, false, false);
    }

    /** The largest |w| over every layer's weights (at least 1e-12, so widths stay finite). */
    static double maxAbs(Map<String, ImmutableMatrix> parameters, int layers) {
        double max = 1e-12;
        for (int l = 0; l < layers; l++) {
            ImmutableMatrix m = parameters.get(Parameter.weightsName(l));
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    max = Math.max(max, Math.abs(m.get(r, c)));
                }
            }
        }
        return max;
    }
}
