package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares backpropagation with central finite differences
 * dE/dw ~ (E(w + h) - E(w - h)) / 2h for every parameter (and, on request, every input).
 *
 * <p>The error of one entry is |analytic - numeric| / max(|analytic| + |numeric|, floor) with
 * floor = 1e-4 max(1, |E|): a true relative error for gradients of ordinary size, and an absolute
 * one for gradients so small that the finite difference's rounding noise dominates. That noise is
 * about 1e-16 |E| / h, so the floor grows with the loss.
 */
public final class GradientCheck {
    /** Smallest denominator of the relative error for a loss up to 1, see the class comment. */
    public static final double FLOOR = 1e-4;

    private GradientCheck() {
    }

    /**
     * One checked number: parameter name ("W1", "b2", or "x" for the input), position, and the
     * floor of its relative error (see the class comment).
     */
    public record Entry(String parameter, int row, int col, double analytic, double numeric, double floor) {
        public double error() {
            return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), floor);
        }

        @Override
        public String toString() {
            return parameter + "[" + row + "][" + col + "] backprop " + analytic + " numeric " + numeric
                    + " error " + error();
        }
    }

    /** Every entry checked and the largest error. */
    public record Result(List<Entry> entries) {
        public Result {
            entries = List.copyOf(entries);
        }

        public double maxError() {
            return entries.stream().mapToDouble(Entry::error).max().orElse(0);
        }

        public Entry worst() {
            Entry w = null;
            for (Entry e : entries) {
                if (w == null || e.error() > w.error()) {
                    w = e;
                }
            }
            return w;
        }
    }

    /**
     * Checks every parameter of {@code network} on the batch (x, t), penalty included. The
     * network's parameters are left as they were.
     */
    public static Result check(Network network, DMatrixRMaj x, DMatrixRMaj t, Regularization regularization,
            double h) {
        double floor = floor(network.totalLoss(x, t, regularization));
        network.backward(t, regularization, false);
        List<Entry> entries = new ArrayList<>();
        List<Parameter> parameters = network.parameters();
        List<DMatrixRMaj> analytic = new ArrayList<>();
        for (Parameter p : parameters) {
            analytic.add(p.gradient().copy());
        }
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            DMatrixRMaj w = p.value();
            for (int i = 0; i < w.getNumElements(); i++) {
                double numeric = centralDifference(w, i, h, () -> network.totalLoss(x, t, regularization));
                entries.add(new Entry(p.name(), i / w.numCols, i % w.numCols, analytic.get(k).data[i], numeric, floor));
            }
        }
        return new Result(entries);
    }

    /** Checks dE/dx, the gradient with respect to the inputs (used for saliency maps). */
    public static Result checkInput(Network network, DMatrixRMaj x, DMatrixRMaj t, Regularization regularization,
            double h) {
        double floor = floor(network.totalLoss(x, t, regularization));
        network.backward(t, regularization, true);
        DMatrixRMaj analytic = network.gradInput().copy();
        DMatrixRMaj probe = x.copy();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < probe.getNumElements(); i++) {
            double numeric = centralDifference(probe, i, h, () -> network.totalLoss(probe, t, regularization));
            entries.add(new Entry("x", i / probe.numCols, i % probe.numCols, analytic.data[i], numeric, floor));
        }
        return new Result(entries);
    }

    private static double floor(double loss) {
        return FLOOR * Math.max(1, Math.abs(loss));
    }

    private static double centralDifference(DMatrixRMaj m, int i, double h, java.util.function.DoubleSupplier loss) {
        double saved = m.data[i];
        m.data[i] = saved + h;
        double plus = loss.getAsDouble();
        m.data[i] = saved - h;
        double minus = loss.getAsDouble();
        m.data[i] = saved;
        return (plus - minus) / (2 * h);
    }
}
