package org.backproplab.session;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.engine.BiasMode;

/**
 * The stepping tab's settings (bias mode, learning rate, optimizer): what the controls show and
 * the checks of their commands, for {@link StepSession}. A refused value changes nothing and
 * sets a message or a notice; an accepted one is handed to the {@link StepEngine} on the worker.
 */
final class StepOptions {
    /** The optimizers the tab offers (their labels are the keys "optimizer." + id). */
    static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam");
    private static final String LR_LIMIT = "1000";

    private final Executor fx;
    private final Consumer<Runnable> submit;
    private final Consumer<Notice> post;
    private final StepEngine engine;
    final ReadOnlyObjectWrapper<String> biasMode = new ReadOnlyObjectWrapper<>(this, "biasMode");
    final ReadOnlyObjectWrapper<String> learningRate = new ReadOnlyObjectWrapper<>(this, "learningRate", "");
    final ReadOnlyObjectWrapper<Phrase> learningRateError = new ReadOnlyObjectWrapper<>(this, "lrError");
    final ReadOnlyObjectWrapper<String> optimizer = new ReadOnlyObjectWrapper<>(this, "optimizer");
    /** The network shown as PyTorch or NumPy, written from the iteration the stepper is in. */
    final ShowAsCode code;
    /** Save experiment and Open experiment. */
    final StepExperiments experiments;

    StepOptions(Executor fx, Consumer<Runnable> submit, Consumer<Runnable> open, Consumer<Notice> post, StepEngine engine) {
        this.fx = fx;
        this.submit = submit;
        this.post = post;
        this.engine = engine;
        this.experiments = new StepExperiments(submit, open, post, engine);
        this.code = new ShowAsCode(submit::accept, fx,
                () -> org.backproplab.io.CodeSetup.atNextStep(engine.lesson().id(), engine.stepper()));
    }

    static List<String> biasModes() {
        return Arrays.stream(BiasMode.values()).map(BiasMode::id).toList();
    }

    /** The controls follow a new screen (called on the FX thread). */
    void follow(StepScreen screen) {
        biasMode.set(screen.biasMode());
        learningRate.set(screen.learningRate());
        optimizer.set(screen.optimizer());
    }

    boolean setLearningRate(String text) {
        NumberInput.Result r = NumberInput.learningRate(text);
        if (!r.ok()) {
            fx.execute(() -> learningRateError.set(Phrase.key(r.errorKey(), LR_LIMIT)));
            return false;
        }
        fx.execute(() -> learningRateError.set(null));
        submit.accept(() -> engine.setLearningRate(r.value()));
        return true;
    }

    void setBiasMode(String id) {
        if (!biasModes().contains(id)) {
            post.accept(new Notice("step.error.biasMode", List.of(String.valueOf(id)), true));
            return;
        }
        submit.accept(() -> engine.setBiasMode(BiasMode.fromId(id)));
    }

    void setOptimizer(String id) {
        if (!OPTIMIZERS.contains(id)) {
            post.accept(new Notice("step.error.optimizer", List.of(String.valueOf(id)), true));
            return;
        }
        submit.accept(() -> engine.setOptimizer(id));
    }
}
