package org.backproplab.engine;

import java.util.Map;

/**
 * Everything needed to return a trainer exactly to a point between iterations: parameter values,
 * optimizer memory and the position in the data (epoch, cursor, iteration count).
 */
public record Checkpoint(Map<String, ImmutableMatrix> parameters, OptimizerState optimizer, int epoch,
        int cursor, long iteration) {

    public Checkpoint {
        parameters = Map.copyOf(parameters);
    }
}
