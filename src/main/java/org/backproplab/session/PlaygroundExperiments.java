package org.backproplab.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.backproplab.io.ExperimentFile;

/**
 * The playground's Save experiment and Open experiment, for {@link PlaygroundSession}: the set-up
 * (data or its generator and seed, features, network, output, optimizer, batch size,
 * regularisation, initialisation, seed), every weight and bias, the optimizer's memory, the epoch
 * and position reached and the loss curves go to one file; opened, training goes on from exactly
 * there. A file is read and checked on the worker before anything changes: a refused one changes
 * nothing and is named in a notice with the place and the reason.
 */
public final class PlaygroundExperiments {
    private final Executor worker;
    private final Executor fx;
    private final Consumer<Notice> post;
    private final Runnable pause;
    /** Runs a command on the training (worker), then publishes. */
    private final Consumer<Consumer<PlaygroundTraining>> training;
    /** Puts an experiment's set-up in the controls and opens it in the training (called on the FX thread). */
    private final Consumer<ExperimentFile.Experiment> apply;

    PlaygroundExperiments(Executor worker, Executor fx, Consumer<Notice> post, Runnable pause,
            Consumer<Consumer<PlaygroundTraining>> training, Consumer<ExperimentFile.Experiment> apply) {
        this.worker = worker;
        this.fx = fx;
        this.post = post;
        this.pause = pause;
        this.training = training;
        this.apply = apply;
    }

    /** Writes where training is to {@code file}, atomically (training pauses first); says so, or why not. */
    public void save(Path file) {
        if (file == null) {
            return;
        }
        pause.run();
        training.accept(t -> ExperimentNotices.save(file, t.experiment(), post));
    }

    /** Opens the experiment in {@code file}; a refused file leaves the playground as it was and says why. */
    public void open(Path file) {
        if (file == null) {
            return;
        }
        worker.execute(() -> {
            ExperimentFile.Experiment e = ExperimentNotices.load(file, ExperimentFile.PLAYGROUND, post);
            if (e == null) {
                return;
            }
            fx.execute(() -> {
                pause.run();
                apply.accept(e);
                post.accept(new Notice("notice.experimentOpenedEpoch", List.of(String.valueOf(file.getFileName()),
                        e.start().epoch()), false));
            });
        });
    }
}
