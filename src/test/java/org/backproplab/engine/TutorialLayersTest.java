package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Flatten, dropout and LeNet-5's subsampling: values by hand, gradients against finite differences. */
class TutorialLayersTest {

    private static DMatrixRMaj random(int rows, int cols, SplittableRandom r) {
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = r.nextDouble(-1, 1);
        }
        return x;
    }

    private static DMatrixRMaj oneHot(int rows, int classes, SplittableRandom r) {
        DMatrixRMaj t = new DMatrixRMaj(rows, classes);
        for (int i = 0; i < rows; i++) {
            t.set(i, r.nextInt(classes), 1);
        }
        return t;
    }

    private static DenseLayer head(int index, int in, SplittableRandom r) {
        DenseLayer d = new DenseLayer(index, in, 3, Activation.SOFTMAX, BiasMode.TRAINED);
        d.initialize(new Initializer.Uniform(-0.5, 0.5), new Initializer.Uniform(-0.1, 0.1), r);
        return d;
    }

    private static void assertGradients(Network net, DMatrixRMaj x, DMatrixRMaj t, int parameters) {
        GradientCheck.Result p = GradientCheck.check(net, x, t, Regularization.NONE, 1e-5);
        assertTrue(p.maxError() < 1e-6, p.worst().toString());
        assertEquals(parameters, p.entries().size());
        GradientCheck.Result in = GradientCheck.checkInput(net, x, t, Regularization.NONE, 1e-5);
        assertTrue(in.maxError() < 1e-6, "input gradient: " + in.worst());
    }

    @Test
    void flattenKeepsTheRowLayoutAndPassesTheGradientThrough() {
        FlattenLayer flat = new FlattenLayer(2, 2, 3);
        assertEquals(12, flat.outputSize());
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        flat.forwardLinear(new DMatrixRMaj(1, 12, true, values), z);
        // torch.flatten of a (2, 2, 3) tensor keeps the (channel, row, column) order: the same 12 values
        assertArrayEquals(values, z.data, 0);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        flat.backwardLinear(z, new DMatrixRMaj(1, 12, true, values), g);
        assertArrayEquals(values, g.data, 0);
    }

    @Test
    void flattenBetweenConvAndDenseIsGradientChecked() {
        SplittableRandom r = new SplittableRandom(3);
        ConvLayer conv = new ConvLayer(0, 2, 6, 6, 3, 3, 1, 0, Activation.TANH);
        conv.initialize(new Initializer.Uniform(-0.5, 0.5), new Initializer.Uniform(-0.1, 0.1), r);
        FlattenLayer flat = new FlattenLayer(3, 4, 4);
        Network net = new Network.Builder(72, Loss.SOFTMAX_CROSS_ENTROPY).add(conv).add(flat).add(head(2, 48, r))
                .build();
        assertGradients(net, random(2, 72, r), oneHot(2, 3, r), 3 * 18 + 3 + 48 * 3 + 3);
    }

    @Test
    void dropoutAtTestTimeIsTheIdentity() {
        DropoutLayer drop = new DropoutLayer(4, 1, 1, 0.5, 7);
        Network net = new Network.Builder(4, Loss.HALF_SQUARED_ERROR).add(drop).build();
        DMatrixRMaj x = new DMatrixRMaj(1, 4, true, 1, -2, 3, -4);
        assertArrayEquals(x.data, net.predict(x).rowValues(0), 0);
        assertEquals(0, drop.lastMask().length, "no unit dropped at test time");
    }

    @Test
    void dropoutInTrainingKeepsTheExpectedValue() {
        double p = 0.25;
        DropoutLayer drop = new DropoutLayer(50, 1, 1, p, 11);
        Network net = new Network.Builder(50, Loss.HALF_SQUARED_ERROR).add(drop).build();
        DMatrixRMaj x = new DMatrixRMaj(200, 50);
        java.util.Arrays.fill(x.data, 2.0);
        net.setInput(x);
        net.forwardLayer(0);
        double[] out = net.outputValues().rowValues(0);
        double sum = 0;
        int dropped = 0;
        for (int s = 0; s < 200; s++) {
            for (double v : net.outputValues().rowValues(s)) {
                // each value is 0 (dropped) or 2 / (1 - 0.25) = 8/3 (kept, scaled)
                assertTrue(v == 0 || Math.abs(v - 8.0 / 3) < 1e-15, "value " + v);
                sum += v;
                dropped += v == 0 ? 1 : 0;
            }
        }
        // 10,000 draws: the mean is 2 within about 4 standard errors (sd of one value 2 sqrt(p/(1-p)) = 1.155)
        assertEquals(2.0, sum / 10_000, 4 * 1.155 / 100);
        assertEquals(p, dropped / 10_000.0, 4 * Math.sqrt(p * (1 - p) / 10_000));
        assertEquals(50, out.length);
        // the next training pass draws another mask
        net.forwardLayer(0);
        assertTrue(!java.util.Arrays.equals(out, net.outputValues().rowValues(0)));
    }

    @Test
    void dropoutBackwardUsesTheSameMaskAndScale() {
        DropoutLayer drop = new DropoutLayer(4, 1, 1, 0.5, 1);
        drop.fixMask(new boolean[][] {{true, false, false, true}});
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        drop.forwardLinear(new DMatrixRMaj(1, 4, true, 1, 2, 3, 4), z);
        assertArrayEquals(new double[] {2, 0, 0, 8}, z.data, 0);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        drop.backwardLinear(z, new DMatrixRMaj(1, 4, true, 10, 20, 30, 40), g);
        // dE/dx = delta * m / (1 - p) = delta * [2, 0, 0, 2]
        assertArrayEquals(new double[] {20, 0, 0, 80}, g.data, 0);
    }

    @Test
    void dropoutWithAFixedMaskIsGradientChecked() {
        SplittableRandom r = new SplittableRandom(5);
        DenseLayer hidden = new DenseLayer(0, 5, 6, Activation.TANH, BiasMode.TRAINED);
        hidden.initialize(new Initializer.Uniform(-0.8, 0.8), new Initializer.Uniform(-0.1, 0.1), r);
        DropoutLayer drop = new DropoutLayer(6, 1, 1, 0.4, 9);
        drop.fixMask(new boolean[][] {{true, false, true, true, false, true}, {false, true, true, false, true, true}});
        Network net = new Network.Builder(5, Loss.SOFTMAX_CROSS_ENTROPY).add(hidden).add(drop).add(head(2, 6, r))
                .build();
        assertGradients(net, random(2, 5, r), oneHot(2, 3, r), 36 + 21);
    }

    @Test
    void dropoutRefusesARateOfOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DropoutLayer(3, 1, 1, 1.0, 0));
        assertTrue(e.getMessage().contains("below 1"), e.getMessage());
    }

    @Test
    void subsamplingByHand() {
        // one 4x4 map, coefficient 2, bias 0.5, identity: z = 2 * mean(window) + 0.5
        SubsamplingLayer sub = new SubsamplingLayer(0, 1, 4, 4, 2, Activation.IDENTITY);
        sub.weights().value().set(0, 0, 2);
        sub.bias().value().set(0, 0, 0.5);
        DMatrixRMaj x = new DMatrixRMaj(1, 16, true, 1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 2, 9, 0, 3, 7);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        sub.forwardLinear(x, z);
        assertArrayEquals(new double[] {2 * (1 + 5 + 3 + 4) / 4.0 + 0.5, 2 * (2 + 0 + 8 + 1) / 4.0 + 0.5,
            2 * (0 + 0 + 9 + 0) / 4.0 + 0.5, 2 * (1 + 2 + 3 + 7) / 4.0 + 0.5}, z.data, 1e-15);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        sub.backwardLinear(x, new DMatrixRMaj(1, 4, true, 1, 2, 3, 4), g);
        // dE/dw = sum of delta * mean: 1 * 13/4 + 2 * 11/4 + 3 * 9/4 + 4 * 13/4; dE/db = 1 + 2 + 3 + 4
        assertEquals((13 + 22 + 27 + 52) / 4.0, sub.weights().gradient().get(0, 0), 1e-15);
        assertEquals(10, sub.bias().gradient().get(0, 0), 0);
        // each input of the window gets coefficient * delta / 4
        assertEquals(2 * 1 / 4.0, g.get(0, 0), 0);
        assertEquals(2 * 2 / 4.0, g.get(0, 7), 0);
        assertEquals(2 * 4 / 4.0, g.get(0, 15), 0);
    }

    /** conv (tanh) -> subsampling (tanh) -> flatten -> dense softmax, at LeNet-like and odd sizes. */
    @ParameterizedTest(name = "C={0} {1}x{2} F={3} k={4} pool={5}")
    @CsvSource({"1,8,8,2,3,2", "2,7,9,3,2,2", "1,10,10,2,3,4", "1,9,9,6,5,2"})
    void subsamplingIsGradientChecked(int c, int h, int w, int f, int k, int size) {
        SplittableRandom r = new SplittableRandom(c * 100 + h * 10 + size);
        ConvLayer conv = new ConvLayer(0, c, h, w, f, k, 1, 0, Activation.TANH);
        conv.initialize(new Initializer.Uniform(-0.5, 0.5), new Initializer.Uniform(-0.1, 0.1), r);
        SubsamplingLayer sub = new SubsamplingLayer(1, f, conv.outHeight(), conv.outWidth(), size, Activation.TANH);
        sub.initialize(new Initializer.Uniform(0.5, 1.5), new Initializer.Uniform(-0.2, 0.2), r);
        FlattenLayer flat = new FlattenLayer(f, sub.outHeight(), sub.outWidth());
        Network net = new Network.Builder(conv.inputSize(), Loss.SOFTMAX_CROSS_ENTROPY).add(conv).add(sub).add(flat)
                .add(head(3, flat.outputSize(), r)).build();
        assertGradients(net, random(3, conv.inputSize(), r), oneHot(3, 3, r),
                f * c * k * k + f + 2 * f + flat.outputSize() * 3 + 3);
    }

    @Test
    void copiesAreIndependentAndEqual() {
        SubsamplingLayer sub = new SubsamplingLayer(0, 2, 4, 4, 2, Activation.TANH);
        sub.weights().value().set(1, 0, 3);
        SubsamplingLayer copy = sub.copy();
        assertEquals(3, copy.weights().value().get(1, 0), 0);
        copy.weights().value().set(1, 0, 4);
        assertEquals(3, sub.weights().value().get(1, 0), 0);
        DropoutLayer drop = new DropoutLayer(8, 1, 1, 0.5, 3);
        DropoutLayer twin = drop.copy();
        drop.setTraining(true);
        twin.setTraining(true);
        DMatrixRMaj x = new DMatrixRMaj(1, 8);
        java.util.Arrays.fill(x.data, 1);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        DMatrixRMaj b = new DMatrixRMaj(1, 1);
        drop.forwardLinear(x, a);
        twin.forwardLinear(x, b);
        assertArrayEquals(a.data, b.data, 0, "a copy draws the same next mask");
        assertEquals(new FlattenLayer(2, 3, 4).outputSize(), new FlattenLayer(2, 3, 4).copy().outputSize());
    }
}
