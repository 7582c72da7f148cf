package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.backproplab.data.DataFileException;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.FloatTrainer;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import picocli.CommandLine;

/** {@code train mnist-...}: loads the digits and trains a digits preset, one line per epoch. */
final class DigitsTraining {
    private final CommandLine.Model.CommandSpec spec;
    private final String preset;
    private final Integer epochs;
    private final Long seed;
    private final boolean json;
    private final Path data;
    private final int limit;
    private final int testLimit;
    private final Path save;
    /** "float", "double", or null for the preset's default (float where the float path takes it). */
    private final String precision;

    DigitsTraining(CommandLine.Model.CommandSpec spec, String preset, Integer epochs, Long seed, boolean json, Path data,
            int limit, int testLimit, Path save,
            String precision) {
        this.spec = spec;
        this.preset = preset;
        this.epochs = epochs;
        this.seed = seed;
        this.json = json;
        this.data = data;
        this.limit = limit;
        this.testLimit = testLimit;
        this.save = save;
        this.precision = precision;
    }

    void run() {
        MnistLessons.Preset p = MnistLessons.byId(preset);
        int n = epochs == null ? p.epochs() : epochs;
        if (n < 1 || limit < 0 || testLimit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--epochs must be at least 1 and --limit, --test-limit at least 0");
        }
        Samples train;
        Samples test;
        try {
            Path dir = MnistFiles.folder(data);
            // a regime of its own reads only the images it draws from
            MnistLessons.Regime own = epochs == null ? MnistLessons.regime(preset) : null;
            train = MnistFiles.train(dir).samples(own != null && limit == 0 ? own.images() : limit, 10);
            test = MnistFiles.test(dir).samples(testLimit, 10);
        } catch (DataFileException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        long s = seed == null ? p.seed() : seed;
        MnistLessons.Regime regime = MnistLessons.regime(preset);
        if (regime != null && epochs == null) {
            Trainer trained = RegimeTraining.run(p, regime, train, test, s, json, spec.commandLine().getOut());
            if (save != null) {
                TrainCommand.save(spec, save, preset, trained.network(), MNIST_INPUT,
                        new ModelFile.Training(null, s, trained.evaluate(test).accuracy()), json);
            }
            return;
        }
        Trainer trainer = p.newTrainer(train, s);
        String why = FloatTrainer.unsupported(trainer);
        if ("float".equals(precision) && why != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), preset + " cannot train in float: " + why
                    + " (use --precision double)");
        }
        // float32 by default where it can, as PyTorch; evaluated and saved in double from the same values
        FloatTrainer single = why == null && !"double".equals(precision) ? new FloatTrainer(trainer) : null;
        epochs(trainer, single, n, train, test, s);
    }

    /**
     * {@code train --experiment FILE} with a digits experiment: the first digits it trained on, its trainer restored,
     * {@code --epochs} (default: the preset's) more epochs numbered on from those done; the first may be the rest of
     * an epoch. Its precision is the file's.
     */
    void continueFrom(ExperimentFile.Experiment e) {
        MnistLessons.Preset p = MnistLessons.byId(e.lesson());
        int n = epochs == null ? p.epochs() : epochs;
        int digits = e.digits().trainDigits();
        if (n < 1 || testLimit < 0 || limit != 0 && limit != digits) {
            throw new CommandLine.ParameterException(spec.commandLine(), n < 1 || testLimit < 0
                    ? "--epochs must be at least 1 and --test-limit at least 0"
                    : "--limit: the experiment trains on the first " + digits + " digits, not " + limit);
        }
        Samples train;
        Samples test;
        try {
            Path dir = MnistFiles.folder(data);
            train = MnistFiles.train(dir).samples(digits, 10);
            test = MnistFiles.test(dir).samples(testLimit, 10);
        } catch (DataFileException | IOException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        if (train.size() != digits) {
            throw new IllegalArgumentException("the experiment trains on the first " + digits
                    + " training digits, but there are " + train.size());
        }
        Trainer trainer = ExperimentFile.digitsTrainer(e, train);
        FloatTrainer single = ExperimentFile.FLOAT.equals(e.digits().precision()) ? floatFrom(e, trainer) : null;
        epochs(trainer, single, n, train, test, e.seed());
    }

    /** The float path from the restored {@code trainer} (its parameters and moments are the file's floats). */
    private FloatTrainer floatFrom(ExperimentFile.Experiment e, Trainer trainer) {
        String why = FloatTrainer.unsupported(trainer);
        if (why != null) {
            throw new IllegalArgumentException(e.lesson() + " cannot train in float: " + why);
        }
        return new FloatTrainer(trainer);
    }

    /** {@code n} epochs numbered on from those {@code trainer} has done, a line each; saves after the last. */
    private void epochs(Trainer trainer, FloatTrainer single, int n, Samples train, Samples test, long s) {
        PrintWriter out = spec.commandLine().getOut();
        double accuracy = Double.NaN;
        int done = single != null ? single.epoch() : trainer.epoch();
        for (int epoch = done + 1; epoch <= done + n; epoch++) {
            long start = System.nanoTime();
            double loss = single != null ? single.trainEpoch() : trainer.trainEpoch();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (single != null) {
                single.publish();
            }
            Evaluation t = trainer.evaluate(test);
            accuracy = t.accuracy();
            Map<String, Object> line = Json.object();
            line.put("epoch", epoch);
            line.put("loss", loss);
            line.put("test_loss", t.loss());
            line.put("test_accuracy", t.accuracy());
            line.put("seconds", Math.round(seconds * 100) / 100.0);
            line.put("precision", single != null ? "float" : "double");
            line.put("images_per_second", Math.round(train.size() / seconds));
            out.println(json ? Json.line(line) : String.format(Locale.ROOT,
                    "epoch %d  loss %.4f  test loss %.4f  test accuracy %.2f %%  %.1f s (%d images/s, %s)", epoch, loss,
                    t.loss(), t.accuracy() * 100, seconds, Math.round(train.size() / seconds),
                    single != null ? "float32" : "float64"));
            out.flush();
            if (!Double.isFinite(loss)) {
                spec.commandLine().getErr().println("backprop-lab train: training diverged at epoch " + epoch);
                throw new TrainCommand.Diverged();
            }
        }
        if (save != null) {
            TrainCommand.save(spec, save, preset, trainer.network(), MNIST_INPUT,
                    new ModelFile.Training(done + n, s, accuracy), json);
        }
    }

    /** One MNIST digit: 1 channel of 28 x 28 pixels. */
    static final java.util.List<Integer> MNIST_INPUT = java.util.List.of(1, MnistFiles.SIDE, MnistFiles.SIDE);
}
