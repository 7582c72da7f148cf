package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Activation functions a = f(z), applied to each row (one sample) of a batch.
 *
 * <p>Each function's backward pass sits next to its forward pass. {@link #backward} turns
 * dE/da into delta = dE/dz; for the element-wise functions that is dE/da times f'(z), for softmax
 * it is the Jacobian-vector product delta_i = a_i (g_i - sum_j g_j a_j).
 */
public enum Activation {
    IDENTITY {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double a) {
            return 1.0;
        }
    },
    SIGMOID {
        // sigma(z) = 1 / (1 + e^-z), written so that neither branch overflows
        @Override
        public double apply(double z) {
            if (z >= 0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }

        // sigma'(z) = sigma(z) (1 - sigma(z)) = a (1 - a)
        @Override
        public double derivative(double z, double a) {
            return a * (1.0 - a);
        }

        // The same two formulas as apply(), both worked out and one picked by the sign bit of z:
        // no branch on the sign (mispredicted half the time on a layer's values), bit for bit the
        // same result (-0.0 takes the second formula, which gives 0.5 too); large batches on every core.
        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            a.reshape(z.numRows, z.numCols);
            double[] zd = z.data;
            double[] ad = a.data;
            int n = z.numRows * z.numCols;
            Kernels.parallel(n * 16L, t -> {
                for (int i = Kernels.share(n, t); i < Kernels.share(n, t + 1); i++) {
                    double v = zd[i];
                    double e = Math.exp(-Math.abs(v));
                    double positive = 1.0 / (1.0 + e);
                    double negative = e / (1.0 + e);
                    long mask = Double.doubleToRawLongBits(v) >> 63;
                    ad[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(positive) & ~mask
                            | Double.doubleToRawLongBits(negative) & mask);
                }
            });
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradActivation, DMatrixRMaj delta) {
            delta.reshape(z.numRows, z.numCols);
            double[] ad = a.data;
            double[] g = gradActivation.data;
            double[] d = delta.data;
            for (int i = z.numRows * z.numCols - 1; i >= 0; i--) {
                d[i] = g[i] * ad[i] * (1.0 - ad[i]);
            }
        }
    },
    TANH {
        @Override
        public double apply(double z) {
            return tanh(z);
        }

        // tanh'(z) = 1 - tanh(z)^2
        @Override
        public double derivative(double z, double a) {
            return 1.0 - a * a;
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            a.reshape(z.numRows, z.numCols);
            double[] zd = z.data;
            double[] ad = a.data;
            for (int i = z.numRows * z.numCols - 1; i >= 0; i--) {
                ad[i] = tanh(zd[i]);
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradActivation, DMatrixRMaj delta) {
            delta.reshape(z.numRows, z.numCols);
            double[] ad = a.data;
            double[] g = gradActivation.data;
            double[] d = delta.data;
            for (int i = z.numRows * z.numCols - 1; i >= 0; i--) {
                d[i] = g[i] * (1.0 - ad[i] * ad[i]);
            }
        }
    },
    RELU {
        @Override
        public double apply(double z) {
            return Math.max(z, 0.0);
        }

        // the derivative at exactly 0 is taken as 0, as PyTorch does
        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1.0 : 0.0;
        }

        // The loops below have no branch on the sign of z: with about half the values on each
        // side a branch is mispredicted so often that the loop runs ten times slower (measured:
        // 1.5 ms against 0.17 ms for a LeNet batch's first layer). Math.max lets a NaN through,
        // so that a diverging network shows it.
        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            a.reshape(z.numRows, z.numCols);
            double[] zd = z.data;
            double[] ad = a.data;
            int n = z.numRows * z.numCols;
            for (int i = 0; i < n; i++) {
                ad[i] = Math.max(zd[i], 0.0);
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradActivation, DMatrixRMaj delta) {
            delta.reshape(z.numRows, z.numCols);
            double[] zd = z.data;
            double[] g = gradActivation.data;
            double[] d = delta.data;
            int n = z.numRows * z.numCols;
            for (int i = 0; i < n; i++) {
                // all ones when z > 0 (its bits are a positive long), else 0 (-0.0 included)
                long bits = Double.doubleToRawLongBits(zd[i]);
                long mask = (-bits & ~bits) >> 63;
                d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(g[i]) & mask);
            }
        }
    },
    LEAKY_RELU {
        @Override
        public double apply(double z) {
            return z > 0 ? z : LEAKY_SLOPE * z;
        }

        @Override
        public double derivative(double z, double a) {
            return z > 0 ? 1.0 : LEAKY_SLOPE;
        }
    },
    /** Softmax over the outputs of one sample: a_i = e^(z_i) / sum_j e^(z_j). */
    SOFTMAX {
        @Override
        public double apply(double z) {
            throw new UnsupportedOperationException("softmax acts on a whole vector, not one number");
        }

        @Override
        public double derivative(double z, double a) {
            throw new UnsupportedOperationException("softmax has a Jacobian, not one derivative per neuron");
        }

        @Override
        public boolean isElementwise() {
            return false;
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            a.reshape(z.numRows, z.numCols);
            int n = z.numCols;
            for (int r = 0; r < z.numRows; r++) {
                int off = r * n;
                // subtract the row's maximum so that e^z cannot overflow; softmax is unchanged
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < n; c++) {
                    max = Math.max(max, z.data[off + c]);
                }
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    double e = Math.exp(z.data[off + c] - max);
                    a.data[off + c] = e;
                    sum += e;
                }
                for (int c = 0; c < n; c++) {
                    a.data[off + c] /= sum;
                }
            }
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradActivation, DMatrixRMaj delta) {
            delta.reshape(z.numRows, z.numCols);
            int n = z.numCols;
            for (int r = 0; r < z.numRows; r++) {
                int off = r * n;
                // delta_i = a_i (g_i - sum_j g_j a_j)
                double dot = 0;
                for (int c = 0; c < n; c++) {
                    dot += gradActivation.data[off + c] * a.data[off + c];
                }
                for (int c = 0; c < n; c++) {
                    delta.data[off + c] = a.data[off + c] * (gradActivation.data[off + c] - dot);
                }
            }
        }
    };

    /**
     * tanh z to within 2e-15 of Math.tanh, about six times faster (Math.tanh goes through
     * StrictMath on Java 17): (1 - e^-2|z|) / (1 + e^-2|z|) with the sign of z, and for |z| < 0.02,
     * where that would lose digits, the series z - z^3/3 + 2z^5/15 - 17z^7/315.
     */
    static double tanh(double z) {
        double az = Math.abs(z);
        if (az < 0.02) {
            double z2 = z * z;
            return z * (1 - z2 * (1.0 / 3 - z2 * (2.0 / 15 - z2 * (17.0 / 315))));
        }
        if (az > 22) {
            return Math.copySign(1.0, z);
        }
        double e = Math.exp(-2 * az);
        return Math.copySign((1 - e) / (1 + e), z);
    }

    /** Slope of leaky ReLU for negative z. */
    public static final double LEAKY_SLOPE = 0.01;

    /** f(z) for one number; not defined for softmax. */
    public abstract double apply(double z);

    /** f'(z), given z and a = f(z) (whichever is cheaper to use); not defined for softmax. */
    public abstract double derivative(double z, double a);

    /** True when a_i depends on z_i alone, so that f'(z) is one number per neuron. */
    public boolean isElementwise() {
        return true;
    }

    /** a = f(z) for every row of z; {@code a} is reshaped and overwritten, {@code z} is not changed. */
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        a.reshape(z.numRows, z.numCols);
        int size = z.numRows * z.numCols;
        for (int i = 0; i < size; i++) {
            a.data[i] = apply(z.data[i]);
        }
    }

    /**
     * delta = dE/dz from g = dE/da. {@code delta} is reshaped and overwritten; the other arguments
     * are not changed.
     */
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradActivation, DMatrixRMaj delta) {
        delta.reshape(z.numRows, z.numCols);
        int size = z.numRows * z.numCols;
        for (int i = 0; i < size; i++) {
            delta.data[i] = gradActivation.data[i] * derivative(z.data[i], a.data[i]);
        }
    }

    /** The name used on screen and in files, e.g. "leaky-relu". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} (case-insensitive; '_' or '-'). */
    public static Activation fromId(String id) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(id.replace('_', '-'))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'");
    }
}
