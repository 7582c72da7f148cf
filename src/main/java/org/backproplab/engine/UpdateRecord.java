package org.backproplab.engine;

import java.util.List;

/**
 * The update: which optimizer, at which learning rate and step count (Adam's t, after this step),
 * with which hyperparameters ({@code spec}), and every parameter's change.
 */
public record UpdateRecord(long iteration, String optimizer, double learningRate, long optimizerStep,
        List<ParameterUpdate> parameters, OptimizerSpec spec) implements StageRecord {

    public UpdateRecord {
        parameters = List.copyOf(parameters);
    }

    @Override
    public Stage stage() {
        return new Stage(Stage.Kind.UPDATE, -1);
    }

    /** The update of the parameter with this name ("W1", "b2", ...). */
    public ParameterUpdate parameter(String name) {
        for (ParameterUpdate p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in this update");
    }
}
