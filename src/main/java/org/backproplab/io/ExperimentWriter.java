package org.backproplab.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.io.ExperimentFile.Experiment;

/**
 * Writes an experiment as JSON: version 1 for the Step-by-step tab and the Playground, 2 for Digits. Every double is written as Java's shortest decimal that
 * reads back as the same double, so nothing is lost; NaN and the infinities (a diverged run) are
 * written as the strings "NaN", "Infinity" and "-Infinity".
 */
final class ExperimentWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExperimentWriter() {
    }

    static byte[] write(Experiment e) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", ExperimentFile.FORMAT);
        // a Step or Playground file is as version 1 wrote it, so an older Backprop Lab still opens it
        root.put("version", e.digits() != null ? ExperimentFile.VERSION : 1);
        root.put("tab", e.tab());
        root.put("lesson", e.lesson());
        ObjectNode settings = root.putObject("settings");
        if (e.digits() == null) {
            settings.put("bias", e.bias().id());
        }
        OptimizerSpec o = e.optimizer();
        settings.put("optimizer", o instanceof OptimizerSpec.Adam ? "adam"
                : o instanceof OptimizerSpec.Momentum ? "momentum" : "sgd");
        number(settings, "learning_rate", o.learningRate());
        if (o instanceof OptimizerSpec.Momentum m) {
            number(settings, "momentum", m.momentum());
        } else if (o instanceof OptimizerSpec.Adam a) {
            number(settings, "beta1", a.beta1());
            number(settings, "beta2", a.beta2());
            number(settings, "eps", a.epsilon());
        }
        settings.put("batch_size", e.batchSize());
        settings.put("seed", e.seed());
        if (e.digits() != null) {
            settings.put("precision", e.digits().precision());
            ObjectNode digits = root.putObject("digits");
            digits.put("train_digits", e.digits().trainDigits());
            if (e.digits().dropoutSeeds() != null && e.digits().dropoutSeeds().length > 0) {
                var seeds = digits.putArray("dropout_seeds");
                for (long seed : e.digits().dropoutSeeds()) {
                    seeds.add(seed);
                }
            }
        } else if (e.playground() != null) {
            ExperimentPlayground.write(root.putObject("playground"), e.playground());
        } else {
            ObjectNode data = root.putObject("data");
            matrix(data.putArray("inputs"), e.train().inputs());
            matrix(data.putArray("targets"), e.train().targets());
        }
        Checkpoint start = e.start();
        ObjectNode position = root.putObject("position");
        position.put("iteration", start.iteration());
        position.put("epoch", start.epoch());
        position.put("cursor", start.cursor());
        if (e.digits() == null) {
            position.put("stages_done", e.stagesDone());
        }
        ObjectNode parameters = root.putObject("parameters");
        for (Map.Entry<String, ImmutableMatrix> p : new TreeMap<>(start.parameters()).entrySet()) {
            matrix(parameters.putArray(p.getKey()), p.getValue());
        }
        ObjectNode state = root.putObject("optimizer_state");
        state.put("steps", start.optimizer().steps());
        ObjectNode buffers = state.putObject("buffers");
        for (Map.Entry<String, Map<String, ImmutableMatrix>> p : new TreeMap<>(start.optimizer().slots()).entrySet()) {
            ObjectNode of = buffers.putObject(p.getKey());
            for (String slot : ExperimentFile.slots(o)) {
                matrix(of.putArray(slot), p.getValue().get(slot));
            }
        }
        curve(root.putObject("curve"), e.curve());
        if (e.testCurve() != null) {
            curve(root.putObject("test_curve"), e.testCurve());
        }
        if (e.digits() != null) {
            ExperimentFile.Curve a = e.digits().testAccuracy();
            ObjectNode accuracy = root.putObject("test_accuracy");
            ArrayNode epochs = accuracy.putArray("epochs");
            ArrayNode values = accuracy.putArray("accuracies");
            for (int i = 0; i < a.iterations().length; i++) {
                epochs.add(a.iterations()[i]);
                add(values, a.losses()[i]);
            }
        }
        if (e.predict() != null) {
            ObjectNode predict = root.putObject("predict");
            ArrayNode kinds = predict.putArray("kinds");
            e.predict().kinds().forEach(kinds::add);
            predict.put("perStage", e.predict().perStage());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void curve(ObjectNode node, ExperimentFile.Curve c) {
        ArrayNode xs = node.putArray("iterations");
        ArrayNode ys = node.putArray("losses");
        for (int i = 0; i < c.iterations().length; i++) {
            xs.add(c.iterations()[i]);
            add(ys, c.losses()[i]);
        }
    }

    private static void matrix(ArrayNode rows, ImmutableMatrix m) {
        for (int r = 0; r < m.rows(); r++) {
            ArrayNode row = rows.addArray();
            for (double v : m.rowValues(r)) {
                add(row, v);
            }
        }
    }

    private static void add(ArrayNode row, double v) {
        if (Double.isFinite(v)) {
            row.add(v);
        } else {
            row.add(String.valueOf(v));
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.put(field, String.valueOf(v));
        }
    }
}
