package org.backproplab.engine;

import java.util.Locale;

/** What a layer does with its bias. */
public enum BiasMode {
    /** One bias per neuron, updated by the optimizer (as PyTorch's nn.Linear). */
    TRAINED,
    /** Kept at its initial value (as the classic hand-worked walk-through does); dE/db is still shown. */
    FROZEN,
    /** No bias: z = W x, so the layer's function passes through the origin. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BiasMode fromId(String id) {
        for (BiasMode m : values()) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown bias mode '" + id + "' (trained, frozen or none)");
    }
}
