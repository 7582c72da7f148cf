package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Digits;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.session.DigitsSnapshot.GalleryItem;

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
    /** The prediction and feature maps follow the pen at most this often. */
    private static final long STROKE_NANOS = 60_000_000L;

    private final Executor fx;
    private final Path dataFolder;
    private final int trainLimit;
    private final int testLimit;
    private final ReadOnlyStringWrapper preset = new ReadOnlyStringWrapper(this, "preset");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper digitCount = new ReadOnlyIntegerWrapper(this, "digitCount");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private final DigitsSaves saves;
    private final DigitsDrawing pen = new DigitsDrawing();
    private final ReadOnlyObjectWrapper<DigitsSnapshot.Picture> drawing =
            new ReadOnlyObjectWrapper<>(this, "drawing", pen.picture());
    private long lastStroke = Long.MIN_VALUE;

    // worker thread only
    private String presetId;
    private Idx.LabelledImages testSet;
    private Samples train;
    private Samples test;
    private Trainer trainer;
    private Network probe;
    private final LossHistory batchLoss = new LossHistory(2048);
    private final LossHistory testAccuracy = new LossHistory(256);
    private final DigitsProbe inside = new DigitsProbe();
    private int selected;
    private double[] drawn;
    private int[][] confusion = new int[10][10];
    private List<GalleryItem> gallery = List.of();
    private double secondsPerBatch = Double.NaN;
    private long version;

    /**
     * @param dataFolder the MNIST files, or null for ./assets/mnist or the jar's copy
     * @param trainLimit first training digits to use, 0 for all 60,000
     * @param testLimit  first test digits to use, 0 for all 10,000
     */
    public DigitsSession(Worker worker, Executor fx, Path dataFolder, int trainLimit, int testLimit) {
        super(worker, fx);
        this.fx = fx;
        this.saves = new DigitsSaves(this, fx);
        this.dataFolder = dataFolder;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
    }

    // ---- what the controls show --------------------------------------------------------

    /** The presets a person can choose, in order. */
    public List<String> presets() {
        return MnistLessons.ids();
    }

    /** The bundle key of a preset's title. */
    public static String titleKey(String presetId) {
        return "digits." + presetId;
    }

    /** The preset of the network shown (null before the digits are loaded). */
    public ReadOnlyStringProperty presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Whether the digits and a network are loaded (training and inspecting need them). */
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

    /** Loads the digits and the first preset, unless they are loaded already (the tab's first showing). */
    public void open() {
        if (!loaded.get()) {
            loadPreset(presets().get(0));
        }
    }

    /** Loads the digits (once) and a fresh network of the preset; an unknown preset is refused. */
    public void loadPreset(String id) {
        if (id == null || !MnistLessons.has(id)) {
            refuse("digits.error.preset", String.valueOf(id));
            return;
        }
        accept();
        pause();
        submit(() -> {
            if (ensureData()) {
                trainer = MnistLessons.byId(id).newTrainer(train, MnistLessons.byId(id).seed());
                afterNewNetwork(id);
            }
        });
    }

    /** Starts training (the Play button and Space); refused until the digits are loaded. */
    @Override
    public void play() {
        if (!loaded.get()) {
            refuse("digits.error.notLoaded");
            return;
        }
        accept();
        super.play();
    }

    /** Shows test digit {@code index} (0 to {@link #digitCountProperty()} - 1) instead of the drawing. */
    public void select(int index) {
        if (digitCount.get() == 0) {
            refuse("digits.error.notLoaded");
            return;
        }
        if (index < 0 || index >= digitCount.get()) {
            refuse("digits.error.digit", index, digitCount.get() - 1);
            return;
        }
        accept();
        submit(() -> {
            selected = index;
            drawn = null;
        });
    }

    /** The next test digit (after the last, the first). */
    public void next() {
        selectAfter(1);
    }

    /** The previous test digit (before the first, the last). */
    public void previous() {
        selectAfter(-1);
    }

    private void selectAfter(int step) {
        int shown = getSnapshot() == null ? 0 : getSnapshot().selected();
        select(digitCount.get() == 0 ? 0 : Math.floorMod(shown + step, digitCount.get()));
    }

    /** Inks around (x, y), in cells of the 28 x 28 grid (off the grid: refused); the network looks every 60 ms. */
    public void drawAt(double x, double y) {
        if (!(x >= 0 && x < DigitsDrawing.CELLS && y >= 0 && y < DigitsDrawing.CELLS)) {
            refuse("digits.error.outside", x, y);
            return;
        }
        accept();
        pen.brush(x, y);
        drawing.set(pen.picture());
        long now = worker.nanoTime();
        if (lastStroke == Long.MIN_VALUE || now - lastStroke > STROKE_NANOS) {
            lastStroke = now;
            sendDrawing();
        }
    }

    /** The pen is lifted: the network sees the whole drawing. */
    public void endStroke() {
        lastStroke = Long.MIN_VALUE;
        sendDrawing();
    }

    /** Wipes the drawing and shows the test digit again. */
    public void clearDrawing() {
        accept();
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
        accept();
        saves.clear();
        submit(() -> saves.save(file, presetId, trainer.network(), confirmedNonFinite, this::post));
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
        accept();
        pause();
        submit(() -> {
            if (!ensureData()) {
                return;
            }
            Trainer t = saves.load(file, train, this::post);
            if (t != null) {
                trainer = t;
                afterNewNetwork(saves.loadedPreset());
                post(new Notice("notice.modelLoaded", List.of(file.getFileName().toString()), false));
            }
        });
    }

    private void refuse(String key, Object... args) {
        inputError.set(new Notice(key, List.of(args), true));
    }

    private void accept() {
        inputError.set(null);
    }

    // ---- worker ------------------------------------------------------------------------

    private boolean ensureData() {
        if (train != null) {
            return true;
        }
        try {
            Path dir = MnistFiles.folder(dataFolder);
            Samples tr = MnistFiles.train(dir).samples(trainLimit, 10);
            testSet = MnistFiles.test(dir);
            test = testSet.samples(testLimit, 10);
            train = tr; // last: a failure before (even out of memory) leaves the data unloaded, to retry
            fx.execute(() -> digitCount.set(test.size()));
            return true;
        } catch (DataFileException | IOException e) {
            post(new Notice("notice.dataFailed", List.of(String.valueOf(e.getMessage())), true));
        }
        return false;
    }

    private void afterNewNetwork(String id) {
        presetId = id;
        probe = trainer.network().copy();
        inside.rebuild(trainer.network());
        batchLoss.clear();
        testAccuracy.clear();
        secondsPerBatch = Double.NaN;
        refreshConfusion();
        fx.execute(() -> {
            preset.set(id);
            loaded.set(true);
        });
    }

    @Override
    protected long playChunk() {
        if (trainer == null) {
            stopPlaying();
            return -1;
        }
        try {
            long start = worker.nanoTime();
            int batches = 0;
            do {
                int epochBefore = trainer.epoch();
                double loss = trainer.trainIteration();
                batches++;
                batchLoss.add(trainer.iteration(), loss);
                if (!Double.isFinite(loss)) {
                    stopPlaying();
                    post(new Notice("notice.divergedLoss", List.of(trainer.iteration(), String.valueOf(loss)), true));
                    break;
                }
                if (trainer.epoch() != epochBefore) {
                    Evaluation e = trainer.evaluate(test);
                    testAccuracy.add(trainer.epoch(), e.accuracy());
                    refreshConfusion();
                }
            } while (play && worker.nanoTime() - start < CHUNK_NANOS);
            double perBatch = (worker.nanoTime() - start) / 1e9 / batches;
            secondsPerBatch = Double.isNaN(secondsPerBatch) ? perBatch : 0.8 * secondsPerBatch + 0.2 * perBatch;
            publish();
            return 0;
        } catch (RuntimeException e) {
            stopPlaying();
            post(new Notice("notice.error", List.of(String.valueOf(e.getMessage())), true));
            return -1;
        }
    }

    /** The confusion matrix and the gallery of misclassified digits, over the first test digits. */
    private void refreshConfusion() {
        if (trainer == null) {
            return;
        }
        probe.restoreParameters(trainer.network().copyParameters());
        DigitsProbe.Confusion c = DigitsProbe.confusion(probe, test, testSet, Math.min(CONFUSION_DIGITS, test.size()));
        confusion = c.counts();
        gallery = List.copyOf(c.gallery());
    }

    private void submit(Runnable command) {
        worker.execute(() -> {
            try {
                command.run();
                if (trainer != null) {
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
        probe.restoreParameters(trainer.network().copyParameters());
        double[] image = drawn != null ? drawn : test.inputs().rowValues(selected);
        int label = drawn != null ? -1 : testSet.label(selected);
        DigitsProbe.Look look = inside.look(probe, image);
        int perEpoch = (train.size() + trainer.batchSize() - 1) / trainer.batchSize();
        int batchInEpoch = (trainer.cursor() + trainer.batchSize() - 1) / trainer.batchSize();
        double left = Double.isNaN(secondsPerBatch) ? Double.NaN : (perEpoch - batchInEpoch) * secondsPerBatch;
        int[][] counts = new int[10][];
        for (int t = 0; t < 10; t++) {
            counts[t] = confusion[t].clone();
        }
        publishSnapshot(new DigitsSnapshot(presetId, inside.summary(), inside.total(), trainer.epoch(), batchInEpoch,
                perEpoch, left, batchLoss.copy(), testAccuracy.copy(), look.filters(), look.featureMaps(), selected,
                image.clone(), DigitsPictures.digit(image), label, look.probabilities(), look.prediction(),
                look.saliency(), look.occlusion(), counts, gallery, ++version));
    }

    @Override
    protected void afterPause() {
        submit(this::refreshConfusion);
    }
}
