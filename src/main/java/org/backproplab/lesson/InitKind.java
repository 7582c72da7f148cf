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
    UNIFORM,
    /**
     * TensorFlow Playground's: weights uniform in [-0.5, 0.5) ({@code Math.random() - 0.5}),
     * every bias 0.1 ({@code Node.bias = 0.1}).
     */
    TF_PLAYGROUND;

    /** TensorFlow Playground's initial bias. */
    public static final double TF_BIAS = 0.1;

    public Initializer forLayer(Activation activation) {
        return switch (this) {
            case AUTO -> activation == Activation.RELU || activation == Activation.LEAKY_RELU
                    ? new Initializer.HeNormal() : new Initializer.XavierUniform();
            case XAVIER -> new Initializer.XavierUniform();
            case HE -> new Initializer.HeNormal();
            case UNIFORM, TF_PLAYGROUND -> new Initializer.Uniform(-0.5, 0.5);
        };
    }

    /** The biases' initial values: 0.1 for TensorFlow Playground's, zeros otherwise. */
    public Initializer forBias() {
        return this == TF_PLAYGROUND ? new Initializer.Constant(TF_BIAS) : new Initializer.Constant(0.0);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
