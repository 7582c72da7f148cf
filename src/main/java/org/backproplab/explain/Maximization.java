package org.backproplab.explain;

/**
 * The result of activation maximisation: the {@code image} found (pixels in [0, 1]), the
 * network's probabilities for it, and the objective's value y for it (no jitter).
 */
public record Maximization(Objective objective, MaximizeSettings settings, Grid image, double[] probabilities,
        double score) {
    public Maximization {
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
