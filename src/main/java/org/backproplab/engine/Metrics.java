package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/** Classification accuracy of outputs against targets. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The fraction of samples classified right. With one output the class is "output above the
     * threshold" (0 after tanh or a linear output, whose targets are -1/1; 0.5 otherwise); with several outputs it is
     * the largest output, compared with the largest target.
     */
    public static double accuracy(DMatrixRMaj outputs, DMatrixRMaj targets, Activation outputActivation) {
        int m = outputs.numRows;
        int k = outputs.numCols;
        if (m == 0) {
            return Double.NaN;
        }
        int correct = 0;
        double threshold = outputActivation == Activation.TANH || outputActivation == Activation.IDENTITY ? 0.0 : 0.5;
        for (int r = 0; r < m; r++) {
            if (k == 1) {
                boolean predicted = outputs.get(r, 0) > threshold;
                boolean actual = targets.get(r, 0) > threshold;
                if (predicted == actual) {
                    correct++;
                }
            } else if (argmax(outputs, r) == argmax(targets, r)) {
                correct++;
            }
        }
        return (double) correct / m;
    }

    /** Index of the largest value (the first of equal ones): the predicted class of a probability vector. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the largest value in row r. */
    public static int argmax(DMatrixRMaj m, int r) {
        int best = 0;
        for (int c = 1; c < m.numCols; c++) {
            if (m.get(r, c) > m.get(r, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The column of the largest value in row r (the predicted class). */
    public static int argmax(ImmutableMatrix m, int r) {
        int best = 0;
        for (int c = 1; c < m.cols(); c++) {
            if (m.get(r, c) > m.get(r, best)) {
                best = c;
            }
        }
        return best;
    }
}
