package org.backproplab.lesson;

import java.util.Locale;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Initializer;

/** The initialiser choices of the playground. */
public enum InitKind {
    /** Xavier/Glorot for tanh and sigmoid layers, He for ReLU layers. */
    AUTO,
    XAVIER,
    HE,
    /** Uniform in [-0.5, 0.5), the same for every layer. */
    UNIFORM;

    public Initializer forLayer(Activation activation) {
        return switch (this) {
            case AUTO -> activation == Activation.RELU || activation == Activation.LEAKY_RELU
                    ? new Initializer.HeNormal() : new Initializer.XavierUniform();
            case XAVIER -> new Initializer.XavierUniform();
            case HE -> new Initializer.HeNormal();
            case UNIFORM -> new Initializer.Uniform(-0.5, 0.5);
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
