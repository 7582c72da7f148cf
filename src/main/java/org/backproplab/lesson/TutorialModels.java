package org.backproplab.lesson;

import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.FlattenLayer;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.SubsamplingLayer;

/**
 * The models the teaching material prints, built layer for layer: the Keras MNIST example, the
 * from-scratch CNN of the tutorial, and LeNet-5 with its original subsampling layers.
 */
final class TutorialModels {
    /**
     * Plain SGD on one image at a time. With seed 1 and 1000 updates: 0.05 ends at 67.3 % test
     * accuracy, 0.1 at 69.9 %, 0.2 at 64.0 %, 1.0 and more diverge (docs/LESSONS-DIGITS.md).
     */
    static final double FROM_SCRATCH_LEARNING_RATE = 0.1;
    /**
     * The dense layers' weights, uniform in +-0.5 (the tutorial fixes only the conv layer's): with
     * Glorot's +-sqrt(6 / (in + out)), 0.06 for 1440 inputs, every hidden sigmoid sees nearly the
     * same sum whatever the digit, and no learning rate from 0.05 to 2 leaves the ln 10 = 2.3
     * plateau within 1000 updates.
     */
    static final double FROM_SCRATCH_DENSE_BOUND = 0.5;
    static final MnistLessons.Regime FROM_SCRATCH_REGIME = new MnistLessons.Regime(500, 1000, 50);

    private TutorialModels() {
    }

    /**
     * Keras's mnist_cnn example: conv 32 3x3 ReLU, conv 64 3x3 ReLU, 2x2 max-pool, dropout 0.25,
     * flatten, dense 128 ReLU, dropout 0.5, dense 10 softmax; Keras's defaults (Glorot uniform
     * weights, zero biases). 1,199,882 parameters.
     */
    static Network kerasExample(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Initializer glorot = new Initializer.XavierUniform();
        ConvLayer c1 = new ConvLayer(0, 1, 28, 28, 32, 3, 1, 0, Activation.RELU);
        c1.initialize(glorot, Initializer.zeros(), r);
        ConvLayer c2 = new ConvLayer(1, 32, 26, 26, 64, 3, 1, 0, Activation.RELU);
        c2.initialize(glorot, Initializer.zeros(), r);
        MaxPoolLayer pool = new MaxPoolLayer(2, 64, 24, 24, 2);
        DenseLayer d1 = new DenseLayer(5, 9216, 128, Activation.RELU, BiasMode.TRAINED);
        d1.initialize(glorot, Initializer.zeros(), r);
        DenseLayer d2 = new DenseLayer(7, 128, 10, Activation.SOFTMAX, BiasMode.TRAINED);
        d2.initialize(glorot, Initializer.zeros(), r);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(c1).add(c2).add(pool)
                .add(new DropoutLayer(64, 12, 12, 0.25, r.nextLong())).add(new FlattenLayer(64, 12, 12)).add(d1)
                .add(new DropoutLayer(128, 1, 1, 0.5, r.nextLong())).add(d2).build();
    }

    /**
     * The tutorial's CNN as it wrote it: 10 filters 5x5 uniform in +-1/sqrt(10 5 5), biases uniform
     * in +-0.5, sigmoid, 2x2 max-pool, 128 sigmoid units, softmax over 10; dense weights uniform in
     * +-0.5, dense biases 0.
     */
    static Network fromScratch(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double bound = 1 / Math.sqrt(10 * 5 * 5);
        ConvLayer c1 = new ConvLayer(0, 1, 28, 28, 10, 5, 1, 0, Activation.SIGMOID);
        c1.initialize(new Initializer.Uniform(-bound, bound), new Initializer.Uniform(-0.5, 0.5), r);
        MaxPoolLayer p1 = new MaxPoolLayer(1, 10, 24, 24, 2);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(c1).add(p1)
                .add(denseInit(2, p1.outputSize(), 128, Activation.SIGMOID, r))
                .add(denseInit(3, 128, 10, Activation.SOFTMAX, r)).build();
    }

    /** A dense layer of the from-scratch CNN: weights uniform in +-0.5, biases 0. */
    private static DenseLayer denseInit(int index, int in, int out, Activation a, SplittableRandom r) {
        DenseLayer layer = new DenseLayer(index, in, out, a, BiasMode.TRAINED);
        layer.initialize(new Initializer.Uniform(-FROM_SCRATCH_DENSE_BOUND, FROM_SCRATCH_DENSE_BOUND),
                Initializer.zeros(), r);
        return layer;
    }

    /**
     * LeNet-5 (LeCun et al. 1998) with tanh and its subsampling layers (2x2 average times a
     * trainable coefficient plus a trainable bias per map, then tanh): C1 conv 6 5x5 (the 28 x 28
     * digit padded by 2 to the paper's 32 x 32), S2, C3 conv 16 5x5 (every map to every map, not
     * the paper's partial table), S4, flatten, C5 120, F6 84, a softmax over 10 in place of the
     * paper's RBF units. The coefficients start at 1 (a plain average), the biases at 0.
     */
    static Network lenet1998(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ConvLayer c1 = MnistLessons.conv(0, 1, 28, 28, 6, 5, 2, Activation.TANH, r);
        SubsamplingLayer s2 = new SubsamplingLayer(1, 6, 28, 28, 2, Activation.TANH);
        s2.initialize(new Initializer.Constant(1), Initializer.zeros(), r);
        ConvLayer c3 = MnistLessons.conv(2, 6, 14, 14, 16, 5, 0, Activation.TANH, r);
        SubsamplingLayer s4 = new SubsamplingLayer(3, 16, 10, 10, 2, Activation.TANH);
        s4.initialize(new Initializer.Constant(1), Initializer.zeros(), r);
        return new Network.Builder(784, Loss.SOFTMAX_CROSS_ENTROPY).add(c1).add(s2).add(c3).add(s4)
                .add(new FlattenLayer(16, 5, 5)).add(MnistLessons.dense(5, 400, 120, Activation.TANH, r))
                .add(MnistLessons.dense(6, 120, 84, Activation.TANH, r))
                .add(MnistLessons.dense(7, 84, 10, Activation.SOFTMAX, r)).build();
    }
}
