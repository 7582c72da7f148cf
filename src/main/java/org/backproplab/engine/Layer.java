package org.backproplab.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One layer: a linear part z = g(input) with parameters, followed by an activation a = f(z).
 * Batches are matrices with one row per sample.
 *
 * <p>The layer computes only its linear part and the gradients of it; the {@link Network} owns
 * the z, a and delta buffers and applies the activation, so that every stage can be recorded.
 */
public interface Layer {

    int inputSize();

    int outputSize();

    Activation activation();

    /** z = g(input). {@code z} is reshaped and overwritten; {@code input} is not changed. */
    void forwardLinear(DMatrixRMaj input, DMatrixRMaj z);

    /**
     * From delta = dE/dz and the input given to the last forward pass: overwrites the gradients
     * of this layer's parameters and, when {@code gradInput} is not null, writes dE/dinput into
     * it (reshaped). {@code input} and {@code delta} are not changed.
     */
    void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput);

    /** The parameters the optimizer updates and the gradient check perturbs, weights first. */
    List<Parameter> parameters();

    /** An independent layer with the same configuration and parameter values (gradients not copied). */
    Layer copy();

    /**
     * Training (true) or test time (false) for the next forward pass; only dropout behaves
     * differently. {@link Network#forwardLayer} sets training, {@link Network#forward} test time.
     */
    default void setTraining(boolean training) {
    }

    /**
     * A training iteration (counted from 0) begins: a layer drawing random numbers (dropout) draws
     * them from its seed and this number, so that replaying an iteration from a checkpoint (step
     * back, a reopened experiment) draws the same ones.
     */
    default void beginIteration(long iteration) {
    }

    /** Every parameter the layer keeps, including a bias switched off by {@link BiasMode#NONE}. */
    default List<Parameter> allParameters() {
        return parameters();
    }
}
