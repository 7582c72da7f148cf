package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.session.PlaygroundChoices.MapPoint;

/**
 * What the playground shows, copied and rendered on the worker thread; never changed after
 * publishing.
 *
 * @param outputMaps    the output neurons' values over the grid ({@code outputMaps[k][r * res + c]})
 * @param neuronMap     the map of the neuron the window shows large ({@link PlaygroundSession#showNeuronMap}), or null
 * @param inputMaps     each input feature's values over the grid
 * @param resolution    maps and pictures are resolution x resolution, row 0 at the top (x2 = +6)
 * @param thumbnails    every neuron's map as ARGB pixels of thumbnailSize x thumbnailSize (about as
 *                      large as the window shows it), {@code thumbnails[l][j]} for neuron j of layer l
 *                      (the output layer last)
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
        LossHistory.Curve trainAccuracy, LossHistory.Curve testAccuracy, float[][] outputMaps, NeuronMap neuronMap,
        float[][] inputMaps, int resolution, int[][][] thumbnails, int thumbnailSize, double[][][] ranges, int[][] biasColors,
        int[] outputPicture, List<MapPoint> points, int trainCount, int testCount, Map<String, ImmutableMatrix> parameters,
        List<String> inputNames, GraphSnapshot graph, EdgePicture edgePicture, boolean diverged, Landscape landscape,
        long version, List<CurveRuns.Run> runs) {

    public PlaygroundSnapshot {
        parameters = Map.copyOf(parameters);
        inputNames = List.copyOf(inputNames);
        runs = List.copyOf(runs);
    }

    /**
     * Neuron {@code row} of layer {@code layer}'s map at the grid's resolution, as ARGB pixels coloured
     * over its range (the large map while the mouse is over that neuron).
     */
    public record NeuronMap(int layer, int row, int[] picture) {
        /** Whether this is the map of {@code item}. */
        public boolean shows(GraphItem item) {
            return item != null && item.kind() == GraphItem.Kind.NEURON && item.layer() == layer && item.row() == row;
        }
    }
}
