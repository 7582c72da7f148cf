package org.backproplab.engine;

/**
 * Forward through one layer: z = W x + b (preActivation) and a = f(z) (activation).
 * {@code bias} is null when the layer has none.
 */
public record ForwardRecord(long iteration, int layer, Activation function, ImmutableMatrix input,
        ImmutableMatrix weights, ImmutableMatrix bias, ImmutableMatrix preActivation,
        ImmutableMatrix activation) implements StageRecord {

    @Override
    public Stage stage() {
        return new Stage(Stage.Kind.FORWARD, layer);
    }
}
