package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.backproplab.data.DataFileException;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.PointsCsv;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.AtomicFiles;
import org.backproplab.lesson.Heatmaps;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.PlaygroundLessons;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * The playground's view-model: a network learning 2-D data live. The engine runs on the worker
 * thread, one chunk of epochs per frame; after each chunk it recomputes every neuron's heatmap on
 * a copy of the network and publishes the newest {@link PlaygroundSnapshot}.
 */
public final class PlaygroundSession extends WorkerSession<PlaygroundSnapshot> {
    public static final int RESOLUTION = 100;
    /** Training time per frame; the worker then rests a few milliseconds so drawing gets the cores. */
    private static final long FRAME_NANOS = 10_000_000L;
    private static final long REST_NANOS = 5_000_000L;


    // worker-thread state
    private String lessonId = "playground-default";
    private PlaygroundSpec spec;
    private DataSet data;
    private Trainer trainer;
    private Samples testSamples;
    private Heatmaps heatmaps;
    private Network heatCopy;
    private float[][] inputMaps;
    private Checkpoint lastGood;
    private boolean diverged;
    private final LossHistory trainLoss = new LossHistory(2048);
    private final LossHistory testLoss = new LossHistory(2048);
    private final LossHistory trainAccuracy = new LossHistory(2048);
    private final LossHistory testAccuracy = new LossHistory(2048);
    private Evaluation trainNow = new Evaluation(Double.NaN, Double.NaN);
    private Evaluation testNow = new Evaluation(Double.NaN, Double.NaN);
    private long version;
    private final java.util.List<double[]> path = new java.util.ArrayList<>();
    private Landscape landscape;
    private static final int PATH_LIMIT = 5000;
    private static final int LANDSCAPE_RESOLUTION = 80;
    private volatile int stopAtEpoch = Integer.MAX_VALUE;

    public PlaygroundSession(Worker worker, Executor fx) {
        super(worker, fx);
    }

    // ---- commands ----------------------------------------------------------------------

    public void loadLesson(String id) {
        pause();
        submit(() -> {
            lessonId = id;
            spec = PlaygroundLessons.byId(id);
            data = spec.data();
            rebuild();
        });
    }

    /**
     * Changes the set-up (data, features, layers, output, optimizer, ...). A change of the
     * network or the data starts training again from the seed's weights; a change of the
     * learning rate alone keeps the weights.
     */
    public void update(UnaryOperator<PlaygroundSpec> change) {
        submit(() -> {
            PlaygroundSpec next = change.apply(spec);
            boolean dataChanged = next.shape() != spec.shape() || next.points() != spec.points()
                    || next.noise() != spec.noise() || next.trainFraction() != spec.trainFraction()
                    || next.dataSeed() != spec.dataSeed() || next.custom() != spec.custom();
            boolean onlyRate = !dataChanged && next.withOptimizer(spec.optimizer()).equals(spec)
                    && next.optimizer().getClass() == spec.optimizer().getClass();
            spec = next;
            if (dataChanged) {
                data = spec.data();
            }
            if (onlyRate) {
                trainer.optimizer().setLearningRate(spec.optimizer().learningRate());
            } else {
                rebuild();
            }
        });
    }

    /** Back to the same starting weights (same seed, same data). */
    public void reset() {
        pause();
        submit(this::rebuild);
    }

    /** New data from a new seed. */
    public void regenerate() {
        update(s -> s.withData(s.shape(), s.points(), s.noise(), s.trainFraction(), s.dataSeed() + 1));
    }

    public void addPoint(double x1, double x2, double label) {
        submit(() -> {
            data = data.withTrainPoint(new DataPoint(x1, x2, label));
            spec = spec.withCustom(data);
            refreshData();
        });
    }

    public void removePoint(double x1, double x2, double radius) {
        submit(() -> {
            DataSet next = data.withoutPointNear(x1, x2, radius);
            if (next != data && !next.train().isEmpty()) {
                data = next;
                spec = spec.withCustom(data);
                refreshData();
            }
        });
    }

    /** Reads x1,x2,label points; a bad file changes nothing and says where it is wrong. */
    public void importCsv(Path file) {
        pause();
        submit(() -> {
            try {
                PointsCsv.Content c = PointsCsv.read(file);
                DataSet d = DataSet.split(c.points(), c.task(), c.classes(), spec.trainFraction(), spec.dataSeed());
                spec = spec.withCustom(d);
                data = d;
                rebuild();
                post(new Notice("notice.imported", List.of(file.getFileName().toString(),
                        c.points().size()), false));
            } catch (DataFileException e) {
                post(new Notice("notice.importFailed", List.of(e.getMessage()), true));
            }
        });
    }

    public void exportCsv(Path file) {
        submit(() -> {
            java.util.List<DataPoint> all = new java.util.ArrayList<>(data.train());
            all.addAll(data.test());
            try {
                AtomicFiles.writeString(file, PointsCsv.write(all));
                post(new Notice("notice.exported", List.of(file.getFileName().toString()), false));
            } catch (IOException e) {
                post(new Notice("notice.exportFailed", List.of(file.toString(), e.getMessage()), true));
            }
        });
    }

    /** Trains until {@code epochs} epochs are done, then pauses (for tests and for a lesson's length). */
    public void playUntil(int epochs) {
        stopAtEpoch = epochs;
        play();
    }

    /** One epoch. */
    public void stepEpoch() {
        pause();
        submit(() -> runEpochs(1));
    }

    /** After a divergence: back to the last state whose loss and weights were finite. */
    public void restoreLastGood() {
        pause();
        submit(() -> {
            if (lastGood != null) {
                trainer.restore(lastGood);
                while (path.size() > trainer.epoch() + 1) {
                    path.remove(path.size() - 1);
                }
                trainLoss.truncateAfter(trainer.epoch());
                testLoss.truncateAfter(trainer.epoch());
                trainAccuracy.truncateAfter(trainer.epoch());
                testAccuracy.truncateAfter(trainer.epoch());
                diverged = false;
                evaluate();
                post(new Notice("notice.restored", List.of(trainer.epoch()), false));
            }
        });
    }

    /**
     * The current network and one data point as a lesson for the stepping window: every stage
     * of one iteration on that point, with the playground's optimizer and learning rate.
     */
    public CompletableFuture<Lesson> lessonForPoint(DataPoint point) {
        CompletableFuture<Lesson> out = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                Samples one = spec.samples(List.of(point));
                Map<String, ImmutableMatrix> params = trainer.network().copyParameters();
                java.util.List<org.backproplab.engine.LayerSpec> layers = new java.util.ArrayList<>();
                var specLayers = spec.network().layers();
                for (int l = 0; l < specLayers.size(); l++) {
                    var ls = specLayers.get(l);
                    layers.add(new org.backproplab.engine.LayerSpec(ls.size(), ls.activation(), ls.biasMode(),
                            new org.backproplab.engine.Initializer.Explicit(params.get(org.backproplab.engine.Parameter.weightsName(l)).toArray()),
                            new org.backproplab.engine.Initializer.Explicit(params.get(org.backproplab.engine.Parameter.biasName(l)).toArray())));
                }
                out.complete(new Lesson(lessonId, spec.network().withLayers(layers), spec.optimizer(),
                        spec.regularization(), 0, 1, spec.seed(), one, null, true));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    // ---- worker ------------------------------------------------------------------------

    private void rebuild() {
        Lesson lesson = spec.toLesson(lessonId);
        trainer = lesson.newTrainer();
        testSamples = lesson.test();
        heatmaps = new Heatmaps(spec.features(), RESOLUTION);
        heatCopy = trainer.network().copy();
        inputMaps = heatmaps.inputMaps();
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
        diverged = false;
        lastGood = trainer.checkpoint();
        path.clear();
        landscape = null;
        recordPath();
        evaluate();
    }

    /** The two weights, when the network has exactly two parameters; else null. */
    private double[] twoWeights() {
        var params = trainer.network().parameters();
        if (params.size() != 1 || params.get(0).size() != 2) {
            return null;
        }
        return params.get(0).values().rowValues(0);
    }

    private void recordPath() {
        double[] w = twoWeights();
        if (w != null && path.size() < PATH_LIMIT) {
            path.add(w);
        }
    }

    /**
     * The landscape for the path so far: the grid covers the path (range 1, 2, 5, 10, 20 or 50) and
     * is recomputed only when the path outgrows it.
     */
    private Landscape landscape() {
        if (path.isEmpty()) {
            return null;
        }
        double reach = 0;
        for (double[] w : path) {
            if (Double.isFinite(w[0]) && Double.isFinite(w[1])) {
                reach = Math.max(reach, Math.max(Math.abs(w[0]), Math.abs(w[1])));
            }
        }
        double range = 50;
        for (double r : new double[] {1, 2, 5, 10, 20, 50}) {
            if (reach * 1.1 <= r) {
                range = r;
                break;
            }
        }
        float[] loss;
        if (landscape != null && landscape.range() == range) {
            loss = landscape.loss();
        } else {
            Network probe = trainer.network().copy();
            String weights = probe.parameters().get(0).name();
            Samples all = trainer.samples();
            var x = all.inputs().toMatrix();
            var t = all.targets().toMatrix();
            int res = LANDSCAPE_RESOLUTION;
            loss = new float[res * res];
            for (int r = 0; r < res; r++) {
                double w2 = range - (r + 0.5) * 2 * range / res;
                for (int c = 0; c < res; c++) {
                    double w1 = -range + (c + 0.5) * 2 * range / res;
                    probe.setParameterValue(weights, 0, 0, w1);
                    probe.setParameterValue(weights, 0, 1, w2);
                    loss[r * res + c] = (float) probe.totalLoss(x, t, trainer.regularization());
                }
            }
        }
        double[] px = new double[path.size()];
        double[] py = new double[path.size()];
        for (int i = 0; i < path.size(); i++) {
            px[i] = path.get(i)[0];
            py[i] = path.get(i)[1];
        }
        landscape = new Landscape(range, LANDSCAPE_RESOLUTION, loss, px, py);
        return landscape;
    }

    /** After points were added or removed: the same weights, training on the new points. */
    private void refreshData() {
        Checkpoint keep = trainer.checkpoint();
        Lesson lesson = spec.toLesson(lessonId);
        trainer = lesson.newTrainer();
        trainer.restore(new Checkpoint(keep.parameters(), keep.optimizer(), keep.epoch(), 0, keep.iteration()));
        testSamples = lesson.test();
        landscape = null;
        evaluate();
    }

    private void evaluate() {
        trainNow = trainer.evaluateTraining();
        testNow = testSamples == null ? new Evaluation(Double.NaN, Double.NaN) : trainer.evaluate(testSamples);
    }

    /** Runs n epochs, recording the curves; returns false (and pauses) when training diverged. */
    private boolean runEpochs(int n) {
        for (int i = 0; i < n; i++) {
            trainer.trainEpoch();
            recordPath();
            evaluate();
            int e = trainer.epoch();
            trainLoss.add(e, trainNow.loss());
            testLoss.add(e, testNow.loss());
            trainAccuracy.add(e, trainNow.accuracy());
            testAccuracy.add(e, testNow.accuracy());
            if (!Double.isFinite(trainNow.loss()) || !finiteWeights()) {
                diverged = true;
                stopPlaying();
                post(new Notice(Double.isFinite(trainNow.loss()) ? "notice.divergedWeightEpoch"
                        : "notice.divergedEpoch", List.of(e, trainer.iteration(), String.valueOf(trainNow.loss())), true));
                return false;
            }
            lastGood = trainer.checkpoint();
            if (e >= stopAtEpoch) {
                stopAtEpoch = Integer.MAX_VALUE;
                stopPlaying();
                return false;
            }
        }
        return true;
    }

    private boolean finiteWeights() {
        for (ImmutableMatrix m : trainer.network().copyParameters().values()) {
            if (!m.isFinite()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected long playChunk() {
        try {
            long start = worker.nanoTime();
            do {
                if (!runEpochs(1)) {
                    break;
                }
            } while (play && worker.nanoTime() - start < FRAME_NANOS);
            publish();
            return REST_NANOS;
        } catch (RuntimeException e) {
            stopPlaying();
            post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            return -1;
        }
    }

    private void submit(Runnable command) {
        worker.execute(() -> {
            try {
                if (spec == null) {
                    spec = PlaygroundLessons.byId(lessonId);
                    data = spec.data();
                    rebuild();
                }
                command.run();
                publish();
            } catch (RuntimeException e) {
                post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            }
        });
    }

    private void publish() {
        var parameters = trainer.network().copyParameters();
        heatCopy.restoreParameters(parameters);
        float[][][] maps = heatmaps.compute(heatCopy);
        PlaygroundSnapshot s = new PlaygroundSnapshot(lessonId, spec, data, trainer.epoch(), trainer.iteration(),
                trainNow.loss(), testNow.loss(), trainNow.accuracy(), testNow.accuracy(), trainLoss.copy(),
                testLoss.copy(), trainAccuracy.copy(), testAccuracy.copy(), maps, inputMaps, RESOLUTION,
                parameters, diverged, landscape(), ++version);
        publishSnapshot(s);
    }


    @Override
    protected void afterPause() {
        submit(() -> { });
    }
}
