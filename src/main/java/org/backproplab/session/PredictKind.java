package org.backproplab.session;

import java.util.Locale;

/**
 * The kinds of value a learner is asked for in predict mode, as the progress panel counts them:
 * a neuron's net or out (forward), an error term or the total (loss), an output neuron's delta,
 * a hidden neuron's delta, a weight's or bias's gradient, and a parameter after the update.
 */
public enum PredictKind {
    FORWARD, LOSS, OUTPUT_DELTA, HIDDEN_DELTA, WEIGHT_GRADIENT, UPDATE;

    /** "forward", "output-delta", ...: the id in files and the end of its message key. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key of its name ("predict.kind.output-delta"). */
    public String key() {
        return "predict.kind." + id();
    }

    /** The kind with this {@link #id()}; refused with IllegalArgumentException. */
    public static PredictKind fromId(String id) {
        for (PredictKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no such kind of value: " + id);
    }
}
