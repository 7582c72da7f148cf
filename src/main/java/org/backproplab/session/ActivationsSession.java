package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.engine.Activation;

/**
 * The activations tab's view-model: each activation f(z) and its derivative f'(z) as the engine
 * computes them, sampled for plotting, with the stretches where the gradient vanishes (below 5 %
 * of a saturating function's peak) or is exactly zero (a dead ReLU); and a probe z at which every
 * plot reads f(z) and f'(z). Nothing here is slow, so the commands compute at once on the FX
 * thread: no worker.
 */
public final class ActivationsSession {
    /** The plots span z in [-Z_MAX, Z_MAX]. */
    public static final double Z_MAX = 6;
    private static final int STEPS = 240;
    /** The id of softmax's plot (p1 of softmax(z, 0, 0)). */
    public static final String SOFTMAX = "softmax";
    private static final List<Activation> SHOWN = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.IDENTITY);

    /**
     * One activation's plot: its id, the bundle key of its caption, the range of f shown, and the
     * curves as points (z[i], values[i]) and (z[i], derivatives[i]).
     */
    public record Plot(String id, String captionKey, double low, double high, double[] z, double[] values,
            double[] derivatives, List<Band> bands) {
        public Plot {
            bands = List.copyOf(bands);
        }
    }

    /** A stretch of z where the gradient is exactly zero ({@code dead}) or vanishes. */
    public record Band(double from, double to, boolean dead) {
    }

    /** f(z) and f'(z) of one activation at the probe. */
    public record Reading(String id, double z, double value, double derivative) {
    }

    private final List<Plot> plots;
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyDoubleWrapper probe = new ReadOnlyDoubleWrapper(this, "probe");
    private final ReadOnlyObjectWrapper<List<Reading>> readings = new ReadOnlyObjectWrapper<>(this, "readings");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");

    public ActivationsSession() {
        List<Plot> p = new ArrayList<>();
        for (Activation a : SHOWN) {
            p.add(plot(a));
        }
        p.add(softmaxPlot());
        plots = List.copyOf(p);
        selected.set(SHOWN.get(0).id());
        moveProbe(2);
    }

    // ---- what the view shows ----------------------------------------------------------------

    /** The activations shown, as ids, in order. */
    public List<String> activations() {
        List<String> ids = new ArrayList<>(SHOWN.stream().map(Activation::id).toList());
        ids.add(SOFTMAX);
        return List.copyOf(ids);
    }

    public List<Plot> plots() {
        return plots;
    }

    /** The activation chosen (its plot is highlighted). */
    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The z at which each plot reads f(z) and f'(z). */
    public ReadOnlyDoubleProperty probeProperty() {
        return probe.getReadOnlyProperty();
    }

    /** f(z) and f'(z) at the probe, one per plot, in the plots' order. */
    public ReadOnlyObjectProperty<List<Reading>> readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    /** Why the last command was refused (a bundle key and its arguments), or null. */
    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Chooses an activation by id; an unknown id is refused. */
    public void select(String id) {
        if (id == null || !activations().contains(id)) {
            inputError.set(new Notice("act.error.unknown", List.of(String.valueOf(id)), true));
            return;
        }
        inputError.set(null);
        selected.set(id);
    }

    /** Moves the probe to the z typed; refused unless it is a number in [-6, 6]. */
    public void setProbe(String text) {
        NumberInput.Result r = NumberInput.parameter(text);
        if (!r.ok() && !"edit.error.tooLarge".equals(r.errorKey())) {
            inputError.set(new Notice(r.errorKey(), List.of(), true));
            return;
        }
        if (!r.ok() || Math.abs(r.value()) > Z_MAX) {
            inputError.set(new Notice("act.error.probe", List.of(-Z_MAX, Z_MAX), true));
            return;
        }
        inputError.set(null);
        moveProbe(r.value());
    }

    /** Moves the probe to z (a click on a plot), kept inside the plots' range. */
    public void moveProbe(double z) {
        if (Double.isNaN(z)) {
            inputError.set(new Notice("edit.error.notFinite", List.of(), true));
            return;
        }
        inputError.set(null);
        double at = Math.max(-Z_MAX, Math.min(Z_MAX, z));
        List<Reading> r = new ArrayList<>();
        for (Activation a : SHOWN) {
            double f = a.apply(at);
            r.add(new Reading(a.id(), at, f, a.derivative(at, f)));
        }
        double p1 = softmaxFirst(at);
        r.add(new Reading(SOFTMAX, at, p1, p1 * (1 - p1)));
        probe.set(at);
        readings.set(List.copyOf(r));
    }

    // ---- sampling ---------------------------------------------------------------------------

    /**
     * Softmax acts on a vector: its plot is p1 of softmax(z, 0, 0) as z varies, with the diagonal
     * entry of its Jacobian, dp1/dz1 = p1 (1 - p1). (p1 is the sigmoid of z - ln 2.)
     */
    public static double softmaxFirst(double z) {
        return SoftmaxSession.softmax(new double[] {z, 0, 0}, 1)[0];
    }

    private static Plot softmaxPlot() {
        double[] z = new double[STEPS + 1];
        double[] v = new double[STEPS + 1];
        double[] d = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            z[i] = -Z_MAX + 2 * Z_MAX * i / STEPS;
            v[i] = softmaxFirst(z[i]);
            d[i] = v[i] * (1 - v[i]);
        }
        // it saturates like the sigmoid: shade where dp1/dz1 < 5 % of its peak 1/4
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            double mid = softmaxFirst(-Z_MAX + 2 * Z_MAX * (i + 0.5) / STEPS);
            if (mid * (1 - mid) >= 0.05 * 0.25) {
                continue;
            }
            Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (last != null && last.to() == z[i]) {
                bands.set(bands.size() - 1, new Band(last.from(), z[i + 1], false));
            } else {
                bands.add(new Band(z[i], z[i + 1], false));
            }
        }
        return new Plot(SOFTMAX, "act." + SOFTMAX, -0.2, 1.2, z, v, d, bands);
    }

    private static Plot plot(Activation f) {
        double low = switch (f) {
            case SIGMOID -> -0.2;
            case LEAKY_RELU, IDENTITY -> -6;
            default -> -1.2;
        };
        double high = f == Activation.SIGMOID || f == Activation.TANH ? 1.2 : 6;
        double[] z = new double[STEPS + 1];
        double[] v = new double[STEPS + 1];
        double[] d = new double[STEPS + 1];
        double maxD = 0;
        for (int i = 0; i <= STEPS; i++) {
            z[i] = -Z_MAX + 2 * Z_MAX * i / STEPS;
            v[i] = f.apply(z[i]);
            d[i] = f.derivative(z[i], v[i]);
            maxD = Math.max(maxD, d[i]);
        }
        // leaky ReLU's small slope is the point: gradient keeps flowing, nothing to shade
        boolean saturating = f == Activation.SIGMOID || f == Activation.TANH;
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < STEPS; i++) {
            double mid = -Z_MAX + 2 * Z_MAX * (i + 0.5) / STEPS;
            double dm = f.derivative(mid, f.apply(mid));
            boolean dead = dm == 0;
            if (!dead && !(saturating && dm < 0.05 * maxD)) {
                continue;
            }
            Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (last != null && last.dead() == dead && last.to() == z[i]) {
                bands.set(bands.size() - 1, new Band(last.from(), z[i + 1], dead));
            } else {
                bands.add(new Band(z[i], z[i + 1], dead));
            }
        }
        return new Plot(f.id(), "act." + f.id(), low, high, z, v, d, bands);
    }
}
