package org.backproplab.session;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.backproplab.io.ExperimentFile;

/**
 * The stepping tab's Save experiment and Open experiment, for {@link StepSession}: the lesson, its
 * settings and samples, the state in the middle of an iteration and the loss curve go to one file
 * (docs/EXPERIMENT-FORMAT.md); opened, the tab is exactly where it was, and the next stage gives
 * the numbers it would have given. A file refused (broken, from a newer version, of another tab)
 * changes nothing and is named in a notice with the place and the reason.
 */
public final class StepExperiments {
    private final Consumer<Runnable> submit;
    /** Pauses, forgets the selection, then runs the opening on the worker. */
    private final Consumer<Runnable> open;
    private final Consumer<Notice> post;
    private final StepEngine engine;
    // predict mode's questions as the teacher chose them: read and set on the FX thread
    private java.util.function.Supplier<PredictChoice> predictChoice = () -> null;
    private Consumer<PredictChoice> usePredictChoice = c -> { };
    private java.util.concurrent.Executor fx = Runnable::run;

    StepExperiments(Consumer<Runnable> submit, Consumer<Runnable> open, Consumer<Notice> post, StepEngine engine) {
        this.submit = submit;
        this.open = open;
        this.post = post;
        this.engine = engine;
    }

    /** Predict mode's choice of questions is saved with an experiment and set again when one is opened. */
    void keepPredictChoice(java.util.concurrent.Executor onFx, java.util.function.Supplier<PredictChoice> read,
            Consumer<PredictChoice> use) {
        this.fx = onFx;
        this.predictChoice = read;
        this.usePredictChoice = use;
    }

    /** Writes where the tab is to {@code file}, atomically; says so, or why not, in a notice. */
    public void save(Path file) {
        if (file == null) {
            return;
        }
        PredictChoice choice = predictChoice.get();
        submit.accept(() -> {
            ExperimentFile.Experiment e;
            try {
                e = engine.experiment().withPredict(choice == null ? null : choice.toFile());
            } catch (IllegalStateException ex) {
                post.accept(new Notice("notice.experimentNotSavable", List.of(), true));
                return;
            }
            ExperimentNotices.save(file, e, post);
        });
    }

    /** Opens the experiment in {@code file}; a refused file leaves the tab as it was and says why. */
    public void open(Path file) {
        if (file == null) {
            return;
        }
        open.accept(() -> {
            ExperimentFile.Experiment e = ExperimentNotices.load(file, ExperimentFile.STEP, post);
            if (e == null) {
                return;
            }
            PredictChoice choice;
            try {
                choice = e.predict() == null ? null : PredictChoice.fromFile(e.predict());
            } catch (IllegalArgumentException ex) {
                post.accept(new Notice("notice.experimentRefused", List.of(file + ", field \"predict.kinds\": "
                        + ex.getMessage()), true));
                return;
            }
            engine.open(e);
            if (choice != null) {
                fx.execute(() -> usePredictChoice.accept(choice));
            }
            post.accept(new Notice("notice.experimentOpened", List.of(String.valueOf(file.getFileName()),
                    e.start().iteration() + 1), false));
        });
    }

    /**
     * The tab an experiment file was saved from ("step", "playground", "digits"), read from its
     * "tab" field without checking the rest; null when the file cannot be read as one (opening it
     * then says why).
     */
    public static String tabOf(Path file) {
        return ExperimentFile.tabOf(file);
    }
}
