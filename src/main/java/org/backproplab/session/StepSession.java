package org.backproplab.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.engine.Parameter;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;

/**
 * The view-model of the stepping tab. Its engine ({@link StepEngine}) lives on the worker thread;
 * after each command it copies what the tab shows into a {@link StepSnapshot} whose
 * {@link StepScreen} is ready to draw (graph, inspector, texts), and publishes only the newest.
 *
 * <p>Commands return at once. Each validates its input first: a refused value changes nothing and
 * sets a message the tab shows beside the control ({@link #learningRateErrorProperty()},
 * {@link #editErrorProperty()}) or a {@link #noticeProperty() notice}. Commands that change what
 * a control shows (selection, sample, speed) are called on the FX thread.
 */
public final class StepSession extends WorkerSession<StepSnapshot> {
    /** Most iterations a handout walks through. */
    public static final int HANDOUT_LIMIT = 10_000;

    private final Executor fx;
    private final StepEngine engine;
    private long version;
    // chosen on the FX thread, read by the worker when it builds the screen
    private volatile Choice choice = new Choice(null, 0);

    /** The item selected and the sample shown, set together so the worker never reads half of it. */
    private record Choice(GraphItem item, int sample) { }

    private final ReadOnlyObjectWrapper<GraphItem> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyIntegerWrapper sample = new ReadOnlyIntegerWrapper(this, "sample");
    private final ReadOnlyIntegerWrapper sampleCount = new ReadOnlyIntegerWrapper(this, "sampleCount", 1);
    private final ReadOnlyObjectWrapper<String> lessonId = new ReadOnlyObjectWrapper<>(this, "lessonId");
    private final StepOptions options;
    private final ReadOnlyObjectWrapper<Phrase> editError = new ReadOnlyObjectWrapper<>(this, "editError");
    private final ReadOnlyObjectWrapper<Speed> speed = new ReadOnlyObjectWrapper<>(this, "speed", Speed.ITERATIONS_100);
    private final PredictSession predict = new PredictSession(this);
    private final StepExports exports;

    /** {@code worker}: the single thread that runs the engine; {@code fx}: Platform::runLater in the app. */
    public StepSession(Worker worker, Executor fx) {
        super(worker, fx);
        this.fx = fx;
        this.engine = new StepEngine(worker, this::post, this::stopPlaying);
        this.options = new StepOptions(fx, this::submit, this::open, this::post, engine);
        this.exports = new StepExports(engine, this::submit, this::post, predict::progressOf);
        options.experiments.keepPredictChoice(fx, () -> predict.choiceProperty().get(), predict::setChoice);
        withCurves(() -> submit(engine::clearRuns), "iteration", s -> s.screen() == null ? null : s.screen().runs());
        snapshotProperty().addListener((o, a, s) -> {
            if (s != null && s.screen() != null) {
                sampleCount.set(s.screen().sampleCount());
                lessonId.set(s.screen().lessonId());
                options.follow(s.screen());
            }
        });
    }

    // ---- what the controls show ---------------------------------------------------------

    /** What is selected in the graph (the inspector shows it), or null. */
    public ReadOnlyObjectProperty<GraphItem> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** Which sample of the batch the graph shows. */
    public ReadOnlyIntegerProperty sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sampleCountProperty() { return sampleCount.getReadOnlyProperty(); }

    /** The lesson the picker shows, or null for a playground point. */
    public ReadOnlyObjectProperty<String> lessonIdProperty() {
        return lessonId.getReadOnlyProperty();
    }

    /** The bias mode's id: one of {@link #biasModes()}. */
    public ReadOnlyObjectProperty<String> biasModeProperty() {
        return options.biasMode.getReadOnlyProperty();
    }

    /** The learning rate as the field shows it. */
    public ReadOnlyObjectProperty<String> learningRateProperty() {
        return options.learningRate.getReadOnlyProperty();
    }

    /** Why the learning rate typed last was refused, or null. */
    public ReadOnlyObjectProperty<Phrase> learningRateErrorProperty() {
        return options.learningRateError.getReadOnlyProperty();
    }

    /** The optimizer's id: one of {@link #optimizers()}. */
    public ReadOnlyObjectProperty<String> optimizerProperty() {
        return options.optimizer.getReadOnlyProperty();
    }

    /** Predict, then reveal: the predict panel's view-model (FX thread). */
    public PredictSession predict() { return predict; }

    /** "Show as PyTorch" and "Show as NumPy": the program of the iteration shown. */
    public ShowAsCode code() { return options.code; }

    /** Save experiment and Open experiment: the tab's state in a file, and back. */
    public StepExperiments experiments() { return options.experiments; }

    /** Why the value typed last into the inspector was refused, or null. */
    public ReadOnlyObjectProperty<Phrase> editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Speed> speedProperty() { return speed.getReadOnlyProperty(); }

    public Speed getSpeed() { return speed.get(); }

    /** The lessons the picker offers (the playground's are opened from the playground). */
    public static List<String> lessonIds() {
        return Lessons.ids().stream().filter(id -> !Lessons.isPlayground(id)).toList();
    }

    /** The message key of a lesson's title. */
    public static String lessonTitleKey(String id) {
        return Lesson.titleKey(id);
    }

    /** The bias modes' ids (their labels are the keys "bias." + id). */
    public static List<String> biasModes() {
        return StepOptions.biasModes();
    }

    /** The optimizers' ids: sgd, momentum, adam (their labels are the keys "optimizer." + id). */
    public static List<String> optimizers() {
        return StepOptions.OPTIMIZERS;
    }

    // ---- commands ----------------------------------------------------------------------

    /** Opens a lesson from its starting weights; an unknown id is refused with a notice. */
    public void loadLesson(String id) {
        if (id == null || !Lessons.ids().contains(id)) {
            post(new Notice("step.error.unknownLesson", List.of(String.valueOf(id)), true));
            return;
        }
        open(() -> engine.open(Lessons.byId(id)));
    }

    /** Opens a lesson given as data (a playground point), from its own starting weights and settings. */
    public void loadLesson(Lesson custom) {
        open(() -> engine.open(custom));
    }

    /** Pauses, chooses nothing, then opens on the worker (a lesson, or an experiment). */
    private void open(Runnable opening) {
        pause();
        setChosen(null, 0);
        submit(opening);
    }

    /** Loads the playground's chosen point as a lesson, paused; completes with whether there was one. */
    public CompletableFuture<Boolean> stepLessonFrom(CompletableFuture<Optional<Lesson>> lesson) {
        // the lesson comes from the playground's worker: the command itself runs on the FX thread
        return lesson.thenApplyAsync(l -> {
            l.ifPresent(this::loadLesson);
            return l.isPresent();
        }, fx);
    }

    /**
     * The playground's "step through the chosen point" as a lesson, loaded here paused at its start;
     * then {@code then} runs on the FX thread (the shell shows this tab). None chosen: nothing happens.
     */
    public CompletableFuture<Boolean> stepChosenPointOf(PlaygroundSession playground, Runnable then) {
        return stepLessonFrom(playground.editor().lessonForChosenPoint()).thenApply(found -> {
            if (found) {
                then.run();
            }
            return found;
        });
    }

    /** Back to the same starting weights, keeping the chosen bias mode and learning rate. */
    public void reset() {
        pause();
        submit(engine::restart);
    }

    /** Runs the next stage of the iteration (forward through a layer, loss, backward, update). */
    public void nextStage() {
        pause();
        submit(engine::nextStage);
    }

    /** Runs the rest of the iteration. */
    public void wholeIteration() {
        pause();
        submit(engine::wholeIteration);
    }

    /** Undoes the last stage, edit or run. */
    public void back() {
        pause();
        submit(engine::back);
    }

    public void setSpeed(Speed value) {
        if (value != null) {
            speed.set(value);
            engine.speed = value;
        }
    }

    /** Sets the learning rate typed from the next update on (undoable); refused unless in (0, 1000]. Returns if taken. */
    public boolean setLearningRate(String text) {
        return options.setLearningRate(text);
    }

    /** {@link #setLearningRate(String)} for a number. */
    public boolean setLearningRate(double value) {
        return setLearningRate(Double.toString(value));
    }

    /** Sets every layer's bias mode (none, frozen, trained) from the next iteration on (undoable). */
    public void setBiasMode(String id) {
        options.setBiasMode(id);
    }

    /**
     * Chooses the optimizer (sgd; momentum, mu 0.9; adam, torch.optim's defaults) at the learning rate
     * shown and starts the lesson again from its starting weights; an unknown id: a notice.
     */
    public void setOptimizer(String id) {
        pause();
        options.setOptimizer(id);
    }

    /** Selects an item of the graph (null: nothing); an input or target is taken from the sample shown. */
    public void select(GraphItem item) {
        StepSnapshot s = getSnapshot();
        boolean known = item == null || s == null || (s.screen() != null && s.screen().maps() != null
                ? s.screen().maps().has(item) : item.isIn(s.layerSizes()));
        if (!known) {
            post(new Notice("step.error.noSuchItem", List.of(item.kind().name().toLowerCase(java.util.Locale.ROOT) + " ("
                    + item.layer() + ", " + item.row() + ", " + item.col() + ")"), true));
            return;
        }
        setChosen(item == null ? null : item.forSample(sample.get()), sample.get());
        submit(() -> { });
    }

    /** Shows sample {@code k} (0-based) of the batch; refused when the lesson has no such sample. */
    public void chooseSample(int k) {
        if (k < 0 || k >= sampleCount.get()) {
            post(new Notice("step.error.sample", List.of(k + 1), true));
            return;
        }
        GraphItem item = selection.get();
        setChosen(item == null ? null : item.forSample(k), k);
        submit(() -> { });
    }

    private void setChosen(GraphItem item, int k) {
        choice = new Choice(item, k);
        fx.execute(() -> {
            boolean changed = item == null ? selection.get() != null : !item.equals(selection.get());
            if (changed) {
                editError.set(null);
            }
            selection.set(item);
            sample.set(k);
        });
    }

    /**
     * Sets the selected weight, bias, input or target to the number typed (undoable); refused
     * unless it is a finite number of magnitude at most {@link NumberInput#LIMIT}. Returns whether
     * it was taken (nothing editable selected: false, with no message).
     */
    public boolean edit(String text) {
        GraphItem item = selection.get();
        if (item == null || !item.editable()) {
            return false;
        }
        NumberInput.Result r = NumberInput.parameter(text);
        return switch (item.kind()) {
            case WEIGHT -> editValue(r,
                    v -> engine.editParameter(Parameter.weightsName(item.layer()), item.row(), item.col(), v));
            case BIAS -> editValue(r, v -> engine.editParameter(Parameter.biasName(item.layer()), item.row(), 0, v));
            case INPUT -> editValue(r, v -> engine.editInput(item.row(), item.col(), v));
            case TARGET -> editValue(r, v -> engine.editTarget(item.row(), item.col(), v));
            case NEURON -> false;
        };
    }

    /**
     * Sets W or b of a layer ("W1", "b2", ...) at (row, col), undoable; a value {@link #edit} would refuse is
     * refused the same way, and an unknown name or place becomes an error notice. Whether it was taken.
     */
    public boolean editParameter(String name, int row, int col, double value) {
        return editValue(NumberInput.parameter(value), v -> engine.editParameter(name, row, col, v));
    }

    /** Sets input {@code col} of training sample {@code row}, as {@link #editParameter} sets a weight. */
    public boolean editInput(int row, int col, double value) {
        return editValue(NumberInput.parameter(value), v -> engine.editInput(row, col, v));
    }

    /** Sets target {@code col} of training sample {@code row}, as {@link #editParameter} sets a weight. */
    public boolean editTarget(int row, int col, double value) {
        return editValue(NumberInput.parameter(value), v -> engine.editTarget(row, col, v));
    }

    /** Shows why {@code r} was refused (or clears the last reason) and, if it was taken, submits {@code change}. */
    private boolean editValue(NumberInput.Result r, java.util.function.DoubleConsumer change) {
        Phrase error = r.ok() ? null : Phrase.key(r.errorKey(), String.valueOf((long) NumberInput.LIMIT));
        fx.execute(() -> editError.set(error));
        if (r.ok()) {
            submit(() -> change.accept(r.value()));
        }
        return r.ok();
    }

    /**
     * A Markdown handout of {@code iterations} (1 to {@link #HANDOUT_LIMIT}) iterations from the state shown, edits
     * included, in {@code words} (a message key and its arguments to the UI language's text); reports with a notice.
     */
    public void exportHandout(Path file, int iterations, String title,
            java.util.function.BiFunction<String, Object[], String> words) {
        exports.handout(file, iterations, title, words);
    }

    /** The exercise sheet (or its key) of the iteration shown, as edited: see {@link StepExports#exercise}. */
    public void exportExercise(Path file, int iterations, String language, boolean answers, String title) {
        exports.exercise(file, iterations, language, answers, title);
    }

    // ---- worker ------------------------------------------------------------------------

    @Override
    protected long playChunk() {
        try {
            long delay = engine.playChunk(() -> play);
            publish();
            return delay;
        } catch (RuntimeException e) {
            stopWithError(e);
            return -1;
        }
    }

    private void stopWithError(RuntimeException e) {
        stopPlaying();
        post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
        try {
            if (engine.isOpen()) {
                publish();
            }
        } catch (RuntimeException ignored) {
            // the error notice is already posted; keep the last good snapshot on screen
        }
    }

    private void submit(Runnable command) {
        worker.execute(() -> {
            try {
                if (!engine.isOpen()) {
                    engine.open(Lessons.byId(Lessons.WORKED_2_2_2));
                }
                command.run();
                publish();
            } catch (RuntimeException e) {
                stopWithError(e);
            }
        });
    }

    private void publish() {
        publishSnapshot(engine.snapshot(++version, play, choice.sample(), choice.item()));
    }

    @Override
    protected void afterPause() {
        submit(() -> { });
    }
}
