package org.backproplab.engine;

/** Loss (penalty included) and accuracy of a network on a data set; accuracy is NaN for regression. */
public record Evaluation(double loss, double accuracy) {
}
