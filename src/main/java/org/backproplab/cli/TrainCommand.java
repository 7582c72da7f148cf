package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.backproplab.data.Excerpt;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Naming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Trains a preset and prints one line per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a preset and print one line per epoch (one pass over the training samples, "
                + "ceil(N/B) iterations for N samples in batches of B; each iteration is one update). The epoch's loss "
                + "is the mean of its batch losses, each measured before its update (as Keras reports it), so for "
                + "a full-batch preset epoch k's loss is trace's step-k loss. The accuracy (where the preset "
                + "classifies) and the test loss and accuracy are measured after the epoch.")
final class TrainCommand implements Runnable {
    /** Exit code when training diverges (the loss or a weight became NaN or infinite). */
    static final int DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", completionCandidates = AnyPresetName.class,
            description = "The preset: ${COMPLETION-CANDIDATES}. The mnist-* presets and lenet-1998 are digits presets.")
    String preset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train. Default: the preset's; "
            + "mnist-from-scratch without --epochs runs its tutorial's 1000 single-image updates on 500 images.")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the initial weights and of the batch order. Default: the preset's.")
    Long seed;

    @CommandLine.Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Digits presets: the folder with the four MNIST IDX files (default: assets/mnist, or the copy "
                    + "inside the jar).")
    java.nio.file.Path data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Digits presets: train on the first N training images only (default: all 60,000).")
    int limit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "Digits presets: test on the first N test images only (default: all 10,000).")
    int testLimit;

    @Option(names = "--precision", paramLabel = "P",
            description = "Digits presets: float (float32, as PyTorch trains by default, about twice as fast) or double "
                    + "(exactly as before). Default: float for mnist-cnn-small, mnist-lenet and mnist-mlp; double for the "
                    + "presets the float path does not take (dropout, subsampling, tanh, per-image SGD). The model is "
                    + "saved and evaluated in double either way.")
    String precision;

    @Option(names = "--save", paramLabel = "FILE",
            description = "After training, write the model to FILE (a version-2 model file, written atomically; "
                    + "see docs/MODEL-FORMAT.md).")
    java.nio.file.Path save;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Go on from the experiment saved in FILE (by "
            + "'trace --save-experiment' or the app) instead of a preset: an iteration it stopped in is finished first, "
            + "then epochs are numbered on from the ones it had done (the first may be the rest of an epoch). "
            + "--seed and the optimizer options do not apply; --epochs defaults to the lesson's. A Digits-tab experiment "
            + "goes on in its own precision on the first MNIST training digits it trained on (--data, --test-limit "
            + "and --save apply).")
    java.nio.file.Path experiment;

    @Override
    public void run() {
        if (experiment != null || preset == null) {
            if (preset != null || seed != null || optimizer.any() || experiment == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), experiment == null
                        ? "give a PRESET (or --experiment FILE)" : preset != null
                        ? "give a PRESET or --experiment FILE, not both"
                        : "--seed and the optimizer options do not apply to --experiment (its settings are in the file)");
            }
            var from = ExperimentFiles.load(spec, experiment);
            if (from.digits() != null) {
                if (precision != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--precision does not apply to --experiment (its precision is in the file)");
                }
                new DigitsTraining(spec, from.lesson(), epochs, null, json, data, limit, testLimit, save, null)
                        .continueFrom(from);
                return;
            }
            var stepper = org.backproplab.io.ExperimentFile.resume(from, 1);
            if (!stepper.atIterationStart()) {
                stepper.finishIteration();
            }
            Lesson lesson = org.backproplab.io.ExperimentFile.lesson(from);
            train(lesson, stepper.trainer(), epochs == null ? lesson.epochs() : epochs, from.seed());
            return;
        }
        if (org.backproplab.lesson.MnistLessons.has(preset)) {
            if (optimizer.any()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--optimizer, --lr, --momentum, --beta1, "
                        + "--beta2 and --eps do not apply to a digits preset (it trains with its own optimizer)");
            }
            if (precision != null && !precision.equals("float") && !precision.equals("double")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--precision must be float or double, got "
                        + Excerpt.of(precision));
            }
            new DigitsTraining(spec, preset, epochs, seed, json, data, limit, testLimit, save, precision).run();
            return;
        }
        if (precision != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--precision applies only to a digits preset");
        }
        Lesson lesson = optimizer.apply(spec, Options.lesson(spec, preset, org.backproplab.lesson.MnistLessons.ids()));
        int n = epochs == null ? lesson.epochs() : epochs;
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + n);
        }
        long s = seed == null ? lesson.seed() : seed;
        train(lesson, lesson.newTrainer(s), n, s);
    }

    /** {@code n} epochs of {@code trainer} on {@code lesson}, numbered on from the epochs it has done. */
    private void train(Lesson lesson, Trainer trainer, int n, long s) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + n);
        }
        PrintWriter out = spec.commandLine().getOut();
        Double accuracy = null;
        int done = trainer.epoch();
        for (int epoch = done + 1; epoch <= done + n; epoch++) {
            // as Keras: the mean of the epoch's batch losses, each before its update
            double loss = trainer.trainEpoch();
            Evaluation train = trainer.evaluateTraining();
            Evaluation test = lesson.hasTest() ? trainer.evaluate(lesson.test()) : null;
            Map<String, Object> line = Json.object();
            line.put("epoch", epoch);
            line.put("loss", loss);
            if (!Double.isNaN(train.accuracy())) {
                line.put("accuracy", train.accuracy());
            }
            if (test != null) {
                line.put("test_loss", test.loss());
                if (!Double.isNaN(test.accuracy())) {
                    line.put("test_accuracy", test.accuracy());
                    accuracy = test.accuracy();
                }
            }
            if (json) {
                out.println(Json.line(line));
            } else {
                out.println(text(line));
            }
            if (!Double.isFinite(loss) || !Double.isFinite(train.loss())) {
                out.flush();
                spec.commandLine().getErr().println("backprop-lab train: training diverged at epoch " + epoch
                        + ": the loss is " + (Double.isFinite(loss) ? train.loss() : loss) + "; try a smaller learning rate");
                spec.commandLine().getErr().flush();
                throw new Diverged();
            }
        }
        out.flush();
        if (save != null) {
            save(spec, save, lesson.id(), trainer.network(), java.util.List.of(trainer.network().inputSize()),
                    new ModelFile.Training(n, s, accuracy), json);
        }
    }

    /**
     * Writes the trained network as a version-2 model file, atomically, and says so on the output;
     * a file that cannot be written is one line on the error stream (exit code 1).
     */
    static void save(CommandLine.Model.CommandSpec spec, java.nio.file.Path file, String preset, Network network,
            java.util.List<Integer> input, ModelFile.Training training, boolean json) {
        try {
            ModelFile.save(file, preset, network, input, training, false);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("backprop-lab train: not saved: " + (e instanceof ModelFile.NonFiniteException
                    ? e.getMessage() : file + " (" + e.getMessage() + ")"));
            spec.commandLine().getErr().flush();
            throw new SaveFailed();
        }
        Map<String, Object> line = Json.object();
        line.put("saved", file.toString());
        spec.commandLine().getOut().println(json ? Json.line(line) : "saved " + file);
        spec.commandLine().getOut().flush();
    }

    /** Ends the command with exit code 1; the message is already printed. */
    static final class SaveFailed extends RuntimeException implements CommandLine.IExitCodeGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public int getExitCode() {
            return 1;
        }
    }

    /** Ends the command with exit code {@link #DIVERGED}; the message is already printed. */
    static final class Diverged extends RuntimeException implements CommandLine.IExitCodeGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public int getExitCode() {
            return DIVERGED;
        }
    }

    private static String text(Map<String, Object> line) {
        StringBuilder sb = new StringBuilder();
        line.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            String value = v instanceof Double d
                    ? (k.contains("accuracy") ? String.format(java.util.Locale.ROOT, "%.1f %%", d * 100) : Naming.number(d))
                    : String.valueOf(v);
            sb.append(k.replace('_', ' ')).append(' ').append(value);
        });
        return sb.toString();
    }
}
