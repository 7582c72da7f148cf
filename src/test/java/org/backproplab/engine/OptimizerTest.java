package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each optimizer's steps worked out by hand for a parameter [w0, w1] with fixed gradients. */
class OptimizerTest {
    private static Parameter parameter(double w0, double w1) {
        Parameter p = new Parameter(0, Parameter.Kind.WEIGHTS, 1, 2, true);
        p.value().set(0, 0, w0);
        p.value().set(0, 1, w1);
        return p;
    }

    private static void gradient(Parameter p, double g0, double g1) {
        p.gradient().set(0, 0, g0);
        p.gradient().set(0, 1, g1);
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        Parameter p = parameter(1.0, -2.0);
        gradient(p, 0.5, -4.0);
        new Optimizer.Sgd(0.1).step(List.of(p));
        assertEquals(1.0 - 0.05, p.value().get(0, 0), 1e-15);
        assertEquals(-2.0 + 0.4, p.value().get(0, 1), 1e-15);
    }

    @Test
    void momentumAccumulatesVelocity() {
        Parameter p = parameter(1.0, 0.0);
        Optimizer.Momentum opt = new Optimizer.Momentum(0.1, 0.9);
        gradient(p, 1.0, 2.0);
        opt.step(List.of(p));
        // as torch.optim.SGD: v = g = 1 (first step), s = -0.1 * 1 = -0.1
        assertEquals(0.9, p.value().get(0, 0), 1e-15);
        gradient(p, 1.0, 2.0);
        opt.step(List.of(p));
        // v = 0.9 * 1 + 1 = 1.9; s = -0.1 * 1.9 = -0.19; w = 0.9 - 0.19 = 0.71
        assertEquals(0.71, p.value().get(0, 0), 1e-15);
        // second component: v1 = 2, s1 = -0.2; v2 = 0.9 * 2 + 2 = 3.8, s2 = -0.38; w = -0.58
        assertEquals(-0.58, p.value().get(0, 1), 1e-15);
        assertEquals(1.9, opt.stateOf(p).get("velocity").get(0, 0), 1e-15);
        assertEquals(-0.19, opt.lastStep(p).get(0, 0), 1e-15);
    }

    @Test
    void adamFirstStepsByHand() {
        Parameter p = parameter(0.0, 0.0);
        Optimizer.Adam opt = new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8);
        gradient(p, 0.5, -3.0);
        opt.step(List.of(p));
        // t = 1: m = 0.1 g, v = 0.001 g^2; m^ = g, v^ = g^2; step = -lr g / (|g| + eps)
        assertEquals(-0.01 * 0.5 / (0.5 + 1e-8), p.value().get(0, 0), 1e-15);
        assertEquals(0.01 * 3.0 / (3.0 + 1e-8), p.value().get(0, 1), 1e-15);
        gradient(p, 0.1, -3.0);
        opt.step(List.of(p));
        // t = 2: m = 0.9 * 0.05 + 0.1 * 0.1 = 0.055; v = 0.999 * 0.00025 + 0.001 * 0.01 = 0.00025975
        double mHat = 0.055 / (1 - 0.81);
        double vHat = 0.00025975 / (1 - 0.998001);
        double expected = -0.01 * 0.5 / (0.5 + 1e-8) - 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertEquals(expected, p.value().get(0, 0), 1e-15);
        assertEquals(2, opt.steps());
    }

    @Test
    void frozenParametersDoNotMove() {
        Parameter p = parameter(0.35, 0.35);
        p.setTrainable(false);
        gradient(p, 1, 1);
        new Optimizer.Adam(0.1).step(List.of(p));
        assertEquals(0.35, p.value().get(0, 0), 0);
    }

    @Test
    void stateRestoresExactly() {
        Parameter p = parameter(0.3, -0.7);
        Optimizer.Adam opt = new Optimizer.Adam(0.05);
        gradient(p, 0.2, 0.9);
        opt.step(List.of(p));
        OptimizerState saved = opt.state();
        double w0 = p.value().get(0, 0);
        gradient(p, -1, 3);
        opt.step(List.of(p));
        opt.restore(saved, List.of(p));
        p.value().set(0, 0, w0);
        assertEquals(saved, opt.state());
        assertEquals(1, opt.steps());
    }

    @Test
    void badLearningRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Sgd(0));
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Sgd(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Optimizer.Momentum(0.1, 1.0));
    }
}
