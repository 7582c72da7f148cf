package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.backproplab.data.DataFileException;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.ClassificationReport;
import org.backproplab.engine.Network;
import org.backproplab.engine.Samples;
import org.backproplab.io.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a saved digits model over the MNIST test digits: loss, accuracy and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model file (version 1 or 2) on the MNIST test digits: test loss, accuracy and "
                + "the 10 x 10 confusion matrix (rows: the true class, columns: the predicted class).")
final class EvaluateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file (e.g. assets/models/mnist-lenet.json).")
    Path file;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The folder with the four MNIST IDX files (default: assets/mnist, or the copy inside the jar).")
    Path data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on the first N test images only (default: all 10,000).")
    int limit;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Option(names = "--outputs", paramLabel = "N", defaultValue = "0",
            description = "With --json: also the network's outputs (the softmax probabilities) for the first N test "
                    + "digits, to compare with another implementation.")
    int outputs;

    @Override
    public void run() {
        if (limit < 0 || outputs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit and --outputs must be at least 0");
        }
        ModelFile.Loaded model;
        Network network;
        try {
            model = ModelFile.load(file);
            network = model.buildNetwork();
        } catch (ModelFile.ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        int pixels = MnistFiles.SIDE * MnistFiles.SIDE;
        if (network.inputSize() != pixels || network.outputSize() != 10) {
            throw new IllegalArgumentException(file.getFileName() + ": the network takes " + network.inputSize()
                    + " inputs and gives " + network.outputSize() + " outputs; a digits model takes " + pixels
                    + " and gives 10");
        }
        Samples test;
        try {
            test = MnistFiles.test(MnistFiles.folder(data)).samples(limit, 10);
        } catch (DataFileException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ClassificationReport r = ClassificationReport.of(network, test);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = Json.object();
            o.put("file", file.getFileName().toString());
            o.put("preset", model.preset());
            o.put("version", model.version());
            o.put("images", r.total());
            o.put("test_loss", r.loss());
            o.put("test_accuracy", r.accuracy());
            o.put("correct", r.correct());
            o.put("confusion_rows", "true class");
            o.put("confusion_columns", "predicted class");
            o.put("confusion", r.confusion());
            if (outputs > 0) {
                int n = Math.min(outputs, test.size());
                org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(n, pixels);
                for (int i = 0; i < n; i++) {
                    test.inputs().copyRow(i, x.data, i * pixels);
                }
                o.put("outputs", Json.rows(network.predict(x)));
            }
            out.println(Json.line(o));
        } else {
            out.print(text(model, r));
        }
        out.flush();
    }

    private String text(ModelFile.Loaded model, ClassificationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%s, model file version %d) on %,d test digits%n",
                file.getFileName(), model.preset(), model.version(), r.total()));
        sb.append(String.format(Locale.ROOT, "test loss %.4f  test accuracy %.2f %% (%,d right)%n", r.loss(),
                r.accuracy() * 100, r.correct()));
        sb.append(String.format(Locale.ROOT, "confusion matrix: rows the true class, columns the predicted class%n"));
        int[][] c = r.confusion();
        sb.append("true\\pred");
        for (int p = 0; p < c.length; p++) {
            sb.append(String.format(Locale.ROOT, "%6d", p));
        }
        sb.append(System.lineSeparator());
        for (int t = 0; t < c.length; t++) {
            sb.append(String.format(Locale.ROOT, "%9d", t));
            for (int p = 0; p < c.length; p++) {
                sb.append(String.format(Locale.ROOT, "%6d", c[t][p]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
