package org.backproplab.engine;

/**
 * Forward through one layer: z = W x + b (preActivation) and a = f(z) (activation).
 * {@code weights} and {@code bias} are the layer's parameters as the pass used them (a dense
 * layer's W with one row per neuron, a convolution's with one row per filter of C k k values in
 * the order (c, ky, kx)), null when the layer has none. {@code winners} is for max-pooling only
 * (else null): per sample and output, the index in the sample's input row of the value that won
 * its window.
 */
public record ForwardRecord(long iteration, int layer, Activation function, ImmutableMatrix input,
        ImmutableMatrix weights, ImmutableMatrix bias, ImmutableMatrix preActivation,
        ImmutableMatrix activation, ImmutableMatrix winners) implements StageRecord {

    @Override
    public Stage stage() {
        return new Stage(Stage.Kind.FORWARD, layer);
    }
}
