package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The float maps against the double engine's own forward pass (an independent implementation:
 * EJML products and each activation's double formula) on random networks and points: every neuron
 * at every point within 1e-4 of the double value, relative to the largest value of its layer.
 */
class FloatNeuronMapsTest {
    private static final double TOLERANCE = 1e-4;

    private static Network network(long seed, int inputs, int[] sizes, Activation[] functions, BiasMode bias,
            Loss loss) {
        SplittableRandom r = new SplittableRandom(seed);
        Network.Builder b = new Network.Builder(inputs, loss);
        int in = inputs;
        for (int l = 0; l < sizes.length; l++) {
            DenseLayer d = new DenseLayer(l, in, sizes[l], functions[l], bias);
            // weights up to 1.5 so that tanh and the sigmoid reach their flat ends, biases up to 1
            d.initialize(new Initializer.Uniform(-1.5, 1.5), new Initializer.Uniform(-1, 1), r);
            b.add(d);
            in = sizes[l];
        }
        return b.build();
    }

    /** Compares every neuron at {@code points} random points in [-6, 6] (as the playground's plane). */
    private static void compare(Network net, int points, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int inputs = net.inputSize();
        DMatrixRMaj x = new DMatrixRMaj(points, inputs);
        float[][] rows = new float[inputs][points];
        for (int p = 0; p < points; p++) {
            for (int f = 0; f < inputs; f++) {
                float v = (float) r.nextDouble(-6, 6);
                x.set(p, f, v);
                rows[f][p] = v;
            }
        }
        float[][][] out = new float[net.layerCount()][][];
        for (int l = 0; l < out.length; l++) {
            out[l] = new float[net.layerSize(l)][points];
        }
        FloatNeuronMaps.compute(net, rows, out);
        net.forward(x);
        for (int l = 0; l < out.length; l++) {
            ImmutableMatrix expected = net.activationValues(l);
            double scale = 1e-30;
            for (int p = 0; p < points; p++) {
                for (int j = 0; j < out[l].length; j++) {
                    scale = Math.max(scale, Math.abs(expected.get(p, j)));
                }
            }
            for (int p = 0; p < points; p++) {
                for (int j = 0; j < out[l].length; j++) {
                    assertEquals(expected.get(p, j), out[l][j][p], TOLERANCE * Math.max(scale, 1),
                            "layer " + l + " neuron " + j + " point " + p);
                }
            }
        }
    }

    @Test
    void tanhLayersOfSixteenAsTheLargestPlaygroundMatchTheDoubleForwardPass() {
        int[] sizes = {16, 16, 16, 16, 16, 16, 16, 16, 1};
        Activation[] f = new Activation[sizes.length];
        java.util.Arrays.fill(f, Activation.TANH);
        // 1,300 points: two whole blocks of 512 and a part of one
        compare(network(1, 2, sizes, f, BiasMode.TRAINED, Loss.HALF_MEAN_SQUARED_ERROR), 1300, 2);
    }

    @Test
    void everyActivationAndLayerSizesThatAreNotMultiplesOfFour() {
        Activation[] f = {Activation.RELU, Activation.LEAKY_RELU, Activation.SIGMOID, Activation.IDENTITY,
            Activation.TANH, Activation.SIGMOID};
        int[] sizes = {7, 5, 6, 3, 9, 1};
        compare(network(3, 7, sizes, f, BiasMode.TRAINED, Loss.BINARY_CROSS_ENTROPY), 700, 4);
        compare(network(5, 1, new int[] {2, 1}, new Activation[] {Activation.TANH, Activation.TANH},
                BiasMode.TRAINED, Loss.HALF_MEAN_SQUARED_ERROR), 40, 6);
    }

    @Test
    void aLayerWithoutBiasAndASoftmaxOutput() {
        Activation[] f = {Activation.RELU, Activation.TANH, Activation.SOFTMAX};
        compare(network(7, 3, new int[] {8, 4, 3}, f, BiasMode.NONE, Loss.SOFTMAX_CROSS_ENTROPY), 600, 8);
        compare(network(9, 2, new int[] {6, 4}, new Activation[] {Activation.TANH, Activation.SOFTMAX},
                BiasMode.FROZEN, Loss.SOFTMAX_CROSS_ENTROPY), 513, 10);
    }

    @Test
    void theLargestSumIsBoundedByHandAndANetworkBeyondAFloatIsRefused() {
        // 2 inputs of at most 6, weights of at most 2 and biases of at most 1, relu: |z| <= 2 x 2 x 6 + 1 = 25;
        // then 3 inputs of at most 25, weights of at most 0.5, bias 0.25: |z| <= 3 x 0.5 x 25 + 0.25 = 37.75
        DenseLayer hidden = new DenseLayer(0, 2, 3, Activation.RELU, BiasMode.TRAINED);
        hidden.initialize(new Initializer.Explicit(new double[][] {{1, -2}, {0.5, 0}, {2, 1}}),
                new Initializer.Explicit(new double[][] {{-1}, {0.5}, {0}}), new SplittableRandom(1));
        DenseLayer out = new DenseLayer(1, 3, 1, Activation.SIGMOID, BiasMode.TRAINED);
        out.initialize(new Initializer.Explicit(new double[][] {{0.5, -0.25, 0.5}}),
                new Initializer.Explicit(new double[][] {{0.25}}), new SplittableRandom(1));
        Network net = new Network.Builder(2, Loss.BINARY_CROSS_ENTROPY).add(hidden).add(out).build();
        assertEquals(37.75, FloatNeuronMaps.bound(net, 6), 1e-12);
        assertTrue(FloatNeuronMaps.fits(net, 6));
        // after tanh the next layer's inputs are at most 1, whatever the sums before
        DenseLayer squashed = new DenseLayer(0, 2, 3, Activation.TANH, BiasMode.NONE);
        squashed.initialize(new Initializer.Constant(1e20), new Initializer.Constant(5), new SplittableRandom(1));
        DenseLayer last = new DenseLayer(1, 3, 1, Activation.SIGMOID, BiasMode.TRAINED);
        last.initialize(new Initializer.Constant(2), new Initializer.Constant(1), new SplittableRandom(1));
        Network tanh = new Network.Builder(2, Loss.BINARY_CROSS_ENTROPY).add(squashed).add(last).build();
        assertEquals(2 * 1e20 * 6, FloatNeuronMaps.bound(tanh, 6), 1e8, "no bias: 2 x 1e20 x 6; then 3 x 2 x 1 + 1");
        // weights of 1e38: 1e38 x 5 - 1e38 x 5.5 overflows a float on its way, though the double sum does not
        Network.Builder b = new Network.Builder(2, Loss.BINARY_CROSS_ENTROPY);
        DenseLayer huge = new DenseLayer(0, 2, 1, Activation.SIGMOID, BiasMode.TRAINED);
        huge.initialize(new Initializer.Constant(1e38), new Initializer.Constant(0), new SplittableRandom(1));
        assertFalse(FloatNeuronMaps.fits(b.add(huge).build(), 6));
    }

    @Test
    void tanhNearZeroAndFarOutKeepsItsSign() {
        float[] z = {0f, 1e-7f, -1e-7f, 1e-3f, -0.5f, 3f, -9f, 40f, -100f, Float.NaN};
        float[] r = z.clone();
        FloatNeuronMaps.tanh(r, 0, r.length);
        for (int i = 0; i < z.length - 1; i++) {
            assertEquals(Math.tanh(z[i]), r[i], 1e-6 * Math.max(Math.abs(Math.tanh(z[i])), 1e-3), "tanh(" + z[i] + ")");
            assertEquals(Math.signum(z[i]), Math.signum(r[i]), "the sign of tanh(" + z[i] + ")");
        }
        assertTrue(Float.isNaN(r[z.length - 1]), "a diverged network's NaN shows");
        // every 1/1000 from -10 to 10: within 5 of a float's steps below 1 (6e-8 each) of Math.tanh
        float[] sweep = new float[20001];
        for (int i = 0; i < sweep.length; i++) {
            sweep[i] = (i - 10000) / 1000f;
        }
        float[] t = sweep.clone();
        FloatNeuronMaps.tanh(t, 0, t.length);
        for (int i = 0; i < sweep.length; i++) {
            assertEquals(Math.tanh(sweep[i]), t[i], 3e-7, "tanh(" + sweep[i] + ")");
        }
    }

    @Test
    void onlyDenseNetworksWithSoftmaxLastAreTaken() {
        Network softmaxFirst = network(11, 2, new int[] {3, 1},
                new Activation[] {Activation.SOFTMAX, Activation.SIGMOID}, BiasMode.TRAINED, Loss.BINARY_CROSS_ENTROPY);
        assertFalse(FloatNeuronMaps.supports(softmaxFirst));
        float[][][] out = {new float[3][1], new float[1][1]};
        assertThrows(IllegalArgumentException.class,
                () -> FloatNeuronMaps.compute(softmaxFirst, new float[2][1], out));
        Network conv = new Network.Builder(16, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new ConvLayer(0, 1, 4, 4, 2, 3, 1, 0, Activation.RELU)).build();
        assertFalse(FloatNeuronMaps.supports(conv));
    }
}
