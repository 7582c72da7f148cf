package org.backproplab.engine;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * A penalty on the weights (never the biases) added to the loss.
 * L2: E += rate/2 sum w^2, so dE/dw += rate w. L1: E += rate sum |w|, so dE/dw += rate sign(w).
 */
public record Regularization(Kind kind, double rate) {
    public enum Kind { NONE, L1, L2 }

    public static final Regularization NONE = new Regularization(Kind.NONE, 0);

    public Regularization {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("regularisation rate must be a finite number >= 0, got " + rate);
        }
    }

    public static Regularization l1(double rate) {
        return new Regularization(Kind.L1, rate);
    }

    public static Regularization l2(double rate) {
        return new Regularization(Kind.L2, rate);
    }

    /** The penalty for one weight matrix. */
    public double penalty(DMatrixRMaj w) {
        double sum = 0;
        int n = w.getNumElements();
        switch (kind) {
            case L1 -> {
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(w.data[i]);
                }
                return rate * sum;
            }
            case L2 -> {
                for (int i = 0; i < n; i++) {
                    sum += w.data[i] * w.data[i];
                }
                return 0.5 * rate * sum;
            }
            default -> {
                return 0;
            }
        }
    }

    /** Adds the penalty's gradient to {@code grad} (changed in place); {@code w} is not changed. */
    public void addGradient(DMatrixRMaj w, DMatrixRMaj grad) {
        int n = w.getNumElements();
        switch (kind) {
            case L1 -> {
                for (int i = 0; i < n; i++) {
                    grad.data[i] += rate * Math.signum(w.data[i]);
                }
            }
            case L2 -> {
                for (int i = 0; i < n; i++) {
                    grad.data[i] += rate * w.data[i];
                }
            }
            default -> { }
        }
    }

    public String id() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
