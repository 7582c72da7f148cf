package org.backproplab.lesson;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.UpdateRecord;

/**
 * The update of one weight or bias written out with its numbers, as torch.optim computes it: for
 * momentum the velocity before and after, for Adam m, v, the bias-corrected m_hat and v_hat and
 * the step count t, then the step taken and the new value. The walk-throughs and both inspectors
 * print these lines (ASCII; {@link #pretty(String)} gives the inspector's symbols).
 */
public final class OptimizerLines {
    private OptimizerLines() {
    }

    /** The optimizer's name and hyperparameters, as the update's heading shows them. */
    public static String heading(UpdateRecord u) {
        OptimizerSpec spec = u.spec();
        if (spec instanceof OptimizerSpec.Momentum m) {
            return "gradient descent with momentum (torch.optim.SGD), learning rate eta = " + number(m.learningRate())
                    + ", mu = " + number(m.momentum());
        }
        if (spec instanceof OptimizerSpec.Adam a) {
            return "Adam, learning rate eta = " + number(a.learningRate()) + ", beta1 = " + number(a.beta1())
                    + ", beta2 = " + number(a.beta2()) + ", eps = " + number(a.epsilon()) + ", t = " + u.optimizerStep();
        }
        return "gradient descent, learning rate eta = " + number(spec.learningRate());
    }

    /**
     * The lines of the update of element (r, c) of {@code p}, named {@code name} ("w5", "W1[0][1]"):
     * the optimizer's state before and after and the step (none for plain gradient descent), then
     * {@code name+ = ...}. A frozen parameter: one line saying it stays.
     */
    public static List<String> lines(UpdateRecord u, ParameterUpdate p, int r, int c, String name) {
        List<String> out = new ArrayList<>();
        double before = p.before().get(r, c);
        double after = p.after().get(r, c);
        if (!p.trainable()) {
            out.add(name + " stays " + number(before) + " (frozen)");
            return out;
        }
        double g = p.gradient().get(r, c);
        double eta = u.learningRate();
        OptimizerSpec spec = u.spec();
        if (spec instanceof OptimizerSpec.Sgd) {
            out.add(name + "+ = " + name + " - eta x dE/d" + name + " = " + number(before) + " - " + number(eta)
                    + " x " + factor(g) + " = " + number(after));
            return out;
        } else if (spec instanceof OptimizerSpec.Momentum m) {
            double v0 = get(p.optimizerStateBefore(), "velocity", r, c);
            double v = get(p.optimizerState(), "velocity", r, c);
            out.add("g = dE/d" + name + " = " + number(g));
            out.add("v = mu x v_prev + g = " + number(m.momentum()) + " x " + factor(v0) + " + " + factor(g) + " = "
                    + number(v) + (u.optimizerStep() == 1 ? "   (first step: v = g)" : ""));
            out.add("step = -eta x v = -" + number(eta) + " x " + factor(v) + " = " + number(p.step().get(r, c)));
        } else if (spec instanceof OptimizerSpec.Adam a) {
            long t = u.optimizerStep();
            double m0 = get(p.optimizerStateBefore(), "m", r, c);
            double v0 = get(p.optimizerStateBefore(), "v", r, c);
            double m = get(p.optimizerState(), "m", r, c);
            double v = get(p.optimizerState(), "v", r, c);
            double mHat = mHat(a, m, t);
            double vHat = vHat(a, v, t);
            out.add("g = dE/d" + name + " = " + number(g) + ",  t = " + t);
            out.add("m = beta1 x m_prev + (1 - beta1) x g = " + number(a.beta1()) + " x " + factor(m0) + " + "
                    + number(1 - a.beta1()) + " x " + factor(g) + " = " + number(m));
            out.add("v = beta2 x v_prev + (1 - beta2) x g^2 = " + number(a.beta2()) + " x " + factor(v0) + " + "
                    + number(1 - a.beta2()) + " x " + factor(g) + "^2 = " + number(v));
            out.add("m_hat = m / (1 - beta1^t) = " + factor(m) + " / (1 - " + number(a.beta1()) + "^" + t + ") = "
                    + number(mHat));
            out.add("v_hat = v / (1 - beta2^t) = " + number(v) + " / (1 - " + number(a.beta2()) + "^" + t + ") = "
                    + number(vHat));
            out.add("step = -eta x m_hat / (sqrt(v_hat) + eps) = -" + number(eta) + " x " + factor(mHat)
                    + " / (sqrt(" + number(vHat) + ") + " + number(a.epsilon()) + ") = " + number(p.step().get(r, c)));
        }
        out.add(name + "+ = " + name + " + step = " + number(before) + " + " + factor(p.step().get(r, c)) + " = "
                + number(after));
        return out;
    }

    /** Adam's bias-corrected first moment m / (1 - beta1^t). */
    public static double mHat(OptimizerSpec.Adam a, double m, long t) {
        return m / (1 - Math.pow(a.beta1(), t));
    }

    /** Adam's bias-corrected second moment v / (1 - beta2^t). */
    public static double vHat(OptimizerSpec.Adam a, double v, long t) {
        return v / (1 - Math.pow(a.beta2(), t));
    }

    /** A line as the inspector shows it: Greek letters, a times sign and a square-root sign. */
    public static String pretty(String line) {
        // m_hat and v_hat stay as written: JavaFX wraps a line with a combining hat (m\u0302) wrongly
        return line.replace(" x ", " \u00d7 ")
                .replace("beta1", "\u03b21").replace("beta2", "\u03b22").replace("eta", "\u03b7")
                .replace("mu ", "\u03bc ").replace("eps", "\u03b5").replace("sqrt", "\u221a");
    }

    private static double get(Map<String, ImmutableMatrix> state, String slot, int r, int c) {
        ImmutableMatrix m = state.get(slot);
        return m == null ? 0 : m.get(r, c);
    }
}
