package org.backproplab.ui;

/**
 * What the learner clicked in the graph: a neuron (layer, row = neuron), a weight (layer, row =
 * neuron, col = input), a bias (layer, row = neuron), an input (col) or a target (col). Layers
 * are counted from 0, the first layer after the inputs.
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

    public static Selection input(int i) {
        return new Selection(Kind.INPUT, -1, 0, i);
    }

    public static Selection target(int k) {
        return new Selection(Kind.TARGET, -1, 0, k);
    }

    /** True for what can be typed over: weights, biases, inputs and targets. */
    public boolean editable() {
        return kind != Kind.NEURON;
    }
}
