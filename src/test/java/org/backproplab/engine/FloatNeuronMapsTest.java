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
