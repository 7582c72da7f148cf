package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
