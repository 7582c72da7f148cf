package org.backproplab.engine;

/** A dense layer as data: neuron count, activation, bias mode and initialisers. */
public record LayerSpec(int size, Activation activation, BiasMode biasMode, Initializer weightInit,
        Initializer biasInit) {

    public LayerSpec {
        if (size <= 0) {
            throw new IllegalArgumentException("a layer needs at least one neuron, got " + size);
        }
    }

    /** A layer with zero biases that are trained. */
    public static LayerSpec of(int size, Activation activation, Initializer weightInit) {
        return new LayerSpec(size, activation, BiasMode.TRAINED, weightInit, Initializer.zeros());
    }

    public LayerSpec withBiasMode(BiasMode mode) {
        return new LayerSpec(size, activation, mode, weightInit, biasInit);
    }
}
