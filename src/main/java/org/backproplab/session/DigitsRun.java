package org.backproplab.session;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.FloatRefusal;
import org.backproplab.engine.FloatTrainer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.MnistLessons;

/**
 * The digits tab's training run, on the worker thread: the trainer (made when training first
 * starts, on the network shown), the loss per batch, the test accuracy per epoch and the pace.
 */
final class DigitsRun {
    /** Says, on the worker, when float was asked for and training goes on in double. */
    private final Consumer<Notice> post;
    private Trainer trainer;
    /** The seed of the batch order of {@link #trainer}. */
    private long seed;
    private final LossHistory batchLoss = new LossHistory(2048);
    private final LossHistory testAccuracy = new LossHistory(256);
    private double secondsPerBatch = Double.NaN;
    private final CurveRuns runs = new CurveRuns();
    /** The preset the loss so far was trained with, or null before training. */
    private String runPreset;

    /** Hears the precision in use and why the network shown cannot train in float (or null), on the worker. */
    private java.util.function.BiConsumer<String, Notice> precisionShown = (p, why) -> { };
    /** The precision chosen: float (the float path, when the network takes it) or double. */
    private String precision = ExperimentFile.DOUBLE;
    /** Why the network shown cannot train in float, or null. */
    private FloatRefusal whyNotFloat;
    /** The float path of {@link #trainer} while it trains in float, else null. */
    private FloatTrainer single;

    DigitsRun(Consumer<Notice> post) {
        this.post = post;
    }

    /** {@code shown} hears, on the worker, the precision in use and why the network cannot train in float (or null). */
    void listen(java.util.function.BiConsumer<String, Notice> shown) {
        this.precisionShown = shown;
    }

    /**
     * A new network is shown ({@code network}, to train with {@code optimizer}): nothing trained on it yet; the loss so
     * far is kept as a run. Float is chosen back to double when it cannot train in float.
     */
    void reset(Network network, OptimizerSpec optimizer) {
        if (runPreset != null) {
            runs.keep(CurveRuns.digits(runPreset), batchLoss.copy(), LossHistory.Curve.EMPTY);
        }
        runPreset = null;
        trainer = null;
        single = null;
        whyNotFloat = FloatTrainer.refusal(network, optimizer);
        if (whyNotFloat != null) {
            precision = ExperimentFile.DOUBLE;
        }
        precisionShown.accept(precision, reason(whyNotFloat));
        batchLoss.clear();
        testAccuracy.clear();
        secondsPerBatch = Double.NaN;
    }

    /**
     * Trains batches until {@code go} says stop or {@code nanos} have passed; after each epoch
     * measures the test accuracy and runs {@code afterEpoch}.
     *
     * @return the non-finite loss that stopped it (training diverged), or null when all went well
     */
    Double train(String presetId, Network network, Samples train, Samples test, BooleanSupplier go, LongSupplier clock,
            long nanos, Runnable afterEpoch) {
        start(presetId, network, train);
        long start = clock.getAsLong();
        int batches = 0;
        Double diverged = null;
        do {
            int epochBefore = epoch();
            double loss = single != null ? single.trainIteration() : trainer.trainIteration();
            batches++;
            batchLoss.add(iteration(), loss);
            if (!Double.isFinite(loss)) {
                diverged = loss;
                break;
            }
            if (epoch() != epochBefore) {
                publish();
                Evaluation e = trainer.evaluate(test);
                testAccuracy.add(epoch(), e.accuracy());
                afterEpoch.run();
            }
        } while (go.getAsBoolean() && clock.getAsLong() - start < nanos);
        publish();
        double perBatch = (clock.getAsLong() - start) / 1e9 / batches;
        secondsPerBatch = Double.isNaN(secondsPerBatch) ? perBatch : 0.8 * secondsPerBatch + 0.2 * perBatch;
        return diverged;
    }

    /** Makes the trainer of {@code network} unless there is one: the preset's optimizer, batch size and seed. */
    private void start(String presetId, Network network, Samples train) {
        if (trainer == null) {
            MnistLessons.Preset p = MnistLessons.byId(presetId);
            trainer = p.trainerFor(network, train);
            seed = p.seed();
            runPreset = presetId;
            usePrecision(precision);
        }
    }

    /** The float path's parameters into the network shown (every float exactly a double). */
    private void publish() {
        if (single != null) {
            single.publish();
        }
    }

    /**
     * Trains in {@code id} (float or double) from the next batch on, going on from where training is: the float
     * path takes the trainer's parameters and moments rounded to floats; back in double, the trainer takes the float
     * path's. Double when the network cannot train in float.
     */
    void setPrecision(String id) {
        if (turnsToDouble(id)) { // the choice was checked against a network shown before this one
            post.accept(new Notice("notice.floatAsDouble", List.of(), true));
        }
        usePrecision(id);
    }

    /** Whether {@code id} asks for float where the network cannot train in float (it trains in double). */
    private boolean turnsToDouble(String id) {
        return ExperimentFile.FLOAT.equals(id) && whyNotFloat != null;
    }

    private void usePrecision(String id) {
        precision = whyNotFloat == null ? id : ExperimentFile.DOUBLE;
        boolean toFloat = ExperimentFile.FLOAT.equals(precision);
        if (trainer != null && toFloat && single == null) {
            single = new FloatTrainer(trainer);
        } else if (trainer != null && !toFloat && single != null) {
            trainer.restore(single.checkpoint());
            single = null;
        }
        precisionShown.accept(precision, reason(whyNotFloat));
    }

    /**
     * Where training is, as an experiment file holds it. Before training has started, from a trainer of its own on a
     * copy of {@code network}: the float path's start (the parameters rounded to floats) never reaches the network
     * shown, which stays as it was.
     */
    ExperimentFile.Experiment experiment(String presetId, Network network, Samples train) {
        if (trainer == null) {
            MnistLessons.Preset p = MnistLessons.byId(presetId);
            Trainer fresh = p.trainerFor(network.copy(), train);
            boolean toFloat = ExperimentFile.FLOAT.equals(precision) && whyNotFloat == null;
            return ExperimentFile.ofDigits(presetId, fresh, p.seed(), toFloat ? new FloatTrainer(fresh).checkpoint()
                    : fresh.checkpoint(), toFloat ? ExperimentFile.FLOAT : ExperimentFile.DOUBLE,
                    ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY);
        }
        LossHistory.Curve loss = batchLoss.copy();
        LossHistory.Curve accuracy = testAccuracy.copy();
        return ExperimentFile.ofDigits(runPreset, trainer, seed, single != null ? single.checkpoint()
                : trainer.checkpoint(), single != null ? ExperimentFile.FLOAT : ExperimentFile.DOUBLE,
                new ExperimentFile.Curve(loss.iterations(), loss.losses()),
                new ExperimentFile.Curve(accuracy.iterations(), accuracy.losses()));
    }

    /**
     * The trainer of a digits experiment on {@code train}, restored to the file's state; null, and said why, when the
     * file trained on another number of digits than the tab has.
     */
    static Trainer restore(ExperimentFile.Experiment e, Samples train, Path file, Consumer<Notice> post) {
        if (e.digits().trainDigits() != train.size()) {
            post.accept(new Notice("notice.experimentDigitCount", List.of(String.valueOf(file.getFileName()),
                    e.digits().trainDigits(), train.size()), true));
            return null;
        }
        return ExperimentFile.digitsTrainer(e, train);
    }

    /**
     * Goes on from an experiment, once its network is shown ({@link #reset()} done): {@code restored} is its trainer
     * ({@link #restore}); the curves are the saved ones. Says where it goes on from.
     */
    void open(ExperimentFile.Experiment e, Trainer restored, Path file, Consumer<Notice> post) {
        trainer = restored;
        seed = e.seed();
        runPreset = e.lesson();
        whyNotFloat = FloatTrainer.refusal(restored);
        boolean toDouble = turnsToDouble(e.digits().precision());
        usePrecision(e.digits().precision());
        // thinned as it was (every 2nd, 4th, ... point of a long run), so that it goes on as the uninterrupted curve
        batchLoss.restore(new LossHistory.Curve(e.curve().iterations(), e.curve().losses()));
        ExperimentFile.Curve accuracy = e.digits().testAccuracy();
        testAccuracy.restore(new LossHistory.Curve(accuracy.iterations(), accuracy.losses()));
        post.accept(new Notice(toDouble ? "notice.experimentOpenedDouble" : "notice.experimentOpenedBatch", List.of(String.valueOf(file.getFileName()), epoch() + 1,
                batchInEpoch()), false));
    }

    long iteration() {
        return single != null ? single.iteration() : trainer == null ? 0 : trainer.iteration();
    }

    int epoch() {
        return single != null ? single.epoch() : trainer == null ? 0 : trainer.epoch();
    }

    int batchesPerEpoch(int trainSize) {
        return trainer == null ? 0 : (trainSize + trainer.batchSize() - 1) / trainer.batchSize();
    }

    int batchInEpoch() {
        int cursor = single != null ? single.cursor() : trainer == null ? 0 : trainer.cursor();
        return trainer == null ? 0 : (cursor + trainer.batchSize() - 1) / trainer.batchSize();
    }

    /** Seconds left in this epoch at the recent pace, NaN before a pace is known. */
    double secondsLeft(int trainSize) {
        return Double.isNaN(secondsPerBatch) ? Double.NaN : (batchesPerEpoch(trainSize) - batchInEpoch()) * secondsPerBatch;
    }

    LossHistory.Curve batchLoss() {
        return batchLoss.copy();
    }

    LossHistory.Curve testAccuracy() {
        return testAccuracy.copy();
    }

    /** The kept runs and the one shown now (trained with {@code presetId}). */
    List<CurveRuns.Run> runs(String presetId) {
        return runs.with(CurveRuns.digits(runPreset != null ? runPreset : presetId), batchLoss.copy(),
                LossHistory.Curve.EMPTY);
    }

    void clearRuns() {
        runs.clear();
    }

    /**
     * Why the network cannot train in float, as the tab says it (digits.floatRefused.loss, .layer, .activation,
     * .optimizer, .regularization; arguments: the layer from 1 and the detail), or null.
     */
    static Notice reason(FloatRefusal r) {
        return r == null ? null : new Notice("digits.floatRefused." + r.kind().name().toLowerCase(java.util.Locale.ROOT),
                List.of(r.layer(), r.detail()), true);
    }
}
