package org.backproplab.session;

import java.util.List;
import org.backproplab.data.Idx;
import org.backproplab.lesson.Digits;

/**
 * What the digits tab shows, copied on the worker thread.
 *
 * @param layerShapes   {channels, height, width} of each layer's output (dense layers: {1, 1, n})
 * @param featureMaps   each layer's activations for the digit shown
 * @param filters       the first conv layer's filters, each k x k (empty for the MLP)
 * @param image         the digit shown: a test digit or the drawing, 784 values in [0, 1]
 * @param label         its label, or -1 for a drawing
 * @param occlusion     7 x 7 drops of the predicted class's probability
 * @param confusion     [true][predicted] counts over the first test digits
 * @param misclassified indices of test digits the network gets wrong (at most 24)
 * @param testImages    the test digits, for the gallery (never changed)
 */
public record DigitsSnapshot(String presetId, List<Digits.SummaryRow> summary, int epoch, int batch,
        int batchesPerEpoch, double secondsLeft, LossHistory.Curve batchLoss, LossHistory.Curve testAccuracy,
        List<int[]> layerShapes, List<double[]> featureMaps, double[][] filters, int kernel, int selected,
        double[] image, int label, double[] probabilities, double[] saliency, double[] occlusion, int[][] confusion,
        int[] misclassified, Idx.LabelledImages testImages, boolean loaded, long version) {

    /** The most likely class of the digit shown. */
    public int prediction() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
