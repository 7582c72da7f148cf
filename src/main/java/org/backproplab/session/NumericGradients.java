package org.backproplab.session;

import java.util.HashMap;
import java.util.Map;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;

/**
 * Finite-difference estimates of dE/dparameter at the start of the current iteration, on the
 * current batch, for the inspector; computed once per starting point (worker thread only).
 */
final class NumericGradients {
    /** Largest network for which finite-difference estimates of every gradient are computed. */
    private static final int LIMIT = 2000;

    private Map<String, ImmutableMatrix> cache = Map.of();
    private Checkpoint cachedFor;

    void clear() {
        cachedFor = null;
    }

    Map<String, ImmutableMatrix> at(Trainer trainer, Stepper stepper) {
        Checkpoint start = stepper.currentStart();
        if (start.equals(cachedFor)) {
            return cache;
        }
        Network net = trainer.network();
        int count = net.parameters().stream().mapToInt(Parameter::size).sum();
        if (count > LIMIT || stepper.currentInputs() == null) {
            return Map.of();
        }
        Network copy = net.copy();
        copy.restoreParameters(start.parameters());
        GradientCheck.Result r = GradientCheck.check(copy, stepper.currentInputs().toMatrix(),
                stepper.currentTargets().toMatrix(), trainer.regularization(), 1e-6);
        Map<String, double[][]> values = new HashMap<>();
        for (Parameter p : copy.parameters()) {
            values.put(p.name(), new double[p.rows()][p.cols()]);
        }
        for (GradientCheck.Entry e : r.entries()) {
            values.get(e.parameter())[e.row()][e.col()] = e.numeric();
        }
        Map<String, ImmutableMatrix> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, ImmutableMatrix.of(v)));
        cache = Map.copyOf(out);
        cachedFor = start;
        return cache;
    }
}
