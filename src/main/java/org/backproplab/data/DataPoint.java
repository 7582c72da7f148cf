package org.backproplab.data;

/**
 * One 2-D sample: coordinates (x1, x2) and a label, which is a class index (0, 1, 2, ...) for
 * classification or a value in [-1, 1] for regression.
 */
public record DataPoint(double x1, double x2, double label) {
}
