package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.backproplab.io.ExperimentFile;
import picocli.CommandLine;

/** The commands' reading and writing of experiment files: a refusal or a failed write is one line, exit code 1. */
final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /** Reads an experiment; a refused file is one line on the error stream ("backprop-lab CMD: FILE, field ...: ..."). */
    static ExperimentFile.Experiment load(CommandLine.Model.CommandSpec spec, Path file) {
        try {
            return ExperimentFile.load(file);
        } catch (ExperimentFile.ExperimentException e) {
            spec.commandLine().getErr().println("backprop-lab " + spec.name() + ": not opened: " + e.getMessage());
            spec.commandLine().getErr().flush();
            throw new TrainCommand.SaveFailed();
        }
    }

    /** Writes the experiment and says so on the output. */
    static void save(CommandLine.Model.CommandSpec spec, Path file, ExperimentFile.Experiment experiment, boolean json) {
        try {
            ExperimentFile.save(file, experiment);
        } catch (IOException e) {
            spec.commandLine().getErr().println("backprop-lab " + spec.name() + ": not saved: " + file + " ("
                    + e.getMessage() + ")");
            spec.commandLine().getErr().flush();
            throw new TrainCommand.SaveFailed();
        }
        Map<String, Object> line = Json.object();
        line.put("saved_experiment", file.toString());
        spec.commandLine().getOut().println(json ? Json.line(line) : "saved experiment " + file);
        spec.commandLine().getOut().flush();
    }

    /** {@code curve} with one more point. */
    static ExperimentFile.Curve plus(ExperimentFile.Curve curve, long iteration, double loss) {
        int n = curve.iterations().length;
        long[] x = java.util.Arrays.copyOf(curve.iterations(), n + 1);
        double[] y = java.util.Arrays.copyOf(curve.losses(), n + 1);
        x[n] = iteration;
        y[n] = loss;
        return new ExperimentFile.Curve(x, y);
    }
}
