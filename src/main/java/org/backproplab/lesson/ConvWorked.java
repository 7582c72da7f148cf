package org.backproplab.lesson;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImageLayers;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkSpec;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;

/**
 * A convolution by hand: one 6 x 6 input (a stroke drawn top to bottom), two 3 x 3 filters
 * (stride 1, no padding) with ReLU, 2 x 2 max-pooling, a dense layer to 2 softmax outputs,
 * softmax cross-entropy, SGD with learning rate 0.1. Every value is written here, as the 2-2-2
 * example's are, so that each product, sum, pooled winner and gradient can be checked on paper.
 *
 * <p>Shapes: input 1 x 6 x 6, conv 2 x 4 x 4 (layer 0: W1, b1), pool 2 x 2 x 2 (layer 1), dense
 * 2 (layer 2: W3, b3). The numbers are chosen so that no pre-activation is 0 and no pooling
 * window has two equal largest values (a finite-difference estimate would straddle a kink).
 */
final class ConvWorked {
    /** The image, [row][column]. */
    static final double[][] INPUT = {
        {0.0, 0.1, 0.8, 0.9, 0.2, 0.0},
        {0.0, 0.0, 0.3, 0.9, 0.4, 0.0},
        {0.0, 0.0, 0.1, 0.8, 0.6, 0.0},
        {0.0, 0.0, 0.0, 0.6, 0.8, 0.1},
        {0.0, 0.0, 0.0, 0.3, 0.9, 0.2},
        {0.0, 0.0, 0.0, 0.1, 0.7, 0.3},
    };
    /** The kernels, [filter][row][column] (one input channel). */
    static final double[][][] KERNELS = {
        {{0.2, 0.5, -0.3}, {0.1, 0.6, -0.4}, {-0.2, 0.4, 0.1}},
        {{-0.3, 0.1, 0.4}, {0.2, -0.1, 0.3}, {0.5, 0.2, -0.6}},
    };
    static final double[] CONV_BIAS = {0.05, -0.08};
    /** Dense weights, rows = outputs, columns = the pooled values in [channel][row][column] order. */
    static final double[][] DENSE_WEIGHTS = {
        {0.3, -0.2, 0.4, 0.1, -0.5, 0.2, 0.3, -0.1},
        {-0.4, 0.3, -0.1, 0.2, 0.4, -0.3, 0.1, 0.5},
    };
    static final double[] DENSE_BIAS = {0.1, -0.1};
    /** The stroke is class 1 of 2. */
    static final double[] TARGET = {1, 0};
    static final double LEARNING_RATE = 0.1;

    private ConvWorked() {
    }

    static Lesson lesson(String id) {
        ImageLayers image = new ImageLayers(1, 6, 6, List.of(
                new ImageLayers.Conv(2, 3, 1, 0, Activation.RELU, new Initializer.Explicit(rows(KERNELS)),
                        new Initializer.Explicit(column(CONV_BIAS))),
                new ImageLayers.MaxPool(2)));
        NetworkSpec net = NetworkSpec.convolutional(image, List.of(
                new LayerSpec(2, Activation.SOFTMAX, BiasMode.TRAINED, new Initializer.Explicit(DENSE_WEIGHTS),
                        new Initializer.Explicit(column(DENSE_BIAS)))),
                Loss.SOFTMAX_CROSS_ENTROPY);
        Samples data = Samples.of(new double[][] {flat(INPUT)}, new double[][] {TARGET.clone()});
        return new Lesson(id, net, new OptimizerSpec.Sgd(LEARNING_RATE), Regularization.NONE, 0, 100, 0, data, null,
                true);
    }

    /** Each kernel as one row of W, in the order (c, ky, kx). */
    private static double[][] rows(double[][][] kernels) {
        double[][] out = new double[kernels.length][];
        for (int f = 0; f < kernels.length; f++) {
            out[f] = flat(kernels[f]);
        }
        return out;
    }

    private static double[] flat(double[][] grid) {
        int cols = grid[0].length;
        double[] out = new double[grid.length * cols];
        for (int r = 0; r < grid.length; r++) {
            System.arraycopy(grid[r], 0, out, r * cols, cols);
        }
        return out;
    }

    private static double[][] column(double[] values) {
        double[][] out = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = values[i];
        }
        return out;
    }
}
