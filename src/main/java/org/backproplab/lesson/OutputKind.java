package org.backproplab.lesson;

import java.util.Locale;
import org.backproplab.data.Task;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;

/** The output layer's activation and the loss that goes with it. */
public enum OutputKind {
    /** Sigmoid and binary cross-entropy: two classes, targets 0 and 1. */
    SIGMOID_BCE(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY),
    /** Tanh and mean squared error: two classes with targets -1 and 1 (as TensorFlow Playground), or regression. */
    TANH_MSE(Activation.TANH, Loss.MEAN_SQUARED_ERROR),
    /**
     * Tanh and TensorFlow Playground's squared error: the mean of 1/2 (o - t)^2, targets -1 and 1
     * for two classes, so that the loss reads as Playground's does.
     */
    TANH_HALF_MSE(Activation.TANH, Loss.HALF_MEAN_SQUARED_ERROR),
    /** Softmax and cross-entropy: three or more classes. */
    SOFTMAX_CE(Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY),
    /** Linear and mean squared error: regression, or two classes with targets -1 and 1 (as the Paddle tutorial's neuron). */
    LINEAR_MSE(Activation.IDENTITY, Loss.MEAN_SQUARED_ERROR);

    private final Activation activation;
    private final Loss loss;

    OutputKind(Activation activation, Loss loss) {
        this.activation = activation;
        this.loss = loss;
    }

    public Activation activation() {
        return activation;
    }

    public Loss loss() {
        return loss;
    }

    /** Whether this output makes sense for the task. */
    public boolean suits(Task task) {
        return switch (this) {
            case SIGMOID_BCE -> task == Task.BINARY;
            case TANH_MSE, TANH_HALF_MSE -> task == Task.BINARY || task == Task.REGRESSION;
            case SOFTMAX_CE -> task == Task.MULTICLASS;
            case LINEAR_MSE -> task == Task.BINARY || task == Task.REGRESSION;
        };
    }

    /** The usual choice for a task. */
    public static OutputKind defaultFor(Task task) {
        return switch (task) {
            case BINARY -> SIGMOID_BCE;
            case MULTICLASS -> SOFTMAX_CE;
            case REGRESSION -> LINEAR_MSE;
        };
    }

    /** Whether two classes are coded as targets -1 and 1 (a tanh or linear output) instead of 0 and 1. */
    public boolean signTargets() {
        return this == TANH_MSE || this == TANH_HALF_MSE || this == LINEAR_MSE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
