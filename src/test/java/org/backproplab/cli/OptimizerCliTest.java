package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * trace and train with --optimizer: the JSON's optimizer objects checked against the update
 * formulas written out here from the JSON's own gradients (dW, db), the walk-through's lines,
 * and the refusals (one line, exit code 2).
 */
class OptimizerCliTest {
    private static final double TOL = 1e-12;

    @Test
    void momentumVelocityAndStepInTheJson() {
        List<JsonNode> lines = CliRun.of("trace", "worked-2-2-2", "--steps", "2", "--optimizer", "momentum", "--lr", "0.5",
                "--json").jsonLines();
        JsonNode first = lines.get(0);
        assertEquals("momentum", first.get("optimizer").get("name").asText());
        assertEquals(0.9, first.get("optimizer").get("momentum").asDouble(), 0);
        JsonNode o1 = first.get("layers").get(1);
        JsonNode o2 = lines.get(1).get("layers").get(1);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                double g1 = o1.get("dW").get(j).get(i).asDouble();
                double g2 = o2.get("dW").get(j).get(i).asDouble();
                double v1 = g1; // the first step: v = g
                double v2 = 0.9 * v1 + g2;
                assertEquals(v1, o1.get("optimizer").get("W").get("velocity").get(j).get(i).asDouble(), TOL);
                assertEquals(-0.5 * v1, o1.get("optimizer").get("W").get("step").get(j).get(i).asDouble(), TOL);
                assertEquals(v2, o2.get("optimizer").get("W").get("velocity").get(j).get(i).asDouble(), TOL);
                assertEquals(-0.5 * v2, o2.get("optimizer").get("W").get("step").get(j).get(i).asDouble(), TOL);
                // the second step's weights are the first's plus its step
                assertEquals(o1.get("W").get(j).get(i).asDouble() - 0.5 * v1, o2.get("W").get(j).get(i).asDouble(), TOL);
            }
        }
        // biases frozen in this preset: a zero step, the buffer untouched
        assertEquals(0, o1.get("optimizer").get("b").get("step").get(0).asDouble(), 0);
    }

    @Test
    void adamMomentsBiasCorrectionAndStepInTheJson() {
        List<JsonNode> lines = CliRun.of("trace", "worked-2-2-2", "--steps", "2", "--optimizer", "adam", "--lr", "0.01",
                "--beta1", "0.8", "--beta2", "0.99", "--eps", "1e-6", "--json").jsonLines();
        JsonNode hyper = lines.get(0).get("optimizer");
        assertEquals("adam", hyper.get("name").asText());
        assertEquals(0.8, hyper.get("beta1").asDouble(), 0);
        assertEquals(0.99, hyper.get("beta2").asDouble(), 0);
        assertEquals(1e-6, hyper.get("eps").asDouble(), 0);
        JsonNode h1 = lines.get(0).get("layers").get(0);
        JsonNode h2 = lines.get(1).get("layers").get(0);
        double g1 = h1.get("dW").get(1).get(0).asDouble();
        double g2 = h2.get("dW").get(1).get(0).asDouble();
        double m1 = 0.2 * g1;
        double v1 = 0.01 * g1 * g1;
        double m2 = 0.8 * m1 + 0.2 * g2;
        double v2 = 0.99 * v1 + 0.01 * g2 * g2;
        double mHat2 = m2 / (1 - 0.8 * 0.8);
        double vHat2 = v2 / (1 - 0.99 * 0.99);
        JsonNode a1 = h1.get("optimizer").get("W");
        JsonNode a2 = h2.get("optimizer").get("W");
        assertEquals(1, a1.get("t").asInt());
        assertEquals(2, a2.get("t").asInt());
        assertEquals(m1, a1.get("m").get(1).get(0).asDouble(), TOL);
        assertEquals(v1, a1.get("v").get(1).get(0).asDouble(), TOL);
        assertEquals(g1, a1.get("m_hat").get(1).get(0).asDouble(), TOL);
        assertEquals(g1 * g1, a1.get("v_hat").get(1).get(0).asDouble(), TOL);
        assertEquals(-0.01 * g1 / (Math.abs(g1) + 1e-6), a1.get("step").get(1).get(0).asDouble(), TOL);
        assertEquals(m2, a2.get("m").get(1).get(0).asDouble(), TOL);
        assertEquals(v2, a2.get("v").get(1).get(0).asDouble(), TOL);
        assertEquals(mHat2, a2.get("m_hat").get(1).get(0).asDouble(), TOL);
        assertEquals(vHat2, a2.get("v_hat").get(1).get(0).asDouble(), TOL);
        assertEquals(-0.01 * mHat2 / (Math.sqrt(vHat2) + 1e-6), a2.get("step").get(1).get(0).asDouble(), TOL);
        assertFalse(a1.has("velocity"));
    }

    @Test
    void sgdHasAStepOnly() {
        JsonNode w = CliRun.of("trace", "worked-2-2-2", "--json").jsonLines().get(0).get("layers").get(1).get("optimizer")
                .get("W");
        assertEquals(-0.5 * 0.0821670406, w.get("step").get(0).get(0).asDouble(), 1e-10);
        assertEquals(1, w.size());
    }

    @Test
    void theWalkThroughWritesTheStateOut() {
        String out = CliRun.of("trace", "worked-2-2-2", "--steps", "2", "--optimizer", "adam", "--lr", "0.1").out();
        assertTrue(out.contains("Update (Adam, learning rate eta = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1E-8, t = 2)"), out);
        assertTrue(out.contains("    m_hat = m / (1 - beta1^t) = "), out);
        assertTrue(out.contains("    v_hat = v / (1 - beta2^t) = "), out);
        assertTrue(out.contains("    w5+ = w5 + step = 0.300000012 + "), out);
        String momentum = CliRun.of("trace", "worked-2-2-2", "--optimizer", "momentum").out();
        assertTrue(momentum.contains("    v = mu x v_prev + g = 0.9 x 0 + 0.0821670406 = 0.0821670406   (first step: v = g)"),
                momentum);
        assertTrue(momentum.contains("    w5+ = w5 + step = 0.4 + (-0.0410835203) = 0.35891648"), momentum);
    }

    @Test
    void trainTakesTheSameOptions() {
        List<JsonNode> sgd = CliRun.of("train", "xor", "--epochs", "2", "--optimizer", "sgd", "--lr", "0.3", "--json")
                .jsonLines();
        List<JsonNode> adam = CliRun.of("train", "xor", "--epochs", "2", "--optimizer", "adam", "--lr", "0.3", "--json")
                .jsonLines();
        assertEquals(2, sgd.size());
        // epoch 1's loss is measured before any update: the same starting weights, the same loss
        assertEquals(sgd.get(0).get("loss").asDouble(), adam.get(0).get("loss").asDouble(), 0);
        assertFalse(sgd.get(1).get("loss").asDouble() == adam.get(1).get("loss").asDouble());
    }

    @Test
    void badValuesAreOneLineAndExitCode2() {
        String[][] bad = {
            {"trace", "worked-2-2-2", "--optimizer", "rmsprop"},
            {"trace", "worked-2-2-2", "--optimizer", "momentum", "--momentum", "1"},
            {"trace", "worked-2-2-2", "--optimizer", "momentum", "--momentum", "-0.1"},
            {"trace", "worked-2-2-2", "--optimizer", "adam", "--beta1", "1"},
            {"trace", "worked-2-2-2", "--optimizer", "adam", "--beta2", "NaN"},
            {"trace", "worked-2-2-2", "--optimizer", "adam", "--eps", "-1e-8"},
            {"trace", "worked-2-2-2", "--optimizer", "adam", "--momentum", "0.5"},
            {"trace", "worked-2-2-2", "--beta1", "0.5"},
            {"trace", "worked-2-2-2", "--optimizer", "sgd", "--lr", "0"},
            {"trace", "worked-2-2-2", "--optimizer", "adam", "--eps", "x"},
            {"train", "xor", "--optimizer", "adams"},
            {"train", "xor", "--optimizer", "momentum", "--lr", "-1"},
            {"train", "mnist-mlp", "--optimizer", "sgd"},
            {"trace", "mnist-mlp", "--model", "m.bin", "--digit", "0", "--json", "--optimizer", "adam"},
        };
        for (String[] args : bad) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
    }

    @Test
    void trainHelpListsEveryPresetItAccepts() {
        String help = CliRun.of("train", "--help").out().replaceAll("\\s+", " ");
        for (String id : org.backproplab.lesson.Lessons.ids()) {
            assertTrue(help.contains(id), id);
        }
        for (String id : org.backproplab.lesson.MnistLessons.ids()) {
            assertTrue(help.contains(id), id);
        }
        assertTrue(help.contains("--optimizer"), help);
    }
}
