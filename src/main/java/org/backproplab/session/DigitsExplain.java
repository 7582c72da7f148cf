package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.engine.Network;
import org.backproplab.explain.Explainer;
import org.backproplab.explain.Maximization;
import org.backproplab.explain.MaximizeSettings;
import org.backproplab.explain.Objective;
import org.backproplab.explain.ScoreTarget;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * The digits tab's "Why this class?" view-model: the method, score, class, layer and occlusion
 * patch a person chose (each command checked; a refused one says why in {@link #inputErrorProperty()}),
 * the maps computed on the digits worker for the digit shown, and activation maximisation run on a
 * thread of its own with its progress, so that drawing and training go on meanwhile.
 */
public final class DigitsExplain {
    public static final List<String> METHODS = List.of("saliency", "guided", "rectified", "gradcam", "guided-gradcam",
            "occlusion", "maximize");
    public static final List<String> TARGETS = List.of("logit", "probability", "log-probability");
    public static final List<Integer> PATCHES = List.of(2, 4, 7, 14);
    /** While training, the maps follow at most this often (they are many backward passes). */
    private static final long TRAINING_NANOS = 500_000_000L;

    private final Runnable refresh;
    private final Executor fx;
    private final Executor background;
    private final ReadOnlyObjectWrapper<ExplainWork.Choice> choice = new ReadOnlyObjectWrapper<>(this, "choice",
            new ExplainWork.Choice("saliency", "logit", -1, -1, 4, 0.5));
    private final ReadOnlyObjectWrapper<ExplainSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper maximizing = new ReadOnlyBooleanWrapper(this, "maximizing");
    private volatile boolean active;
    private volatile ExplainWork.Choice current = choice.get();
    private volatile ExplainWork.Maximized maximized;
    private final AtomicBoolean cancel = new AtomicBoolean();
    // worker thread only
    private long lastNanos = Long.MIN_VALUE;
    private long version;
    private Network shown;

    /**
     * @param refresh    asks the digits worker to look at the digit again (and so call {@link #look})
     * @param background runs a maximisation away from the worker
     */
    DigitsExplain(Runnable refresh, Executor fx, Executor background) {
        this.refresh = refresh;
        this.fx = fx;
        this.background = background;
    }

    // ---- what the controls show ---------------------------------------------------------

    public ReadOnlyObjectProperty<ExplainSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** How far the running maximisation is, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty maximizingProperty() {
        return maximizing.getReadOnlyProperty();
    }

    public String method() {
        return choice.get().method();
    }

    public String target() {
        return choice.get().target();
    }

    public int patch() {
        return choice.get().patch();
    }

    public double fill() {
        return choice.get().fill();
    }

    // ---- commands -----------------------------------------------------------------------

    /** The view is shown (maps are computed) or hidden (nothing is computed for it). */
    public void setActive(boolean on) {
        active = on;
        if (on) {
            refresh.run();
        }
    }

    public void setMethod(String id) {
        if (!METHODS.contains(id)) {
            refuse("explain.error.method", String.valueOf(id), String.join(", ", METHODS));
            return;
        }
        ExplainWork.Choice c = choice.get();
        // occlusion reads p_c(digit) - p_c(occluded) by default, as the teaching material does; the
        // gradient methods the logit, as keras-vis does
        String target = c.target();
        if (id.equals("occlusion") && !c.method().equals("occlusion") && target.equals("logit")) {
            target = "probability";
        } else if (!id.equals("occlusion") && c.method().equals("occlusion") && target.equals("probability")) {
            target = "logit";
        }
        set(new ExplainWork.Choice(id, target, c.chosenClass(), c.layer(), c.patch(), c.fill()));
    }

    public void setTarget(String id) {
        if (!TARGETS.contains(id)) {
            refuse("explain.error.target", String.valueOf(id), String.join(", ", TARGETS));
            return;
        }
        ExplainWork.Choice c = choice.get();
        set(new ExplainWork.Choice(c.method(), id, c.chosenClass(), c.layer(), c.patch(), c.fill()));
    }

    /** The class whose map is shown large, 0 to 9; -1 for the digit's label (or the prediction of a drawing). */
    public void chooseClass(int c) {
        if (c < -1 || c > 9) {
            refuse("explain.error.class", c);
            return;
        }
        ExplainWork.Choice k = choice.get();
        set(new ExplainWork.Choice(k.method(), k.target(), c, k.layer(), k.patch(), k.fill()));
    }

    /** The conv layer for Grad-CAM and filter maximisation, by its position among the conv layers (0: the first). */
    public void setLayer(int position) {
        ExplainSnapshot s = snapshot.get();
        int count = s == null ? 0 : s.layers().size();
        if (position < 0 || position >= Math.max(1, count)) {
            refuse("explain.error.layer", position + 1, count);
            return;
        }
        ExplainWork.Choice c = choice.get();
        set(new ExplainWork.Choice(c.method(), c.target(), c.chosenClass(), position, c.patch(), c.fill()));
    }

    public void setPatch(int size) {
        if (size < 1 || size > 28) {
            refuse("explain.error.patch", size);
            return;
        }
        ExplainWork.Choice c = choice.get();
        set(new ExplainWork.Choice(c.method(), c.target(), c.chosenClass(), c.layer(), size, c.fill()));
    }

    /** The grey a hidden patch is filled with, 0 (black... the background) to 1 (ink). */
    public void setFill(double value) {
        if (!(value >= 0 && value <= 1)) {
            refuse("explain.error.fill", value);
            return;
        }
        ExplainWork.Choice c = choice.get();
        set(new ExplainWork.Choice(c.method(), c.target(), c.chosenClass(), c.layer(), c.patch(), value));
    }

    /**
     * Activation maximisation for each of the ten classes ({@code filters} false) or each filter of the
     * chosen conv layer, from seeded grey noise (seed 1: the same images each time), on a copy of the
     * network shown; the progress is reported and Cancel stops it.
     */
    public void maximize(boolean filters) {
        if (maximizing.get()) {
            refuse("explain.error.busy");
            return;
        }
        Network net = shown;
        ExplainSnapshot s = snapshot.get();
        if (net == null || s == null) {
            refuse("digits.error.notLoaded");
            return;
        }
        if (filters && s.layers().isEmpty()) {
            refuse("explain.noConv");
            return;
        }
        accept();
        cancel.set(false);
        maximizing.set(true);
        progress.set(0);
        ExplainWork.Choice c = choice.get();
        int layerPos = Math.min(s.layer(), Math.max(0, s.layers().size() - 1));
        background.execute(() -> runMaximize(net, c, filters, layerPos));
    }

    public void cancelMaximize() {
        cancel.set(true);
    }

    private void refuse(String key, Object... args) {
        inputError.set(new Notice(key, List.of(args), true));
    }

    private void accept() {
        inputError.set(null);
    }

    private void set(ExplainWork.Choice c) {
        accept();
        choice.set(c);
        current = c;
        refresh.run();
    }

    // ---- worker and background ----------------------------------------------------------------

    /** A new network is shown: its maximised images are not known yet. */
    void networkChanged() {
        maximized = null;
    }

    /** Digits worker: the digit shown, through (a copy of) {@code probe}; skipped while hidden or too soon. */
    void look(Network probe, double[] image, int label, int prediction, boolean training, long now) {
        if (!active || training && lastNanos != Long.MIN_VALUE && now - lastNanos < TRAINING_NANOS) {
            return;
        }
        shown = probe.copy();
        lastNanos = now;
        ExplainSnapshot s = ExplainWork.compute(current, Explainer.forDigits(probe), image, label, prediction,
                maximized, ++version);
        fx.execute(() -> snapshot.set(s));
    }

    private void runMaximize(Network net, ExplainWork.Choice c, boolean filters, int layerPos) {
        try {
            Explainer ex = Explainer.forDigits(net);
            int layer = ex.convLayers().isEmpty() ? -1 : ex.convLayers().get(layerPos);
            int count = filters ? ex.filters(layer) : ex.classes();
            List<Picture> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Objective o = filters ? Objective.filter(layer, i) : Objective.classScore(i, ScoreTarget.fromId(c.target()));
                Maximization m = ex.maximize(o, MaximizeSettings.defaults(1),
                        (done, total, y) -> fx.execute(() -> progress.set((index + (double) done / total) / count)),
                        cancel::get);
                images.add(ExplainPictures.grey(m.image().values(), m.image().rows(), m.image().cols()));
                double[] p = m.probabilities();
                captions.add(filters ? "f" + (i + 1) : String.format(Locale.ROOT, "%d: p %.3f", i, p[i]));
            }
            maximized = new ExplainWork.Maximized(filters ? "filters" : "classes", images, captions);
            refresh.run();
        } catch (CancellationException e) {
            fx.execute(() -> inputError.set(new Notice("explain.cancelled", List.of(), false)));
        } catch (RuntimeException | Error e) { // said, never lost on the background thread
            fx.execute(() -> inputError.set(WorkerSession.failure(e)));
        } finally {
            fx.execute(() -> {
                maximizing.set(false);
                progress.set(0);
            });
        }
    }
}
