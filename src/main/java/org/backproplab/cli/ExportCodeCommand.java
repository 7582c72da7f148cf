package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ClassificationReport;
import org.backproplab.engine.Network;
import org.backproplab.engine.Stepper;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.CodeSetup;
import org.backproplab.io.DigitsCode;
import org.backproplab.io.NumpyCode;
import org.backproplab.io.PyTorchCode;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.MnistLessons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a dense preset as the PyTorch or NumPy program of its first training step. */
@Command(name = "export-code", mixinStandardHelpOptions = true,
        description = "Write a preset's network as a program that runs its first training step: PyTorch (an "
                + "nn.Module of nn.Linear layers, the same loss and torch.optim optimizer, loss.backward(), "
                + "optimizer.step()) or NumPy (a NeuralNetwork class with feedforward and backprop, as the "
                + "from-scratch tutorial writes it). Either prints the loss, the gradients and the new parameters; "
                + "run with --json, one JSON line with loss, grads and params keyed by PyTorch's state_dict names "
                + "(linear1.weight, linear1.bias, ...), the numbers 'trace PRESET --json' prints for step 1.")
final class ExportCodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", completionCandidates = PresetName.class,
            description = "A preset with dense layers only: ${COMPLETION-CANDIDATES}.")
    String preset;

    @Option(names = "--lang", paramLabel = "LANG", required = true, description = "pytorch or numpy.")
    String lang;

    @Option(names = "--bias", paramLabel = "MODE",
            description = "frozen (kept at its first value), trained (per neuron) or none. Default: the preset's.")
    String bias;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the program here (atomically) instead of "
            + "printing it.")
    Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "Digits presets: the trained model file "
            + "(required for them): written as an nn.Sequential with its weights in FILE.npz beside the program.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Digits presets: the MNIST folder for the test "
            + "accuracy the app reports (default: assets/mnist, or the copy inside the jar).")
    Path data;

    @Override
    public void run() {
        if (!List.of("pytorch", "numpy").contains(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lang must be pytorch or numpy, not " + lang);
        }
        if (MnistLessons.has(preset)) {
            digits();
            return;
        }
        if (model != null || data != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--model and --data apply only to a digits "
                    + "preset (" + String.join(", ", MnistLessons.ids()) + "), not " + preset);
        }
        Lesson lesson = Options.lesson(spec, preset, List.of());
        if (bias != null) {
            try {
                lesson = lesson.withBiasMode(BiasMode.fromId(bias));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bias: " + e.getMessage());
            }
        }
        String code;
        try {
            CodeSetup setup = CodeSetup.atNextStep(preset, new Stepper(lesson.newTrainer(), 1));
            code = lang.equals("pytorch") ? PyTorchCode.write(setup) : NumpyCode.write(setup);
        } catch (CodeSetup.UnsupportedException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), preset + ": " + e.getMessage());
        }
        PrintWriter print = spec.commandLine().getOut();
        if (out == null) {
            print.print(code);
        } else {
            try {
                AtomicFiles.writeString(out, code);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), out + ": cannot write (" + e.getMessage()
                        + ")");
            }
            print.println("Wrote " + out);
        }
        print.flush();
    }

    /** A digits model: the program and its .npz of weights, with the test accuracy the app measures. */
    private void digits() {
        if (!lang.equals("pytorch")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a digits model is written as PyTorch only "
                    + "(--lang pytorch)");
        }
        if (model == null || out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a digits preset needs --model FILE (the "
                    + "trained network) and --out FILE (the program; its weights go beside it, in a .npz)");
        }
        Network network = TraceDigit.load(preset, model);
        double accuracy = ClassificationReport.of(network, TraceDigit.testDigits(data).samples(0, 10)).accuracy();
        String name = out.getFileName().toString();
        String npzName = (name.endsWith(".py") ? name.substring(0, name.length() - 3) : name) + ".npz";
        DigitsCode.Program program = DigitsCode.write(preset, network, npzName, accuracy);
        Path npz = out.resolveSibling(npzName);
        for (Path p : List.of(npz, out)) {
            try {
                AtomicFiles.write(p, o -> o.write(p == npz ? program.npz()
                        : program.code().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), p + ": cannot write (" + e.getMessage()
                        + ")");
            }
        }
        PrintWriter print = spec.commandLine().getOut();
        print.printf(java.util.Locale.ROOT, "Wrote %s and %s (test accuracy here: %.4f)%n", out, npz, accuracy);
        print.flush();
    }
}
