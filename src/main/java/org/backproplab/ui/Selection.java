package org.backproplab.ui;

/**
 * What the learner clicked in the graph: a neuron (layer, row = neuron), a weight (layer, row =
 * neuron, col = input), a bias (layer, row = neuron), an input (col) or a target (col). Layers
 * are counted from 0, the first layer after the inputs. For an input or a target, row is the sample.
 */
public record Selection(Kind kind, int layer, int row, int col) {
    public enum Kind { NEURON, WEIGHT, BIAS, INPUT, TARGET }

    public static Selection neuron(int layer, int j) {
        return new Selection(Kind.NEURON, layer, j, -1);
    }

    public static Selection weight(int layer, int j, int i) {
        return new Selection(Kind.WEIGHT, layer, j, i);
    }

    public static Selection bias(int layer, int j) {
        return new Selection(Kind.BIAS, layer, j, 0);
    }

    /** Input i of sample 0; {@link #forSample} picks another sample. */
    public static Selection input(int i) {
        return new Selection(Kind.INPUT, -1, 0, i);
    }

    public static Selection target(int k) {
        return new Selection(Kind.TARGET, -1, 0, k);
    }

    /** The same input or target of another sample (row); other selections are returned as they are. */
    public Selection forSample(int sample) {
        return kind == Kind.INPUT || kind == Kind.TARGET ? new Selection(kind, layer, sample, col) : this;
    }

    /** True for what can be typed over: weights, biases, inputs and targets. */
    public boolean editable() {
        return kind != Kind.NEURON;
    }
}
