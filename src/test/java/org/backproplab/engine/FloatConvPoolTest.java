package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.lesson.MnistLessons;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The fused first convolution, sigmoid or ReLU, and 2 x 2 max-pool against the double layers one after
 * the other (ConvLayer, Activation.SIGMOID or RELU, MaxPoolLayer: an independent implementation in double),
 * and its pooled maps against the float layers one after the other.
 */
class FloatConvPoolTest {
    private static double[] random(SplittableRandom r, int n, int zeroOneIn) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(zeroOneIn) == 0 ? 0 : r.nextDouble(-1, 1);
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

    private static void compare(Activation f, int c, int h, int w, int filters, int kernel, int pad, int batch, long seed) {
        ConvLayer conv = new ConvLayer(0, c, h, w, filters, kernel, 1, pad, f);
        conv.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), new SplittableRandom(seed));
        MaxPoolLayer pool = new MaxPoolLayer(1, filters, conv.outHeight(), conv.outWidth(), 2);
        FloatConvPool fused = new FloatConvPool(conv, pool);
        SplittableRandom r = new SplittableRandom(seed + 1);
        int in = conv.inputSize();
        int out = pool.outputSize();
        assertEquals(out, fused.outputSize());
        double[] x = random(r, batch * in, 3);
        double[] d = random(r, batch * out, 5);
        // double: z = conv(x), a = f(z), p = pool(a); back: g = pool'(d), delta = g f'(z), conv'(delta)
        DMatrixRMaj xd = new DMatrixRMaj(batch, in, true, x);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        conv.forwardLinear(xd, z);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        f.forward(z, a);
        DMatrixRMaj p = new DMatrixRMaj(1, 1);
        pool.forwardLinear(a, p);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        pool.backwardLinear(a, new DMatrixRMaj(batch, out, true, d), g);
        DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        f.backward(z, a, g, delta);
        conv.backwardLinear(xd, delta, new DMatrixRMaj(1, 1));

        // the float layers one after the other
        float[] xf = floats(x);
        FloatConv single = new FloatConv(conv);
        float[] zf = new float[batch * conv.outputSize()];
        single.forward(xf, batch, zf);
        float[] af = new float[zf.length];
        FloatNetwork.activate(f, zf, af, zf.length, zf.length);
        FloatMaxPool floatPool = new FloatMaxPool(pool);
        float[] pf2 = new float[batch * out];
        floatPool.forward(af, batch, pf2);
        float[] gf = new float[zf.length];
        floatPool.backward(af, floats(d), batch, gf);
        // the seeds are chosen so that float and double pick the same winners (no near-ties)
        for (int i = 0; i < gf.length; i++) {
            assertEquals(g.data[i] != 0, gf[i] != 0, "the same winners in float and double at " + i);
        }

        float[] pf = new float[batch * out];
        fused.forward(xf, batch, pf);
        String what = f.id() + " " + c + "x" + h + "x" + w + " k" + kernel + " pad " + pad + " batch " + batch;
        FloatLayersTest.assertClose(p.data, doubles(pf), batch * out, "pooled " + what);
        FloatLayersTest.assertClose(doubles(pf2), doubles(pf), batch * out, "conv, f, pool in float " + what);
        fused.backward(xf, floats(d), batch, null);
        List<Parameter> ps = conv.parameters();
        float[][] grads = fused.gradients();
        for (int i = 0; i < ps.size(); i++) {
            FloatLayersTest.assertClose(ps.get(i).gradient().data, doubles(grads[i]), ps.get(i).size(),
                    ps.get(i).name() + " " + what);
        }
    }

    private static double[] doubles(float[] f) {
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = f[i];
        }
        return v;
    }

    @Test
    void theSmallCnnsFirstLayersMatchTheDoubleLayers() {
        // batch 64: groups of four samples on each core; batch 7: groups and remainders
        compare(Activation.SIGMOID, 1, 28, 28, 10, 5, 0, 64, 30);
        compare(Activation.SIGMOID, 1, 28, 28, 10, 5, 0, 7, 22);
    }

    @Test
    void leNetsFirstLayersMatchTheDoubleLayers() {
        // 6 ReLU filters of 5 x 5 with a border of 2: a third of the inputs 0 and more, so that whole
        // windows have no positive z (their gradient is 0 whichever place wins)
        compare(Activation.RELU, 1, 28, 28, 6, 5, 2, 64, 31);
        compare(Activation.RELU, 1, 28, 28, 6, 5, 2, 5, 32);
        compare(Activation.RELU, 2, 9, 7, 3, 3, 1, 6, 33);
    }

    @Test
    void paddedOddAndSeveralChannelsMatchTheDoubleLayers() {
        // 9 x 7 maps: the pool drops the last row and column, as MaxPoolLayer does
        compare(Activation.SIGMOID, 2, 9, 7, 3, 3, 1, 6, 23);
        compare(Activation.SIGMOID, 3, 8, 8, 4, 2, 2, 9, 24);
    }

    @Test
    void onlyTheFirstSigmoidOrReluConvolutionBeforeATwoByTwoPoolIsFused() {
        Network small = MnistLessons.byId("mnist-cnn-small").network().apply(1);
        List<FloatLayer> layers = new FloatNetwork(small).layers();
        assertInstanceOf(FloatConvPool.class, layers.get(0));
        assertEquals(small.layers().size(), layers.size());
        // LeNet's first convolution is fused, its second (not the first layer) is not
        Network lenet = MnistLessons.byId("mnist-lenet").network().apply(1);
        List<FloatLayer> lenetLayers = new FloatNetwork(lenet).layers();
        assertInstanceOf(FloatConvPool.class, lenetLayers.get(0));
        assertEquals(1, lenetLayers.stream().filter(l -> l instanceof FloatConvPool).count());
        ConvLayer tanh = new ConvLayer(0, 1, 8, 8, 2, 3, 1, 0, Activation.TANH);
        assertFalse(FloatConvPool.takes(tanh, new MaxPoolLayer(1, 2, 6, 6, 2)));
        ConvLayer sigmoid = new ConvLayer(0, 1, 8, 8, 2, 3, 1, 0, Activation.SIGMOID);
        assertFalse(FloatConvPool.takes(sigmoid, new MaxPoolLayer(1, 2, 6, 6, 3)));
        MaxPoolLayer pool = new MaxPoolLayer(1, 2, 6, 6, 2);
        sigmoid.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), new SplittableRandom(1));
        FloatConvPool fused = new FloatConvPool(sigmoid, pool);
        assertThrows(IllegalArgumentException.class, () -> fused.backward(new float[64], new float[18], 1, new float[64]));
    }
}
