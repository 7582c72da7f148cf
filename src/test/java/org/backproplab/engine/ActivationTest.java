package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    @Test
    void valuesByHand() {
        assertEquals(0.5, Activation.SIGMOID.apply(0), 0);
        // 1 / (1 + e^-2) = 0.880797077977882
        assertEquals(0.880797077977882, Activation.SIGMOID.apply(2), 1e-15);
        assertEquals(1 - 0.880797077977882, Activation.SIGMOID.apply(-2), 1e-15);
        // no overflow for large |z|
        assertEquals(0, Activation.SIGMOID.apply(-800), 0);
        assertEquals(1, Activation.SIGMOID.apply(800), 0);
        assertEquals(0.7615941559557649, Activation.TANH.apply(1), 1e-15);
        assertEquals(0, Activation.RELU.apply(-3), 0);
        assertEquals(3, Activation.RELU.apply(3), 0);
        assertEquals(-0.03, Activation.LEAKY_RELU.apply(-3), 1e-15);
        assertEquals(-3, Activation.IDENTITY.apply(-3), 0);
    }

    @Test
    void derivativesByHand() {
        // sigma'(0) = 1/4: the largest a sigmoid gradient can be
        assertEquals(0.25, Activation.SIGMOID.derivative(0, 0.5), 0);
        assertEquals(1, Activation.TANH.derivative(0, 0), 0);
        assertEquals(0, Activation.RELU.derivative(-1, 0), 0);
        assertEquals(0, Activation.RELU.derivative(0, 0), 0);
        assertEquals(1, Activation.RELU.derivative(2, 2), 0);
        assertEquals(Activation.LEAKY_SLOPE, Activation.LEAKY_RELU.derivative(-2, -0.02), 0);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void derivativeMatchesFiniteDifferences(Activation f) {
        for (double z = -3.05; z <= 3; z += 0.1) {
            double h = 1e-6;
            double numeric = (f.apply(z + h) - f.apply(z - h)) / (2 * h);
            assertEquals(numeric, f.derivative(z, f.apply(z)), 1e-8, f + " at " + z);
        }
    }

    @Test
    void fastTanhAgreesWithMathTanh() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double z = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-12, 3));
            double exact = Math.tanh(z);
            assertEquals(exact, Activation.TANH.apply(z), 4e-15 * Math.abs(exact) + 1e-300, "tanh " + z);
        }
        assertEquals(1.0, Activation.TANH.apply(30), 0);
        assertEquals(-1.0, Activation.TANH.apply(-30), 0);
        assertEquals(0.0, Activation.TANH.apply(0), 0);
    }

    @Test
    void softmaxByHandAndStable() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {1000, 1000, 1000}});
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.SOFTMAX.forward(z, a);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(1) / sum, a.get(0, 0), 1e-15);
        assertEquals(Math.exp(3) / sum, a.get(0, 2), 1e-15);
        assertEquals(1.0 / 3, a.get(1, 1), 1e-15);
        assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1));
    }

    @Test
    void softmaxBackwardIsTheJacobianProduct() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{0.3, -1.2, 2.0}});
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.SOFTMAX.forward(z, a);
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0.5, -2, 1}});
        DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        Activation.SOFTMAX.backward(z, a, g, delta);
        // delta_i = sum_j g_j da_j/dz_i, with da_j/dz_i = a_j (1[i=j] - a_i)
        for (int i = 0; i < 3; i++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                expected += g.get(0, j) * a.get(0, j) * ((i == j ? 1 : 0) - a.get(0, i));
            }
            assertEquals(expected, delta.get(0, i), 1e-15);
        }
    }

    @Test
    void idsRoundTrip() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.fromId(a.id()));
        }
        assertEquals(Activation.LEAKY_RELU, Activation.fromId("leaky_relu"));
        assertThrows(IllegalArgumentException.class, () -> Activation.fromId("swish"));
    }
}
