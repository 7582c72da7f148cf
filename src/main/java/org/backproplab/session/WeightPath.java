package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;

/**
 * The path of the two weights of a network that has exactly two (a neuron without bias), one
 * point per epoch, and the loss landscape under it. Worker thread only.
 */
final class WeightPath {
    private static final int LIMIT = 5000;
    private static final int RESOLUTION = 80;
    private final List<double[]> path = new ArrayList<>();
    private Landscape landscape;

    void clear(Trainer trainer) {
        path.clear();
        landscape = null;
        record(trainer);
    }

    /** The data changed: the landscape must be computed again. */
    void forget() {
        landscape = null;
    }

    void truncate(int epoch) {
        while (path.size() > epoch + 1) {
            path.remove(path.size() - 1);
        }
    }

    void record(Trainer trainer) {
        var params = trainer.network().parameters();
        if (params.size() == 1 && params.get(0).size() == 2 && path.size() < LIMIT) {
            path.add(params.get(0).values().rowValues(0));
        }
    }

    /**
     * The landscape for the path so far, or null: the grid covers the path (range 1, 2, 5, 10, 20
     * or 50) and is recomputed only when the path outgrows it.
     */
    Landscape landscape(Trainer trainer) {
        if (path.isEmpty()) {
            return null;
        }
        double reach = 0;
        for (double[] w : path) {
            if (Double.isFinite(w[0]) && Double.isFinite(w[1])) {
                reach = Math.max(reach, Math.max(Math.abs(w[0]), Math.abs(w[1])));
            }
        }
        double range = 50;
        for (double r : new double[] {1, 2, 5, 10, 20, 50}) {
            if (reach * 1.1 <= r) {
                range = r;
                break;
            }
        }
        boolean same = landscape != null && landscape.range() == range;
        float[] loss = same ? landscape.loss() : grid(trainer, range);
        int[] picture = same ? landscape.picture() : Landscape.picture(loss);
        double[] px = new double[path.size()];
        double[] py = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            px[i] = path.get(i)[0];
            py[i] = path.get(i)[1];
        }
        landscape = new Landscape(range, RESOLUTION, loss, px, py, picture);
        return landscape;
    }

    /** The total loss at each (w1, w2) of the grid, row r = w2 from +range (top) down. */
    private static float[] grid(Trainer trainer, double range) {
        Network probe = trainer.network().copy();
        String weights = probe.parameters().get(0).name();
        Samples all = trainer.samples();
        var x = all.inputs().toMatrix();
        var t = all.targets().toMatrix();
        float[] loss = new float[RESOLUTION * RESOLUTION];
        for (int r = 0; r < RESOLUTION; r++) {
            double w2 = range - (r + 0.5) * 2 * range / RESOLUTION;
            for (int c = 0; c < RESOLUTION; c++) {
                double w1 = -range + (c + 0.5) * 2 * range / RESOLUTION;
                probe.setParameterValue(weights, 0, 0, w1);
                probe.setParameterValue(weights, 0, 1, w2);
                loss[r * RESOLUTION + c] = (float) probe.totalLoss(x, t, trainer.regularization());
            }
        }
        return loss;
    }
}
