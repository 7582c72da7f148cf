package org.backproplab.engine;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * Loss functions E(o, t) over a batch: rows are samples, columns are outputs.
 *
 * <p>Each loss has its own reduction over the batch, as the tutorials it comes from use it:
 * the two squared-error sums add over samples and outputs (so the worked example's E is
 * sum 1/2 (t - o)^2); mean squared error and binary cross-entropy average over samples and
 * outputs (as Keras and PyTorch do); categorical cross-entropy sums over classes and averages
 * over samples.
 *
 * <p>Binary cross-entropy after a sigmoid and categorical cross-entropy after a softmax are
 * fused: the loss is computed from z (no log of 0) and delta = dE/dz = (o - t) / m directly.
 */
public enum Loss {
    /** E = sum over samples and outputs of 1/2 (t - o)^2; dE/do = o - t. */
    HALF_SQUARED_ERROR {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            double d = t - o;
            return 0.5 * d * d;
        }

        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            return o - t;
        }
    },
    /** E = sum over samples and outputs of (t - o)^2; dE/do = 2 (o - t). */
    SUM_SQUARED_ERROR {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            double d = t - o;
            return d * d;
        }

        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            return 2.0 * (o - t);
        }
    },
    /** E = 1/(m k) sum (t - o)^2 over m samples and k outputs; dE/do = 2 (o - t) / (m k). */
    MEAN_SQUARED_ERROR {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            double d = t - o;
            return d * d / ((double) batch * outputs);
        }

        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            return 2.0 * (o - t) / ((double) batch * outputs);
        }
    },
    /**
     * E = 1/(m k) sum 1/2 (t - o)^2; dE/do = (o - t) / (m k): TensorFlow Playground's loss (its
     * Errors.SQUARE, averaged over the points) and gradient (summed per point, divided by the batch).
     */
    HALF_MEAN_SQUARED_ERROR {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            double d = t - o;
            return 0.5 * d * d / ((double) batch * outputs);
        }

        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            return (o - t) / ((double) batch * outputs);
        }
    },
    /**
     * E = -1/(m k) sum [t ln o + (1 - t) ln(1 - o)]. After a sigmoid it is computed from z as
     * max(z, 0) - z t + ln(1 + e^-|z|), which equals the formula but never takes ln 0.
     */
    BINARY_CROSS_ENTROPY {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            double scale = (double) batch * outputs;
            if (out == Activation.SIGMOID) {
                return (Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)))) / scale;
            }
            double oc = clamp(o);
            return -(t * Math.log(oc) + (1 - t) * Math.log(1 - oc)) / scale;
        }

        // dE/do = (o - t) / (o (1 - o)) / (m k)
        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            double oc = clamp(o);
            return (oc - t) / (oc * (1 - oc)) / ((double) batch * outputs);
        }

        @Override
        public boolean fusesWith(Activation output) {
            return output == Activation.SIGMOID;
        }
    },
    /**
     * E = -1/m sum over samples of sum_i t_i ln o_i, with o = softmax(z); only after a softmax.
     * Computed as -1/m sum t_i (z_i - logsumexp(z)).
     */
    SOFTMAX_CROSS_ENTROPY {
        @Override
        double term(double z, double o, double t, Activation out, int batch, int outputs) {
            throw new IllegalStateException("computed per row");
        }

        @Override
        double gradTerm(double o, double t, int batch, int outputs) {
            return -t / clamp(o) / batch;
        }

        @Override
        public boolean fusesWith(Activation output) {
            return output == Activation.SOFTMAX;
        }

        @Override
        public void contributions(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj t, Activation out,
                DMatrixRMaj terms) {
            requireSameShape(o, t);
            if (out != Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax cross-entropy needs a softmax output layer, not "
                        + out.id());
            }
            terms.reshape(o.numRows, o.numCols);
            int n = o.numCols;
            for (int r = 0; r < o.numRows; r++) {
                int off = r * n;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    max = Math.max(max, z.data[off + c]);
                }
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += Math.exp(z.data[off + c] - max);
                }
                double logSumExp = max + Math.log(sum);
                for (int c = 0; c < n; c++) {
                    double ti = t.data[off + c];
                    terms.data[off + c] = ti == 0 ? 0 : -ti * (z.data[off + c] - logSumExp) / o.numRows;
                }
            }
        }
    };

    private static final double EPSILON = 1e-15;

    static double clamp(double o) {
        return Math.min(1 - EPSILON, Math.max(EPSILON, o));
    }

    static void requireSameShape(DMatrixRMaj o, DMatrixRMaj t) {
        if (o.numRows != t.numRows || o.numCols != t.numCols) {
            throw new IllegalArgumentException("outputs are " + o.numRows + "x" + o.numCols
                    + " but targets are " + t.numRows + "x" + t.numCols);
        }
    }

    /** One element's share of E, given z, o = f(z) and t, with the batch reduction included. */
    abstract double term(double z, double o, double t, Activation out, int batch, int outputs);

    /** One element of dE/do, with the batch reduction included. */
    abstract double gradTerm(double o, double t, int batch, int outputs);

    /** True when delta = dE/dz is taken directly as (o - t) / m for this output activation. */
    public boolean fusesWith(Activation output) {
        return false;
    }

    /**
     * Each output's share of E for each sample (their sum is E). {@code terms} is reshaped and
     * overwritten; z (pre-activations), o (outputs) and t (targets) are not changed.
     */
    public void contributions(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj t, Activation out,
            DMatrixRMaj terms) {
        requireSameShape(o, t);
        terms.reshape(o.numRows, o.numCols);
        int size = o.numRows * o.numCols;
        for (int i = 0; i < size; i++) {
            terms.data[i] = term(z.data[i], o.data[i], t.data[i], out, o.numRows, o.numCols);
        }
    }

    /** E for a batch. */
    public double value(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj t, Activation out) {
        DMatrixRMaj terms = new DMatrixRMaj(1, 1);
        contributions(z, o, t, out, terms);
        double sum = 0;
        for (int i = 0; i < terms.numRows * terms.numCols; i++) {
            sum += terms.data[i];
        }
        return sum;
    }

    /** g = dE/do. {@code grad} is reshaped and overwritten. */
    public void gradOutput(DMatrixRMaj o, DMatrixRMaj t, DMatrixRMaj grad) {
        requireSameShape(o, t);
        grad.reshape(o.numRows, o.numCols);
        int size = o.numRows * o.numCols;
        for (int i = 0; i < size; i++) {
            grad.data[i] = gradTerm(o.data[i], t.data[i], o.numRows, o.numCols);
        }
    }

    /**
     * delta = dE/dz of the output layer. Fused: (o - t) / (m k) for binary cross-entropy,
     * (o - t) / m for softmax cross-entropy; otherwise f.backward(dE/do). {@code delta} is
     * reshaped and overwritten; {@code scratch} receives dE/do when it is used.
     */
    public void outputDelta(DMatrixRMaj z, DMatrixRMaj o, DMatrixRMaj t, Activation out,
            DMatrixRMaj scratch, DMatrixRMaj delta) {
        requireSameShape(o, t);
        if (fusesWith(out)) {
            double scale = this == SOFTMAX_CROSS_ENTROPY ? o.numRows : (double) o.numRows * o.numCols;
            delta.reshape(o.numRows, o.numCols);
            for (int i = 0; i < o.numRows * o.numCols; i++) {
                delta.data[i] = (o.data[i] - t.data[i]) / scale;
            }
            return;
        }
        if (this == SOFTMAX_CROSS_ENTROPY) {
            throw new IllegalArgumentException("softmax cross-entropy needs a softmax output layer, not "
                    + out.id());
        }
        gradOutput(o, t, scratch);
        out.backward(z, o, scratch, delta);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Loss fromId(String id) {
        for (Loss l : values()) {
            if (l.id().equalsIgnoreCase(id.replace('_', '-'))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'");
    }
}
