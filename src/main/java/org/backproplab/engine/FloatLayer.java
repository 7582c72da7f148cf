package org.backproplab.engine;

/**
 * One layer of the float32 training path ({@link FloatNetwork}): the linear part of a
 * {@link Layer} computed in single precision on a batch held as one row-major {@code float[]}
 * (one row of {@link #inputSize()} values per sample). Its parameters are float copies of the
 * double layer's {@link Layer#parameters()}, in the same order.
 */
interface FloatLayer {
    int inputSize();

    int outputSize();

    Activation activation();

    /** z = g(input) for {@code batch} samples; {@code z} holds at least batch x outputSize values. */
    void forward(float[] input, int batch, float[] z);

    /**
     * From delta = dE/dz and the input of the last forward pass: overwrites the parameters'
     * gradients and, when {@code gradInput} is not null, writes dE/dinput into it.
     */
    void backward(float[] input, float[] delta, int batch, float[] gradInput);

    /** The parameter values, the double layer's {@link Layer#parameters()} in order (none for a pool). */
    float[][] values();

    /** Their gradients, in the same order and shapes. */
    float[][] gradients();
}
