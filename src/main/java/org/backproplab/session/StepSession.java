package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;

/**
 * The view-model of the stepping window. It owns the engine (a {@link Trainer} and a
 * {@link Stepper}) and touches it only on its worker thread; after each command it copies what
 * the views need into a {@link StepSnapshot} and publishes only the newest one to the FX thread.
 *
 * <p>Commands (next stage, back, edits, play, ...) may be called from any thread; they queue work
 * for the worker and return at once, so the window never waits for training.
 */
public final class StepSession extends WorkerSession<StepSnapshot> {
    /** Largest network for which finite-difference estimates of every gradient are computed. */
    private static final int NUMERIC_GRADIENT_LIMIT = 2000;
    private static final long FRAME_NANOS = 16_000_000L;



    // worker-thread state
    private Lesson lesson;
    private Trainer trainer;
    private Stepper stepper;
    private BiasMode biasMode;
    private double learningRate;
    private final LossHistory history = new LossHistory(4096);
    private long version;
    private volatile Speed speed = Speed.ITERATIONS_100;
    private Map<String, ImmutableMatrix> numericCache = Map.of();
    private Checkpoint numericFor;

    /**
     * @param worker the single thread that runs the engine
     * @param fx     runs a task on the FX thread (Platform::runLater in the app)
     */
    public StepSession(Worker worker, Executor fx) {
        super(worker, fx);
    }

    public Speed getSpeed() {
        return speed;
    }

    public void setSpeed(Speed speed) {
        this.speed = speed;
    }

    // ---- commands ----------------------------------------------------------------------

    /** Opens a lesson from its starting weights. */
    public void loadLesson(String id) {
        pause();
        submit(() -> {
            Lesson l = Lessons.byId(id);
            lesson = l;
            biasMode = defaultBiasMode(l);
            learningRate = l.optimizer().learningRate();
            restart();
        });
    }

    /**
     * Opens a lesson given as data (the playground's network on one of its points), from its
     * own starting weights and settings.
     */
    public void loadLesson(Lesson custom) {
        pause();
        submit(() -> {
            lesson = custom;
            biasMode = defaultBiasMode(custom);
            learningRate = custom.optimizer().learningRate();
            restart();
        });
    }

    /** Back to the same starting weights, keeping the chosen bias mode and learning rate. */
    public void reset() {
        pause();
        submit(this::restart);
    }

    public void nextStage() {
        pause();
        submit(() -> {
            StageRecord r = stepper.next();
            if (r instanceof UpdateRecord) {
                addLoss();
            }
        });
    }

    public void wholeIteration() {
        pause();
        submit(() -> {
            stepper.finishIteration();
            addLoss();
        });
    }

    /** Undoes the last stage, edit or run. */
    public void back() {
        pause();
        submit(() -> {
            if (!stepper.back()) {
                post(new Notice("notice.nothingToUndo", List.of(), false));
            }
            history.truncateAfter(trainer.iteration());
        });
    }

    /** Sets the learning rate from the next update on (undoable). */
    public void setLearningRate(double value) {
        submit(() -> {
            double old = learningRate;
            if (old == value) {
                return;
            }
            stepper.change(() -> setRate(value), () -> setRate(old));
        });
    }

    private void setRate(double value) {
        learningRate = value;
        trainer.optimizer().setLearningRate(value);
    }

    /** Sets every layer's bias mode from the next iteration on (undoable). */
    public void setBiasMode(BiasMode mode) {
        submit(() -> {
            BiasMode old = biasMode;
            if (old == mode) {
                return;
            }
            if (!stepper.atIterationStart()) {
                // finish the iteration in progress with the old mode, as the next one uses the new
                stepper.finishIteration();
                addLoss();
            }
            stepper.change(() -> applyBiasMode(mode), () -> applyBiasMode(old));
        });
    }

    private void applyBiasMode(BiasMode mode) {
        biasMode = mode;
        for (Layer l : trainer.network().layers()) {
            if (l instanceof DenseLayer d) {
                d.setBiasMode(mode);
            }
        }
    }

    /** Sets W or b of a layer (name "W1", "b2", ...) at (row, col); undoable. */
    public void editParameter(String name, int row, int col, double value) {
        submit(() -> {
            Network net = trainer.network();
            net.parameter(name); // an unknown name is refused here, with the name in the message
            double old = stepper.currentStart().parameters().get(name).get(row, col);
            stepper.change(() -> net.setParameterValue(name, row, col, value),
                    () -> net.setParameterValue(name, row, col, old));
        });
    }

    /** Sets input {@code col} of training sample {@code row}; undoable. */
    public void editInput(int row, int col, double value) {
        submit(() -> {
            double old = trainer.input(row, col);
            stepper.change(() -> trainer.setInput(row, col, value), () -> trainer.setInput(row, col, old));
        });
    }

    /** Sets target {@code col} of training sample {@code row}; undoable. */
    public void editTarget(int row, int col, double value) {
        submit(() -> {
            double old = trainer.target(row, col);
            stepper.change(() -> trainer.setTarget(row, col, value), () -> trainer.setTarget(row, col, old));
        });
    }

    /**
     * Runs {@code task} on the worker with the current lesson (as edited) and the settings, for
     * exports that need the engine; errors become a notice.
     */
    public void withLesson(java.util.function.Consumer<Lesson> task) {
        submit(() -> task.accept(currentLesson()));
    }

    /** The lesson with the chosen bias mode, learning rate and the edited samples. */
    private Lesson currentLesson() {
        Lesson l = lesson.withBiasMode(biasMode).withLearningRate(learningRate);
        return new Lesson(l.id(), l.network(), l.optimizer(), l.regularization(), l.batchSize(), l.epochs(), l.seed(),
                trainer.samples(), l.test(), l.classification());
    }

    // ---- worker ------------------------------------------------------------------------

    private static BiasMode defaultBiasMode(Lesson l) {
        return l.network().layers().get(0).biasMode();
    }

    private void restart() {
        trainer = lesson.withBiasMode(biasMode).withLearningRate(learningRate).newTrainer();
        stepper = new Stepper(trainer, 100_000);
        history.clear();
        numericFor = null;
    }

    private void addLoss() {
        for (StageRecord r : stepper.currentRecords()) {
            if (r instanceof LossRecord l) {
                history.add(stepper.currentIteration() + 1, l.total());
            }
        }
    }

    @Override
    protected long playChunk() {
        try {
            Speed s = speed;
            long delayNanos;
            if (!s.wholeIterations()) {
                StageRecord r = stepper.next();
                if (r instanceof UpdateRecord) {
                    addLoss();
                }
                delayNanos = 1_000_000_000L / s.perSecond();
            } else if (s == Speed.MAX) {
                long start = worker.nanoTime();
                int n = 16;
                while (worker.nanoTime() - start < FRAME_NANOS * 3 / 4 && play) {
                    if (!runBlock(n)) {
                        break;
                    }
                    n = Math.min(n * 2, 4096);
                }
                delayNanos = 0;
            } else {
                long per = 1_000_000_000L / s.perSecond();
                int n = (int) Math.max(1, FRAME_NANOS / per);
                runBlock(n);
                delayNanos = n * per;
            }
            publish();
            return delayNanos;
        } catch (RuntimeException e) {
            stopWithError(e);
            return -1;
        }
    }

    /** Runs n iterations; returns false (and pauses) when the loss or a weight stopped being finite. */
    private boolean runBlock(int n) {
        double[] losses = stepper.runIterations(n);
        long firstNumber = trainer.iteration() - losses.length + 1;
        for (int i = 0; i < losses.length; i++) {
            history.add(firstNumber + i, losses[i]);
            if (!Double.isFinite(losses[i])) {
                return diverged(firstNumber + i, "notice.divergedLoss", losses[i]);
            }
        }
        for (Map.Entry<String, ImmutableMatrix> e : trainer.network().copyParameters().entrySet()) {
            if (!e.getValue().isFinite()) {
                return diverged(trainer.iteration(), "notice.divergedWeight", e.getKey());
            }
        }
        return true;
    }

    private boolean diverged(long iteration, String key, Object what) {
        stopPlaying();
        post(new Notice(key, List.of(iteration, String.valueOf(what)), true));
        return false;
    }

    private void stopWithError(RuntimeException e) {
        stopPlaying();
        post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
        publishSafely();
    }

    private void submit(Runnable command) {
        worker.execute(() -> {
            try {
                if (lesson == null && trainer == null) {
                    lesson = Lessons.byId(Lessons.WORKED_2_2_2);
                    biasMode = defaultBiasMode(lesson);
                    learningRate = lesson.optimizer().learningRate();
                    restart();
                }
                command.run();
                publish();
            } catch (RuntimeException e) {
                stopWithError(e);
            }
        });
    }

    private void publishSafely() {
        try {
            if (trainer != null) {
                publish();
            }
        } catch (RuntimeException ignored) {
            // the error notice is already posted; keep the last good snapshot on screen
        }
    }

    private void publish() {
        Network net = trainer.network();
        List<String> activations = new ArrayList<>();
        for (Layer l : net.layers()) {
            activations.add(l.activation().id());
        }
        org.backproplab.engine.Samples samples = trainer.samples();
        StepSnapshot s = new StepSnapshot(lesson.id(), org.backproplab.lesson.Naming.layerSizes(net), activations, stepper.currentIteration() + 1,
                trainer.iteration(), stepper.currentRecords(), stepper.nextStage(), net.copyParameters(),
                samples.inputs(), samples.targets(), learningRate, biasMode, trainer.optimizer().id(),
                net.loss().id(), play ? Map.of() : numericGradients(), history.copy(), stepper.canGoBack(),
                ++version);
        publishSnapshot(s);
    }

    /** Finite-difference estimates at the current iteration's start, on the current batch. */
    private Map<String, ImmutableMatrix> numericGradients() {
        Checkpoint start = stepper.currentStart();
        if (start.equals(numericFor)) {
            return numericCache;
        }
        Network net = trainer.network();
        int count = net.parameters().stream().mapToInt(Parameter::size).sum();
        if (count > NUMERIC_GRADIENT_LIMIT || stepper.currentInputs() == null) {
            return Map.of();
        }
        Network copy = net.copy();
        copy.restoreParameters(start.parameters());
        GradientCheck.Result r = GradientCheck.check(copy, stepper.currentInputs().toMatrix(),
                stepper.currentTargets().toMatrix(), trainer.regularization(), 1e-6);
        Map<String, double[][]> values = new java.util.HashMap<>();
        for (Parameter p : copy.parameters()) {
            values.put(p.name(), new double[p.rows()][p.cols()]);
        }
        for (GradientCheck.Entry e : r.entries()) {
            values.get(e.parameter())[e.row()][e.col()] = e.numeric();
        }
        Map<String, ImmutableMatrix> out = new java.util.HashMap<>();
        values.forEach((k, v) -> out.put(k, ImmutableMatrix.of(v)));
        numericCache = Map.copyOf(out);
        numericFor = start;
        return numericCache;
    }



    @Override
    protected void afterPause() {
        submit(() -> { });
    }
}
