package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.MapWalkThrough;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.WalkThrough;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Steps a preset through N iterations and prints every stage's numbers. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Run N training iterations stage by stage and print every number: as a walk-through "
                + "a student can follow, or as one JSON object per line (a NaN or infinite number is written as null). "
                + "An iteration (an update) is one batch forward, its loss, backward and one optimizer step; step k's "
                + "loss is measured before that step's update. With --json each parameter's update is an object "
                + "'optimizer' beside its layer: the step taken and the optimizer's state after it (velocity for "
                + "momentum; m, v, m_hat, v_hat and t for adam). "
                + "Exit code 3 when the loss becomes NaN or infinite (training diverged). "
                + "For a digits preset (mnist-cnn-small, mnist-lenet, mnist-mlp, mnist-keras-example, "
                + "mnist-from-scratch, lenet-1998): "
                + "'trace PRESET --model FILE --digit N --json' runs test digit N through the trained model saved in "
                + "FILE (which must be that preset's network) against its one-hot label: one step, no update unless "
                + "--lr is given (then one SGD step, and a final line with the new parameters); --json is required, "
                + "--steps may only be 1, --bias and --every do not apply, and dropout drops units as in training.")
final class TraceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", completionCandidates = PresetName.class,
            description = "The preset: ${COMPLETION-CANDIDATES}, or a digits preset (with --model and --digit). "
                    + "Not with --experiment.")
    String preset;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Go on from the experiment saved in FILE "
            + "(by --save-experiment or the app's Save experiment; see docs/EXPERIMENT-FORMAT.md) instead of a preset: "
            + "its lesson, settings, samples, weights, optimizer memory and position. Steps are numbered on from it and "
            + "each line is the one 'trace PRESET' prints for that step (a first line's batch and loss function are not "
            + "repeated). --bias and the optimizer options do not apply.")
    Path experiment;

    @Option(names = "--save-experiment", paramLabel = "FILE", description = "After the steps, write the state reached "
            + "to FILE as an experiment (written atomically; the app and 'trace --experiment' reopen it).")
    Path saveExperiment;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1",
            description = "Iterations to run (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--bias", paramLabel = "MODE",
            description = "frozen (kept at its first value), trained (per neuron) or none. Default: the preset's.")
    String bias;

    @CommandLine.Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--every", paramLabel = "K", defaultValue = "1",
            description = "Show only every K-th iteration: K, 2K, 3K, ... (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Digits presets: the trained model file (required for them, refused for the others).")
    Path model;

    @Option(names = "--digit", paramLabel = "N",
            description = "Digits presets: which MNIST test digit, from 0 (required for them).")
    Integer digit;

    @Option(names = "--data", paramLabel = "DIR", description = "Digits presets: the folder with the MNIST IDX files "
            + "(default: assets/mnist, or the copy inside the jar).")
    Path data;

    @Option(names = "--json", description = "One JSON object per line instead of the walk-through.")
    boolean json;

    @Override
    public void run() {
        if (experiment != null && (preset != null || bias != null || optimizer.any())) {
            throw usage(preset != null ? "give a PRESET or --experiment FILE, not both"
                    : "--bias and the optimizer options do not apply to --experiment (its settings are in the file)");
        }
        if (experiment == null && preset == null) {
            throw usage("give a PRESET (or --experiment FILE)");
        }
        if (preset != null && MnistLessons.has(preset) && saveExperiment != null) {
            throw usage("--save-experiment applies to a lesson traced step by step, not to a digits preset");
        }
        if (preset != null && MnistLessons.has(preset)) {
            runDigit();
            return;
        }
        if (model != null || digit != null || data != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model, --digit and --data apply only to "
                    + "a digits preset (" + String.join(", ", MnistLessons.ids()) + "), not " + preset);
        }
        if (steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--steps must be at least 1, got " + steps);
        }
        if (every < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--every must be at least 1, got " + every);
        }
        Lesson lesson = experiment != null ? null : Options.lesson(spec, preset, List.of());
        if (bias != null) {
            try {
                lesson = lesson.withBiasMode(BiasMode.fromId(bias));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bias: " + e.getMessage());
            }
        }
        ExperimentFile.Experiment from = experiment == null ? null : ExperimentFiles.load(spec, experiment);
        if (from != null) {
            lesson = ExperimentFile.lesson(from);
        } else {
            lesson = optimizer.apply(spec, lesson);
        }
        PrintWriter out = spec.commandLine().getOut();
        Stepper stepper = from != null ? ExperimentFile.resume(from, 1) : new Stepper(lesson.newTrainer(), 1);
        Trainer trainer = stepper.trainer();
        ExperimentFile.Curve curve = from != null ? from.curve() : ExperimentFile.Curve.EMPTY;
        Naming naming = Naming.of(trainer.network());
        WalkThrough walkThrough = new WalkThrough(naming);
        MapWalkThrough mapWalkThrough = hasMaps(trainer.network()) ? new MapWalkThrough(trainer.network()) : null;
        TraceJson trace = new TraceJson(trainer.network());
        boolean firstLine = from == null;
        for (int k = 1; k <= steps; k++) {
            stepper.finishIteration();
            List<StageRecord> records = stepper.currentRecords();
            int step = Math.toIntExact(stepper.currentIteration() + 1);
            double loss = lossOf(records);
            curve = ExperimentFiles.plus(curve, step, loss);
            boolean diverged = !Double.isFinite(loss);
            if (step % every != 0 && !diverged) {
                continue;
            }
            if (json) {
                out.println(Json.line(trace.step(step, records, firstLine)));
                firstLine = false;
            } else {
                (mapWalkThrough != null ? mapWalkThrough.describe(step, records) : walkThrough.describe(step, records))
                        .forEach(out::println);
                out.println();
            }
            if (diverged) {
                // as train does: the line that shows it, then why on stderr and exit code 3
                out.flush();
                spec.commandLine().getErr().println("backprop-lab trace: training diverged at step " + step
                        + ": the loss is " + loss + "; try a smaller learning rate");
                spec.commandLine().getErr().flush();
                throw new TrainCommand.Diverged();
            }
        }
        var evaluation = trainer.evaluateTraining();
        ImmutableMatrix outputs = trainer.network().outputValues();
        if (json) {
            Map<String, Object> fin = Json.object();
            fin.put("loss", evaluation.loss());
            fin.put("outputs", Json.samples(outputs));
            fin.put("layers", trace.finalLayers());
            Map<String, Object> line = Json.object();
            line.put("final", fin);
            out.println(Json.line(line));
        } else {
            out.println("After " + trainer.iteration() + (trainer.iteration() == 1 ? " iteration" : " iterations") + ": E_total = "
                    + Naming.number(evaluation.loss()) + ", outputs " + formatOutputs(outputs));
        }
        out.flush();
        if (saveExperiment != null && from != null && from.playground() != null) {
            // a playground's set-up stays one: its curves are by epoch, kept as they were
            ExperimentFiles.save(spec, saveExperiment, ExperimentFile.ofPlayground(from.lesson(), from.playground(),
                    trainer, from.curve(), from.testCurve()), json);
        } else if (saveExperiment != null) {
            ExperimentFiles.save(spec, saveExperiment, ExperimentFile.of(ExperimentFile.STEP, lesson.id(),
                    lesson.network().layers().get(0).biasMode(), lesson.seed(), stepper, curve), json);
        }
    }

    /** trace DIGITS-PRESET --model FILE --digit N --json [--lr X]; the refusals are one line, exit code 2. */
    private void runDigit() {
        if (model == null || digit == null) {
            throw usage("a digits preset needs --model FILE and --digit N");
        }
        if (!json) {
            throw usage("the trace of a digit is printed only as JSON; add --json");
        }
        if (steps != 1) {
            throw usage("--steps must be 1 for a digits preset (one digit, one step), got " + steps);
        }
        if (bias != null || every != 1) {
            throw usage((bias != null ? "--bias" : "--every") + " does not apply to a digits preset");
        }
        Double learningRate = optimizer.learningRate;
        if (optimizer.optimizer != null || optimizer.momentum != null || optimizer.beta1 != null
                || optimizer.beta2 != null || optimizer.eps != null) {
            throw usage("--optimizer, --momentum, --beta1, --beta2 and --eps do not apply to a digits preset "
                    + "(its trace takes one SGD step when --lr is given)");
        }
        if (learningRate != null && (!(learningRate > 0) || Double.isInfinite(learningRate))) {
            throw usage("--lr must be a number greater than 0, got " + learningRate);
        }
        if (digit < 0) {
            throw usage("--digit must be 0 or more, not " + digit);
        }
        Network network = TraceDigit.load(preset, model);
        var test = TraceDigit.testDigits(data);
        if (digit >= test.count()) {
            throw usage("--digit must be 0 to " + (test.count() - 1) + " (the test digits), not " + digit);
        }
        TraceDigit.run(network, test, digit, learningRate, spec.commandLine().getOut());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String formatOutputs(ImmutableMatrix outputs) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < outputs.rows(); r++) {
            List<String> values = new ArrayList<>();
            for (double v : outputs.rowValues(r)) {
                values.add(Naming.number(v));
            }
            rows.add(String.join(", ", values));
        }
        return rows.size() == 1 ? rows.get(0) : "[" + String.join("], [", rows) + "]";
    }

    /** Whether any layer is not dense (its numbers are maps, walked through by {@link MapWalkThrough}). */
    private static boolean hasMaps(Network network) {
        return network.layers().stream().anyMatch(l -> !(l instanceof DenseLayer));
    }

    private static double lossOf(List<StageRecord> records) {
        for (StageRecord r : records) {
            if (r instanceof LossRecord loss) {
                return loss.total();
            }
        }
        return 0;
    }
}
