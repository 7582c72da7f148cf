package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Stage;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;

/**
 * {@code trace DIGITS-PRESET --model FILE --digit N --json}: one test digit through a trained
 * model, forward, loss (softmax cross-entropy against the one-hot label) and backward, printed as
 * {@code trace conv-worked --json} prints its stages; with a learning rate also one SGD update,
 * after which a {@code final} line holds the new parameters.
 */
final class TraceDigit {
    private TraceDigit() {
    }

    /** The network of {@code preset} holding the values of {@code file}; a file of another preset is refused. */
    static Network load(String preset, Path file) {
        try {
            ModelFile.Loaded loaded = ModelFile.load(file);
            if (!preset.equals(loaded.preset())) {
                throw new IllegalArgumentException(file + ": the model is a " + ModelFile.shorten(loaded.preset())
                        + " network, not " + preset);
            }
            Network network = MnistLessons.byId(preset).network().apply(1);
            loaded.restoreInto(network);
            return network;
        } catch (ModelFile.ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The test digits of {@code data} (null: the default folder). */
    static Idx.LabelledImages testDigits(Path data) {
        try {
            return MnistFiles.test(MnistFiles.folder(data));
        } catch (DataFileException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Pixels / 255 of test digit {@code n}. */
    static double[] image(Idx.LabelledImages test, int n) {
        double[] image = new double[test.images().size()];
        for (int i = 0; i < image.length; i++) {
            image[i] = test.images().pixel(n, i) / 255.0;
        }
        return image;
    }

    /**
     * Runs the digit through {@code network} and prints the step line (and, after an update, the
     * final line). {@code learningRate} null: no update.
     */
    static void run(Network network, Idx.LabelledImages test, int digit, Double learningRate, PrintWriter out) {
        double[] target = new double[network.outputSize()];
        target[test.label(digit)] = 1;
        Samples one = Samples.of(new double[][] {image(test, digit)}, new double[][] {target});
        Trainer trainer = new Trainer(network, new Optimizer.Sgd(learningRate == null ? 1 : learningRate),
                Regularization.NONE, one, 1, 1);
        trainer.setClassification(true);
        Stepper stepper = new Stepper(trainer, 1);
        List<StageRecord> records = new ArrayList<>();
        if (learningRate != null) {
            records.addAll(stepper.finishIteration());
        } else {
            do {
                records.add(stepper.next());
            } while (stepper.nextStage().kind() != Stage.Kind.UPDATE);
        }
        TraceJson trace = new TraceJson(network);
        Map<String, Object> line = trace.step(1, records, true);
        line.put("digit", digit);
        line.put("label", test.label(digit));
        out.println(Json.line(line));
        if (learningRate != null) {
            Map<String, Object> fin = Json.object();
            fin.put("learning_rate", learningRate);
            fin.put("loss", trainer.evaluateTraining().loss());
            fin.put("outputs", Json.samples(network.outputValues()));
            fin.put("layers", trace.finalLayers());
            Map<String, Object> wrap = Json.object();
            wrap.put("final", fin);
            out.println(Json.line(wrap));
        }
        out.flush();
    }
}
