package org.backproplab.session;

/**
 * Something in the network graph a person can point at: a neuron (layer, row = neuron), a weight
 * (layer, row = neuron, col = input), a bias (layer, row = neuron), an input (col) or a target
 * (col). Layers are counted from 0, the first layer after the inputs. For an input or a target,
 * row is the sample.
 */
public record GraphItem(Kind kind, int layer, int row, int col) {
    public enum Kind { NEURON, WEIGHT, BIAS, INPUT, TARGET }

    public static GraphItem neuron(int layer, int j) {
        return new GraphItem(Kind.NEURON, layer, j, -1);
    }

    public static GraphItem weight(int layer, int j, int i) {
        return new GraphItem(Kind.WEIGHT, layer, j, i);
    }

    public static GraphItem bias(int layer, int j) {
        return new GraphItem(Kind.BIAS, layer, j, 0);
    }

    /** Input i of sample 0; {@link #forSample} picks another sample. */
    public static GraphItem input(int i) {
        return new GraphItem(Kind.INPUT, -1, 0, i);
    }

    public static GraphItem target(int k) {
        return new GraphItem(Kind.TARGET, -1, 0, k);
    }

    /** The same input or target of another sample (row); other items are returned as they are. */
    public GraphItem forSample(int sample) {
        return kind == Kind.INPUT || kind == Kind.TARGET ? new GraphItem(kind, layer, sample, col) : this;
    }

    /** True for what can be typed over: weights, biases, inputs and targets. */
    public boolean editable() {
        return kind != Kind.NEURON;
    }

    /** Whether a network of these layer sizes (inputs first) has this item. */
    public boolean isIn(java.util.List<Integer> sizes) {
        int layers = sizes.size() - 1;
        return switch (kind) {
            case INPUT -> col >= 0 && col < sizes.get(0);
            case TARGET -> col >= 0 && col < sizes.get(layers);
            default -> layer >= 0 && layer < layers && row >= 0 && row < sizes.get(layer + 1)
                    && (kind != Kind.WEIGHT || col >= 0 && col < sizes.get(layer));
        };
    }
}
