package org.backproplab.session;

import java.util.List;

/**
 * What the digits tab shows, made ready on the worker thread: texts and numbers, the curves, and
 * every picture as ARGB pixels. Arrays are never changed once published.
 *
 * @param presetId        the preset whose network this is
 * @param summary         the model summary, input first
 * @param totalParameters the number of parameters, with thousands separators
 * @param filters         every conv layer's filters (none for the MLP), blue positive, orange negative
 * @param featureMaps     each hidden layer's activations for the digit shown, one group per layer
 * @param selected        the test digit shown (or under the drawing)
 * @param image           the digit shown: a test digit or the drawing, 784 values in [0, 1]
 * @param digit           {@code image} as a picture (28 x 28, ink black)
 * @param label           its label, or -1 for a drawing
 * @param prediction      the most likely class
 * @param saliency        |d ln p / dx| per pixel (28 x 28)
 * @param occlusion       7 x 7 drops of the predicted class's probability (orange: the patch mattered)
 * @param confusion       [true][predicted] counts over the first test digits
 * @param gallery         test digits the network gets wrong (at most 24)
 * @param runs            the loss curve's runs, kept ones first, the current one last ({@link CurveRuns})
 */
public record DigitsSnapshot(String presetId, List<SummaryRow> summary, String totalParameters, int epoch, int batch,
        int batchesPerEpoch, double secondsLeft, LossHistory.Curve batchLoss, LossHistory.Curve testAccuracy,
        List<FilterBank> filters, List<LayerMaps> featureMaps, int selected, double[] image, Picture digit, int label,
        double[] probabilities, int prediction, Picture saliency, Picture occlusion, int[][] confusion,
        List<GalleryItem> gallery, long version, List<CurveRuns.Run> runs) {

    public DigitsSnapshot {
        summary = List.copyOf(summary);
        filters = List.copyOf(filters);
        featureMaps = List.copyOf(featureMaps);
        gallery = List.copyOf(gallery);
        runs = List.copyOf(runs);
    }

    /** A picture: width x height ARGB pixels, row by row (never changed once made). */
    public record Picture(int width, int height, int[] argb) {
        public Picture {
            if (argb.length != width * height) {
                throw new IllegalArgumentException(argb.length + " pixels for " + width + " x " + height);
            }
        }
    }

    /**
     * One conv layer's filters: its caption, and each filter's kernel for each input channel, filter by
     * filter ({@code kernels.get(f * channels + c)}), drawn {@code tile} pixels wide, one filter per row
     * when there are several channels.
     */
    public record FilterBank(Phrase caption, int filters, int channels, List<Picture> kernels, double tile) {
        public FilterBank {
            kernels = List.copyOf(kernels);
        }
    }

    /**
     * One row of the model summary: the layer's kind (input, conv, maxpool, dense), its description,
     * its output shape, its parameter count (formatted).
     */
    public record SummaryRow(String kind, Phrase layer, String shape, String parameters) {
    }

    /**
     * One layer's feature maps: its caption ("conv 5x5, sigmoid -> 10 x 24 x 24"), one picture per
     * channel (one block for a dense layer), and the size each is drawn at.
     */
    public record LayerMaps(Phrase caption, List<Picture> maps, double tileWidth, double tileHeight) {
        public LayerMaps {
            maps = List.copyOf(maps);
        }
    }

    /** A test digit in the gallery: its index in the test set, and its picture. */
    public record GalleryItem(int index, Picture picture) {
    }

    /** How far the current epoch is, from 0 to 1. */
    public double progress() {
        return batchesPerEpoch == 0 ? 0 : (double) batch / batchesPerEpoch;
    }
}
