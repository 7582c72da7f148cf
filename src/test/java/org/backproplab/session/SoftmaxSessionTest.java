package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Softmax and cross-entropy: against a hand calculation, the gradient against finite differences. */
class SoftmaxSessionTest {
    private final SoftmaxSession session = new SoftmaxSession();

    private SoftmaxSession.Snapshot shot() {
        return session.snapshotProperty().get();
    }

    /** -ln softmax(z / t)_target written out directly, without the session's log-sum-exp. */
    private static double crossEntropy(double[] z, double t, int target) {
        double sum = Math.exp(z[0] / t) + Math.exp(z[1] / t) + Math.exp(z[2] / t);
        return -Math.log(Math.exp(z[target] / t) / sum);
    }

    @Test
    void theDefaultLogitsGiveTheTextbookProbabilities() {
        // z = (2, 1, 0.1): e^2 = 7.389056, e^1 = 2.718282, e^0.1 = 1.105171, sum 11.212509
        SoftmaxSession.Snapshot s = shot();
        assertArrayEquals(new double[] {2, 1, 0.1}, s.z(), 0);
        assertEquals(7.389056 / 11.212509, s.p()[0], 1e-6);
        assertEquals(2.718282 / 11.212509, s.p()[1], 1e-6);
        assertEquals(1.105171 / 11.212509, s.p()[2], 1e-6);
        assertEquals(0.659001, s.p()[0], 1e-6);
        assertEquals(-Math.log(0.659001), s.loss(), 1e-5);
        assertEquals(0.417030, s.loss(), 1e-5);
        // dL/dz = p - y with y = (1, 0, 0)
        assertEquals(0.659001 - 1, s.gradient()[0], 1e-6);
        assertEquals(0.242433, s.gradient()[1], 1e-6);
        assertEquals(0.098566, s.gradient()[2], 1e-6);
    }

    @Test
    void theGradientIsPMinusYOverTByFiniteDifferencesOfTheCrossEntropy() {
        double[][] cases = {{2, 1, 0.1}, {-3, 4, 0.5}, {0, 0, 0}, {7, -8, 2.5}};
        double[] temps = {1, 0.5, 2.7};
        for (double[] z : cases) {
            for (double t : temps) {
                for (int target = 0; target < 3; target++) {
                    for (int i = 0; i < 3; i++) {
                        session.setLogit(i, z[i]);
                    }
                    session.setTemperature(t);
                    session.setTarget(target);
                    SoftmaxSession.Snapshot s = shot();
                    assertEquals(crossEntropy(z, t, target), s.loss(), 1e-9);
                    for (int i = 0; i < 3; i++) {
                        double h = 1e-6;
                        double[] up = z.clone();
                        double[] down = z.clone();
                        up[i] += h;
                        down[i] -= h;
                        double numeric = (crossEntropy(up, t, target) - crossEntropy(down, t, target)) / (2 * h);
                        assertEquals(numeric, s.gradient()[i], 1e-6, "dL/dz" + i);
                        double y = i == target ? 1 : 0;
                        assertEquals((s.p()[i] - y) / t, s.gradient()[i], 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void theTemperatureDividesTheLogits() {
        session.setLogit(0, 2);
        session.setLogit(1, 0);
        session.setLogit(2, 0);
        session.setTemperature(2);
        // softmax(1, 0, 0) = e / (e + 2)
        assertEquals(Math.E / (Math.E + 2), shot().p()[0], 1e-12);
        assertEquals(1.0, shot().scaled()[0], 1e-12);
        session.setTemperature(10);
        double flat = shot().p()[0];
        session.setTemperature(0.1);
        double sharp = shot().p()[0];
        // T = 10: e^0.2 / (e^0.2 + 2); T = 0.1: e^20 / (e^20 + 2)
        assertEquals(Math.exp(0.2) / (Math.exp(0.2) + 2), flat, 1e-12);
        assertEquals(Math.exp(20) / (Math.exp(20) + 2), sharp, 1e-12);
    }

    @Test
    void addingTheSameNumberToEveryLogitChangesNothingAndLargeLogitsDoNotOverflow() {
        double[] p = SoftmaxSession.softmax(new double[] {1, 2, 3}, 1);
        double[] q = SoftmaxSession.softmax(new double[] {1001, 1002, 1003}, 1);
        assertArrayEquals(p, q, 1e-12);
        session.setLogit(0, -10);
        session.setLogit(1, 10);
        session.setTemperature(0.1);
        session.setTarget(0);
        // -ln p0 = ln(e^-100 + e^100 + e^(z2/0.1)) + 100, about 200, though p0 underflows to 1e-87
        assertEquals(200, shot().loss(), 1e-6);
    }

    @Test
    void refusedValuesChangeNothing() {
        session.setLogit(0, 11);
        assertEquals("softmax.error.logit", session.inputErrorProperty().get().key());
        session.setLogit(3, 1);
        session.setLogit(1, "x");
        assertArrayEquals(new double[] {2, 1, 0.1}, shot().z(), 0);
        session.setTemperature(0);
        assertEquals("softmax.error.temperature", session.inputErrorProperty().get().key());
        session.setTemperature("20");
        assertEquals(1, shot().temperature(), 0);
        session.setTarget(3);
        assertEquals("softmax.error.target", session.inputErrorProperty().get().key());
        assertEquals(0, shot().target());
        session.setLogit(1, "-2.5");
        assertNull(session.inputErrorProperty().get());
        assertEquals(-2.5, shot().z()[1], 0);
    }
}
