package org.backproplab.engine;

/**
 * One stage of a training iteration: forward through layer l, the loss, backward through
 * layer l, or the update. Layers are counted from 0 (the first layer after the inputs);
 * {@code layer} is -1 for the loss and the update.
 */
public record Stage(Kind kind, int layer) {
    public enum Kind { FORWARD, LOSS, BACKWARD, UPDATE }

    /** The stage at {@code index} of an iteration of a network with {@code layers} layers. */
    public static Stage at(int index, int layers) {
        if (index < 0 || index >= count(layers)) {
            throw new IndexOutOfBoundsException("stage " + index + " of " + count(layers));
        }
        if (index < layers) {
            return new Stage(Kind.FORWARD, index);
        }
        if (index == layers) {
            return new Stage(Kind.LOSS, -1);
        }
        if (index <= 2 * layers) {
            return new Stage(Kind.BACKWARD, 2 * layers - index);
        }
        return new Stage(Kind.UPDATE, -1);
    }

    /** Stages in one iteration: L forward, the loss, L backward, the update. */
    public static int count(int layers) {
        return 2 * layers + 2;
    }
}
