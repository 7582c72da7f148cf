package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.Feature;
import org.backproplab.data.Task;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.PlaygroundSpec;
import org.backproplab.session.PlaygroundChoices.MapPoint;

/**
 * The playground's engine state, on the worker thread only (not thread-safe): the trainer, the
 * curves, the path of the weights, and the pictures made from them for each snapshot.
 */
final class PlaygroundTraining {
    static final int RESOLUTION = 100;

    private String lessonId;
    private PlaygroundSpec spec;
    private DataSet data;
    private Trainer trainer;
    private Samples testSamples;
    /** The maps and their pictures, made from {@link #heatCopy}: the trainer's network as each snapshot copies it. */
    private PlaygroundMaps maps;
    private Network heatCopy;
    /** The neuron whose map the window shows large, or null. */
    private GraphItem shownNeuron;
    /** Where the window draws the graph's edges (null until it says), and the strokes that draw them. */
    private EdgeGeometry edgeGeometry;
    private final EdgeStrokes edgeStrokes = new EdgeStrokes();
    /** The edges drawn for the last snapshot that drew them (kept while its geometry is the window's). */
    private EdgePicture lastEdges;
    /** The clock the pictures are timed with, and how long the last snapshot's took. */
    private LongSupplier clock = System::nanoTime;
    private PlayPacing.Made made = new PlayPacing.Made(-1, -1);
    private Checkpoint lastGood;
    private boolean diverged;
    private final LossHistory trainLoss = new LossHistory(2048);
    private final LossHistory testLoss = new LossHistory(2048);
    private final LossHistory trainAccuracy = new LossHistory(2048);
    private final LossHistory testAccuracy = new LossHistory(2048);
    private final CurveRuns runs = new CurveRuns();
    private Evaluation trainNow = new Evaluation(Double.NaN, Double.NaN);
    private Evaluation testNow = new Evaluation(Double.NaN, Double.NaN);
    private final WeightPath path = new WeightPath();
    private List<MapPoint> points = List.of();
    /** The point chosen on the map, or null: the neurons' tooltips give their outputs for it. */
    private DataPoint chosen;
    private long version;

    /** The network as the program of its next update (worker thread). */
    org.backproplab.io.CodeSetup code() throws org.backproplab.io.CodeSetup.UnsupportedException {
        return org.backproplab.io.CodeSetup.atNextStep(lessonId, trainer);
    }

    boolean isBuilt() {
        return trainer != null;
    }

    int epoch() {
        return trainer.epoch();
    }

    /** A new set-up: training starts again from the seed's weights. */
    void rebuild(String lesson, PlaygroundSpec newSpec, DataSet newData) {
        if (spec != null) {
            // the curves so far become a run of their own, compared with the next ones
            runs.keep(CurveRuns.playground(lessonId, spec), trainLoss.copy(), testLoss.copy());
        }
        lessonId = lesson;
        spec = newSpec;
        if (newData != data) {
            data = newData;
            points = PlaygroundPictures.points(newData, newSpec.task());
        }
        Lesson l = spec.toLesson(lessonId, data);
        trainer = l.newTrainer();
        testSamples = l.test();
        maps = new PlaygroundMaps(spec.features(), spec.output(), RESOLUTION);
        heatCopy = trainer.network().copy();
        lastEdges = null;
        trainLoss.clear();
        testLoss.clear();
        trainAccuracy.clear();
        testAccuracy.clear();
        diverged = false;
        lastGood = trainer.checkpoint();
        path.clear(trainer);
        evaluate();
    }

    /** Where training is, as an experiment file holds it: the set-up, the state and the current run's curves. */
    ExperimentFile.Experiment experiment() {
        LossHistory.Curve train = trainLoss.copy();
        LossHistory.Curve test = testLoss.copy();
        return ExperimentFile.ofPlayground(lessonId, spec, trainer, new ExperimentFile.Curve(train.iterations(),
                train.losses()), new ExperimentFile.Curve(test.iterations(), test.losses()));
    }

    /** Opens an experiment: its set-up built on {@code newData}, then its weights, optimizer memory, position and curves. */
    void open(String lesson, PlaygroundSpec newSpec, DataSet newData, ExperimentFile.Experiment e) {
        rebuild(lesson, newSpec, newData);
        trainer.restore(e.start());
        for (int i = 0; i < e.curve().iterations().length; i++) {
            trainLoss.add(e.curve().iterations()[i], e.curve().losses()[i]);
        }
        ExperimentFile.Curve test = e.testCurve() == null ? ExperimentFile.Curve.EMPTY : e.testCurve();
        for (int i = 0; i < test.iterations().length; i++) {
            testLoss.add(test.iterations()[i], test.losses()[i]);
        }
        lastGood = trainer.checkpoint();
        path.clear(trainer);
        evaluate();
    }

    /** Only the learning rate changed: the weights and the optimizer's state stay. */
    void setLearningRate(PlaygroundSpec newSpec) {
        // the loss curve goes on as a new run, labelled with the new rate
        runs.keep(CurveRuns.playground(lessonId, spec), trainLoss.copy(), testLoss.copy());
        trainLoss.clear();
        testLoss.clear();
        spec = newSpec;
        trainer.optimizer().setLearningRate(spec.optimizer().learningRate());
    }

    /** After points were added or removed: the same weights, training on the new points. */
    void refreshData(PlaygroundSpec newSpec, DataSet newData) {
        spec = newSpec;
        data = newData;
        points = PlaygroundPictures.points(newData, newSpec.task());
        Checkpoint keep = trainer.checkpoint();
        Lesson l = spec.toLesson(lessonId, data);
        trainer = l.newTrainer();
        trainer.restore(new Checkpoint(keep.parameters(), keep.optimizer(), keep.epoch(), 0, keep.iteration()));
        testSamples = l.test();
        path.forget();
        evaluate();
    }

    private void evaluate() {
        trainNow = trainer.evaluateTraining();
        testNow = testSamples == null ? new Evaluation(Double.NaN, Double.NaN) : trainer.evaluate(testSamples);
    }

    /**
     * Trains batch by batch while {@code more} holds and the next batch, if it takes as long as the
     * last, ends by {@code end} on {@code clock} (at least one batch); each epoch's end records the
     * curves. Batches, not whole epochs: at 8 layers of 16 an epoch takes some 5 ms, so training
     * stopped up to 5 ms before its time (unused) or, a worker late for its frame, ran 5 ms past it
     * (the next snapshot late too). Stops between two batches of an epoch; {@link #finishEpoch} ends
     * it (a pause). Returns the notice of a divergence at an epoch's end, or null.
     */
    Notice trainUntil(LongSupplier clock, long end, BooleanSupplier more) {
        long last = clock.getAsLong();
        while (true) {
            int epoch = trainer.epoch();
            trainer.trainIteration();
            Notice diverged = trainer.epoch() == epoch ? null : endEpoch();
            long now = clock.getAsLong();
            long took = now - last;
            last = now;
            if (diverged != null || !more.getAsBoolean() || now + took > end) {
                return diverged;
            }
        }
    }

    /** The rest of an epoch begun (a pause), recorded as {@link #trainEpoch}; nothing at an epoch's start. */
    Notice finishEpoch() {
        return trainer.cursor() == 0 ? null : trainEpoch();
    }

    /** The rest of the epoch (all of it from its start), recording the curves; the divergence notice, or null. */
    Notice trainEpoch() {
        trainer.trainEpoch();
        return endEpoch();
    }

    /** At an epoch's end: the curves; the divergence notice when the loss or a weight stopped being finite. */
    private Notice endEpoch() {
        path.record(trainer);
        evaluate();
        int e = trainer.epoch();
        trainLoss.add(e, trainNow.loss());
        testLoss.add(e, testNow.loss());
        trainAccuracy.add(e, trainNow.accuracy());
        testAccuracy.add(e, testNow.accuracy());
        if (!Double.isFinite(trainNow.loss()) || !finiteWeights()) {
            diverged = true;
            return new Notice(Double.isFinite(trainNow.loss()) ? "notice.divergedWeightEpoch" : "notice.divergedEpoch",
                    List.of(e, trainer.iteration(), String.valueOf(trainNow.loss())), true);
        }
        lastGood = trainer.checkpoint();
        return null;
    }

    private boolean finiteWeights() {
        for (ImmutableMatrix m : trainer.network().copyParameters().values()) {
            if (!m.isFinite()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The learner typed a weight or a bias ("W1", "b2", ... at row, col): the network takes it,
     * the optimizer keeps its state, and training goes on from it.
     */
    void setParameter(String name, int row, int col, double value) {
        Parameter p = trainer.network().parameter(name);
        if (row < 0 || row >= p.rows() || col < 0 || col >= p.cols()) {
            throw new IllegalArgumentException(name + " has no element (" + row + ", " + col + ")");
        }
        trainer.network().setParameterValue(name, row, col, value);
        evaluate();
        if (Double.isFinite(trainNow.loss())) {
            lastGood = trainer.checkpoint();
        }
    }

    /** The snapshots draw the graph's edges for this geometry from now on. */
    void setEdgeGeometry(EdgeGeometry geometry) {
        edgeGeometry = geometry;
    }

    /** The snapshots carry this neuron's map at full size from now on (null or any other item: none). */
    void showNeuron(GraphItem neuron) {
        shownNeuron = neuron;
    }

    void choose(DataPoint point) {
        chosen = point;
    }

    /** Every neuron's output for one point, layer by layer (heatCopy must hold the weights). */
    private double[][] outputsAt(DataPoint p) {
        heatCopy.forward(spec.samples(List.of(p)).inputs().toMatrix());
        double[][] out = new double[heatCopy.layerCount()][];
        for (int l = 0; l < out.length; l++) {
            out[l] = heatCopy.activationValues(l).rowValues(0);
        }
        return out;
    }

    /** Forgets the kept runs (the loss curve keeps only the current one). */
    void clearRuns() {
        runs.clear();
    }

    /** Back to the last state whose loss and weights were finite; returns its epoch. */
    int restoreLastGood() {
        trainer.restore(lastGood);
        path.truncate(trainer.epoch());
        trainLoss.truncateAfter(trainer.epoch());
        testLoss.truncateAfter(trainer.epoch());
        trainAccuracy.truncateAfter(trainer.epoch());
        testAccuracy.truncateAfter(trainer.epoch());
        diverged = false;
        evaluate();
        return trainer.epoch();
    }

    /**
     * The current network and one point as a lesson for the stepping window: every stage of one
     * iteration on that point, with the playground's optimizer and learning rate.
     */
    Lesson lessonFor(DataPoint point) {
        Samples one = spec.samples(List.of(point));
        Map<String, ImmutableMatrix> params = trainer.network().copyParameters();
        List<LayerSpec> layers = new ArrayList<>();
        var specLayers = spec.network().layers();
        for (int l = 0; l < specLayers.size(); l++) {
            var ls = specLayers.get(l);
            layers.add(new LayerSpec(ls.size(), ls.activation(), ls.biasMode(),
                    new Initializer.Explicit(params.get(Parameter.weightsName(l)).toArray()),
                    new Initializer.Explicit(params.get(Parameter.biasName(l)).toArray())));
        }
        return new Lesson(lessonId, spec.network().withLayers(layers), spec.optimizer(), spec.regularization(), 0, 1,
                spec.seed(), one, null, true);
    }

    /**
     * Everything the view draws, copied and rendered to pixels here on the worker. The maps (a
     * forward pass over the grid's 10,000 points) are made again when {@code freshMaps}, the edges'
     * picture (at 8 layers of 16, some 1,800 strokes, the costliest part) when {@code freshEdges};
     * else those of the last snapshot are kept while their size, look and geometry still fit.
     */
    PlaygroundSnapshot snapshot(boolean discretize, int thumbnailSize, boolean freshMaps, boolean freshEdges) {
        var parameters = trainer.network().copyParameters();
        heatCopy.restoreParameters(parameters);
        List<Integer> sizes = new ArrayList<>();
        sizes.add(spec.features().size());
        List<String> activations = new ArrayList<>();
        for (PlaygroundSpec.Hidden h : spec.hidden()) {
            sizes.add(h.size());
            activations.add(h.activation().id());
        }
        sizes.add(spec.outputs());
        activations.add(spec.output().activation().id());
        int size = Math.max(1, Math.min(RESOLUTION, thumbnailSize));
        PlaygroundMaps.Pictures m = maps.last();
        long mapsNanos = -1;
        if (freshMaps || m == null || m.size() != size || m.discretize() != discretize) {
            long start = clock.getAsLong();
            m = maps.compute(heatCopy, activations, size, discretize);
            mapsNanos = clock.getAsLong() - start;
        }
        List<String> inputNames = spec.features().stream().map(Feature::label).toList();
        GraphSnapshot graph = PlaygroundGraphs.withOutputs(PlaygroundGraphs.of(sizes, inputNames, parameters, spec),
                chosen == null ? null : outputsAt(chosen), chosen);
        int[][] biasColors = PlaygroundGraphs.biasColors(sizes, parameters, spec);
        EdgeGeometry g = edgeGeometry;
        EdgePicture edges = null;
        long edgesNanos = -1;
        if (g != null && g.edges() == graph.edges().size()) {
            edges = lastEdges;
            if (freshEdges || edges == null || edges.geometry() != g) {
                long start = clock.getAsLong();
                edges = EdgePicture.draw(g, graph.edges(), edgeStrokes);
                edgesNanos = clock.getAsLong() - start;
            }
        }
        lastEdges = edges;
        made = new PlayPacing.Made(mapsNanos, edgesNanos);
        LossHistory.Curve train = trainLoss.copy();
        LossHistory.Curve test = testLoss.copy();
        return new PlaygroundSnapshot(trainer.epoch(), trainer.iteration(), trainNow.loss(), testNow.loss(),
                trainNow.accuracy(), testNow.accuracy(), train, test, trainAccuracy.copy(),
                testAccuracy.copy(), m.outputMaps(), maps.neuronMap(shownNeuron), maps.inputMaps(), RESOLUTION,
                m.thumbnails(), size, m.ranges(), biasColors, m.output(), points, data.train().size(),
                data.test().size(), parameters, inputNames, graph, edges, diverged, path.landscape(trainer), ++version,
                runs.with(CurveRuns.playground(lessonId, spec), train, test));
    }

    /** Times the pictures of each snapshot with {@code clock} (the worker's). */
    void timeWith(LongSupplier clock) {
        this.clock = clock;
    }

    /** How long the last snapshot took to make its maps and its edges' picture. */
    PlayPacing.Made made() {
        return made;
    }
}
