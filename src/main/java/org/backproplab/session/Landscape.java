package org.backproplab.session;

/**
 * The loss over the two weights of a network that has exactly two (a neuron without bias), on a
 * square grid from -range to +range in both, with the path the weights took: what the learning-rate
 * lessons draw as contours.
 *
 * @param loss  the total loss at (w1, w2), row r = w2 from +range (top) down, column c = w1
 * @param pathX w1 after each epoch, the starting weights first
 * @param pathY w2 likewise
 */
public record Landscape(double range, int resolution, float[] loss, double[] pathX, double[] pathY) {
}
