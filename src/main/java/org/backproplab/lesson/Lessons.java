package org.backproplab.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkSpec;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;

/** The built-in lessons, by id. */
public final class Lessons {
    public static final String WORKED_2_2_2 = "worked-2-2-2";
    public static final String FROM_SCRATCH_3_4_1 = "from-scratch-3-4-1";
    public static final String XOR = "xor";
    public static final String CONV_WORKED = "conv-worked";

    private static final Map<String, Lesson> ALL = new LinkedHashMap<>();

    static {
        register(worked222());
        register(fromScratch341());
        register(xor());
        register(ConvWorked.lesson(CONV_WORKED));
        PlaygroundLessons.all().forEach((id, spec) -> register(spec.toLesson(id)));
    }

    private Lessons() {
    }

    private static void register(Lesson lesson) {
        ALL.put(lesson.id(), lesson);
    }

    /** True for the lessons that open in the playground (2-D data and heatmaps). */
    public static boolean isPlayground(String id) {
        return PlaygroundLessons.all().containsKey(id);
    }

    public static List<Lesson> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    /** The lesson with this id; the message of the exception lists the known ids. */
    public static Lesson byId(String id) {
        Lesson lesson = ALL.get(id);
        if (lesson == null) {
            throw new IllegalArgumentException("unknown preset '" + id + "' (known: " + String.join(", ", ids())
                    + ")");
        }
        return lesson;
    }

    /**
     * The classic hand-worked example: 2 inputs, 2 hidden and 2 output neurons, all sigmoid,
     * E = sum 1/2 (t - o)^2, SGD with learning rate 0.5. Hidden bias 0.35, output bias 0.60, both
     * frozen by default as in the walk-through; W rows are neurons, so w1 (i1 -> h1) is W1[0][0].
     */
    static Lesson worked222() {
        NetworkSpec net = new NetworkSpec(2, List.of(
                new LayerSpec(2, Activation.SIGMOID, BiasMode.FROZEN,
                        new Initializer.Explicit(new double[][] {{0.15, 0.20}, {0.25, 0.30}}),
                        new Initializer.Constant(0.35)),
                new LayerSpec(2, Activation.SIGMOID, BiasMode.FROZEN,
                        new Initializer.Explicit(new double[][] {{0.40, 0.45}, {0.50, 0.55}}),
                        new Initializer.Constant(0.60))),
                Loss.HALF_SQUARED_ERROR);
        Samples data = Samples.of(new double[][] {{0.05, 0.10}}, new double[][] {{0.01, 0.99}});
        return new Lesson(WORKED_2_2_2, net, new OptimizerSpec.Sgd(0.5), Regularization.NONE, 0, 10000, 0,
                data, null, false);
    }

    /**
     * A network from scratch: inputs [0,0,1], [0,1,1], [1,0,1], [1,1,1] with targets 0, 1, 1, 0
     * (the third input is constant 1 and plays the part of a bias), 4 sigmoid hidden neurons and a
     * sigmoid output, no biases, weights uniform in [0, 1), E = sum (t - o)^2, 1500 full-batch
     * iterations with learning rate 1.
     */
    static Lesson fromScratch341() {
        NetworkSpec net = new NetworkSpec(3, List.of(
                new LayerSpec(4, Activation.SIGMOID, BiasMode.NONE, new Initializer.Uniform(0, 1),
                        Initializer.zeros()),
                new LayerSpec(1, Activation.SIGMOID, BiasMode.NONE, new Initializer.Uniform(0, 1),
                        Initializer.zeros())),
                Loss.SUM_SQUARED_ERROR);
        Samples data = Samples.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}},
                new double[][] {{0}, {1}, {1}, {0}});
        return new Lesson(FROM_SCRATCH_3_4_1, net, new OptimizerSpec.Sgd(1.0), Regularization.NONE, 0, 1500, 1,
                data, null, true);
    }

    /**
     * XOR: 2 inputs, 4 tanh hidden neurons, a sigmoid output, binary cross-entropy, full-batch SGD
     * with learning rate 1. One line cannot separate XOR; the hidden layer adds the lines needed.
     */
    static Lesson xor() {
        NetworkSpec net = new NetworkSpec(2, List.of(
                LayerSpec.of(4, Activation.TANH, new Initializer.XavierUniform()),
                LayerSpec.of(1, Activation.SIGMOID, new Initializer.XavierUniform())),
                Loss.BINARY_CROSS_ENTROPY);
        Samples data = Samples.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new double[][] {{0}, {1}, {1}, {0}});
        return new Lesson(XOR, net, new OptimizerSpec.Sgd(1.0), Regularization.NONE, 0, 1000, 1, data, null,
                true);
    }
}
