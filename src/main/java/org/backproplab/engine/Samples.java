package org.backproplab.engine;

/**
 * A data set as two matrices with one row per sample: inputs and targets.
 */
public record Samples(ImmutableMatrix inputs, ImmutableMatrix targets) {
    public Samples {
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException(inputs.rows() + " input rows but " + targets.rows()
                    + " target rows");
        }
    }

    public static Samples of(double[][] inputs, double[][] targets) {
        return new Samples(ImmutableMatrix.of(inputs), ImmutableMatrix.of(targets));
    }

    public int size() {
        return inputs.rows();
    }

    public int inputSize() {
        return inputs.cols();
    }

    public int targetSize() {
        return targets.cols();
    }
}
