package org.backproplab.engine;

/**
 * Backward through one layer.
 * <ul>
 * <li>{@code gradActivation}: dE/da (null for an output layer whose loss is fused with its
 * activation, where delta is taken directly as (o - t) / m);</li>
 * <li>{@code derivative}: f'(z) per neuron (null for softmax, whose derivative is a Jacobian);</li>
 * <li>{@code delta}: dE/dz;</li>
 * <li>{@code gradWeights}: dE/dW = delta^T x (penalty gradient included), rows = neurons;</li>
 * <li>{@code gradBias}: dE/db (null when the layer has no bias);</li>
 * <li>{@code gradInput}: dE/dx for the layer's input, which is dE/da of the layer below (null for
 * the first layer unless the input gradient was asked for).</li>
 * </ul>
 */
public record BackwardRecord(long iteration, int layer, Activation function, ImmutableMatrix gradActivation,
        ImmutableMatrix derivative, ImmutableMatrix delta, ImmutableMatrix gradWeights,
        ImmutableMatrix gradBias, ImmutableMatrix gradInput) implements StageRecord {

    @Override
    public Stage stage() {
        return new Stage(Stage.Kind.BACKWARD, layer);
    }
}
