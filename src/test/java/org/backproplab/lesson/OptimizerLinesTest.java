package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.UpdateRecord;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's state after 1 and 2 steps of the 2-2-2 worked example, against the network
 * and the update formulas written out here by hand, scalar by scalar: a forward and backward
 * pass of the 2-2-2 sigmoid network (biases frozen at 0.35 and 0.60), then torch.optim.SGD's
 * momentum (v = mu v + g, the first step v = g; w = w - eta v) and torch.optim.Adam.
 */
class OptimizerLinesTest {
    private static final double I1 = 0.05, I2 = 0.10, T1 = 0.01, T2 = 0.99, B1 = 0.35, B2 = 0.60;
    private static final double TOL = 1e-12;

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** dE/dw1 .. dE/dw8 for weights w[0..7] = w1..w8, E = sum 1/2 (t - o)^2, by hand. */
    static double[] handGradients(double[] w) {
        double h1 = sigmoid(w[0] * I1 + w[1] * I2 + B1);
        double h2 = sigmoid(w[2] * I1 + w[3] * I2 + B1);
        double o1 = sigmoid(w[4] * h1 + w[5] * h2 + B2);
        double o2 = sigmoid(w[6] * h1 + w[7] * h2 + B2);
        double d1 = (o1 - T1) * o1 * (1 - o1);
        double d2 = (o2 - T2) * o2 * (1 - o2);
        double dh1 = (d1 * w[4] + d2 * w[6]) * h1 * (1 - h1);
        double dh2 = (d1 * w[5] + d2 * w[7]) * h2 * (1 - h2);
        return new double[] {dh1 * I1, dh1 * I2, dh2 * I1, dh2 * I2, d1 * h1, d1 * h2, d2 * h1, d2 * h2};
    }

    private static final double[] START = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};

    /** Runs two whole iterations of the worked example with {@code spec}; returns the two updates. */
    private static List<UpdateRecord> twoUpdates(OptimizerSpec spec) {
        Trainer trainer = Lessons.byId(Lessons.WORKED_2_2_2).withOptimizer(spec).newTrainer();
        Stepper stepper = new Stepper(trainer, 10);
        UpdateRecord first = StageRecords.of(stepper.finishIteration()).update();
        UpdateRecord second = StageRecords.of(stepper.finishIteration()).update();
        return List.of(first, second);
    }

    /** w1 is W1[0][0], w5 is W2[0][0], w8 is W2[1][1]. */
    private static double at(ParameterUpdate p, String slot, int r, int c) {
        return p.optimizerState().get(slot).get(r, c);
    }

    @Test
    void momentumStateAfterOneAndTwoStepsAsTorchOptimSgd() {
        double eta = 0.5;
        double mu = 0.9;
        List<UpdateRecord> u = twoUpdates(new OptimizerSpec.Momentum(eta, mu));
        double[] g1 = handGradients(START);
        assertEquals(0.0821670406, g1[4], 1e-10, "dE/dw5 of the classic walk-through");
        double[] v1 = new double[8];
        double[] w1 = new double[8];
        for (int i = 0; i < 8; i++) {
            v1[i] = g1[i]; // the first step: v = g
            w1[i] = START[i] - eta * v1[i];
        }
        double[] g2 = handGradients(w1);
        double[] v2 = new double[8];
        double[] w2 = new double[8];
        for (int i = 0; i < 8; i++) {
            v2[i] = mu * v1[i] + g2[i];
            w2[i] = w1[i] - eta * v2[i];
        }
        ParameterUpdate out1 = u.get(0).parameter("W2");
        ParameterUpdate out2 = u.get(1).parameter("W2");
        ParameterUpdate hid2 = u.get(1).parameter("W1");
        assertEquals(v1[4], at(out1, "velocity", 0, 0), TOL);
        assertEquals(0, out1.optimizerStateBefore().get("velocity").get(0, 0), 0);
        assertEquals(-eta * v1[4], out1.step().get(0, 0), TOL);
        assertEquals(v1[4], out2.optimizerStateBefore().get("velocity").get(0, 0), TOL);
        assertEquals(v2[4], at(out2, "velocity", 0, 0), TOL);
        assertEquals(v2[7], at(out2, "velocity", 1, 1), TOL);
        assertEquals(v2[0], at(hid2, "velocity", 0, 0), TOL);
        assertEquals(-eta * v2[4], out2.step().get(0, 0), TOL);
        assertEquals(w2[4], out2.after().get(0, 0), TOL);
        assertEquals(w2[0], hid2.after().get(0, 0), TOL);

        List<String> lines = OptimizerLines.lines(u.get(1), out2, 0, 0, "w5");
        assertEquals("v = mu x v_prev + g = 0.9 x " + Naming.factor(v1[4]) + " + " + Naming.factor(g2[4]) + " = "
                + Naming.number(v2[4]), lines.get(1));
        assertEquals("step = -eta x v = -0.5 x " + Naming.factor(v2[4]) + " = " + Naming.number(-eta * v2[4]), lines.get(2));
        assertEquals("w5+ = w5 + step = " + Naming.number(w1[4]) + " + " + Naming.factor(-eta * v2[4]) + " = "
                + Naming.number(w2[4]), lines.get(3));
        assertTrue(OptimizerLines.lines(u.get(0), out1, 0, 0, "w5").get(1).endsWith("(first step: v = g)"));
    }

    @Test
    void adamStateAfterOneAndTwoStepsAsTorchOptimAdam() {
        double eta = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        List<UpdateRecord> u = twoUpdates(new OptimizerSpec.Adam(eta, b1, b2, eps));
        double[] g1 = handGradients(START);
        double[] m1 = new double[8];
        double[] v1 = new double[8];
        double[] w1 = new double[8];
        for (int i = 0; i < 8; i++) {
            m1[i] = (1 - b1) * g1[i];
            v1[i] = (1 - b2) * g1[i] * g1[i];
            double mHat = m1[i] / (1 - b1);
            double vHat = v1[i] / (1 - b2);
            w1[i] = START[i] - eta * mHat / (Math.sqrt(vHat) + eps);
        }
        double[] g2 = handGradients(w1);
        double[] m2 = new double[8];
        double[] v2 = new double[8];
        double[] mHat2 = new double[8];
        double[] vHat2 = new double[8];
        double[] w2 = new double[8];
        for (int i = 0; i < 8; i++) {
            m2[i] = b1 * m1[i] + (1 - b1) * g2[i];
            v2[i] = b2 * v1[i] + (1 - b2) * g2[i] * g2[i];
            mHat2[i] = m2[i] / (1 - b1 * b1);
            vHat2[i] = v2[i] / (1 - b2 * b2);
            w2[i] = w1[i] - eta * mHat2[i] / (Math.sqrt(vHat2[i]) + eps);
        }
        // the first step of Adam is eta times the sign of the gradient, nearly: w5 0.4 -> 0.3
        assertEquals(0.4 - 0.1, w1[4], 1e-7);
        ParameterUpdate out1 = u.get(0).parameter("W2");
        ParameterUpdate out2 = u.get(1).parameter("W2");
        ParameterUpdate hid2 = u.get(1).parameter("W1");
        assertEquals(1, u.get(0).optimizerStep());
        assertEquals(2, u.get(1).optimizerStep());
        assertEquals(m1[4], at(out1, "m", 0, 0), TOL);
        assertEquals(v1[4], at(out1, "v", 0, 0), TOL);
        assertEquals(w1[4], out1.after().get(0, 0), TOL);
        assertEquals(m1[4], out2.optimizerStateBefore().get("m").get(0, 0), TOL);
        assertEquals(m2[4], at(out2, "m", 0, 0), TOL);
        assertEquals(v2[4], at(out2, "v", 0, 0), TOL);
        assertEquals(m2[7], at(out2, "m", 1, 1), TOL);
        assertEquals(v2[0], at(hid2, "v", 0, 0), TOL);
        OptimizerSpec.Adam spec = (OptimizerSpec.Adam) u.get(1).spec();
        assertEquals(mHat2[4], OptimizerLines.mHat(spec, at(out2, "m", 0, 0), 2), TOL);
        assertEquals(vHat2[4], OptimizerLines.vHat(spec, at(out2, "v", 0, 0), 2), TOL);
        assertEquals(w2[4] - w1[4], out2.step().get(0, 0), TOL);
        assertEquals(w2[4], out2.after().get(0, 0), TOL);
        assertEquals(w2[0], hid2.after().get(0, 0), TOL);

        List<String> lines = OptimizerLines.lines(u.get(1), out2, 0, 0, "w5");
        assertEquals("g = dE/dw5 = " + Naming.number(g2[4]) + ",  t = 2", lines.get(0));
        assertEquals("m = beta1 x m_prev + (1 - beta1) x g = 0.9 x " + Naming.factor(m1[4]) + " + 0.1 x "
                + Naming.factor(g2[4]) + " = " + Naming.number(m2[4]), lines.get(1));
        assertEquals("m_hat = m / (1 - beta1^t) = " + Naming.factor(m2[4]) + " / (1 - 0.9^2) = " + Naming.number(mHat2[4]),
                lines.get(3));
        assertEquals("v_hat = v / (1 - beta2^t) = " + Naming.number(v2[4]) + " / (1 - 0.999^2) = "
                + Naming.number(vHat2[4]), lines.get(4));
        assertTrue(lines.get(5).startsWith("step = -eta x m_hat / (sqrt(v_hat) + eps) = -0.1 x "), lines.get(5));
        assertEquals("Adam, learning rate eta = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1E-8, t = 2",
                OptimizerLines.heading(u.get(1)));
        assertEquals("m_hat = m / (1 - \u03b21^t) \u00d7 \u221a\u03b5", OptimizerLines.pretty("m_hat = m / (1 - beta1^t) x sqrteps"));
    }

    @Test
    void sgdIsOneLineAndBadHyperparametersAreRefused() {
        UpdateRecord u = twoUpdates(new OptimizerSpec.Sgd(0.5)).get(0);
        assertEquals(List.of("w5+ = w5 - eta x dE/dw5 = 0.4 - 0.5 x 0.0821670406 = 0.35891648"),
                OptimizerLines.lines(u, u.parameter("W2"), 0, 0, "w5"));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Adam(0.1, 1.0, 0.999, 1e-8).create());
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Adam(0.1, 0.9, -0.1, 1e-8).create());
        assertThrows(IllegalArgumentException.class, () -> new OptimizerSpec.Adam(0.1, 0.9, 0.999, -1).create());
    }
}
