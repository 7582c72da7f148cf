package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The float32 path as a whole: its loss and gradients against the double network's (analytic, an
 * independent implementation) and against central differences of the double loss; and its
 * trainer against the double trainer on the same batches.
 */
class FloatNetworkTest {
    private static final int BATCH = 6;

    /** A small LeNet: conv 3 3x3 pad 1 ReLU, 2x2 max-pool, flatten, dense 48 -> 10 sigmoid, softmax over 4. */
    private static Network small(long seed) {
        return small(seed, Activation.RELU);
    }

    /** As {@link #small(long)} with the convolution's activation {@code f} (sigmoid or ReLU: the float path fuses it with the pool). */
    private static Network small(long seed, Activation f) {
        SplittableRandom r = new SplittableRandom(seed);
        ConvLayer c = new ConvLayer(0, 1, 8, 8, 3, 3, 1, 1, f);
        c.initialize(new Initializer.HeNormal(), new Initializer.HeNormal(), r);
        DenseLayer d1 = new DenseLayer(3, 48, 10, Activation.SIGMOID, BiasMode.TRAINED);
        d1.initialize(new Initializer.XavierUniform(), new Initializer.HeNormal(), r);
        DenseLayer d2 = new DenseLayer(4, 10, 4, Activation.SOFTMAX, BiasMode.TRAINED);
        d2.initialize(new Initializer.XavierUniform(), new Initializer.HeNormal(), r);
        return new Network.Builder(64, Loss.SOFTMAX_CROSS_ENTROPY).add(c).add(new MaxPoolLayer(1, 3, 8, 8, 2))
                .add(new FlattenLayer(3, 4, 4)).add(d1).add(d2).build();
    }

    private static double[][] batch(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[BATCH * 64];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(3) == 0 ? 0 : r.nextDouble();
        }
        double[] t = new double[BATCH * 4];
        for (int s = 0; s < BATCH; s++) {
            t[s * 4 + r.nextInt(4)] = 1;
        }
        return new double[][] {x, t};
    }

    /** The float network's forward pass of the batch. */
    private static void floatPass(FloatNetwork f, double[] x) {
        float[] in = f.inputBuffer(BATCH);
        for (int i = 0; i < x.length; i++) {
            in[i] = (float) x[i];
        }
        f.forward(BATCH);
    }

    @Test
    void lossAndGradientsMatchTheDoubleNetwork() {
        // a convolution without an activation: the float layers one after the other
        lossAndGradientsMatch(small(3, Activation.IDENTITY), false);
        // the first convolution, its ReLU or sigmoid and its pool in one layer (FloatConvPool)
        lossAndGradientsMatch(small(3), true);
        lossAndGradientsMatch(small(3, Activation.SIGMOID), true);
    }

    private static void lossAndGradientsMatch(Network net, boolean fused) {
        assertEquals(fused, new FloatNetwork(net).layers().get(0) instanceof FloatConvPool);
        double[][] b = batch(4);
        DMatrixRMaj x = new DMatrixRMaj(BATCH, 64, true, b[0]);
        DMatrixRMaj t = new DMatrixRMaj(BATCH, 4, true, b[1]);
        // the double network's values are the float network's, so both compute the same function
        FloatNetwork f = new FloatNetwork(net);
        f.copyTo(net);
        double loss = net.totalLoss(x, t, Regularization.NONE);
        net.backward(t, Regularization.NONE, false);
        floatPass(f, b[0]);
        double floatLoss = f.backward(b[1], BATCH);
        assertEquals(loss, floatLoss, 1e-5 * loss);
        List<Parameter> ps = net.parameters();
        int p = 0;
        for (FloatLayer layer : f.layers()) {
            for (float[] g : layer.gradients()) {
                double[] gd = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    gd[i] = g[i];
                }
                FloatLayersTest.assertClose(ps.get(p).gradient().data, gd, g.length, ps.get(p).name());
                // central differences of the double loss, for every value of the parameter
                double[] w = ps.get(p).value().data;
                double scale = 0;
                for (double v : gd) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < g.length; i++) {
                    double keep = w[i];
                    double h = 1e-6;
                    w[i] = keep + h;
                    double up = net.totalLoss(x, t, Regularization.NONE);
                    w[i] = keep - h;
                    double down = net.totalLoss(x, t, Regularization.NONE);
                    w[i] = keep;
                    assertEquals((up - down) / (2 * h), gd[i], 1e-3 * scale, ps.get(p).name() + "[" + i + "]");
                }
                p++;
            }
        }
        assertEquals(ps.size(), p);
    }

    @Test
    void theFloatTrainerFollowsTheDoubleTrainerBatchForBatch() {
        for (OptimizerSpec spec : List.of(new OptimizerSpec.Sgd(0.05), new OptimizerSpec.Adam(0.001))) {
            SplittableRandom r = new SplittableRandom(8);
            int n = 40;
            double[][] x = new double[n][64];
            double[][] t = new double[n][4];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < 64; i++) {
                    x[s][i] = r.nextInt(3) == 0 ? 0 : r.nextDouble();
                }
                t[s][r.nextInt(4)] = 1;
            }
            Samples data = new Samples(ImmutableMatrix.of(x), ImmutableMatrix.of(t));
            Trainer exact = new Trainer(small(5), spec.create(), Regularization.NONE, data, 6, 9);
            Trainer rounded = new Trainer(small(5), spec.create(), Regularization.NONE, data, 6, 9);
            FloatTrainer single = new FloatTrainer(rounded);
            for (int e = 0; e < 3; e++) {
                double lossDouble = exact.trainEpoch();
                double lossFloat = single.trainEpoch();
                assertEquals(lossDouble, lossFloat, 1e-4 * lossDouble, spec + " epoch " + e);
            }
            assertEquals(3, single.epoch());
            Network published = single.publish().network();
            for (Parameter p : exact.network().parameters()) {
                double[] want = p.value().data;
                double[] got = published.parameter(p.name()).value().data;
                double scale = 0;
                for (double v : want) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-3 * scale, spec + " " + p.name() + "[" + i + "]");
                    assertEquals((float) got[i], got[i], 0, "published values are floats");
                }
            }
        }
    }

    @Test
    void aTrainerTheFloatPathCannotTakeIsRefused() {
        Network net = small(1);
        Samples data = new Samples(ImmutableMatrix.of(new double[2][64]), ImmutableMatrix.of(new double[][] {{1, 0, 0, 0},
            {0, 1, 0, 0}}));
        Trainer momentum = new Trainer(net, new OptimizerSpec.Momentum(0.1, 0.9).create(), Regularization.NONE, data, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new FloatTrainer(momentum));
    }

    @Test
    void aFloatTrainerRestoredFromItsCheckpointGoesOnBitForBit() {
        for (OptimizerSpec spec : List.of(new OptimizerSpec.Sgd(0.05), new OptimizerSpec.Adam(0.001))) {
            SplittableRandom r = new SplittableRandom(3);
            double[][] x = new double[20][64];
            double[][] t = new double[20][4];
            for (int s = 0; s < 20; s++) {
                for (int i = 0; i < 64; i++) {
                    x[s][i] = r.nextInt(3) == 0 ? 0 : r.nextDouble();
                }
                t[s][r.nextInt(4)] = 1;
            }
            Samples data = new Samples(ImmutableMatrix.of(x), ImmutableMatrix.of(t));
            FloatTrainer straight = new FloatTrainer(new Trainer(small(5), spec.create(), Regularization.NONE, data, 6, 9));
            for (int i = 0; i < 5; i++) { // an epoch of 4 batches (6, 6, 6, 2) and one more
                straight.trainIteration();
            }
            Checkpoint saved = straight.checkpoint();
            assertEquals(1, saved.epoch());
            assertEquals(6, saved.cursor());
            assertEquals(5, saved.iteration());
            assertEquals(5, saved.optimizer().steps());
            Trainer fresh = new Trainer(small(77), spec.create(), Regularization.NONE, data, 6, 9);
            fresh.restore(saved);
            FloatTrainer resumed = new FloatTrainer(fresh);
            for (int i = 0; i < 6; i++) {
                assertEquals(Double.doubleToLongBits(straight.trainIteration()),
                        Double.doubleToLongBits(resumed.trainIteration()), spec + " batch " + (6 + i));
            }
            Checkpoint a = straight.checkpoint();
            Checkpoint b = resumed.checkpoint();
            assertEquals(a.parameters(), b.parameters(), spec + ": bit for bit");
            assertEquals(a.optimizer().slots(), b.optimizer().slots(), spec + ": the moments too");
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.cursor(), b.cursor());
            assertEquals(11, b.iteration());
            if (spec instanceof OptimizerSpec.Adam) {
                assertTrue(a.optimizer().slots().get("W1").get("v").isFinite());
                assertTrue(a.optimizer().slots().get("W1").get("v").get(0, 0) > 0, "v = beta2 v + (1 - beta2) g^2 > 0");
            }
        }
    }
}
