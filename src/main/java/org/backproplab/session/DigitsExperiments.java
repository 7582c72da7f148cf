package org.backproplab.session;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.backproplab.io.ExperimentFile;

/**
 * The digits tab's Save experiment and Open experiment, for {@link DigitsSession}: the preset, the
 * training settings, every parameter, the optimizer's memory, the epoch and batch reached and the
 * curves go to one file (docs/EXPERIMENT-FORMAT.md); opened, training goes on from exactly there.
 * Training pauses first; a file is read and checked in full on the worker before anything changes,
 * and a refused one changes nothing and is named in a notice with the place and the reason.
 */
public final class DigitsExperiments {
    private final Runnable pause;
    /** Runs a command on the worker, then publishes. */
    private final Consumer<Runnable> worker;
    private final Consumer<Notice> post;
    /** Worker: where training is, or null when there is nothing to save (said why). */
    private final Supplier<ExperimentFile.Experiment> state;
    /** Worker: goes on from a checked experiment read from the file. */
    private final BiConsumer<ExperimentFile.Experiment, Path> open;

    DigitsExperiments(Runnable pause, Consumer<Runnable> worker, Consumer<Notice> post,
            Supplier<ExperimentFile.Experiment> state, BiConsumer<ExperimentFile.Experiment, Path> open) {
        this.pause = pause;
        this.worker = worker;
        this.post = post;
        this.state = state;
        this.open = open;
    }

    /** Writes where training is to {@code file}, atomically (training pauses first); says so, or why not. */
    public void save(Path file) {
        if (file == null) {
            return;
        }
        pause.run();
        worker.accept(() -> {
            ExperimentFile.Experiment e = state.get();
            if (e != null) {
                ExperimentNotices.save(file, e, post);
            }
        });
    }

    /** Opens the digits experiment in {@code file}; a refused file leaves the tab as it was and says why. */
    public void open(Path file) {
        if (file == null) {
            return;
        }
        pause.run();
        worker.accept(() -> {
            ExperimentFile.Experiment e = ExperimentNotices.load(file, ExperimentFile.DIGITS, post);
            if (e != null) {
                open.accept(e, file);
            }
        });
    }
}
