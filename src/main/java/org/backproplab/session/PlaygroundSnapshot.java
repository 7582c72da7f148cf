package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.session.PlaygroundChoices.MapPoint;

/**
 * What the playground shows, copied and rendered on the worker thread; never changed after
 * publishing.
 *
 * @param maps          every neuron's values over the grid, layer by layer ({@code maps[l][j][r * res + c]}),
 *                      the output layer last
 * @param inputMaps     each input feature's values over the grid
 * @param resolution    maps and pictures are resolution x resolution, row 0 at the top (x2 = +6)
 * @param thumbnails    every neuron's map as ARGB pixels of thumbnailSize x thumbnailSize (about as
 *                      large as the window shows it), indexed as {@code maps}
 * @param thumbnailSize the side of each thumbnail, in pixels
 * @param ranges        the range each neuron's map is coloured over, {@code ranges[l][j] = {lo, hi}}
 * @param biasColors    every neuron's bias as one ARGB colour on the maps' scale (-1 orange, 0 white,
 *                      1 blue), indexed as {@code thumbnails}; null when the network has no biases
 * @param outputPicture the big output map as ARGB pixels (class colours, discretised when asked)
 * @param points        the points to draw, training points first; the same list while the data stays
 * @param parameters    the weights and biases by name (for tests and the stepping window)
 * @param inputNames    the labels of the chosen input features
 * @param graph         what the network graph draws
 * @param edgePicture   the graph's edges drawn for the geometry the window last reported, or null
 * @param diverged      true while training is paused because the loss or a weight stopped being finite
 * @param landscape     the loss over the two weights and their path, for a network with exactly two
 *                      parameters; null otherwise
 * @param runs          the loss curves' runs, kept ones first, the current one last ({@link CurveRuns})
 */
public record PlaygroundSnapshot(int epoch, long iteration, double trainLossNow, double testLossNow,
        double trainAccuracyNow, double testAccuracyNow, LossHistory.Curve trainLoss, LossHistory.Curve testLoss,
        LossHistory.Curve trainAccuracy, LossHistory.Curve testAccuracy, float[][][] maps, float[][] inputMaps,
        int resolution, int[][][] thumbnails, int thumbnailSize, double[][][] ranges, int[][] biasColors, int[] outputPicture, List<MapPoint> points, int trainCount,
        int testCount, Map<String, ImmutableMatrix> parameters, List<String> inputNames, GraphSnapshot graph,
        EdgePicture edgePicture, boolean diverged, Landscape landscape, long version, List<CurveRuns.Run> runs) {

    public PlaygroundSnapshot {
        parameters = Map.copyOf(parameters);
        inputNames = List.copyOf(inputNames);
        runs = List.copyOf(runs);
    }

    /**
     * Neuron j of layer l's map at the full resolution, as ARGB pixels (the large map when the
     * mouse is over that neuron): a few microseconds, so made only when asked for.
     */
    public int[] neuronPicture(int l, int j) {
        return PlaygroundPictures.map(maps[l][j], ranges[l][j][0], ranges[l][j][1], false);
    }
}
