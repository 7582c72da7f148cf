package org.backproplab.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.backproplab.data.DataSet;
import org.backproplab.lesson.PlaygroundLessons;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * The playground's view-model: a network learning 2-D data live. Named commands change the
 * set-up on the FX thread, each knowing what it changes (the learning rate alone keeps the
 * weights; the network, the optimizer, the initialiser or the seed start again from the seed; the
 * data is generated again), and update the read-only properties of {@link PlaygroundSetup}. The
 * engine runs on the worker thread, one chunk of epochs per frame, and publishes the newest
 * {@link PlaygroundSnapshot} with every picture already in pixels.
 */
public final class PlaygroundSession extends WorkerSession<PlaygroundSnapshot> {
    public static final int RESOLUTION = PlaygroundTraining.RESOLUTION;
    /** The thumbnails' side until the window says how large it shows them. */
    static final int DEFAULT_THUMBNAIL = 40;
    /** Worker thread: how long a chunk trains, when it publishes, when its snapshot computes maps. */
    private final PlayPacing pacing = new PlayPacing();

    /** What a change of the set-up asks of the worker. */
    private enum Change { LEARNING_RATE, REBUILD, POINTS }

    private final PlaygroundSetup setup = new PlaygroundSetup("playground-default");
    private final PlaygroundTraining training = new PlaygroundTraining();
    private final PlaygroundEditor editor =
            new PlaygroundEditor(c -> submit(() -> c.accept(training)), this::getSnapshot, setup, this::post);
    /** In step: the snapshots made ahead, each waiting for the frame that draws it. */
    private final PlayFrames<PlaygroundSnapshot> frames = new PlayFrames<>();
    /** Epochs done, as the worker last saw them (for the lesson's epoch limit). */
    private volatile int epochsDone;
    private volatile int stopAtEpoch = Integer.MAX_VALUE;
    private volatile boolean discretizeOnWorker;
    /** The thumbnails' side: {@link #thumbnailSize} on the FX thread, its copy on the worker. */
    private int thumbnailSize = DEFAULT_THUMBNAIL;
    private int thumbnailSizeOnWorker = DEFAULT_THUMBNAIL;
    private GraphItem shownNeuron;

    private final PlaygroundPoints points;
    private final ShowAsCode code;
    private final PlaygroundExperiments experiments;

    public PlaygroundSession(Worker worker, Executor fx) {
        super(worker, fx);
        training.timeWith(this.worker::nanoTime);
        withCurves(() -> submit(training::clearRuns), "epoch", PlaygroundSnapshot::runs);
        points = new PlaygroundPoints(setup, this.worker::execute, this::onFx, this::post, this::pause,
                () -> apply(Change.REBUILD));
        code = new ShowAsCode(this::submit, fx, training::code);
        experiments = new PlaygroundExperiments(this.worker::execute, this::onFx, this::post, this::pause,
                c -> submit(() -> c.accept(training)), e -> {
                    setup.loadExperiment(e.lesson(), e.playground());
                    editor.clear();
                    DataSet data = setup.data();
                    submit(() -> training.open(e.lesson(), e.playground(), data, e));
                });
    }

    /** Save experiment and Open experiment: the set-up and where training is, in a file, and back. */
    public PlaygroundExperiments experiments() {
        return experiments;
    }

    /** "Show as PyTorch" and "Show as NumPy": the program of the network's next update. */
    public ShowAsCode code() {
        return code;
    }

    /** The points as a CSV file: imported (said, then confirmed) or exported. */
    public PlaygroundPoints points() {
        return points;
    }

    /** The set-up as the controls show it: read-only properties, and the rules that change it. */
    public PlaygroundSetup setup() {
        return setup;
    }

    /** A weight or a bias clicked in the graph and the value typed for it; the point whose outputs the neurons tell. */
    public PlaygroundEditor editor() {
        return editor;
    }

    // ---- commands: the lesson and the data --------------------------------------------------

    public void loadLesson(String id) {
        if (!PlaygroundLessons.all().containsKey(id)) {
            setup.refuse("pg.error.lesson", id);
            return;
        }
        pause();
        setup.load(id);
        apply(Change.REBUILD);
    }

    public void setShape(String id) {
        change(setup.withShape(id), Change.REBUILD);
    }

    /** Noise as a fraction, 0 to 0.5. */
    public void setNoise(double noise) {
        change(setup.withNoise(noise), Change.REBUILD);
    }

    /** The share of points used for training, 0.1 to 0.9. */
    public void setTrainSplit(double fraction) {
        change(setup.withTrainSplit(fraction), Change.REBUILD);
    }

    /** New data from the next data seed. */
    public void regenerate() {
        change(setup.regenerated(), Change.REBUILD);
    }

    /** A training point of class {@code label} at (x1, x2); training goes on with the same weights. */
    public void addPoint(double x1, double x2, int label) {
        change(setup.withPoint(x1, x2, label), Change.POINTS);
    }

    /** How near a right-click must be to a point to remove it, in data units (the map spans -6..6). */
    public static final double REMOVE_RADIUS = 0.4;

    /** Removes the point nearest to (x1, x2) within {@link #REMOVE_RADIUS}, if there is one and not the last. */
    public void removePoint(double x1, double x2) {
        change(setup.withoutPoint(x1, x2, REMOVE_RADIUS), Change.POINTS);
    }

    /** Shift+click: the data point nearest to (x1, x2) becomes the chosen one. */
    public void choosePoint(double x1, double x2) {
        setup.choose(x1, x2);
    }

    // ---- commands: the network and training -------------------------------------------------

    public void addLayer() {
        change(setup.withLayerAdded(), Change.REBUILD);
    }

    public void removeLayer() {
        change(setup.withLayerRemoved(), Change.REBUILD);
    }

    /** Adds {@code delta} neurons to hidden layer {@code layer} (counted from 0). */
    public void resizeLayer(int layer, int delta) {
        change(setup.withLayerResized(layer, delta), Change.REBUILD);
    }

    public void setActivation(int layer, String activation) {
        change(setup.withActivation(layer, activation), Change.REBUILD);
    }

    /** Switches an input feature on or off (one always stays on). */
    public void toggleFeature(String feature) {
        change(setup.withFeatureToggled(feature), Change.REBUILD);
    }

    public void setOutput(String output) {
        change(setup.withOutput(output), Change.REBUILD);
    }

    public void setOptimizer(String optimizer) {
        change(setup.withOptimizer(optimizer), Change.REBUILD);
    }

    /** The learning rate alone keeps the weights and the optimizer's state. */
    public void setLearningRate(String text) {
        change(setup.withLearningRate(text), Change.LEARNING_RATE);
    }

    public void setBatchSize(String text) {
        change(setup.withBatchSize(text), Change.REBUILD);
    }

    public void setRegularization(String kind) {
        change(setup.withRegularization(kind), Change.REBUILD);
    }

    public void setRegularizationRate(String text) {
        change(setup.withRegularizationRate(text), Change.REBUILD);
    }

    public void setInit(String init) {
        change(setup.withInit(init), Change.REBUILD);
    }

    public void setSeed(String text) {
        change(setup.withSeed(text), Change.REBUILD);
    }

    /** Whether the output map shows only the decision (two colours) instead of its confidence. */
    public void setDiscretize(boolean on) {
        if (setup.setDiscretize(on)) {
            submit(() -> discretizeOnWorker = on);
        }
    }

    /**
     * How the window shows the pictures: the side, in screen pixels, of a neuron's map (the worker
     * makes the thumbnails that size, at most {@link #RESOLUTION}, so none is computed, copied and
     * uploaded at 100 x 100 pixels only to be shrunk to 20), and where the graph's edges go, so
     * that the worker draws them into each snapshot ({@link EdgePicture}) and the window shows them.
     */
    public void setThumbnailSize(int pixels) {
        int size = Math.max(4, Math.min(RESOLUTION, pixels));
        if (size != thumbnailSize) {
            thumbnailSize = size;
            submit(() -> thumbnailSizeOnWorker = size);
        }
    }

    public void setEdgeGeometry(EdgeGeometry geometry) {
        submit(() -> training.setEdgeGeometry(geometry));
    }

    /** The neuron whose map the large map shows (the one under the mouse): the snapshots carry it; null for none. */
    public void showNeuronMap(GraphItem neuron) {
        GraphItem item = neuron != null && neuron.kind() == GraphItem.Kind.NEURON ? neuron : null;
        if (!Objects.equals(item, shownNeuron)) {
            shownNeuron = item;
            submit(() -> training.showNeuron(item));
        }
    }

    // ---- commands: running ------------------------------------------------------------------

    /** Play or pause (the Play button, Space): a lesson's first play stops after its epochs (two circles: 50). */
    @Override
    public void togglePlay() {
        if (play) {
            pause();
        } else if (epochsDone < setup.spec().epochs()) {
            playUntil(setup.spec().epochs());
        } else {
            play();
        }
    }

    /** Trains until {@code epochs} epochs are done, then pauses (for tests and for a lesson's length). */
    public void playUntil(int epochs) {
        stopAtEpoch = epochs;
        play();
    }

    /** One epoch. */
    public void stepEpoch() {
        pause();
        submit(() -> Optional.ofNullable(training.trainEpoch()).ifPresent(this::post));
    }

    /** Back to the same starting weights (same seed, same data). */
    public void reset() {
        pause();
        apply(Change.REBUILD);
    }

    /** After a divergence: back to the last state whose loss and weights were finite. */
    public void restoreLastGood() {
        pause();
        submit(() -> post(new Notice("notice.restored", List.of(training.restoreLastGood()), false)));
    }

    // ---- how a change reaches the worker ----------------------------------------------------

    private void change(boolean changed, Change what) {
        if (changed) {
            apply(what);
        }
    }

    private void apply(Change what) {
        String lesson = setup.lessonIdProperty().get();
        PlaygroundSpec spec = setup.spec();
        DataSet data = setup.data();
        if (what == Change.REBUILD) {
            editor.clear();
        }
        submit(() -> {
            switch (what) {
                case LEARNING_RATE -> training.setLearningRate(spec);
                case POINTS -> training.refreshData(spec, data);
                case REBUILD -> training.rebuild(lesson, spec, data);
            }
        });
    }

    private void submit(Runnable command) {
        String lesson = setup.lessonIdProperty().get();
        PlaygroundSpec spec = setup.spec();
        DataSet data = setup.data();
        worker.execute(() -> {
            try {
                frames.clear(); // made before the command, even one that fails half-way
                if (!training.isBuilt()) {
                    training.rebuild(lesson, spec, data);
                }
                command.run();
                publish(PlayPacing.Pictures.ALL);
            } catch (RuntimeException e) {
                post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            }
        });
    }

    /** Publishes the state now, with the pictures {@code fresh} says made again (the others: the last ones). */
    private void publish(PlayPacing.Pictures fresh) {
        reveal(training.snapshot(discretizeOnWorker, thumbnailSizeOnWorker, fresh.maps(), fresh.edges()));
    }

    /** Publishes {@code s}; those made ahead and waiting for their frames are dropped (they would show an older state). */
    private void reveal(PlaygroundSnapshot s) {
        frames.clear();
        epochsDone = s.epoch();
        pacing.publishing(worker.nanoTime());
        publishSnapshot(s);
    }

    /**
     * FX thread, at the start of each frame the window draws: the next snapshot made ahead, if one
     * waits, becomes the snapshot; training keeps in step with these frames ({@link PlayPacing}).
     */
    public void frame() {
        PlaygroundSnapshot s = frames.take(worker.nanoTime());
        if (s != null) {
            showNow(s);
        }
    }

    @Override
    protected long playChunk() {
        try {
            // in step while the window takes a snapshot at each frame (else it is not shown, or closing)
            long frameAt = frames.frameAt();
            if (frameAt != PlayFrames.NONE && PlayPacing.drawing(worker.nanoTime(), frameAt)) {
                return inStep(frameAt);
            }
            train(worker.nanoTime() + pacing.trainingNanos(lastSnapshotTaken()));
            // a snapshot before the window took the last would replace it unseen (its maps for nothing)
            long now = worker.nanoTime();
            if (pacing.publishes(play, lastSnapshotTaken(), now)) {
                reveal(made(now));
            }
            return PlayPacing.REST_NANOS;
        } catch (RuntimeException e) {
            stopPlaying();
            post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            return -1;
        }
    }

    /**
     * In step with a window that takes a snapshot at each frame ({@link #frame}), its last at
     * {@code frameAt}: keep {@link PlayFrames#AHEAD} snapshots waiting, each made after a frame's
     * training, ready just before the next frame; with fewer waiting, train one batch and make one at once.
     */
    private long inStep(long frameAt) {
        long start = worker.nanoTime();
        int waiting = frames.waiting();
        if (waiting >= PlayFrames.AHEAD) {
            return PlayPacing.restWhileAhead(start, frameAt);
        }
        boolean behind = waiting < PlayFrames.AHEAD - 1;
        train(behind ? start : PlayPacing.alignedTrainingEnd(start, frameAt, pacing.makingNanos()));
        if (!play) {
            reveal(made(worker.nanoTime())); // stopped: the state now, at once
            return -1;
        }
        frames.add(made(worker.nanoTime())); // epochsDone: set by the publish when play stops
        return behind ? 0 : PlayPacing.alignedRest(worker.nanoTime(), frameAt);
    }

    /** Trains until {@code end} on the worker's clock, or until training stops. */
    private void train(long end) {
        Notice diverged = training.trainUntil(worker::nanoTime, end, () -> play && training.epoch() < stopAtEpoch);
        if (diverged != null) {
            stopPlaying();
            post(diverged);
        } else if (training.epoch() >= stopAtEpoch) {
            stopAtEpoch = Integer.MAX_VALUE;
            stopPlaying();
        }
    }

    /** A snapshot with the pictures that are due made again, its making timed for the pacing. */
    private PlaygroundSnapshot made(long now) {
        PlayPacing.Pictures fresh = pacing.picturesDue(play, now);
        PlaygroundSnapshot s = training.snapshot(discretizeOnWorker, thumbnailSizeOnWorker, fresh.maps(), fresh.edges());
        pacing.made(now, worker.nanoTime(), training.made());
        return s;
    }

    @Override
    protected void afterPause() {
        submit(() -> Optional.ofNullable(training.finishEpoch()).ifPresent(this::post)); // paused between epochs
    }
}
