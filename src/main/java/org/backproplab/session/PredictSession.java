package org.backproplab.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.lesson.Naming;

/**
 * Predict, then reveal: the view-model of the stepping tab's predict panel. With predict mode
 * on, each stage run asks for some of the values it computed (which ones: the teacher's
 * {@link PredictChoice}); the graph shows them as "?" until answered right or revealed. A wrong
 * answer shows the formula with its inputs filled in, a second the hint (the next factor of the
 * chain rule), a third the answer.
 *
 * <p>Lives on the FX thread: it follows the {@link StepSession}'s snapshots (the stage records
 * are in them) and works out its questions from them in microseconds.
 */
public final class PredictSession {
    /** Most significant digits the tolerance can ask for. */
    public static final int MAX_DIGITS = 9;

    private final StepSession step;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(this, "on");
    private final ReadOnlyIntegerWrapper digits = new ReadOnlyIntegerWrapper(this, "digits", 4);
    private final ReadOnlyObjectWrapper<Phrase> toleranceError = new ReadOnlyObjectWrapper<>(this, "toleranceError");
    private final ReadOnlyObjectWrapper<PredictSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot",
            PredictSnapshot.OFF);
    private final ReadOnlyObjectWrapper<PredictChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice",
            PredictChoice.DEFAULT);
    /** Where each question asked so far stands, by {@link #key}. */
    private final Map<String, Attempt> attempts = new HashMap<>();
    private List<PredictQuestion> asked = List.of();
    private final PredictProgress progress = new PredictProgress();
    private final ReadOnlyObjectWrapper<PredictProgress.Counts> counts = new ReadOnlyObjectWrapper<>(this, "counts",
            PredictProgress.Counts.NONE);
    private String lessonId;
    /** What the learner clicked and asked to be asked about (each stage asks its values of them too). */
    private final java.util.Set<GraphItem> wanted = new java.util.LinkedHashSet<>();
    private String keyPrefix = "";

    /** A question's answers so far (FX thread only). */
    private static final class Attempt {
        int tries;
        boolean right;
        boolean revealed;
        boolean hint;
        boolean counted;
        String typed = "";
    }

    public PredictSession(StepSession step) {
        this.step = step;
        step.snapshotProperty().addListener((o, a, s) -> follow());
        step.playingProperty().addListener((o, a, p) -> follow());
    }

    // ---- what the panel shows ----------------------------------------------------------

    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    /** The tolerance: an answer is right when it agrees with the value to this many significant digits. */
    public ReadOnlyIntegerProperty digitsProperty() {
        return digits.getReadOnlyProperty();
    }

    /** Why the tolerance typed last was refused, or null. */
    public ReadOnlyObjectProperty<Phrase> toleranceErrorProperty() {
        return toleranceError.getReadOnlyProperty();
    }

    /** The questions of the stage shown and where each stands. */
    public ReadOnlyObjectProperty<PredictSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** What is asked (the teacher's choice). */
    public ReadOnlyObjectProperty<PredictChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** How the learner did in the lesson shown (kept across restarts once {@link #keepProgressIn} is called). */
    public ReadOnlyObjectProperty<PredictProgress.Counts> progressProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The lesson's progress, for the handout (any thread). */
    public PredictProgress.Counts progressOf(String lesson) {
        return progress.of(lesson);
    }

    // ---- commands ----------------------------------------------------------------------

    /** Keeps the progress in this preferences node (the app's settings) from now on. */
    public void keepProgressIn(java.util.prefs.Preferences node) {
        progress.keepIn(node);
        counts.set(progress.of(lessonId));
    }

    /** Starts the progress of the lesson shown again. */
    public void resetProgress() {
        progress.reset(lessonId);
        counts.set(progress.of(lessonId));
    }

    /** Turns predict mode on or off (off: every value shows again). */
    public void setOn(boolean value) {
        on.set(value);
        follow();
    }

    /** Sets the tolerance as significant digits, 1 to {@link #MAX_DIGITS}; refused otherwise with a message. */
    public boolean setTolerance(String text) {
        int d;
        try {
            d = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            d = -1;
        }
        if (d < 1 || d > MAX_DIGITS) {
            toleranceError.set(Phrase.key("predict.error.digits", MAX_DIGITS));
            return false;
        }
        toleranceError.set(null);
        digits.set(d);
        return true;
    }

    /** Asks values of this kind, or stops asking them (the teacher's choice); the stage shown is asked again. */
    public void setAsked(PredictKind kind, boolean asked) {
        if (kind == null) {
            return;
        }
        java.util.Set<PredictKind> kinds = java.util.EnumSet.noneOf(PredictKind.class);
        kinds.addAll(choice.get().kinds());
        if (asked) {
            kinds.add(kind);
        } else {
            kinds.remove(kind);
        }
        setChoice(new PredictChoice(kinds, choice.get().perStage()));
    }

    /**
     * How many values each stage asks, typed: 0 for all, up to {@link PredictChoice#MAX_PER_STAGE};
     * anything else is refused with {@link #toleranceErrorProperty() a message}. Returns whether taken.
     */
    public boolean setPerStage(String text) {
        int n;
        try {
            n = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > PredictChoice.MAX_PER_STAGE) {
            toleranceError.set(Phrase.key("predict.error.perStage", PredictChoice.MAX_PER_STAGE));
            return false;
        }
        toleranceError.set(null);
        setChoice(new PredictChoice(choice.get().kinds(), n));
        return true;
    }

    /**
     * Asks about the item selected in the graph from now on, besides the app's choice: a neuron's
     * net, out and delta, a weight's or bias's gradient and new value, an output's error. Asking
     * again stops it. Nothing selected, or an input: a message.
     */
    public void askSelected() {
        GraphItem item = step.selectionProperty().get();
        if (item == null || item.kind() == GraphItem.Kind.INPUT) {
            toleranceError.set(Phrase.key("predict.error.select"));
            return;
        }
        toleranceError.set(null);
        GraphItem key = item.kind() == GraphItem.Kind.TARGET ? GraphItem.target(item.col()) : item;
        if (!wanted.remove(key)) {
            wanted.add(key);
        }
        follow();
    }

    /** Whether question q is about an item the learner asked about. */
    private boolean isWanted(PredictQuestion q, int outputLayer) {
        PredictQuestion.Spot p = q.spot();
        return switch (p.place()) {
            case NET, OUT, DELTA -> wanted.contains(GraphItem.neuron(p.layer(), p.row()));
            case WEIGHT_GRADIENT, WEIGHT_AFTER -> wanted.contains(GraphItem.weight(p.layer(), p.row(), p.col()));
            case BIAS_GRADIENT, BIAS_AFTER -> wanted.contains(GraphItem.bias(p.layer(), p.row()));
            case ERROR -> p.layer() == outputLayer && wanted.contains(GraphItem.target(p.row()));
            case TOTAL -> false;
        };
    }

    /** Sets what is asked from the next stage on (the stage shown is asked again by it). */
    public void setChoice(PredictChoice value) {
        if (value != null) {
            choice.set(value);
            follow();
        }
    }

    /**
     * The learner's answer to question {@code index} of the stage shown. A number is checked
     * against the value within the tolerance; anything else is refused with a message in the row
     * (no try counted). An answered or revealed question takes no more answers.
     */
    public void answer(int index, String text) {
        Attempt a = attempt(index);
        if (a == null || a.right || a.revealed) {
            return;
        }
        NumberInput.Result r = NumberInput.parameter(text);
        a.typed = text == null ? "" : text.trim();
        if (r.ok()) {
            a.tries++;
            a.right = isRight(r.value(), asked.get(index).answer(), digits.get());
            a.revealed = !a.right && a.tries >= 3;
            count(asked.get(index), a, a.right);
        }
        publish(r.ok() ? null : Map.of(index, Phrase.key(r.errorKey(), String.valueOf((long) NumberInput.LIMIT))));
    }

    /** Shows the hint of question {@code index} (and the formula before it). */
    public void hint(int index) {
        Attempt a = attempt(index);
        if (a != null) {
            a.hint = true;
            publish(null);
        }
    }

    /** Shows the answer of question {@code index}; the graph shows its value again. */
    public void reveal(int index) {
        Attempt a = attempt(index);
        if (a != null && !a.right) {
            a.revealed = true;
            count(asked.get(index), a, false);
            publish(null);
        }
    }

    // ---- what the other views show while values are asked -------------------------------

    /** The graph with the values still asked shown as "?". */
    public GraphSnapshot graph(GraphSnapshot g) {
        return g == null ? null : PredictMask.graph(g, hidden().stream().map(PredictQuestion::spot).toList());
    }

    /** The grids of a network with maps with the values still asked shown as "?". */
    public MapGraphSnapshot maps(MapGraphSnapshot m) {
        return m == null ? null : PredictMapMask.maps(m, hidden().stream().map(PredictQuestion::spot).toList());
    }

    /** The matrices over the batch with the values still asked (of the sample the graph shows) as "?". */
    public StepMatrixSnapshot matrices(StepMatrixSnapshot m) {
        StepSnapshot s = step.getSnapshot();
        int sample = s == null || s.screen() == null ? 0 : s.screen().sample();
        return m == null ? null : PredictMask.matrices(m, hidden(), sample);
    }

    /** While a value is asked, the inspector says so instead of showing the numbers. */
    public InspectorSnapshot inspector(InspectorSnapshot i) {
        if (i == null || hidden().isEmpty()) {
            return i;
        }
        return new InspectorSnapshot(i.item(), Phrase.key("predict.inspectorHidden"), List.of(), null, false, "",
                List.of());
    }

    /** A text (the stage line) with the values still asked replaced by "?". */
    public String text(String s) {
        String out = s;
        for (PredictQuestion q : hidden()) {
            // the number as a whole (an answer 0 leaves "10" and "z1[0]" alone)
            out = out.replaceAll("(?<![\\w.\\[])" + java.util.regex.Pattern.quote(Naming.number(q.answer()))
                    + "(?![\\w.\\]])", PredictMask.HIDDEN);
        }
        return out;
    }

    /**
     * Whether {@code typed} agrees with {@code answer} to {@code digits} significant digits: it is
     * at most half a unit of the last of those digits away (0.3775 for 0.377500 to 4 digits).
     */
    public static boolean isRight(double typed, double answer, int digits) {
        if (!Double.isFinite(typed) || !Double.isFinite(answer)) {
            return typed == answer;
        }
        if (answer == 0) {
            return Math.abs(typed) < Math.pow(10, -digits);
        }
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(answer))) - digits + 1);
        return Math.abs(typed - answer) <= unit / 2 * (1 + 1e-9);
    }

    // ---- following the stepping tab ------------------------------------------------------

    private List<PredictQuestion> hidden() {
        List<PredictQuestion> out = new ArrayList<>();
        for (PredictQuestion q : asked) {
            Attempt a = attempts.get(key(q));
            if (a == null || !(a.right || a.revealed)) {
                out.add(q);
            }
        }
        return out;
    }

    /** The first answer (or a reveal before any) decides: right first time, or missed. */
    private void count(PredictQuestion q, Attempt a, boolean right) {
        if (!a.counted) {
            a.counted = true;
            progress.record(lessonId, q.kind(), right);
            counts.set(progress.of(lessonId));
        }
    }

    private Attempt attempt(int index) {
        return index < 0 || index >= asked.size() ? null : attempts.get(key(asked.get(index)));
    }

    /** A question is the same one while its lesson, iteration, name and value are. */
    private String key(PredictQuestion q) {
        return keyPrefix + q.name() + "|" + Double.doubleToLongBits(q.answer());
    }

    private void follow() {
        StepSnapshot s = step.getSnapshot();
        String lesson = s == null ? null : s.lessonId();
        if (s != null && !java.util.Objects.equals(lesson, lessonId)) {
            lessonId = lesson;
            counts.set(progress.of(lessonId));
            wanted.clear();
        }
        if (!on.get() || s == null || s.screen() == null || s.screen().graph() == null && s.screen().maps() == null
                || step.isPlaying()) {
            asked = List.of();
            publish(null);
            return;
        }
        if (s.records().isEmpty() && s.completed() == 0) {
            // a fresh start (reset, a lesson opened): ask everything again
            attempts.clear();
        }
        keyPrefix = s.lessonId() + "|" + s.iteration() + "|";
        List<PredictQuestion> candidates = PredictQuestions.ofLastStage(s, s.screen().sample());
        List<PredictQuestion> picked = new ArrayList<>(choice.get().pick(candidates));
        for (PredictQuestion q : candidates) {
            if (!picked.contains(q) && isWanted(q, s.layerCount() - 1)) {
                picked.add(q);
            }
        }
        asked = List.copyOf(picked);
        for (PredictQuestion q : asked) {
            attempts.computeIfAbsent(key(q), k -> new Attempt());
        }
        publish(null);
    }

    /** Another value asked and still open that {@code q}'s hint tells ({@link PredictFeedback#tells}): its name, or null. */
    private String pendingIn(PredictQuestion q) {
        for (PredictQuestion p : asked) {
            Attempt a = attempts.get(key(p));
            if (p != q && !a.right && !a.revealed && PredictFeedback.tells(q.hint(), p)) {
                return p.name();
            }
        }
        return null;
    }

    private void publish(Map<Integer, Phrase> refused) {
        List<PredictSnapshot.Row> rows = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            PredictQuestion q = asked.get(i);
            Attempt a = attempts.get(key(q));
            rows.add(PredictFeedback.row(q, a.typed, a.tries, a.right, a.hint, a.revealed,
                    refused == null ? null : refused.get(i), pendingIn(q)));
        }
        snapshot.set(new PredictSnapshot(on.get(), rows, true));
    }
}
