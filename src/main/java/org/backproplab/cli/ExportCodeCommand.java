package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Stepper;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.CodeSetup;
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

    @Override
    public void run() {
        if (!List.of("pytorch", "numpy").contains(lang)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--lang must be pytorch or numpy, not " + lang);
        }
        if (MnistLessons.has(preset)) {
            throw new CommandLine.ParameterException(spec.commandLine(), preset + " is a digits preset: export-code "
                    + "writes the dense presets (the digits networks are not exported as code yet)");
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
}
