package org.backproplab.engine;

/**
 * Why a network (with its optimizer and regularisation) cannot train in single precision: the kind
 * of reason, the layer it is about (from 1, 0 for none) and a detail (the layer's kind, the
 * activation's or the optimizer's id), so that a view can say it in its own language;
 * {@link #message()} says it in English, as the command line does.
 */
public record FloatRefusal(Kind kind, int layer, String detail) {
    /** The kinds of reason. */
    public enum Kind {
        /** Not a softmax output with softmax cross-entropy. */
        LOSS,
        /** A layer the float path does not compute (dropout, subsampling, a dense layer without a trained bias). */
        LAYER,
        /** An activation other than identity, ReLU or sigmoid in a hidden layer. */
        ACTIVATION,
        /** An optimizer other than SGD or Adam. */
        OPTIMIZER,
        /** Regularisation. */
        REGULARIZATION
    }

    /** The reason in English. */
    public String message() {
        return switch (kind) {
            case LOSS -> "single precision takes a softmax output with softmax cross-entropy";
            case LAYER -> "single precision does not take layer " + layer + " (" + detail + ")";
            case ACTIVATION -> "single precision does not take the activation " + detail + " in layer " + layer;
            case OPTIMIZER -> "single precision trains with SGD or Adam, not " + detail;
            case REGULARIZATION -> "single precision trains without regularisation";
        };
    }
}
