package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.Digits;
import org.backproplab.lesson.MnistLessons;
import org.ejml.data.DMatrixRMaj;

/**
 * The digits tab's view-model: a CNN (or MLP) learning MNIST on the worker thread, batch by
 * batch, and everything needed to look inside it for one digit.
 */
public final class DigitsSession extends WorkerSession<DigitsSnapshot> {
    /** Test digits used for the confusion matrix and the gallery (all 10,000 would cost a long pause). */
    private static final int CONFUSION_DIGITS = 1000;
    private static final long CHUNK_NANOS = 40_000_000L;

    private final Path dataFolder;
    private final int trainLimit;
    private final int testLimit;
    private String presetId = "mnist-cnn-small";
    private Idx.LabelledImages testSet;
    private Samples train;
    private Samples test;
    private Trainer trainer;
    private Network probe;
    private final LossHistory batchLoss = new LossHistory(2048);
    private final LossHistory testAccuracy = new LossHistory(256);
    private int selected;
    private double[] drawing;
    private int[][] confusion = new int[10][10];
    private int[] misclassified = new int[0];
    private double secondsPerBatch = Double.NaN;
    private long version;

    /**
     * @param dataFolder the MNIST files, or null for ./assets/mnist or the jar's copy
     * @param trainLimit first training digits to use, 0 for all 60,000
     * @param testLimit  first test digits to use, 0 for all 10,000
     */
    public DigitsSession(Worker worker, Executor fx, Path dataFolder, int trainLimit, int testLimit) {
        super(worker, fx);
        this.dataFolder = dataFolder;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
    }

    // ---- commands ----------------------------------------------------------------------

    /** Loads the digits (once) and a fresh network of the preset. */
    public void loadPreset(String id) {
        pause();
        submit(() -> {
            if (!ensureData()) {
                return;
            }
            presetId = id;
            trainer = MnistLessons.byId(id).newTrainer(train, MnistLessons.byId(id).seed());
            afterNewNetwork();
        });
    }

    /** Shows test digit {@code index}. */
    public void select(int index) {
        submit(() -> {
            if (testSet != null) {
                selected = Math.floorMod(index, test.size());
                drawing = null;
            }
        });
    }

    /** Shows a drawing (values in [0, 1], size x size), made MNIST-like first. */
    public void draw(double[] values, int size) {
        double[] copy = values.clone();
        submit(() -> drawing = Digits.preprocess(copy, size));
    }

    public void saveModel(Path file) {
        submit(() -> {
            try {
                ModelFile.save(file, presetId, trainer.network());
                post(new Notice("notice.exported", List.of(file.getFileName().toString()), false));
            } catch (IOException e) {
                post(new Notice("notice.exportFailed", List.of(file.toString(), e.getMessage()), true));
            }
        });
    }

    /** Loads a saved model; a broken file changes nothing and says what is wrong with it. */
    public void loadModel(Path file) {
        pause();
        submit(() -> {
            if (!ensureData()) {
                return;
            }
            try {
                ModelFile.Loaded m = ModelFile.load(file);
                Trainer t = MnistLessons.byId(m.preset()).newTrainer(train, 1);
                t.network().restoreParameters(m.parameters());
                presetId = m.preset();
                trainer = t;
                afterNewNetwork();
                post(new Notice("notice.modelLoaded", List.of(file.getFileName().toString()), false));
            } catch (ModelFile.ModelFileException e) {
                post(new Notice("notice.modelFailed", List.of(e.getMessage()), true));
            } catch (IllegalArgumentException e) {
                // the file is valid JSON but not a model of a digits preset (its preset, or a shape)
                post(new Notice("notice.modelFailed", List.of(file.getFileName() + ": " + e.getMessage()), true));
            }
        });
    }

    // ---- worker ------------------------------------------------------------------------

    private boolean ensureData() {
        if (train != null) {
            return true;
        }
        try {
            Path dir = MnistFiles.folder(dataFolder);
            Idx.LabelledImages tr = MnistFiles.train(dir);
            testSet = MnistFiles.test(dir);
            train = tr.samples(trainLimit, 10);
            test = testSet.samples(testLimit, 10);
            return true;
        } catch (DataFileException | IOException e) {
            post(new Notice("notice.dataFailed", List.of(String.valueOf(e.getMessage())), true));
        }
        return false;
    }

    private void afterNewNetwork() {
        probe = trainer.network().copy();
        batchLoss.clear();
        testAccuracy.clear();
        secondsPerBatch = Double.NaN;
        refreshConfusion();
    }

    @Override
    protected long playChunk() {
        if (trainer == null) {
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

    private void refreshConfusion() {
        if (trainer == null) {
            return;
        }
        probe.restoreParameters(trainer.network().copyParameters());
        int n = Math.min(CONFUSION_DIGITS, test.size());
        int[][] c = new int[10][10];
        List<Integer> wrong = new ArrayList<>();
        DMatrixRMaj x = new DMatrixRMaj(n, 784);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                x.data[i * 784 + p] = test.inputs().get(i, p);
            }
        }
        probe.forward(x);
        var outputs = probe.outputValues();
        for (int i = 0; i < n; i++) {
            int predicted = Metrics.argmax(outputs, i);
            int actual = testSet.label(i);
            c[actual][predicted]++;
            if (predicted != actual && wrong.size() < 24) {
                wrong.add(i);
            }
        }
        confusion = c;
        misclassified = wrong.stream().mapToInt(Integer::intValue).toArray();
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
        Network net = trainer.network();
        probe.restoreParameters(net.copyParameters());
        double[] image = drawing != null ? drawing : test.inputs().rowValues(selected);
        int label = drawing != null ? -1 : testSet.label(selected);
        List<double[]> maps = Digits.featureMaps(probe, image);
        double[] probabilities = maps.get(maps.size() - 1).clone();
        int predicted = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[predicted]) {
                predicted = i;
            }
        }
        double[] saliency = Digits.saliency(probe, image, predicted);
        double[] occlusion = Digits.occlusion(probe, image, predicted, 4);
        List<int[]> shapes = new ArrayList<>();
        double[][] filters = new double[0][];
        int kernel = 0;
        for (Layer l : net.layers()) {
            if (l instanceof ConvLayer c) {
                shapes.add(new int[] {c.filters(), c.outHeight(), c.outWidth()});
                if (filters.length == 0) {
                    kernel = c.kernel();
                    filters = new double[c.filters()][];
                    var weights = c.weights().values();
                    for (int f = 0; f < c.filters(); f++) {
                        // filter f is row f of W; its first channel's k x k values (the digits have one)
                        filters[f] = java.util.Arrays.copyOf(weights.rowValues(f), kernel * kernel);
                    }
                }
            } else if (l instanceof MaxPoolLayer p) {
                shapes.add(new int[] {p.channels(), p.outHeight(), p.outWidth()});
            } else if (l instanceof DenseLayer) {
                shapes.add(new int[] {1, 1, l.outputSize()});
            }
        }
        int perEpoch = (train.size() + trainer.batchSize() - 1) / trainer.batchSize();
        int batchInEpoch = (trainer.cursor() + trainer.batchSize() - 1) / trainer.batchSize();
        double left = Double.isNaN(secondsPerBatch) ? Double.NaN : (perEpoch - batchInEpoch) * secondsPerBatch;
        publishSnapshot(new DigitsSnapshot(presetId, Digits.summary(net), trainer.epoch(), batchInEpoch, perEpoch, left,
                batchLoss.copy(), testAccuracy.copy(), shapes, maps, filters, kernel, selected, image.clone(), label,
                probabilities, saliency, occlusion, confusion, misclassified.clone(), testSet, true, ++version));
    }

    @Override
    protected void afterPause() {
        submit(this::refreshConfusion);
    }
}
