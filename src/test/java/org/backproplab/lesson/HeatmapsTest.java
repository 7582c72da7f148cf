package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.data.Feature;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;

/** The window's maps in single precision, and in double where a float overflowed into no number. */
class HeatmapsTest {
    private static Network network(double hiddenWeight) {
        DenseLayer hidden = new DenseLayer(0, 2, 2, Activation.RELU, BiasMode.TRAINED);
        hidden.initialize(new Initializer.Constant(hiddenWeight), new Initializer.Constant(0), new SplittableRandom(1));
        DenseLayer out = new DenseLayer(1, 2, 1, Activation.SIGMOID, BiasMode.TRAINED);
        out.initialize(new Initializer.Explicit(new double[][] {{1, -1}}), new Initializer.Constant(0),
                new SplittableRandom(1));
        return new Network.Builder(2, Loss.BINARY_CROSS_ENTROPY).add(hidden).add(out).build();
    }

    @Test
    void anOutputAFloatCannotHoldIsDrawnFromTheDoubleForwardPass() {
        Heatmaps maps = new Heatmaps(List.of(Feature.X1, Feature.X2), 10);
        // both hidden neurons are relu(1e38 (x1 + x2)): beyond a float where x1 + x2 > 3.4, and the
        // output's sum is h1 - h2, infinity less infinity in float (not a number), 0 in double
        Network net = network(1e38);
        float[][][] drawn = maps.compute(net);
        float[][][] exact = maps.computeInDouble(network(1e38));
        assertArrayEquals(exact[1][0], drawn[1][0], "the output map, drawn from the double pass");
        // the upper right corner (x1 = x2 = 5.4): sigmoid(0) in double
        assertEquals(0.5f, drawn[1][0][9], 0f);
        // a network a float holds keeps its float maps, within a float's rounding of the double ones
        float[][][] small = maps.compute(network(0.5));
        float[][][] smallExact = maps.computeInDouble(network(0.5));
        for (int i = 0; i < 100; i++) {
            assertEquals(smallExact[1][0][i], small[1][0][i], 1e-6, "point " + i);
        }
    }

    @Test
    void theFloatMapsAreWrittenAgainInTheSameArraysEachCall() {
        Heatmaps maps = new Heatmaps(List.of(Feature.X1, Feature.X2), 10);
        float[][][] first = maps.compute(network(0.5));
        float firstCorner = first[0][0][9];
        float[][][] second = maps.compute(network(-0.25));
        assertSame(first, second, "no new arrays");
        assertSame(first[1][0], second[1][0]);
        // the second network's maps, as its own double forward pass has them
        float[][][] exact = maps.computeInDouble(network(-0.25));
        for (int l = 0; l < exact.length; l++) {
            for (int j = 0; j < exact[l].length; j++) {
                for (int i = 0; i < 100; i++) {
                    assertEquals(exact[l][j][i], second[l][j][i], 1e-6, "layer " + l + " neuron " + j + " point " + i);
                }
            }
        }
        // the first hidden neuron at the upper right corner (x1 = x2 = 5.4): relu(0.5 * 10.8), then relu(-0.25 * 10.8)
        assertEquals(5.4f, firstCorner, 1e-5f);
        assertEquals(0f, second[0][0][9], 0f);
        // another shape: arrays of its own size
        Network wider = new Network.Builder(2, Loss.BINARY_CROSS_ENTROPY)
                .add(dense(0, 2, 3, Activation.TANH)).add(dense(1, 3, 1, Activation.SIGMOID)).build();
        float[][][] third = maps.compute(wider);
        assertNotSame(first, third);
        assertEquals(3, third[0].length);
    }

    private static DenseLayer dense(int index, int in, int out, Activation f) {
        DenseLayer d = new DenseLayer(index, in, out, f, BiasMode.TRAINED);
        d.initialize(new Initializer.Constant(0.3), new Initializer.Constant(0.1), new SplittableRandom(1));
        return d;
    }
}
