package org.backproplab.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * How a weight matrix (rows = neurons, columns = inputs) or a bias column gets its first values.
 * Every random initialiser draws from the generator it is given, so a seed fixes the result.
 */
public sealed interface Initializer {

    /**
     * Fills {@code target} (its shape is kept). fanIn and fanOut are the layer's input and output
     * counts, used by the scaled initialisers.
     */
    void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random);

    /** Exactly these values, given as rows (for a bias: one value per neuron, or one for all). */
    record Explicit(double[][] values) implements Initializer {
        public Explicit {
            values = values.clone();
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i].clone();
            }
        }

        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            if (values.length != target.numRows || values[0].length != target.numCols) {
                throw new IllegalArgumentException("explicit values are " + values.length + "x"
                        + values[0].length + " but the parameter is " + target.numRows + "x" + target.numCols);
            }
            for (int r = 0; r < target.numRows; r++) {
                for (int c = 0; c < target.numCols; c++) {
                    target.set(r, c, values[r][c]);
                }
            }
        }
    }

    /** Every value the same (biases of 0, or the worked example's 0.35). */
    record Constant(double value) implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            java.util.Arrays.fill(target.data, 0, target.getNumElements(), value);
        }
    }

    /** Uniform in [low, high). */
    record Uniform(double low, double high) implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            for (int i = 0; i < target.getNumElements(); i++) {
                target.data[i] = low + (high - low) * random.nextDouble();
            }
        }
    }

    /** Normal with this mean and standard deviation. */
    record Normal(double mean, double std) implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            for (int i = 0; i < target.getNumElements(); i++) {
                target.data[i] = mean + std * random.nextGaussian();
            }
        }
    }

    /** Glorot and Bengio (2010): uniform in +-sqrt(6 / (fanIn + fanOut)). */
    record XavierUniform() implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            new Uniform(-limit, limit).fill(target, fanIn, fanOut, random);
        }
    }

    /** Glorot and Bengio (2010): normal with std sqrt(2 / (fanIn + fanOut)). */
    record XavierNormal() implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            new Normal(0, Math.sqrt(2.0 / (fanIn + fanOut))).fill(target, fanIn, fanOut, random);
        }
    }

    /** He et al. (2015), for ReLU layers: normal with std sqrt(2 / fanIn). */
    record HeNormal() implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            new Normal(0, Math.sqrt(2.0 / fanIn)).fill(target, fanIn, fanOut, random);
        }
    }

    /** He et al. (2015): uniform in +-sqrt(6 / fanIn). */
    record HeUniform() implements Initializer {
        @Override
        public void fill(DMatrixRMaj target, int fanIn, int fanOut, SplittableRandom random) {
            double limit = Math.sqrt(6.0 / fanIn);
            new Uniform(-limit, limit).fill(target, fanIn, fanOut, random);
        }
    }

    static Initializer zeros() {
        return new Constant(0.0);
    }

    /** A bias column from one value per neuron. */
    static Initializer biasValues(double... values) {
        double[][] rows = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            rows[i][0] = values[i];
        }
        return new Explicit(rows);
    }
}
