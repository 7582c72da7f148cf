package org.backproplab.session;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Softmax and cross-entropy for three logits: p = softmax(z / T), the loss L = −ln p_t for the
 * target class t, and its gradient dL/dz = (p − y) / T, y the one-hot target (p − y at T = 1).
 * Microseconds of work: the commands compute on the FX thread.
 */
public final class SoftmaxSession {
    /** Each logit lies in [−LOGIT_MAX, LOGIT_MAX]. */
    public static final double LOGIT_MAX = 10;
    public static final double T_MIN = 0.1;
    public static final double T_MAX = 10;
    public static final int CLASSES = 3;

    /** The logits, T, the target, z / T, the probabilities, the loss and dL/dz. */
    public record Snapshot(double[] z, double temperature, int target, double[] scaled, double[] p, double loss,
            double[] gradient) {
    }

    private final double[] z = {2, 1, 0.1};
    private double temperature = 1;
    private int target;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");

    public SoftmaxSession() {
        publish();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** softmax(v / t), computed after subtracting the largest v so that e^v cannot overflow. */
    public static double[] softmax(double[] v, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x / t);
        }
        double[] p = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = Math.exp(v[i] / t - max);
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Sets logit i (a slider): refused unless i is 0, 1 or 2 and the value lies in [−10, 10]. */
    public void setLogit(int i, double value) {
        if (i < 0 || i >= CLASSES || !(Math.abs(value) <= LOGIT_MAX)) {
            refuse("softmax.error.logit", -LOGIT_MAX, LOGIT_MAX);
            return;
        }
        inputError.set(null);
        z[i] = value;
        publish();
    }

    /** Sets logit i from the text typed. */
    public void setLogit(int i, String text) {
        NumberInput.Result r = NumberInput.parameter(text);
        setLogit(i, r.ok() ? r.value() : Double.NaN);
    }

    /** Sets T (a slider): refused unless 0.1 ≤ T ≤ 10. */
    public void setTemperature(double t) {
        if (!(t >= T_MIN && t <= T_MAX)) {
            refuse("softmax.error.temperature", T_MIN, T_MAX);
            return;
        }
        inputError.set(null);
        temperature = t;
        publish();
    }

    public void setTemperature(String text) {
        NumberInput.Result r = NumberInput.parameter(text);
        setTemperature(r.ok() ? r.value() : Double.NaN);
    }

    /** Chooses the target class, 0 to 2. */
    public void setTarget(int t) {
        if (t < 0 || t >= CLASSES) {
            inputError.set(new Notice("softmax.error.target", List.of(String.valueOf(t)), true));
            return;
        }
        inputError.set(null);
        target = t;
        publish();
    }

    private void refuse(String key, double lo, double hi) {
        inputError.set(new Notice(key, List.of(Numbers.shortNumber(lo), Numbers.shortNumber(hi)), true));
        publish();
    }

    private void publish() {
        double[] scaled = new double[CLASSES];
        for (int i = 0; i < CLASSES; i++) {
            scaled[i] = z[i] / temperature;
        }
        double[] p = softmax(z, temperature);
        double[] g = new double[CLASSES];
        for (int i = 0; i < CLASSES; i++) {
            g[i] = (p[i] - (i == target ? 1 : 0)) / temperature;
        }
        // -ln p_t from the log-sum-exp, exact even when p_t underflows to 0
        double max = Math.max(scaled[0], Math.max(scaled[1], scaled[2]));
        double sum = 0;
        for (double s : scaled) {
            sum += Math.exp(s - max);
        }
        double loss = max + Math.log(sum) - scaled[target];
        snapshot.set(new Snapshot(z.clone(), temperature, target, scaled, p, loss, g));
    }
}
