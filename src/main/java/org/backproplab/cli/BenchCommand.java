package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.backproplab.engine.Network;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Heatmaps;
import org.backproplab.lesson.PlaygroundLessons;
import org.backproplab.lesson.PlaygroundSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures training speed headless, for TensorFlow Playground's default set-up and a large one:
 * epochs per second alone, and frames per second where a frame is one epoch plus every neuron's
 * heatmap on a 100x100 grid plus the training and test losses (as TensorFlow Playground's frame).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed: epochs/s and frames/s (one epoch plus every neuron's 100x100 "
                + "heatmap and the training and test losses) for TensorFlow Playground's default set-up and a large one; "
                + "with --window also the app window's start and frames per second, measured in child processes of this jar "
                + "(needs a display, e.g. xvfb-run). One JSON line per figure.")
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "How long each figure is measured, after a warm-up of the same length (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--resolution", paramLabel = "N", defaultValue = "100",
            description = "Heatmap grid size per side (default ${DEFAULT-VALUE}, as TensorFlow Playground).")
    int resolution;

    @Option(names = "--digits", description = "Also time training epochs over the 60,000 MNIST digits for "
            + "mnist-cnn-small, mnist-lenet and mnist-mlp, each at batch 64 (the PyTorch baseline's) in float32 and in "
            + "float64, as the baseline does: 20 iterations of warm-up, then --digits-epochs epochs, their median "
            + "(about two minutes in all); each line names its precision and batch.")
    boolean digits;

    @Option(names = "--digits-epochs", paramLabel = "N", defaultValue = "3",
            description = "Digits: epochs timed per preset and precision after the warm-up (default ${DEFAULT-VALUE}, "
                    + "the PyTorch baseline's --reps).")
    int digitsEpochs;

    @Option(names = "--digits-only", description = "Only the digits epochs.")
    boolean digitsOnly;

    @Option(names = "--precision", paramLabel = "P", description = "Digits epochs: only float (float32) or only double "
            + "(default: both, each preset at batch 64).")
    String precision;

    @Option(names = "--window", description = "Also the window's figures, in child processes of this jar: the start "
            + "(spawn to the window shown and to its content, ms; --start-runs launches) and the frames per second on spiral, "
            + "spiral with 8 x 16 hidden layers and playground-default (median, min, max, mean and count of the per-second "
            + "readings after the warm-up), after the most a nearly empty JavaFX window draws here (javafx-ceiling). Without a display: one line saying they were skipped.")
    boolean window;

    @Option(names = "--window-only", description = "Only the window's figures.")
    boolean windowOnly;

    @Option(names = "--start-runs", paramLabel = "N", defaultValue = "5",
            description = "Window: launches timed for the start (default ${DEFAULT-VALUE}).")
    int startRuns;

    @Option(names = "--window-warmup", paramLabel = "S", defaultValue = "30",
            description = "Window: seconds each lesson trains before its frames are counted (default ${DEFAULT-VALUE}).")
    double windowWarmup;

    @Option(names = "--window-seconds", paramLabel = "S", defaultValue = "15",
            description = "Window: seconds the frames are counted per lesson, after the warm-up (default ${DEFAULT-VALUE}).")
    double windowSeconds;

    @Override
    public void run() {
        if (startRuns < 1 || startRuns > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--start-runs must be between 1 and 100, got "
                    + startRuns);
        }
        if (!(windowWarmup >= 0 && windowWarmup <= 600) || !(windowSeconds >= 2 && windowSeconds <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window-warmup must be between 0 and 600 "
                    + "and --window-seconds between 2 and 600, got " + windowWarmup + " and " + windowSeconds);
        }
        if (!(seconds > 0 && seconds <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be between 0 and 600, got " + seconds);
        }
        if (resolution < 2 || resolution > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--resolution must be between 2 and 1000, got " + resolution);
        }
        if (precision != null && !precision.equals("float") && !precision.equals("double")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--precision must be float or double, got "
                    + precision);
        }
        if (digitsEpochs < 1 || digitsEpochs > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--digits-epochs must be between 1 and 100, got " + digitsEpochs);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (windowOnly) {
            new WindowBench(out, startRuns, windowWarmup, windowSeconds).run();
            return;
        }
        if (!digitsOnly) {
            measure(out, "playground-default", PlaygroundLessons.tfDefault());
            measure(out, "playground-large", PlaygroundLessons.tfLarge());
        }
        if (digits || digitsOnly) {
            measureDigits(out);
        }
        if (window) {
            new WindowBench(out, startRuns, windowWarmup, windowSeconds).run();
        }
        out.flush();
    }

    private void measure(PrintWriter out, String name, PlaygroundSpec setup) {
        long nanos = (long) (seconds * 1e9);
        // epochs alone
        Trainer trainer = setup.toLesson(name).newTrainer();
        run(trainer, null, null, null, nanos);
        long[] counted = run(trainer, null, null, null, nanos);
        print(out, name, "epochs_per_second", counted[0] * 1e9 / counted[1], trainer);
        // frames: one epoch, every neuron's map from the trained weights, and the training and test
        // losses, as TensorFlow Playground's frame (its oneStep, then updateUI) computes them
        var lesson = setup.toLesson(name);
        Trainer framed = lesson.newTrainer();
        Heatmaps maps = new Heatmaps(setup.features(), resolution);
        Network copy = framed.network().copy();
        run(framed, maps, copy, lesson.test(), nanos);
        counted = run(framed, maps, copy, lesson.test(), nanos);
        print(out, name, "frames_per_second", counted[0] * 1e9 / counted[1], framed);
    }

    /** One epoch over all training digits per baseline digits preset: seconds and images per second. */
    private void measureDigits(PrintWriter out) {
        org.backproplab.engine.Samples train;
        try {
            train = org.backproplab.data.MnistFiles.train(org.backproplab.data.MnistFiles.folder(null)).samples(0, 10);
        } catch (org.backproplab.data.DataFileException | java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // the presets the PyTorch baseline is measured on (shared/bench); the tutorials' larger
        // or per-image ones would take minutes an epoch without a baseline to compare with
        for (String id : java.util.List.of("mnist-cnn-small", "mnist-lenet", "mnist-mlp")) {
            var preset = org.backproplab.lesson.MnistLessons.byId(id);
            for (String precision : precisions()) {
                // the baseline's protocol (shared/bench/torch_baselines.py): 20 iterations of warm-up, then
                // whole epochs, their median; the warm-up trains a copy, so that each timed epoch is a whole one
                // from the start of an epoch. The JIT still compiles during the first timed epoch
                DigitsTrainer.of(preset, train, precision).iterations(WARMUP_ITERATIONS);
                DigitsTrainer timed = DigitsTrainer.of(preset, train, precision);
                java.util.List<Double> seconds = new java.util.ArrayList<>();
                double loss = Double.NaN;
                for (int e = 0; e < digitsEpochs; e++) {
                    long start = System.nanoTime();
                    loss = timed.epoch();
                    seconds.add(Math.round((System.nanoTime() - start) / 1e7) / 100.0);
                }
                double median = WindowReadings.median(seconds.stream().mapToDouble(Double::doubleValue).toArray());
                Map<String, Object> line = Json.object();
                line.put("setup", id);
                line.put("figure", "epoch_seconds");
                line.put("precision", precision);
                line.put("value", Math.round(median * 1000) / 1000.0);
                line.put("epochs_seconds", seconds);
                line.put("warmup_iterations", WARMUP_ITERATIONS);
                line.put("images_per_second", Math.round(train.size() / median));
                line.put("batch", BENCH_BATCH);
                line.put("train_loss", loss);
                line.put("cores", Runtime.getRuntime().availableProcessors());
                out.println(Json.line(line));
                out.flush();
            }
        }
    }

    /** The PyTorch baseline's warm-up before its timed epochs. */
    static final int WARMUP_ITERATIONS = 20;

    /** A new trainer of a digits preset at batch 64, in double or (with {@code single}) in float32. */
    private record DigitsTrainer(Trainer trainer, org.backproplab.engine.FloatTrainer single) {
        static DigitsTrainer of(org.backproplab.lesson.MnistLessons.Preset preset, org.backproplab.engine.Samples train,
                String precision) {
            Trainer trainer = preset.newTrainer(train, preset.seed());
            trainer.setBatchSize(BENCH_BATCH);
            return new DigitsTrainer(trainer, precision.equals("float") ? new org.backproplab.engine.FloatTrainer(trainer) : null);
        }

        /** One epoch; its mean loss. */
        double epoch() {
            return single != null ? single.trainEpoch() : trainer.trainEpoch();
        }

        /** {@code n} iterations. */
        void iterations(int n) {
            for (int i = 0; i < n; i++) {
                if (single != null) {
                    single.trainIteration();
                } else {
                    trainer.trainIteration();
                }
            }
        }
    }

    /** The batch size of every digits figure: the PyTorch baseline's. */
    static final int BENCH_BATCH = 64;

    /** The precisions the digits figures are measured in: both unless --precision names one. */
    private java.util.List<String> precisions() {
        return precision == null ? java.util.List.of("float", "double") : java.util.List.of(precision);
    }

    /**
     * Runs epochs (with heatmaps, then the training loss and the loss on {@code test} if it is
     * given, when {@code maps} is given) for about {@code nanos}; returns {count, nanos taken}.
     */
    private static long[] run(Trainer trainer, Heatmaps maps, Network copy, org.backproplab.engine.Samples test,
            long nanos) {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        do {
            trainer.trainEpoch();
            if (maps != null) {
                copy.restoreParameters(trainer.network().copyParameters());
                // in double, as Playground's engine computes its maps (the window's are float: Heatmaps)
                float[][][] m = maps.computeInDouble(copy);
                sink += m.length;
                double losses = trainer.evaluateTraining().loss() + (test == null ? 0 : trainer.evaluate(test).loss());
                sink += Double.isNaN(losses) ? 1 : 0;
            }
            count++;
        } while (System.nanoTime() - start < nanos);
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return new long[] {count, System.nanoTime() - start};
    }

    private static void print(PrintWriter out, String setup, String figure, double value, Trainer trainer) {
        Map<String, Object> line = Json.object();
        line.put("setup", setup);
        line.put("figure", figure);
        line.put("value", Math.round(value * 10) / 10.0);
        line.put("train_loss", trainer.evaluateTraining().loss());
        line.put("cores", Runtime.getRuntime().availableProcessors());
        out.println(Json.line(line));
        out.flush();
    }
}
