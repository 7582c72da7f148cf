package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor and its gradient: a layer's weights W (rows = neurons, columns = inputs) or
 * its bias b (one row per neuron, one column).
 *
 * <p>The engine changes {@link #value()} and {@link #gradient()} in place; anything that leaves
 * the engine is copied first ({@link ImmutableMatrix#copyOf}).
 */
public final class Parameter {
    /** What kind of parameter, for names and for regularisation (which applies to weights only). */
    public enum Kind { WEIGHTS, BIAS }

    private final int layer;
    private final Kind kind;
    private final DMatrixRMaj value;
    private final DMatrixRMaj gradient;
    private boolean trainable;

    public Parameter(int layer, Kind kind, int rows, int cols, boolean trainable) {
        this.layer = layer;
        this.kind = kind;
        this.value = new DMatrixRMaj(rows, cols);
        this.gradient = new DMatrixRMaj(rows, cols);
        this.trainable = trainable;
    }

    /** Index of the layer, 0 = first layer after the inputs. */
    public int layer() {
        return layer;
    }

    public Kind kind() {
        return kind;
    }

    /** The working values, changed in place by the optimizer. */
    DMatrixRMaj value() {
        return value;
    }

    /** dE/dparameter from the last backward pass (regularisation included). */
    DMatrixRMaj gradient() {
        return gradient;
    }

    /** False for a frozen bias: its gradient is computed and shown but never applied. */
    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** "W1", "b1", ... with layers counted from 1, as on screen. */
    public String name() {
        return kind == Kind.WEIGHTS ? weightsName(layer) : biasName(layer);
    }

    /**
     * The one place parameters are named: layer l's weights are "W(l+1)", its bias "b(l+1)"
     * (layers counted from 1 on screen, in model files and in {@code trace --json}).
     */
    public static String weightsName(int layer) {
        return "W" + (layer + 1);
    }

    /** Layer l's bias: "b(l+1)"; see {@link #weightsName}. */
    public static String biasName(int layer) {
        return "b" + (layer + 1);
    }

    /** A copy of the current values. */
    public ImmutableMatrix values() {
        return ImmutableMatrix.copyOf(value);
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    public int size() {
        return value.getNumElements();
    }
}
