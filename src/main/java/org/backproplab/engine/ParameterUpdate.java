package org.backproplab.engine;

import java.util.Map;

/**
 * One parameter at the update: values before, the gradient used, the step taken (zero when the
 * parameter is frozen), values after, and the optimizer's buffers before and after the step.
 */
public record ParameterUpdate(String name, int layer, Parameter.Kind kind, boolean trainable,
        ImmutableMatrix before, ImmutableMatrix gradient, ImmutableMatrix step, ImmutableMatrix after,
        Map<String, ImmutableMatrix> optimizerStateBefore, Map<String, ImmutableMatrix> optimizerState) {

    public ParameterUpdate {
        optimizerStateBefore = Map.copyOf(optimizerStateBefore);
        optimizerState = Map.copyOf(optimizerState);
    }
}
