package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Each float32 layer against its double layer (an independent implementation in double
 * precision) on random inputs: outputs, parameter gradients and input gradients agree within
 * float rounding (relative to the largest value, 1e-4).
 */
class FloatLayersTest {
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 5;

    /** Random values in [-1, 1], about a third of them exactly 0 (as pixels and deltas behind a ReLU). */
    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(3) == 0 ? 0 : r.nextDouble(-1, 1);
        }
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double[] of(float[] f, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** |float - double| at most TOLERANCE times the largest |double| (and not all zero unless expected). */
    static void assertClose(double[] expected, double[] actual, int n, String what) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(scale, 1e-30), what + " [" + i + "]");
        }
    }

    /** Forward and backward of {@code layer} in double and of its float twin on the same random batch and deltas. */
    private static void compare(Layer layer, FloatLayer single, long seed) {
        compare(layer, single, seed, BATCH);
    }

    /** As {@link #compare(Layer, FloatLayer, long)} on a batch of {@code batch} samples. */
    private static void compare(Layer layer, FloatLayer single, long seed, int batch) {
        SplittableRandom r = new SplittableRandom(seed);
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[] x = random(r, batch * in);
        double[] d = random(r, batch * out);
        DMatrixRMaj xd = new DMatrixRMaj(batch, in, true, x);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        layer.forwardLinear(xd, z);
        float[] zf = new float[batch * out];
        float[] xf = floats(x);
        single.forward(xf, batch, zf);
        assertClose(z.data, of(zf, zf.length), batch * out, "z");
        DMatrixRMaj gx = new DMatrixRMaj(1, 1);
        layer.backwardLinear(xd, new DMatrixRMaj(batch, out, true, d), gx);
        float[] gxf = new float[batch * in];
        single.backward(xf, floats(d), batch, gxf);
        assertClose(gx.data, of(gxf, gxf.length), batch * in, "dE/dx");
        List<Parameter> ps = layer.parameters();
        float[][] g = single.gradients();
        assertEquals(ps.size(), g.length);
        for (int p = 0; p < ps.size(); p++) {
            assertClose(ps.get(p).gradient().data, of(g[p], g[p].length), ps.get(p).size(), ps.get(p).name());
        }
    }

    private static ConvLayer conv(int c, int h, int w, int f, int k, int stride, int pad, long seed) {
        ConvLayer layer = new ConvLayer(0, c, h, w, f, k, stride, pad, Activation.RELU);
        layer.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), new SplittableRandom(seed));
        return layer;
    }

    @Test
    void convolutionsMatchTheDoubleLayer() {
        // LeNet's two convolutions, the small CNN's, and kernels, strides and paddings the presets do
        // not use (stride 1 takes the wide rows, with several samples side by side for small planes)
        for (ConvLayer c : List.of(conv(1, 28, 28, 6, 5, 1, 2, 1), conv(6, 14, 14, 16, 5, 1, 0, 2),
                conv(1, 28, 28, 10, 5, 1, 0, 5), conv(3, 8, 9, 4, 3, 1, 1, 6), conv(2, 6, 5, 3, 2, 1, 2, 7),
                conv(2, 9, 8, 3, 3, 2, 1, 3), conv(3, 7, 7, 4, 2, 3, 0, 4))) {
            compare(c, new FloatConv(c), 11);
        }
    }

    @Test
    void denseLayersMatchTheDoubleLayer() {
        for (int[] s : new int[][] {{784, 128}, {400, 120}, {84, 10}, {3, 2}}) {
            DenseLayer d = new DenseLayer(0, s[0], s[1], Activation.RELU, BiasMode.TRAINED);
            d.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), new SplittableRandom(s[0]));
            compare(d, new FloatDense(d), s[1]);
        }
        // batches that give each core whole blocks of four samples and a remainder (the small CNN's 1440-128)
        for (int[] s : new int[][] {{1440, 128, 64}, {84, 10, 19}}) {
            DenseLayer d = new DenseLayer(0, s[0], s[1], Activation.RELU, BiasMode.TRAINED);
            d.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), new SplittableRandom(s[1]));
            compare(d, new FloatDense(d), s[2], s[2]);
        }
    }

    @Test
    void maxPoolsAndFlattenMatchTheDoubleLayer() {
        MaxPoolLayer p2 = new MaxPoolLayer(0, 6, 28, 28, 2);
        compare(p2, new FloatMaxPool(p2), 5);
        MaxPoolLayer p3 = new MaxPoolLayer(0, 2, 9, 7, 3);
        compare(p3, new FloatMaxPool(p3), 6);
        FlattenLayer f = new FlattenLayer(16, 5, 5);
        compare(f, new FloatMaxPool(f), 7);
    }

    @Test
    void activationsMatchTheDoubleOnes() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 1000;
        double[] z = random(r, n);
        z[0] = 0;
        z[1] = -0.0;
        z[2] = 30;
        z[3] = -30;
        double[] g = random(r, n);
        for (Activation f : List.of(Activation.RELU, Activation.SIGMOID, Activation.IDENTITY)) {
            DMatrixRMaj zd = new DMatrixRMaj(1, n, true, z);
            DMatrixRMaj a = new DMatrixRMaj(1, 1);
            f.forward(zd, a);
            DMatrixRMaj d = new DMatrixRMaj(1, 1);
            f.backward(zd, a, new DMatrixRMaj(1, n, true, g), d);
            float[] zf = floats(z);
            float[] af = new float[n];
            FloatNetwork.activate(f, zf, af, n, n);
            float[] df = new float[n];
            FloatNetwork.derive(f, zf, af, floats(g), df, n);
            assertClose(a.data, of(af, n), n, f.id() + " a");
            assertClose(d.data, of(df, n), n, f.id() + " delta");
        }
    }

    @Test
    void onlyTheNetworksTheFloatPathComputesAreTaken() {
        Network dropout = new Network.Builder(4, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new DropoutLayer(4, 1, 1, 0.5, 1))
                .add(new DenseLayer(1, 4, 3, Activation.SOFTMAX, BiasMode.TRAINED)).build();
        assertNotNull(FloatNetwork.unsupported(dropout));
        Network tanh = new Network.Builder(4, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new DenseLayer(0, 4, 5, Activation.TANH, BiasMode.TRAINED))
                .add(new DenseLayer(1, 5, 3, Activation.SOFTMAX, BiasMode.TRAINED)).build();
        assertTrue(FloatNetwork.unsupported(tanh).contains("tanh"), FloatNetwork.unsupported(tanh));
        Network mse = new Network.Builder(4, Loss.MEAN_SQUARED_ERROR)
                .add(new DenseLayer(0, 4, 3, Activation.SIGMOID, BiasMode.TRAINED)).build();
        assertNotNull(FloatNetwork.unsupported(mse));
        Network fine = new Network.Builder(4, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new DenseLayer(0, 4, 5, Activation.RELU, BiasMode.TRAINED))
                .add(new DenseLayer(1, 5, 3, Activation.SOFTMAX, BiasMode.TRAINED)).build();
        assertNull(FloatNetwork.unsupported(fine));
    }

    @Test
    void theFloatExponentialIsWithinFourHundredThousandthsOfMathExp() {
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < 200_000; i++) {
            float x = i < 100 ? -i / 10f : (float) -r.nextDouble(0, 87);
            double exact = Math.exp(x);
            assertEquals(exact, FloatNetwork.expNonPositive(x), 4e-5 * exact, "x " + x);
        }
        assertEquals(1f, FloatNetwork.expNonPositive(0f), 0f);
        assertEquals(0f, FloatNetwork.expNonPositive(-1000f), 1e-37f);
    }
}
