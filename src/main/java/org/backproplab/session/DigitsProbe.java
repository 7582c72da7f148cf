package org.backproplab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.Idx;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.engine.SubsamplingLayer;
import org.backproplab.lesson.Digits;
import org.backproplab.session.DigitsSnapshot.GalleryItem;
import org.backproplab.session.DigitsSnapshot.LayerMaps;
import org.backproplab.session.DigitsSnapshot.Picture;
import org.backproplab.session.DigitsSnapshot.SummaryRow;
import org.ejml.data.DMatrixRMaj;

/**
 * Looks inside a digits network on the worker thread, on a copy of its parameters (the probe), and
 * turns what it sees into the snapshot's rows and pictures: the summary, the filters, a digit's
 * feature maps, probabilities, saliency and occlusion, the confusion matrix and its gallery.
 */
final class DigitsProbe {
    private List<SummaryRow> summary = List.of();
    private String total = "0";
    private List<int[]> shapes = List.of();
    private List<Phrase> captions = List.of();
    private int[][] confusion = new int[10][10];
    private List<GalleryItem> gallery = List.of();

    /** What one digit looks like to the network. */
    record Look(List<DigitsSnapshot.FilterBank> filters, List<LayerMaps> featureMaps, double[] probabilities, int prediction,
            Picture saliency, Picture occlusion) {
    }

    /** The confusion counts over the first test digits, and the first 24 it gets wrong. */
    record Confusion(int[][] counts, List<GalleryItem> gallery) {
    }

    /** Reads the structure of a new network: the summary, the layers' shapes and captions. */
    void rebuild(Network net) {
        List<Digits.SummaryRow> rows = Digits.summary(net);
        List<SummaryRow> out = new ArrayList<>();
        long sum = 0;
        // each layer named in the window's language ("conv 5x5, sigmoid", "卷积 5x5，sigmoid")
        List<Phrase> names = new ArrayList<>();
        for (Digits.SummaryRow r : rows) {
            Phrase name = Phrase.key("digits.row." + r.kind(), r.args().toArray());
            names.add(name);
            out.add(new SummaryRow(r.kind(), name, r.shape(), count(r.parameters())));
            sum += r.parameters();
        }
        summary = List.copyOf(out);
        total = count(sum);
        List<int[]> s = new ArrayList<>();
        for (Layer l : net.layers()) {
            if (l instanceof ConvLayer c) {
                s.add(new int[] {c.filters(), c.outHeight(), c.outWidth()});
            } else if (l instanceof MaxPoolLayer p) {
                s.add(new int[] {p.channels(), p.outHeight(), p.outWidth()});
            } else if (l instanceof SubsamplingLayer p) {
                s.add(new int[] {p.channels(), p.outHeight(), p.outWidth()});
            } else if (l instanceof DropoutLayer d && d.height() > 1) {
                s.add(new int[] {d.channels(), d.height(), d.width()});
            } else {
                // dense, flatten, a dropout after a dense layer: a row of values
                s.add(new int[] {1, 1, l.outputSize()});
            }
        }
        shapes = List.copyOf(s);
        List<Phrase> c = new ArrayList<>();
        for (int l = 1; l < rows.size(); l++) {
            c.add(names.get(l).then(" \u2192 " + rows.get(l).shape()));
        }
        captions = List.copyOf(c);
    }

    List<SummaryRow> summary() {
        return summary;
    }

    String total() {
        return total;
    }

    /** The digit {@code image} through {@code probe} (which holds the network's current parameters). */
    Look look(Network probe, double[] image) {
        List<double[]> maps = Digits.featureMaps(probe, image);
        double[] probabilities = maps.get(maps.size() - 1).clone();
        int predicted = Metrics.argmax(probabilities);
        double[] saliency = Digits.saliency(probe, image, predicted);
        double[] occlusion = Digits.occlusion(probe, image, predicted, 4);
        double m = DigitsPictures.maxAbs(occlusion);
        // 0 white, the strongest pixel deep blue; an occluded patch that lowered p orange
        return new Look(filters(probe), DigitsPictures.featureMaps(shapes, maps, captions), probabilities, predicted,
                DigitsPictures.diverging(saliency, 28, -max(saliency), max(saliency)),
                DigitsPictures.diverging(occlusion, 7, m, -m));
    }

    /** Every conv layer's filters: each filter's k x k kernel for each input channel, each filter on its own range. */
    private static List<DigitsSnapshot.FilterBank> filters(Network probe) {
        List<DigitsSnapshot.FilterBank> banks = new ArrayList<>();
        int conv = 0;
        for (Layer l : probe.layers()) {
            if (l instanceof ConvLayer c) {
                conv++;
                int k = c.kernel();
                var w = c.weights().values();
                List<Picture> kernels = new ArrayList<>();
                for (int f = 0; f < c.filters(); f++) {
                    // filter f is row f of W, its columns (channel, row, column) as PyTorch's weight[f]
                    double[] row = w.rowValues(f);
                    double m = DigitsPictures.maxAbs(row);
                    for (int ch = 0; ch < c.channels(); ch++) {
                        double[] kernel = Arrays.copyOfRange(row, ch * k * k, (ch + 1) * k * k);
                        kernels.add(DigitsPictures.diverging(kernel, k, -m, m));
                    }
                }
                Phrase caption = c.channels() > 1
                        ? Phrase.key("digits.filterBankChannels", conv, c.filters(), c.channels(), k)
                        : Phrase.key("digits.filterBank", conv, c.filters(), k);
                banks.add(new DigitsSnapshot.FilterBank(caption, c.filters(), c.channels(), kernels,
                        c.channels() > 1 ? 22 : 48));
            }
        }
        return banks;
    }

    /** Classifies the first {@code n} test digits with (a copy of) {@code network}, for the snapshots to come. */
    void refreshConfusion(Network network, Samples test, Idx.LabelledImages labels, int n) {
        Confusion c = confusion(network.copy(), test, labels, n);
        confusion = c.counts();
        gallery = List.copyOf(c.gallery());
    }

    /** The last confusion counts, [true][predicted], as a copy to publish. */
    int[][] confusionCounts() {
        int[][] counts = new int[10][];
        for (int t = 0; t < 10; t++) {
            counts[t] = confusion[t].clone();
        }
        return counts;
    }

    /** The misclassified digits found by the last {@link #refreshConfusion}. */
    List<GalleryItem> gallery() {
        return gallery;
    }

    /** Classifies the first {@code n} test digits with {@code probe}. */
    static Confusion confusion(Network probe, Samples test, Idx.LabelledImages labels, int n) {
        int[][] c = new int[10][10];
        List<GalleryItem> wrong = new ArrayList<>();
        // a chunk at a time: 1000 digits through the Keras example at once would take 1.4 GB
        int chunk = probe.rowsAtOnce(n);
        DMatrixRMaj x = new DMatrixRMaj(1, 784);
        org.backproplab.engine.ImmutableMatrix outputs = null;
        for (int i = 0; i < n; i++) {
            if (i % chunk == 0) {
                int rows = Math.min(chunk, n - i);
                x.reshape(rows, 784);
                for (int r = 0; r < rows; r++) {
                    test.inputs().copyRow(i + r, x.data, r * 784);
                }
                outputs = probe.predict(x);
            }
            int predicted = Metrics.argmax(outputs, i % chunk);
            int actual = labels.label(i);
            c[actual][predicted]++;
            if (predicted != actual && wrong.size() < 24) {
                wrong.add(new GalleryItem(i, DigitsPictures.digit(test.inputs().rowValues(i))));
            }
        }
        return new Confusion(c, wrong);
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** A count with thousands separators, the same in every language ("185,998"). */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
