package org.backproplab.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.PlaygroundSpec.Hidden;

/** The playground lessons, as set-ups (the app opens them in the playground, the CLI trains them). */
public final class PlaygroundLessons {
    private static final List<Feature> XY = List.of(Feature.X1, Feature.X2);
    private static final Map<String, PlaygroundSpec> ALL = new LinkedHashMap<>();
    /** The Paddle tutorial's single neuron with a linear output. */
    public static final String PADDLE_NEURON = "paddle-neuron";

    static {
        // The neuron and its bias: a line whose boundary misses the origin.
        PlaygroundSpec neuron = new PlaygroundSpec(DataShape.LINEAR, 200, 0, 0.5, 1, XY, List.of(),
                OutputKind.SIGMOID_BCE, new OptimizerSpec.Sgd(0.3), 10, Regularization.NONE, InitKind.XAVIER,
                BiasMode.TRAINED, 1, 100, null);
        ALL.put("neuron-bias", neuron);
        ALL.put("neuron-no-bias", neuron.withBias(BiasMode.NONE));
        // The Paddle tutorial's single neuron: y = w1 x1 + w2 x2 + b, a linear output and squared
        // error, on two labelled clouds (targets -1 and 1), generated from a seed, shuffled into
        // mini-batches; its boundary is the line w1 x1 + w2 x2 + b = 0.
        ALL.put(PADDLE_NEURON, new PlaygroundSpec(DataShape.GAUSSIAN, 200, 0, 0.5, 7, XY, List.of(),
                OutputKind.LINEAR_MSE, new OptimizerSpec.Sgd(0.01), 10, Regularization.NONE, InitKind.XAVIER,
                BiasMode.TRAINED, 1, 20, null));
        // XOR: one line cannot split it; a hidden layer adds lines.
        PlaygroundSpec xorLine = new PlaygroundSpec(DataShape.XOR, 400, 0, 0.5, 1, XY, List.of(),
                OutputKind.SIGMOID_BCE, new OptimizerSpec.Adam(0.03), 10, Regularization.NONE, InitKind.XAVIER,
                BiasMode.TRAINED, 1, 100, null);
        ALL.put("xor-one-line", xorLine);
        ALL.put("xor-hidden-layer", xorLine.withHidden(List.of(new Hidden(4, Activation.TANH))));
        // Two circles with layers 4-6-6-4-1, ReLU then sigmoid, Adam, binary cross-entropy, 50 epochs.
        ALL.put("two-circles", new PlaygroundSpec(DataShape.CIRCLE, 1000, 0.05, 0.5, 1, XY,
                List.of(new Hidden(4, Activation.RELU), new Hidden(6, Activation.RELU), new Hidden(6, Activation.RELU),
                        new Hidden(4, Activation.RELU)),
                OutputKind.SIGMOID_BCE, new OptimizerSpec.Adam(0.01), 16, Regularization.NONE, InitKind.HE,
                BiasMode.TRAINED, 1, 50, null));
        // The spiral: every feature and three tanh layers.
        ALL.put("spiral", new PlaygroundSpec(DataShape.SPIRAL, 500, 0, 0.5, 1, List.of(Feature.values()),
                List.of(new Hidden(8, Activation.TANH), new Hidden(8, Activation.TANH), new Hidden(8, Activation.TANH)),
                OutputKind.SIGMOID_BCE, new OptimizerSpec.Adam(0.01), 10, Regularization.NONE, InitKind.XAVIER,
                BiasMode.TRAINED, 1, 300, null));
        ALL.put("three-classes", new PlaygroundSpec(DataShape.BLOBS, 600, 0.1, 0.5, 1, XY,
                List.of(new Hidden(6, Activation.TANH)), OutputKind.SOFTMAX_CE, new OptimizerSpec.Adam(0.01), 10,
                Regularization.NONE, InitKind.XAVIER, BiasMode.TRAINED, 1, 50, null));
        ALL.put("regression", new PlaygroundSpec(DataShape.MULTI_GAUSSIAN, 800, 0, 0.5, 1, XY,
                List.of(new Hidden(8, Activation.TANH), new Hidden(8, Activation.TANH)), OutputKind.LINEAR_MSE,
                new OptimizerSpec.Adam(0.01), 10, Regularization.NONE, InitKind.XAVIER, BiasMode.TRAINED, 1, 200, null));
        // The learning rate: a linear neuron without bias fitting a plane, so that the loss is a bowl
        // over its two weights; full-batch steps show the path clearly.
        PlaygroundSpec plane = new PlaygroundSpec(DataShape.PLANE, 200, 0, 0.5, 1, XY, List.of(),
                OutputKind.LINEAR_MSE, new OptimizerSpec.Sgd(0.03), 0, Regularization.NONE, InitKind.UNIFORM,
                BiasMode.NONE, 3, 40, null);
        ALL.put("lr-too-small", plane.withOptimizer(new OptimizerSpec.Sgd(0.002)));
        ALL.put("lr-right", plane);
        ALL.put("lr-overshoot", plane.withOptimizer(new OptimizerSpec.Sgd(0.06)));
        // about 140 epochs until the loss overflows to Infinity, so the lesson ends on the pause its text promises
        ALL.put("lr-too-large", plane.withOptimizer(new OptimizerSpec.Sgd(0.5)).withEpochs(150));
        // Batch, stochastic and mini-batch descent on the same data and network.
        PlaygroundSpec gauss = new PlaygroundSpec(DataShape.GAUSSIAN, 400, 0.1, 0.5, 1, XY, List.of(),
                OutputKind.SIGMOID_BCE, new OptimizerSpec.Sgd(0.1), 0, Regularization.NONE, InitKind.XAVIER,
                BiasMode.TRAINED, 1, 30, null);
        ALL.put("batch-full", gauss);
        ALL.put("batch-stochastic", gauss.withBatchSize(1));
        ALL.put("batch-mini", gauss.withBatchSize(10));
        // TensorFlow Playground's default set-up (also the benchmark's).
        ALL.put("playground-default", tfDefault());
    }

    private PlaygroundLessons() {
    }

    /**
     * TensorFlow Playground's default: circle, 500 points, 50 % training, noise 0, X1 and X2,
     * hidden layers of 4 and 2 tanh neurons, tanh output, learning rate 0.03, batch 10, with
     * Playground's own definitions: loss the mean of 1/2 (o - t)^2 (its {@code Errors.SQUARE}),
     * weights uniform in [-0.5, 0.5) and every bias 0.1 (its {@code Link} and {@code Node}).
     */
    public static PlaygroundSpec tfDefault() {
        return new PlaygroundSpec(DataShape.CIRCLE, 500, 0, 0.5, 1, XY,
                List.of(new Hidden(4, Activation.TANH), new Hidden(2, Activation.TANH)), OutputKind.TANH_HALF_MSE,
                new OptimizerSpec.Sgd(0.03), 10, Regularization.NONE, InitKind.TF_PLAYGROUND, BiasMode.TRAINED, 1, 100,
                null);
    }

    /** The benchmark's large set-up: spiral, all 7 features, 6 hidden layers of 8 tanh neurons. */
    public static PlaygroundSpec tfLarge() {
        List<Hidden> six = java.util.Collections.nCopies(6, new Hidden(8, Activation.TANH));
        return tfDefault().withData(DataShape.SPIRAL, 500, 0, 0.5, 1).withFeatures(List.of(Feature.values()))
                .withHidden(six);
    }

    public static Map<String, PlaygroundSpec> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static PlaygroundSpec byId(String id) {
        PlaygroundSpec s = ALL.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown playground lesson '" + id + "'");
        }
        return s;
    }
}
