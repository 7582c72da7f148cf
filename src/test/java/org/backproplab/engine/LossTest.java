package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossTest {
    private static DMatrixRMaj m(double[][] v) {
        return new DMatrixRMaj(v);
    }

    private static double value(Loss loss, Activation out, double[][] z, double[][] t) {
        DMatrixRMaj zz = m(z);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        out.forward(zz, a);
        return loss.value(zz, a, m(t), out);
    }

    @Test
    void squaredErrorsByHand() {
        double[][] o = {{0.8, 0.1}, {0.3, 0.6}};
        double[][] t = {{1.0, 0.0}, {0.0, 1.0}};
        // differences 0.2, 0.1, 0.3, 0.4; squares 0.04, 0.01, 0.09, 0.16; sum 0.30
        assertEquals(0.15, value(Loss.HALF_SQUARED_ERROR, Activation.IDENTITY, o, t), 1e-15);
        assertEquals(0.30, value(Loss.SUM_SQUARED_ERROR, Activation.IDENTITY, o, t), 1e-15);
        assertEquals(0.075, value(Loss.MEAN_SQUARED_ERROR, Activation.IDENTITY, o, t), 1e-15);
        // TensorFlow Playground's: the mean of 1/2 (o - t)^2, 0.15 / 4
        assertEquals(0.0375, value(Loss.HALF_MEAN_SQUARED_ERROR, Activation.IDENTITY, o, t), 1e-15);
    }

    @Test
    void halfMeanSquaredErrorGradientIsOutputMinusTargetOverTheCountAndMatchesFiniteDifferences() {
        // tanh outputs, targets -1 and 1, as TensorFlow Playground's default trains them
        double[][] z = {{0.4}, {-1.1}, {0.2}};
        double[][] t = {{1}, {-1}, {-1}};
        DMatrixRMaj zz = m(z);
        DMatrixRMaj o = new DMatrixRMaj(1, 1);
        Activation.TANH.forward(zz, o);
        DMatrixRMaj grad = new DMatrixRMaj(1, 1);
        Loss.HALF_MEAN_SQUARED_ERROR.gradOutput(o, m(t), grad);
        DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        Loss.HALF_MEAN_SQUARED_ERROR.outputDelta(zz, o, m(t), Activation.TANH, new DMatrixRMaj(1, 1), delta);
        double h = 1e-6;
        for (int r = 0; r < 3; r++) {
            double or = Math.tanh(z[r][0]);
            assertEquals((or - t[r][0]) / 3, grad.get(r, 0), 1e-15, "dE/do");
            double[][] up = {{z[0][0]}, {z[1][0]}, {z[2][0]}};
            double[][] down = {{z[0][0]}, {z[1][0]}, {z[2][0]}};
            up[r][0] += h;
            down[r][0] -= h;
            double numeric = (value(Loss.HALF_MEAN_SQUARED_ERROR, Activation.TANH, up, t)
                    - value(Loss.HALF_MEAN_SQUARED_ERROR, Activation.TANH, down, t)) / (2 * h);
            assertEquals(numeric, delta.get(r, 0), 1e-9, "dE/dz by finite differences");
            assertEquals((or - t[r][0]) * (1 - or * or) / 3, delta.get(r, 0), 1e-15, "dE/dz by hand");
        }
    }

    @Test
    void binaryCrossEntropyByHand() {
        // outputs 0.8 (target 1) and 0.3 (target 0): -(ln 0.8 + ln 0.7) / 2
        double expected = -(Math.log(0.8) + Math.log(0.7)) / 2;
        assertEquals(0.289909247626, expected, 1e-12);
        DMatrixRMaj o = m(new double[][] {{0.8}, {0.3}});
        DMatrixRMaj t = m(new double[][] {{1}, {0}});
        assertEquals(expected, Loss.BINARY_CROSS_ENTROPY.value(o, o, t, Activation.IDENTITY), 1e-15);
        // fused with the sigmoid, from z = logit(o)
        double[][] z = {{Math.log(0.8 / 0.2)}, {Math.log(0.3 / 0.7)}};
        assertEquals(expected, value(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, z, new double[][] {{1}, {0}}),
                1e-15);
        // a confident wrong answer stays finite
        double big = value(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, new double[][] {{-800}}, new double[][] {{1}});
        assertEquals(800, big, 1e-9);
    }

    @Test
    void softmaxCrossEntropyByHand() {
        double[][] z = {{2, 1, 0.1}};
        double sum = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
        // -ln softmax(z)_0 = 0.4170300162778335
        double expected = -Math.log(Math.exp(2) / sum);
        assertEquals(0.4170300162778335, expected, 1e-14);
        assertEquals(expected, value(Loss.SOFTMAX_CROSS_ENTROPY, Activation.SOFTMAX, z, new double[][] {{1, 0, 0}}),
                1e-15);
    }

    @Test
    void fusedDeltaIsOutputMinusTargetOverBatch() {
        DMatrixRMaj z = m(new double[][] {{0.5, -1, 2}, {0, 0, 0}});
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.SOFTMAX.forward(z, a);
        DMatrixRMaj t = m(new double[][] {{0, 0, 1}, {1, 0, 0}});
        DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        Loss.SOFTMAX_CROSS_ENTROPY.outputDelta(z, a, t, Activation.SOFTMAX, new DMatrixRMaj(1, 1), delta);
        assertEquals((a.get(0, 2) - 1) / 2, delta.get(0, 2), 1e-15);
        assertEquals(a.get(1, 1) / 2, delta.get(1, 1), 1e-15);
    }

    @Test
    void termsAddUpToTheLoss() {
        double[][] z = {{0.2, -0.4}, {1.5, 0.3}};
        DMatrixRMaj zz = m(z);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.SIGMOID.forward(zz, a);
        DMatrixRMaj t = m(new double[][] {{1, 0}, {0, 1}});
        for (Loss loss : new Loss[] {Loss.HALF_SQUARED_ERROR, Loss.MEAN_SQUARED_ERROR, Loss.BINARY_CROSS_ENTROPY}) {
            DMatrixRMaj terms = new DMatrixRMaj(1, 1);
            loss.contributions(zz, a, t, Activation.SIGMOID, terms);
            double sum = 0;
            for (double d : terms.data) {
                sum += d;
            }
            assertEquals(loss.value(zz, a, t, Activation.SIGMOID), sum, 1e-15);
        }
    }

    @Test
    void softmaxCrossEntropyNeedsSoftmax() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec(2, java.util.List.of(LayerSpec.of(3, Activation.SIGMOID, Initializer.zeros())),
                        Loss.SOFTMAX_CROSS_ENTROPY));
        assertTrue(e.getMessage().contains("softmax"));
    }
}
