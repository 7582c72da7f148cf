package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * How a classifier does on labelled samples: the data loss (no penalty), the number classified
 * right, and the confusion matrix, {@code confusion[t][p]} the samples of true class t predicted as
 * class p (rows the true class, columns the predicted one, as scikit-learn's confusion_matrix).
 * The true class is the largest target, the predicted one the largest output (the first of equal
 * largest, as {@link Metrics#argmax} and torch.argmax take it).
 */
public record ClassificationReport(double loss, int correct, int total, int[][] confusion) {
    /** Rows run through the network at once, so that 10,000 digits never make one huge batch. */
    private static final int CHUNK = 1000;

    public ClassificationReport {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** The fraction classified right; NaN for no samples. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** A copy of the counts. */
    @Override
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /**
     * Runs {@code data} through {@code network} a chunk at a time. The loss is combined as the
     * network's loss reduces over a batch: the mean losses (mean squared error and the two
     * cross-entropies) average over all samples, the sums add up. The network's parameters are not
     * changed; its working buffers are.
     */
    public static ClassificationReport of(Network network, Samples data) {
        int n = data.size();
        int classes = network.outputSize();
        if (data.targetSize() != classes || classes < 2) {
            throw new IllegalArgumentException("the network has " + classes + " outputs, the data " + data.targetSize()
                    + " classes");
        }
        Loss l = network.loss();
        boolean mean = l == Loss.MEAN_SQUARED_ERROR || l == Loss.HALF_MEAN_SQUARED_ERROR || l == Loss.BINARY_CROSS_ENTROPY
                || l == Loss.SOFTMAX_CROSS_ENTROPY;
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        double loss = 0;
        int cols = data.inputSize();
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        DMatrixRMaj t = new DMatrixRMaj(1, 1);
        int step = network.rowsAtOnce(CHUNK);
        for (int start = 0; start < n; start += step) {
            int rows = Math.min(step, n - start);
            x.reshape(rows, cols);
            t.reshape(rows, classes);
            for (int i = 0; i < rows; i++) {
                data.inputs().copyRow(start + i, x.data, i * cols);
                data.targets().copyRow(start + i, t.data, i * classes);
            }
            network.forward(x);
            double chunk = network.dataLoss(t);
            // a mean over this chunk's rows, weighted by its share of all the samples
            loss += mean ? chunk * rows / n : chunk;
            DMatrixRMaj out = network.output();
            for (int i = 0; i < rows; i++) {
                int truth = Metrics.argmax(t, i);
                int predicted = Metrics.argmax(out, i);
                confusion[truth][predicted]++;
                if (truth == predicted) {
                    correct++;
                }
            }
        }
        return new ClassificationReport(loss, correct, n, confusion);
    }
}
