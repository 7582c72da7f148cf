package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * The runs a chart compares, as TensorBoard keeps them: when the set-up changes (a reset, a new
 * lesson, a new learning rate...) the curves so far are kept as a run labelled with its settings,
 * until {@link #clear()}. Confined to the session's worker thread; {@link #with} makes what a
 * snapshot may hold.
 */
public final class CurveRuns {
    /** At most this many runs are kept; the oldest goes first. */
    public static final int MAX_KEPT = 9;

    /** One setting of a run: a message key ("lr {0}") and its value (a text or a {@link Phrase}). */
    public record Setting(String key, Object value) {
    }

    /**
     * A run: its number (from 1, since the last clear), its settings, its curves; {@code current}
     * for the run still training.
     */
    public record Run(int number, List<Setting> settings, LossHistory.Curve train, LossHistory.Curve test,
            boolean current) {
        public Run {
            settings = List.copyOf(settings);
        }
    }

    static final String LESSON = "curves.set.lesson";
    private static final List<String> MAIN = List.of("curves.set.lr", "curves.set.batch");

    private final List<Run> kept = new ArrayList<>();
    private int next = 1;

    /** Keeps the curves so far as a run with {@code settings}, unless they hold no point. */
    void keep(List<Setting> settings, LossHistory.Curve train, LossHistory.Curve test) {
        if (train.size() == 0 && test.size() == 0) {
            return;
        }
        kept.add(new Run(next++, settings, train, test, false));
        if (kept.size() > MAX_KEPT) {
            kept.remove(0);
        }
    }

    /** Forgets every kept run; the current one becomes run 1. */
    void clear() {
        kept.clear();
        next = 1;
    }

    /** The kept runs and then the current one. */
    List<Run> with(List<Setting> settings, LossHistory.Curve train, LossHistory.Curve test) {
        List<Run> out = new ArrayList<>(kept);
        out.add(new Run(next, settings, train, test, true));
        return List.copyOf(out);
    }

    /** A playground run's settings: the lesson, then what can change. */
    static List<Setting> playground(String lessonId, PlaygroundSpec s) {
        StringBuilder net = new StringBuilder().append(s.features().size());
        List<String> activations = new ArrayList<>();
        for (PlaygroundSpec.Hidden h : s.hidden()) {
            net.append('-').append(h.size());
            if (!activations.contains(h.activation().id())) {
                activations.add(h.activation().id());
            }
        }
        net.append('-').append(s.outputs());
        if (!activations.isEmpty()) {
            net.append(' ').append(String.join("/", activations));
        }
        String data = s.custom() != null ? s.custom().train().size() + s.custom().test().size() + " pts"
                : String.format(Locale.ROOT, "%s %d/%s/%d", s.shape().id(), s.points(), Naming.number(s.noise()),
                        s.dataSeed());
        String reg = s.regularization().kind() == org.backproplab.engine.Regularization.Kind.NONE ? "-"
                : s.regularization().id() + " " + Naming.number(s.regularization().rate());
        return List.of(new Setting(LESSON, Phrase.key(PlaygroundChoices.lessonTitleKey(lessonId))),
                new Setting("curves.set.lr", Naming.number(s.optimizer().learningRate())),
                new Setting("curves.set.batch", s.batchSize() == 0 ? Phrase.key("pg.batchAll") : String.valueOf(s.batchSize())),
                new Setting("curves.set.optimizer", Phrase.key("optimizer." + PlaygroundChoices.optimizerId(s.optimizer()))),
                new Setting("curves.set.network", net.toString()),
                new Setting("curves.set.output", Phrase.key("output." + s.output().id())),
                new Setting("curves.set.reg", reg),
                new Setting("curves.set.init", s.init().id()),
                new Setting("curves.set.seed", String.valueOf(s.seed())),
                new Setting("curves.set.data", data));
    }

    /** A digits run's settings: the preset, its learning rate, batch and optimizer. */
    static List<Setting> digits(String presetId) {
        org.backproplab.lesson.MnistLessons.Preset p = org.backproplab.lesson.MnistLessons.byId(presetId);
        return List.of(new Setting(LESSON, Phrase.key("digits." + presetId)),
                new Setting("curves.set.lr", Naming.number(p.optimizer().learningRate())),
                new Setting("curves.set.batch", String.valueOf(p.batchSize())),
                new Setting("curves.set.optimizer", Phrase.key("optimizer." + PlaygroundChoices.optimizerId(p.optimizer()))));
    }

    /** A stepping run's settings: the lesson, the learning rate, the optimizer and the bias mode. */
    static List<Setting> step(String lessonTitleKey, double learningRate, String optimizer, String biasMode) {
        return List.of(new Setting(LESSON, Phrase.key(lessonTitleKey)),
                new Setting("curves.set.lr", Naming.number(learningRate)),
                new Setting("curves.set.optimizer", Phrase.key("optimizer." + optimizer)),
                new Setting("curves.set.bias", Phrase.key("bias." + biasMode)));
    }

    /**
     * Each run's label: the settings in which the runs differ ("lr 0.1", "batch 10"); the lesson
     * only when nothing else differs; the learning rate and batch when nothing differs at all; and
     * "(run n)" after a label two runs share.
     */
    public static List<Phrase> labels(List<Run> runs) {
        List<Integer> shown = new ArrayList<>();
        int width = runs.stream().mapToInt(r -> r.settings().size()).min().orElse(0);
        boolean lessonDiffers = false;
        for (int i = 0; i < width; i++) {
            if (differs(runs, i)) {
                if (LESSON.equals(runs.get(0).settings().get(i).key())) {
                    lessonDiffers = true;
                } else {
                    shown.add(i);
                }
            }
        }
        if (shown.isEmpty()) {
            for (int i = 0; i < width; i++) {
                String key = runs.get(0).settings().get(i).key();
                if (lessonDiffers ? LESSON.equals(key) : MAIN.contains(key)) {
                    shown.add(i);
                }
            }
        }
        List<Phrase> out = new ArrayList<>();
        for (Run r : runs) {
            Phrase p = Phrase.EMPTY;
            for (int i : shown) {
                Setting s = r.settings().get(i);
                p = (p.parts().isEmpty() ? p : p.then(" \u00b7 ")).thenKey(s.key(), s.value());
            }
            out.add(p);
        }
        List<Phrase> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            boolean shared = false;
            for (int j = 0; j < out.size(); j++) {
                shared |= i != j && out.get(i).equals(out.get(j));
            }
            numbered.add(shared ? out.get(i).thenKey("curves.runNumber", String.valueOf(runs.get(i).number())) : out.get(i));
        }
        return numbered;
    }

    private static boolean differs(List<Run> runs, int i) {
        for (Run r : runs) {
            if (!r.settings().get(i).equals(runs.get(0).settings().get(i))) {
                return true;
            }
        }
        return false;
    }
}
