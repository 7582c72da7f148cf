package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Samples;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.Naming;

/**
 * The stepping tab's engine state: a lesson, its {@link Trainer} and {@link Stepper}, the bias
 * mode and learning rate chosen, the loss history. Touched on the worker thread only (except
 * {@link #speed}, which the FX thread sets).
 */
final class StepEngine {
    private static final long FRAME_NANOS = 16_000_000L;

    private final Worker worker;
    private final Consumer<Notice> post;
    private final Runnable stopPlaying;
    private final LossHistory history = new LossHistory(4096);
    private final CurveRuns runs = new CurveRuns();
    private final NumericGradients numeric = new NumericGradients();
    private Lesson lesson;
    private Trainer trainer;
    private Stepper stepper;
    private BiasMode biasMode;
    private double learningRate;
    /** The optimizer chosen: sgd, momentum or adam. */
    private String optimizer;
    volatile Speed speed = Speed.ITERATIONS_100;

    StepEngine(Worker worker, Consumer<Notice> post, Runnable stopPlaying) {
        this.worker = worker;
        this.post = post;
        this.stopPlaying = stopPlaying;
    }

    boolean isOpen() {
        return trainer != null;
    }

    Lesson lesson() {
        return lesson;
    }

    Trainer trainer() {
        return trainer;
    }

    Stepper stepper() {
        return stepper;
    }

    BiasMode biasMode() {
        return biasMode;
    }

    double learningRate() {
        return learningRate;
    }

    LossHistory.Curve history() {
        return history.copy();
    }

    Map<String, ImmutableMatrix> numericGradients() {
        return numeric.at(trainer, stepper);
    }

    /** The state now, with what the tab draws of it for the sample shown and the item selected. */
    StepSnapshot snapshot(long version, boolean playing, int sample, GraphItem selected) {
        Network net = trainer.network();
        List<String> activations = new ArrayList<>();
        for (Layer l : net.layers()) {
            activations.add(l.activation().id());
        }
        Samples samples = trainer.samples();
        StepSnapshot s = new StepSnapshot(lesson.id(), Naming.layerSizes(net), activations,
                stepper.currentIteration() + 1, trainer.iteration(), stepper.currentRecords(), stepper.nextStage(),
                net.copyParameters(), samples.inputs(), samples.targets(), learningRate, biasMode,
                trainer.optimizer().id(), net.loss().id(), playing ? Map.of() : numericGradients(), history(),
                stepper.canGoBack(), version);
        int rows = samples.inputs().rows();
        int k = Math.min(sample, rows - 1);
        String id = s.lessonId();
        GraphSnapshot graph = null;
        InspectorSnapshot inspector;
        MapGraphSnapshot maps = null;
        if (MapLayout.hasMaps(net)) {
            MapLayout layout = MapLayout.of(net);
            maps = MapGraph.of(s, layout, k, selected);
            inspector = MapInspector.of(s, layout, k, selected);
        } else {
            graph = StepGraph.of(s, k, selected);
            inspector = StepInspector.of(s, selected);
        }
        return s.withScreen(new StepScreen(k, rows, selected, graph, inspector, StepTexts.stage(s, net),
                StepTexts.lessonText(id), Phrase.key(Lesson.titleKey(id)), Lessons.isPlayground(id) ? null : id,
                biasMode.id(), Naming.number(learningRate), maps, optimizer,
                runs.with(runSettings(), s.curve(), LossHistory.Curve.EMPTY)));
    }

    /** Opens a lesson with its own bias mode and learning rate, from its starting weights. */
    void open(Lesson l) {
        keepRun();
        lesson = l;
        biasMode = l.network().layers().get(0).biasMode();
        learningRate = l.optimizer().learningRate();
        optimizer = l.optimizer().create().id();
        restart();
    }

    /**
     * Where the tab is, as an experiment file holds it.
     *
     * @throws IllegalStateException when the lesson is not one of the app's (a playground point stepped
     *                               here with its own network): its file could not be reopened
     */
    ExperimentFile.Experiment experiment() {
        Lesson own = Lessons.ids().contains(lesson.id()) ? Lessons.byId(lesson.id()) : null;
        if (own == null || !own.withBiasMode(biasMode).network().equals(lesson.withBiasMode(biasMode).network())
                || !own.regularization().equals(lesson.regularization())) {
            throw new IllegalStateException("not a lesson of the app");
        }
        LossHistory.Curve c = history.copy();
        return ExperimentFile.of(ExperimentFile.STEP, lesson.id(), biasMode, lesson.seed(), stepper,
                new ExperimentFile.Curve(c.iterations(), c.losses()));
    }

    /** Opens an experiment exactly where it was left: its lesson, settings, samples, state and curve. */
    void open(ExperimentFile.Experiment e) {
        keepRun();
        Lesson l = ExperimentFile.lesson(e);
        lesson = l;
        biasMode = e.bias();
        learningRate = e.optimizer().learningRate();
        stepper = ExperimentFile.resume(e, 100_000);
        trainer = stepper.trainer();
        optimizer = trainer.optimizer().id();
        numeric.clear();
        for (int i = 0; i < e.curve().iterations().length; i++) {
            history.add(e.curve().iterations()[i], e.curve().losses()[i]);
        }
    }

    /** Back to the same starting weights, keeping the chosen bias mode and learning rate. */
    void restart() {
        keepRun();
        trainer = withSettings(lesson).newTrainer();
        stepper = new Stepper(trainer, 100_000);
        numeric.clear();
    }

    /** The lesson with the bias mode, optimizer and learning rate chosen. */
    private Lesson withSettings(Lesson l) {
        OptimizerSpec own = l.optimizer();
        OptimizerSpec spec = switch (optimizer) {
            case "momentum" -> own instanceof OptimizerSpec.Momentum ? own : new OptimizerSpec.Momentum(learningRate, 0.9);
            case "adam" -> own instanceof OptimizerSpec.Adam ? own : new OptimizerSpec.Adam(learningRate);
            default -> new OptimizerSpec.Sgd(learningRate);
        };
        return l.withBiasMode(biasMode).withOptimizer(spec.withLearningRate(learningRate));
    }

    /** Another optimizer: the lesson starts again from its starting weights with it. */
    void setOptimizer(String id) {
        optimizer = id;
        restart();
    }

    void nextStage() {
        if (stepper.next() instanceof UpdateRecord) {
            addLoss();
        }
    }

    void wholeIteration() {
        stepper.finishIteration();
        addLoss();
    }

    void back() {
        if (!stepper.back()) {
            post.accept(new Notice("notice.nothingToUndo", List.of(), false));
        }
        history.truncateAfter(trainer.iteration());
    }

    void setLearningRate(double value) {
        double old = learningRate;
        if (old != value) {
            keepRun();
            stepper.change(() -> setRate(value), () -> setRate(old));
        }
    }

    private void setRate(double value) {
        learningRate = value;
        trainer.optimizer().setLearningRate(value);
    }

    void setBiasMode(BiasMode mode) {
        BiasMode old = biasMode;
        if (old == mode) {
            return;
        }
        if (!stepper.atIterationStart()) {
            // finish the iteration in progress with the old mode, as the next one uses the new
            wholeIteration();
        }
        keepRun();
        stepper.change(() -> applyBiasMode(mode), () -> applyBiasMode(old));
    }

    /** The loss curve so far becomes a run of its own (before a reset, a lesson, a learning rate or bias mode). */
    private void keepRun() {
        if (trainer != null) {
            runs.keep(runSettings(), history.copy(), LossHistory.Curve.EMPTY);
        }
        history.clear();
    }

    private List<CurveRuns.Setting> runSettings() {
        return CurveRuns.step(Lesson.titleKey(lesson.id()), learningRate, trainer.optimizer().id(), biasMode.id());
    }

    /** Forgets the kept runs: the loss curve shows the current one alone. */
    void clearRuns() {
        runs.clear();
    }

    private void applyBiasMode(BiasMode mode) {
        biasMode = mode;
        for (Layer l : trainer.network().layers()) {
            if (l instanceof DenseLayer d) {
                d.setBiasMode(mode);
            }
        }
    }

    void editParameter(String name, int row, int col, double value) {
        Network net = trainer.network();
        net.parameter(name); // an unknown name is refused here, with the name in the message
        double old = stepper.currentStart().parameters().get(name).get(row, col);
        stepper.change(() -> net.setParameterValue(name, row, col, value),
                () -> net.setParameterValue(name, row, col, old));
    }

    void editInput(int row, int col, double value) {
        double old = trainer.input(row, col);
        stepper.change(() -> trainer.setInput(row, col, value), () -> trainer.setInput(row, col, old));
    }

    void editTarget(int row, int col, double value) {
        double old = trainer.target(row, col);
        stepper.change(() -> trainer.setTarget(row, col, value), () -> trainer.setTarget(row, col, old));
    }

    /** The lesson with the chosen bias mode, learning rate and the edited samples. */
    /** Where the current iteration starts: parameters as edited, optimizer memory, iteration count. */
    org.backproplab.engine.Checkpoint iterationStart() {
        return stepper.currentStart();
    }

    Lesson currentLesson() {
        Lesson l = withSettings(lesson);
        return new Lesson(l.id(), l.network(), l.optimizer(), l.regularization(), l.batchSize(), l.epochs(), l.seed(),
                trainer.samples(), l.test(), l.classification());
    }

    /**
     * Where a handout of the current state begins: between iterations, the state now; in the
     * middle of one, that iteration's start (edits included), so it is written out whole.
     */
    org.backproplab.engine.Checkpoint handoutStart() {
        return stepper.atIterationStart() ? trainer.checkpoint() : stepper.currentStart();
    }

    private void addLoss() {
        LossRecord l = StageRecords.of(stepper.currentRecords()).loss();
        if (l != null) {
            history.add(stepper.currentIteration() + 1, l.total());
        }
    }

    /** One chunk of play at the chosen speed; returns the nanoseconds to wait before the next. */
    long playChunk(BooleanSupplier playing) {
        Speed s = speed;
        if (!s.wholeIterations()) {
            nextStage();
            return 1_000_000_000L / s.perSecond();
        }
        if (s == Speed.MAX) {
            long start = worker.nanoTime();
            int n = 16;
            while (worker.nanoTime() - start < FRAME_NANOS * 3 / 4 && playing.getAsBoolean()) {
                if (!runBlock(n)) {
                    break;
                }
                n = Math.min(n * 2, 4096);
            }
            return 0;
        }
        long per = 1_000_000_000L / s.perSecond();
        int n = (int) Math.max(1, FRAME_NANOS / per);
        runBlock(n);
        return n * per;
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
        stopPlaying.run();
        post.accept(new Notice(key, List.of(iteration, String.valueOf(what)), true));
        return false;
    }
}
