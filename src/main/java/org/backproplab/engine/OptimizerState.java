package org.backproplab.engine;

import java.util.Map;

/**
 * A copy of an optimizer's memory: its step count and, per parameter name, its named buffers
 * (momentum's "velocity", Adam's "m" and "v").
 */
public record OptimizerState(long steps, Map<String, Map<String, ImmutableMatrix>> slots) {
    public OptimizerState {
        slots = Map.copyOf(slots);
    }
}
