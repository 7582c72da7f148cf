package org.backproplab.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;

/**
 * The networks for handwritten digits (28 x 28 pixels in [0, 1], 10 classes): the teaching
 * material's small CNN, LeNet-5 and a plain multilayer perceptron.
 */
public final class MnistLessons {
    /** A digits preset: how to build its network from a seed, and how to train it. */
    public record Preset(String id, LongFunction<Network> network, OptimizerSpec optimizer, int batchSize, int epochs,
            long seed) {
        public Trainer newTrainer(Samples train, long withSeed) {
            return trainer(network.apply(withSeed), train, withSeed);
        }

        /** Goes on training {@code net} (say, a trained one) with this preset's optimizer and batch size. */
        public Trainer trainerFor(Network net, Samples train) {
            return trainer(net, train, seed);
        }

        private Trainer trainer(Network net, Samples train, long shuffleSeed) {
            Trainer t = new Trainer(net, optimizer.create(), Regularization.NONE, train, batchSize, shuffleSeed);
            t.setClassification(true);
            return t;
        }
    }

    private static final Map<String, Preset> ALL = new LinkedHashMap<>();

    static {
        add(new Preset("mnist-cnn-small", MnistLessons::cnnSmall, new OptimizerSpec.Adam(0.001), 32, 2, 1));
        add(new Preset("mnist-lenet", MnistLessons::lenet, new OptimizerSpec.Adam(0.001), 64, 2, 1));
        add(new Preset("mnist-mlp", MnistLessons::mlp, new OptimizerSpec.Adam(0.001), 64, 2, 1));
        add(new Preset("mnist-keras-example", TutorialModels::kerasExample, new OptimizerSpec.Adam(0.001), 128, 1, 1));
        add(new Preset("mnist-from-scratch", TutorialModels::fromScratch,
                new OptimizerSpec.Sgd(TutorialModels.FROM_SCRATCH_LEARNING_RATE), 1, 1, 1));
        add(new Preset("lenet-1998", TutorialModels::lenet1998, new OptimizerSpec.Adam(0.001), 64, 2, 1));
    }

    /**
     * A preset's own training regime when it is not "epochs over the whole training set": the
     * tutorial's per-sample SGD on its first {@code images} training images, {@code updates}
     * updates each on one image drawn at random, the error printed every {@code reportEvery}.
     */
    public record Regime(int images, int updates, int reportEvery) {
    }

    /** The regime of {@code id}, or null for the usual epochs. */
    public static Regime regime(String id) {
        return id.equals("mnist-from-scratch") ? TutorialModels.FROM_SCRATCH_REGIME : null;
    }

    private MnistLessons() {
    }

    private static void add(Preset p) {
        ALL.put(p.id(), p);
    }

    public static boolean has(String id) {
        return ALL.containsKey(id);
    }

    public static Preset byId(String id) {
        Preset p = ALL.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown digits preset '" + id + "'");
        }
        return p;
    }

    public static List<String> ids() {
        return List.copyOf(ALL.keySet());
    }

    static ConvLayer conv(int index, int c, int h, int w, int f, int k, int pad, Activation a,
            SplittableRandom r) {
        ConvLayer layer = new ConvLayer(index, c, h, w, f, k, 1, pad, a);
        Initializer init = a == Activation.RELU ? new Initializer.HeNormal() : new Initializer.XavierUniform();
        layer.initialize(init, Initializer.zeros(), r);
        return layer;
    }

    static DenseLayer dense(int index, int in, int out, Activation a, SplittableRandom r) {
        DenseLayer layer = new DenseLayer(index, in, out, a, BiasMode.TRAINED);
        Initializer init = a == Activation.RELU ? new Initializer.HeNormal() : new Initializer.XavierUniform();
        layer.initialize(init, Initializer.zeros(), r);
        return layer;
    }

    /** Conv 10 filters 5x5, sigmoid, 2x2 max-pool, dense 128 sigmoid, softmax over 10 (the teaching material's). */
    static Network cnnSmall(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ConvLayer c1 = conv(0, 1, 28, 28, 10, 5, 0, Activation.SIGMOID, r);
        MaxPoolLayer p1 = new MaxPoolLayer(1, 10, c1.outHeight(), c1.outWidth(), 2);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(c1).add(p1)
                .add(dense(2, p1.outputSize(), 128, Activation.SIGMOID, r))
                .add(dense(3, 128, 10, Activation.SOFTMAX, r)).build();
    }

    /** LeNet-5: conv 6 5x5 pad 2, ReLU, pool, conv 16 5x5, ReLU, pool, dense 120, 84, 10. */
    static Network lenet(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ConvLayer c1 = conv(0, 1, 28, 28, 6, 5, 2, Activation.RELU, r);
        MaxPoolLayer p1 = new MaxPoolLayer(1, 6, 28, 28, 2);
        ConvLayer c2 = conv(2, 6, 14, 14, 16, 5, 0, Activation.RELU, r);
        MaxPoolLayer p2 = new MaxPoolLayer(3, 16, 10, 10, 2);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(c1).add(p1).add(c2).add(p2)
                .add(dense(4, 400, 120, Activation.RELU, r)).add(dense(5, 120, 84, Activation.RELU, r))
                .add(dense(6, 84, 10, Activation.SOFTMAX, r)).build();
    }

    /** 784-128-64-10 with ReLU. */
    static Network mlp(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(dense(0, 784, 128, Activation.RELU, r))
                .add(dense(1, 128, 64, Activation.RELU, r)).add(dense(2, 64, 10, Activation.SOFTMAX, r)).build();
    }
}
