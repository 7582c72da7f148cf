package org.backproplab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.io.ExperimentFile.Curve;
import org.backproplab.io.ExperimentFile.Experiment;
import org.backproplab.io.ExperimentFile.ExperimentException;
import org.backproplab.lesson.MnistLessons;

/**
 * Reads a digits experiment (version 2, {@code "tab": "digits"}): a digits preset, its settings
 * (optimizer, batch size, seed, precision), how many MNIST training digits it trains on, the
 * position between two batches, every parameter and the optimizer's memory (as a Step-by-step
 * experiment holds them), the batch-loss curve and the test accuracy per epoch. Every refusal names
 * the field, as {@link ExperimentReader}'s do.
 */
final class ExperimentDigits {
    private ExperimentDigits() {
    }

    static Experiment read(JsonNode root, int version, ExperimentReader r) throws ExperimentException {
        if (version < 2) {
            throw r.field("version", "a digits experiment is version 2 or later, not " + version);
        }
        r.known(root, "", "format", "version", "tab", "lesson", "settings", "digits", "position", "parameters",
                "optimizer_state", "curve", "test_accuracy");
        String preset = r.text(root, "lesson");
        if (!MnistLessons.has(preset)) {
            throw r.field("lesson", "\"" + ModelFileReader.shorten(preset) + "\" is not a digits preset (it may be "
                    + String.join(", ", MnistLessons.ids()) + ")");
        }
        JsonNode s = r.object(root, "settings");
        r.known(s, "settings.", "optimizer", "learning_rate", "momentum", "beta1", "beta2", "eps", "batch_size", "seed",
                "precision");
        OptimizerSpec optimizer = r.optimizer(s, "batch_size", "seed", "precision");
        int batchSize = (int) r.integer(s, "settings.batch_size", 1, Integer.MAX_VALUE);
        long seed = r.integer(s, "settings.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String precision = r.text(s, "settings.precision");
        if (!List.of(ExperimentFile.FLOAT, ExperimentFile.DOUBLE).contains(precision)) {
            throw r.field("settings.precision", "\"" + ModelFileReader.shorten(precision) + "\" is not float or double");
        }
        JsonNode digits = r.object(root, "digits");
        String in = "digits."; // not written out whole: the bundle test would take the path for a text key
        r.known(digits, in, "train_digits", "dropout_seeds");
        int trainDigits = (int) r.integer(digits, in + "train_digits", 1, Integer.MAX_VALUE);
        Network shapes = MnistLessons.byId(preset).network().apply(seed);
        long[] dropoutSeeds = dropoutSeeds(digits, ExperimentFile.dropoutSeeds(shapes).length, r);
        JsonNode pos = r.object(root, "position");
        r.known(pos, "position.", "iteration", "epoch", "cursor");
        long iteration = r.integer(pos, "position.iteration", 0, Long.MAX_VALUE);
        int epoch = (int) r.integer(pos, "position.epoch", 0, Integer.MAX_VALUE);
        int cursor = (int) r.integer(pos, "position.cursor", 0, trainDigits - 1);
        Checkpoint start = r.checkpoint(root, shapes, optimizer, iteration, epoch, cursor);
        Curve accuracy = accuracy(root, r);
        return new Experiment(ExperimentFile.DIGITS, preset, BiasMode.TRAINED, optimizer, batchSize, seed, null, start,
                0, r.curve(root, "curve"), null, null, null, new ExperimentFile.Digits(precision, trainDigits, accuracy,
                        dropoutSeeds));
    }

    /** "dropout_seeds": one whole number per dropout layer of the preset, in order; optional (null when absent). */
    private static long[] dropoutSeeds(JsonNode digits, int layers, ExperimentReader r) throws ExperimentException {
        if (digits.path("dropout_seeds").isMissingNode()) {
            return null;
        }
        String in = "digits.";
        JsonNode a = digits.path("dropout_seeds");
        if (!a.isArray() || a.size() != layers) {
            throw r.field(in + "dropout_seeds", "needs one seed for each of the preset's " + layers + " dropout layers");
        }
        long[] seeds = new long[layers];
        for (int i = 0; i < layers; i++) {
            if (!a.get(i).isIntegralNumber() || !a.get(i).canConvertToLong()) {
                throw r.field(in + "dropout_seeds[" + i + "]", "is not a whole number");
            }
            seeds[i] = a.get(i).longValue();
        }
        return seeds;
    }

    /** "test_accuracy": {"epochs": [1, 2, ...], "accuracies": [fractions]}. */
    private static Curve accuracy(JsonNode root, ExperimentReader r) throws ExperimentException {
        JsonNode a = r.object(root, "test_accuracy");
        r.known(a, "test_accuracy.", "epochs", "accuracies");
        JsonNode xs = a.path("epochs");
        JsonNode ys = a.path("accuracies");
        if (!xs.isArray() || !ys.isArray() || xs.size() != ys.size()) {
            throw r.field("test_accuracy", "needs two lists, epochs and accuracies, of the same length");
        }
        long[] x = new long[xs.size()];
        double[] y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
            if (!xs.get(i).isIntegralNumber() || !xs.get(i).canConvertToLong() || xs.get(i).longValue() < 1) {
                throw r.field("test_accuracy.epochs[" + i + "]", "is not an epoch number (1 or more)");
            }
            x[i] = xs.get(i).longValue();
            y[i] = r.number(ys.get(i), "test_accuracy.accuracies[" + i + "]");
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw r.field("test_accuracy.accuracies[" + i + "]", "must be a fraction from 0 to 1, not " + y[i]);
            }
        }
        return new Curve(x, y);
    }
}
