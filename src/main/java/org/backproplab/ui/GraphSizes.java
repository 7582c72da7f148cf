package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The sizes of a {@link GraphView}'s labels for {@link GraphFit}: the larger of what each kind of label takes now
 * and what it takes with a typical text of its later stages (a weight's two lines with six-digit numbers, a delta,
 * a neuron's net and out), measured in its own font, so that the graph is laid out from the first stage as it will
 * need to be in the backward pass and the update.
 */
final class GraphSizes {
    private GraphSizes() {
    }

    static GraphFit.Sizes measure(List<Label> weights, List<List<GraphNodes.NeuronNodes>> neurons, List<Label> inputs,
            List<Label> targets, List<Label> errors) {
        double[] weight = {0, 0};
        for (Label w : weights) {
            if (w.isVisible()) {
                grow(weight, w.prefWidth(-1), w.prefHeight(-1));
            }
        }
        if (!weights.isEmpty()) {
            typical(weight, weights.get(0), "w88 0.888888\n\u2192 0.888888", true);
        }
        double[] bias = {0, 0};
        double[] delta = {0, 0};
        double radius = GraphNodes.textRadius(neurons);
        for (List<GraphNodes.NeuronNodes> column : neurons) {
            for (GraphNodes.NeuronNodes n : column) {
                if (n.bias().isVisible()) {
                    grow(bias, n.bias().prefWidth(-1), n.bias().prefHeight(-1));
                }
                if (n.delta().isVisible()) {
                    grow(delta, n.delta().prefWidth(-1), n.delta().prefHeight(-1));
                }
            }
        }
        if (!neurons.isEmpty() && !neurons.get(0).isEmpty()) {
            GraphNodes.NeuronNodes first = neurons.get(0).get(0);
            typical(delta, first.delta(), "\u03b4 0.0888888", false);
            Font font = first.out().getFont();
            Text line = probe("out 0.888888", font);
            double lineHeight = line.getLayoutBounds().getHeight();
            radius = Math.max(radius, Math.hypot(line.getLayoutBounds().getWidth(), 3.2 * lineHeight) / 2 + 2);
        }
        double[] input = widest(inputs);
        double[] target = widest(targets);
        double[] error = widest(errors);
        if (!errors.isEmpty()) {
            // shown from the loss stage on
            typical(error, errors.get(0), "E 0.888888", true);
        }
        return new GraphFit.Sizes(weight[0], weight[1], bias[0], bias[1], delta[0], delta[1], input[0], input[1],
                target[0], target[1], error[0], error[1], radius);
    }

    private static double[] widest(List<Label> labels) {
        double[] size = {0, 0};
        for (Label l : labels) {
            if (l.isVisible()) {
                grow(size, l.prefWidth(-1), l.prefHeight(-1));
            }
        }
        return size;
    }

    /** Grows {@code size} to what {@code label} would take with {@code text} in its font (bold if asked). */
    private static void typical(double[] size, Label label, String text, boolean bold) {
        Font font = label.getFont();
        if (bold) {
            font = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        }
        Text t = probe(text, font);
        Insets in = label.getInsets();
        grow(size, Math.ceil(t.getLayoutBounds().getWidth() + in.getLeft() + in.getRight()),
                Math.ceil(t.getLayoutBounds().getHeight() + in.getTop() + in.getBottom()));
    }

    private static Text probe(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t;
    }

    private static void grow(double[] size, double w, double h) {
        size[0] = Math.max(size[0], w);
        size[1] = Math.max(size[1], h);
    }
}
