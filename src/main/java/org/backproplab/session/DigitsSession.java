package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.DataFileException;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.Digits;
import org.backproplab.lesson.MnistLessons;

/**
 * The digits tab's view-model: a CNN (or MLP) learning MNIST on the worker thread, batch by
 * batch, and everything needed to look inside it for one digit. Commands run on the FX thread;
 * each checks its input first, and a refused one changes nothing and says why in
 * {@link #inputErrorProperty()}.
 */
public final class DigitsSession extends WorkerSession<DigitsSnapshot> {
    /** Test digits used for the confusion matrix and the gallery (all 10,000 would cost a long pause). */
    private static final int CONFUSION_DIGITS = 1000;
    private static final long CHUNK_NANOS = 40_000_000L;

    private final Executor fx;
    private final Executor loader;
    private final DigitsData data;
    private final DigitsExplain explain;
    private final DigitsCells cells;
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper(this, "preset");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper digitCount = new ReadOnlyIntegerWrapper(this, "digitCount");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private final DigitsSaves saves;
    private final DigitsExperiments experiments;
    private final DigitsPrecision precision;
    private final DigitsDrawing pen = new DigitsDrawing();
    private final ReadOnlyObjectWrapper<DigitsSnapshot.Picture> drawing =
            new ReadOnlyObjectWrapper<>(this, "drawing", pen.picture());

    // worker thread only
    private String presetId;
    /** The network shown: a shipped trained one, one loaded from a file, or the one being trained. */
    private Network network;
    /** The training of {@link #network}, once started (it needs the digits). */
    private final DigitsRun run;
    private Network probe;
    private final DigitsProbe inside = new DigitsProbe();
    private int selected;
    private double[] drawn;
    private long version;

    /**
     * @param dataFolder the MNIST files, or null for ./assets/mnist or the jar's copy
     * @param trainLimit first training digits to use, 0 for all 60,000
     * @param testLimit  first test digits to use, 0 for all 10,000
     */
    public DigitsSession(Worker worker, Executor fx, Path dataFolder, int trainLimit, int testLimit) {
        this(worker, fx, worker::execute, dataFolder, trainLimit, testLimit);
    }

    /**
     * @param loader reads the digits when the tab opens, away from the worker so that the network answers the
     *               drawing at once (the app: a thread of its own; a test: a worker it runs by hand)
     */
    public DigitsSession(Worker worker, Executor fx, Executor loader, Path dataFolder, int trainLimit,
            int testLimit) {
        super(worker, fx);
        this.fx = fx;
        this.loader = loader;
        this.explain = new DigitsExplain(() -> submit(() -> { }), fx, loader);
        this.cells = new DigitsCells(() -> submit(() -> { }), worker::execute, fx);
        this.saves = new DigitsSaves(this, fx);
        this.data = new DigitsData(dataFolder, trainLimit, testLimit);
        this.run = new DigitsRun(this::post);
        this.precision = new DigitsPrecision(fx, inputError::set, id -> submit(() -> run.setPrecision(id)));
        run.listen(precision::shown);
        this.experiments = new DigitsExperiments(this::pause, this::submit, this::post, () -> network != null
                && data.ensure(this::post, this::afterDigitsRead) ? run.experiment(presetId, network, data.train()) : null,
                this::openExperiment);
        withCurves(() -> submit(run::clearRuns), "batch", DigitsSnapshot::runs);
    }

    // ---- what the controls show --------------------------------------------------------

    /** The presets a person can choose, in order. */
    public List<String> presets() {
        return MnistLessons.ids();
    }

    /** The "Why this class?" part of the tab: its choices, maps and maximisation. */
    public DigitsExplain explain() {
        return explain;
    }

    /** The "Numbers inside" part: a cell's sum, a kernel weight's gradient, for the digit shown. */
    public DigitsCells cells() {
        return cells;
    }

    /** Save experiment and Open experiment: where training is, in a file, and back. */
    public DigitsExperiments experiments() {
        return experiments;
    }

    /** The precision training runs in: float (as PyTorch) or double. */
    public DigitsPrecision precision() {
        return precision;
    }

    /** The preset of the network shown (null before the digits are loaded). */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Whether a network is loaded (drawing and inspecting need it; training also needs the digits, read then). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** How many test digits can be chosen (0 before they are loaded). */
    public ReadOnlyIntegerProperty digitCountProperty() {
        return digitCount.getReadOnlyProperty();
    }

    /** Why the last command was refused (a bundle key and its arguments), or null when it was not. */
    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** The ink drawn so far, 28 x 28, as the drawing canvas shows it. */
    public ReadOnlyObjectProperty<DigitsSnapshot.Picture> drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    // ---- commands ----------------------------------------------------------------------

    /**
     * The tab's first showing: the first preset's trained network at once (the drawing canvas answers
     * before the digits are read), and the digits read in the background; again: reads what is missing.
     */
    public void open() {
        if (!loaded.get()) {
            loadPreset(presets().get(0));
        }
        // said through the worker: after the network's own notice, which must not hide it
        data.readOn(loader, () -> submit(this::afterDigitsRead), n -> submit(() -> post(n)));
    }

    /** Completes when the digits being read are read and every command queued then has run. */
    @Override
    public CompletableFuture<Void> idle() {
        return data.reading().thenCompose(v -> super.idle());
    }

    /**
     * A preset's trained network (as shipped with the app; random weights, said so, for a preset
     * shipped without one); an unknown preset is refused.
     */
    public void loadPreset(String id) {
        if (refusedPreset(id)) {
            return;
        }
        submit(() -> useNetwork(id, DigitsModels.trainedOrFresh(id, this::post)));
    }

    /** The preset shown, from random weights (its seed), training at once: learning live from scratch. */
    public void trainFromRandom() {
        String id = preset.get() == null ? presets().get(0) : preset.get();
        if (refusedPreset(id)) {
            return;
        }
        submit(() -> useNetwork(id, DigitsModels.fresh(id, this::post)));
        super.play();
    }

    private boolean refusedPreset(String id) {
        if (id == null || !MnistLessons.has(id)) {
            refuse("digits.error.preset", String.valueOf(id));
            return true;
        }
        inputError.set(null);
        pause();
        return false;
    }

    /** Trains the network shown (reading the digits first if needed); refused before a network is loaded. */
    @Override
    public void play() {
        if (!loaded.get()) {
            refuse("digits.error.notLoaded");
            return;
        }
        inputError.set(null);
        super.play();
    }

    /** Shows test digit {@code index} (0 to {@link #digitCountProperty()} - 1) instead of the drawing. */
    public void select(int index) {
        if (digitCount.get() == 0) {
            refuse("digits.error.noDigits");
            return;
        }
        if (index < 0 || index >= digitCount.get()) {
            refuse("digits.error.digit", index, digitCount.get() - 1);
            return;
        }
        inputError.set(null);
        submit(() -> {
            selected = index;
            drawn = null;
        });
    }

    /** The next test digit (step 1; after the last, the first) or the previous one (step -1). */
    public void selectAfter(int step) {
        int shown = getSnapshot() == null ? 0 : getSnapshot().selected();
        select(digitCount.get() == 0 ? 0 : Math.floorMod(shown + step, digitCount.get()));
    }

    /** Inks around (x, y), in cells of the 28 x 28 grid (off the grid: refused); the network looks every 60 ms. */
    public void drawAt(double x, double y) {
        if (!(x >= 0 && x < DigitsDrawing.CELLS && y >= 0 && y < DigitsDrawing.CELLS)) {
            refuse("digits.error.outside", x, y);
            return;
        }
        inputError.set(null);
        pen.brush(x, y);
        drawing.set(pen.picture());
        if (pen.due(worker.nanoTime())) {
            sendDrawing();
        }
    }

    /** The pen is lifted: the network sees the whole drawing. */
    public void endStroke() {
        pen.lift();
        sendDrawing();
    }

    /** Wipes the drawing and shows the test digit again. */
    public void clearDrawing() {
        inputError.set(null);
        pen.clear();
        drawing.set(pen.picture());
        submit(() -> drawn = null);
    }

    private void sendDrawing() {
        double[] copy = pen.copy();
        submit(() -> drawn = Digits.preprocess(copy, DigitsDrawing.CELLS));
    }

    /**
     * Saves the network shown; refused without a file or before a network is loaded. One holding NaN or infinite
     * values only when {@code confirmedNonFinite}; else {@link #unconfirmedSaveProperty()} asks first.
     */
    public void saveModel(Path file, boolean confirmedNonFinite) {
        if (file == null || !loaded.get()) {
            refuse(file == null ? "digits.error.noFile" : "digits.error.notLoaded");
            return;
        }
        inputError.set(null);
        saves.clear();
        submit(() -> saves.save(file, presetId, network, confirmedNonFinite, this::post));
    }

    /** The answer "no" to {@link #unconfirmedSaveProperty()}: nothing is saved. */
    public void cancelSave() {
        saves.clear();
    }

    /** A save waiting for the user's yes (the network holds NaN or infinite values), or null. */
    public ReadOnlyObjectProperty<Path> unconfirmedSaveProperty() {
        return saves.unconfirmedProperty();
    }

    /** Loads a saved model; a broken file changes nothing and says what is wrong with it. */
    public void loadModel(Path file) {
        if (file == null) {
            refuse("digits.error.noFile");
            return;
        }
        inputError.set(null);
        pause();
        submit(() -> saves.load(file, this::useNetwork, this::post));
    }

    private void refuse(String key, Object... args) {
        inputError.set(new Notice(key, List.of(args), true));
    }

    // ---- worker ------------------------------------------------------------------------

    private void afterDigitsRead() {
        fx.execute(() -> digitCount.set(data.testCount()));
        refreshConfusion();
    }

    private void openExperiment(ExperimentFile.Experiment e, Path file) {
        Trainer restored = data.ensure(this::post, this::afterDigitsRead) ? DigitsRun.restore(e, data.train(), file,
                this::post) : null;
        if (restored != null) {
            useNetwork(e.lesson(), restored.network());
            run.open(e, restored, file, this::post);
        }
    }

    private void useNetwork(String id, Network n) {
        presetId = id;
        network = n;
        run.reset(n, MnistLessons.byId(id).optimizer());
        explain.networkChanged();
        probe = n.copy();
        inside.rebuild(n);
        refreshConfusion();
        fx.execute(() -> {
            preset.set(id);
            loaded.set(true);
        });
    }

    @Override
    protected long playChunk() {
        if (network == null || !data.ensure(this::post, this::afterDigitsRead)) {
            stopPlaying();
            return -1;
        }
        try {
            Double diverged = run.train(presetId, network, data.train(), data.test(), () -> play, worker::nanoTime,
                    CHUNK_NANOS, this::refreshConfusion);
            if (diverged != null) {
                stopPlaying();
                post(new Notice("notice.divergedLoss", List.of(run.iteration(), String.valueOf(diverged)), true));
            }
            publish();
            return diverged == null ? 0 : -1;
        } catch (RuntimeException e) {
            stopPlaying();
            post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            return -1;
        }
    }

    /** The confusion matrix and the gallery of misclassified digits, over the first test digits. */
    private void refreshConfusion() {
        if (network != null && data.loaded()) {
            inside.refreshConfusion(network, data.test(), data.testSet(), Math.min(CONFUSION_DIGITS, data.testCount()));
        }
    }

    private void submit(Runnable command) {
        worker.execute(() -> {
            try {
                command.run();
                if (network != null) {
                    publish();
                }
            } catch (RuntimeException e) {
                if (Boolean.getBoolean("backproplab.debug")) {
                    e.printStackTrace();
                }
                post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            }
        });
    }

    private void publish() {
        probe.restoreParameters(network.copyParameters());
        boolean testDigit = drawn == null && data.loaded();
        // before the digits are read and with nothing drawn: a blank page
        double[] image = drawn != null ? drawn : testDigit ? data.testImage(selected) : new double[784];
        int label = testDigit ? data.testLabel(selected) : -1;
        DigitsProbe.Look look = inside.look(probe, image);
        explain.look(probe, image, label, look.prediction(), play, worker.nanoTime());
        cells.look(probe, image, label, look.prediction(), play, worker.nanoTime());
        int trainSize = data.loaded() ? data.train().size() : 0;
        publishSnapshot(new DigitsSnapshot(presetId, inside.summary(), inside.total(), run.epoch(), run.batchInEpoch(),
                run.batchesPerEpoch(trainSize), run.secondsLeft(trainSize), run.batchLoss(), run.testAccuracy(),
                look.filters(), look.featureMaps(), selected, image.clone(), DigitsPictures.digit(image), label,
                look.probabilities(), look.prediction(), look.saliency(), look.occlusion(), inside.confusionCounts(),
                inside.gallery(), ++version, run.runs(presetId)));
    }

    @Override
    protected void afterPause() {
        submit(this::refreshConfusion);
    }
}
