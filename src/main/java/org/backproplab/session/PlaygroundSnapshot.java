package org.backproplab.session;

import java.util.Map;
import org.backproplab.data.DataSet;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * What the playground shows, copied on the worker thread.
 *
 * @param maps       every neuron's map, layer by layer ({@code maps[l][j][r * res + c]}), the
 *                   output layer last; never changed after publishing
 * @param inputMaps  each input feature's map
 * @param resolution maps are resolution x resolution, row 0 at the top (x2 = +6)
 * @param trainLoss  and the other curves: one point per epoch (decimated)
 * @param diverged   true while training is paused because the loss or a weight stopped being finite
 * @param landscape  the loss over the two weights and their path, for a network with exactly two
 *                   parameters; null otherwise
 */
public record PlaygroundSnapshot(String lessonId, PlaygroundSpec spec, DataSet data, int epoch, long iteration,
        double trainLossNow, double testLossNow, double trainAccuracyNow, double testAccuracyNow,
        LossHistory.Curve trainLoss, LossHistory.Curve testLoss, LossHistory.Curve trainAccuracy,
        LossHistory.Curve testAccuracy, float[][][] maps, float[][] inputMaps, int resolution,
        Map<String, ImmutableMatrix> parameters, boolean diverged, Landscape landscape, long version) {

    public PlaygroundSnapshot {
        parameters = Map.copyOf(parameters);
    }

    /** The output layer's maps (one per output neuron). */
    public float[][] outputMaps() {
        return maps[maps.length - 1];
    }
}
