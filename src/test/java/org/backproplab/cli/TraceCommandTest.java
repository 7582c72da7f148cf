package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceCommandTest {

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * E of the 2-2-2 example as an independent scalar function of its parameters
     * p = {w1..w8, b_h1, b_h2, b_o1, b_o2}, for finite differences against the CLI's gradients.
     */
    private static double error(double[] p) {
        double h1 = sigmoid(p[0] * 0.05 + p[1] * 0.10 + p[8]);
        double h2 = sigmoid(p[2] * 0.05 + p[3] * 0.10 + p[9]);
        double o1 = sigmoid(p[4] * h1 + p[5] * h2 + p[10]);
        double o2 = sigmoid(p[6] * h1 + p[7] * h2 + p[11]);
        return 0.5 * (0.01 - o1) * (0.01 - o1) + 0.5 * (0.99 - o2) * (0.99 - o2);
    }

    private static double[] parameters(JsonNode layers) {
        double[] p = new double[12];
        for (int l = 0; l < 2; l++) {
            JsonNode w = layers.get(l).get("W");
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 2; i++) {
                    p[4 * l + 2 * j + i] = w.get(j).get(i).asDouble();
                }
                p[8 + 2 * l + j] = layers.get(l).get("b").get(j).asDouble();
            }
        }
        return p;
    }

    private static double[] gradients(JsonNode layers) {
        double[] g = new double[12];
        for (int l = 0; l < 2; l++) {
            JsonNode dw = layers.get(l).get("dW");
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 2; i++) {
                    g[4 * l + 2 * j + i] = dw.get(j).get(i).asDouble();
                }
                g[8 + 2 * l + j] = layers.get(l).get("db").get(j).asDouble();
            }
        }
        return g;
    }

    @Test
    void jsonFirstStepHasTheWorkedNumbers() {
        CliRun run = CliRun.of("trace", "worked-2-2-2", "--steps", "1", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(2, lines.size());
        JsonNode step = lines.get(0);
        assertEquals(1, step.get("step").asInt());
        assertEquals(0.298371109, step.get("loss").asDouble(), 1e-9);
        JsonNode layers = step.get("layers");
        assertEquals(2, layers.size());
        assertEquals(0.75136507, layers.get(1).get("a").get(0).asDouble(), 1e-8);
        assertEquals(0.772928465, layers.get(1).get("a").get(1).asDouble(), 1e-9);
        assertEquals(0.3775, layers.get(0).get("z").get(0).asDouble(), 1e-12);
        // W as rows = neurons: w2 (i2 -> h1) is W[0][1], w3 (i1 -> h2) is W[1][0]
        assertEquals(0.20, layers.get(0).get("W").get(0).get(1).asDouble(), 0);
        assertEquals(0.25, layers.get(0).get("W").get(1).get(0).asDouble(), 0);
        assertEquals(0.082167041, layers.get(1).get("dW").get(0).get(0).asDouble(), 1e-9);
        assertEquals(0.138498562, layers.get(1).get("delta").get(0).asDouble(), 1e-9);
        JsonNode fin = lines.get(1).get("final");
        assertEquals(0.291027774, fin.get("loss").asDouble(), 1e-9);
        assertEquals(0.35891648, fin.get("layers").get(1).get("W").get(0).get(0).asDouble(), 1e-8);
    }

    @Test
    void everyGradientInTheJsonEqualsItsFiniteDifference() {
        CliRun run = CliRun.of("trace", "worked-2-2-2", "--steps", "3", "--bias", "trained", "--json");
        for (JsonNode step : run.jsonLines().subList(0, 3)) {
            double[] p = parameters(step.get("layers"));
            double[] g = gradients(step.get("layers"));
            assertEquals(error(p), step.get("loss").asDouble(), 1e-15);
            for (int k = 0; k < 12; k++) {
                double h = 1e-6;
                double[] plus = p.clone();
                double[] minus = p.clone();
                plus[k] += h;
                minus[k] -= h;
                double numeric = (error(plus) - error(minus)) / (2 * h);
                assertEquals(numeric, g[k], 1e-9 + 1e-6 * Math.abs(numeric), "step " + step.get("step") + " p" + k);
            }
        }
    }

    @Test
    void frozenAndTrainedBiasesDiffer() {
        JsonNode frozen = CliRun.of("trace", "worked-2-2-2", "--steps", "5", "--json").jsonLines().get(5).get("final");
        JsonNode trained = CliRun.of("trace", "worked-2-2-2", "--steps", "5", "--bias", "trained", "--json")
                .jsonLines().get(5).get("final");
        assertEquals(0.35, frozen.get("layers").get(0).get("b").get(0).asDouble(), 0);
        assertEquals(0.60, frozen.get("layers").get(1).get("b").get(1).asDouble(), 0);
        assertNotEquals(0.60, trained.get("layers").get(1).get("b").get(0).asDouble());
        assertTrue(trained.get("loss").asDouble() < frozen.get("loss").asDouble());
        JsonNode none = CliRun.of("trace", "worked-2-2-2", "--bias", "none", "--json").jsonLines().get(0);
        assertTrue(none.get("layers").get(0).get("b").isNull());
    }

    @Test
    void theStagedTraceAndTheFastTrainerAgreeExactly() {
        // full batch: train's epoch k loss (the mean of its batch losses, each before its update, as
        // Keras reports it) is trace's step-k loss, for every k, to the last bit
        List<JsonNode> steps = CliRun.of("trace", "worked-2-2-2", "--steps", "25", "--json").jsonLines();
        List<JsonNode> epochs = CliRun.of("train", "worked-2-2-2", "--epochs", "25", "--json").jsonLines();
        assertEquals(0.298371108760003, epochs.get(0).get("loss").asDouble(), 1e-9, "epoch 1 is the first forward pass");
        for (int k = 1; k <= 25; k++) {
            assertEquals(steps.get(k - 1).get("loss").asDouble(), epochs.get(k - 1).get("loss").asDouble(), 0, "epoch " + k);
        }
        // and with Adam, as with any optimizer
        List<JsonNode> adamSteps = CliRun.of("trace", "worked-2-2-2", "--steps", "3", "--optimizer", "adam", "--lr", "0.1",
                "--json").jsonLines();
        List<JsonNode> adamEpochs = CliRun.of("train", "worked-2-2-2", "--epochs", "3", "--optimizer", "adam", "--lr", "0.1",
                "--json").jsonLines();
        for (int k = 1; k <= 3; k++) {
            assertEquals(adamSteps.get(k - 1).get("loss").asDouble(), adamEpochs.get(k - 1).get("loss").asDouble(), 0);
        }
    }

    @Test
    void everyAndLearningRateOptions() {
        List<JsonNode> lines = CliRun.of("trace", "worked-2-2-2", "--steps", "7", "--every", "3", "--json",
                "--lr", "0.1").jsonLines();
        assertEquals(3, lines.size());
        assertEquals(3, lines.get(0).get("step").asInt());
        assertEquals(6, lines.get(1).get("step").asInt());
        assertTrue(lines.get(2).has("final"));
        // with eta = 0.1 the first update moves w5 by 0.1 x 0.082167041
        JsonNode one = CliRun.of("trace", "worked-2-2-2", "--lr", "0.1", "--json").jsonLines().get(1).get("final");
        assertEquals(0.4 - 0.1 * 0.082167041, one.get("layers").get(1).get("W").get(0).get(0).asDouble(), 1e-9);
    }

    @Test
    void textWalkThroughShowsTheChainRule() {
        CliRun run = CliRun.of("trace", "worked-2-2-2");
        assertEquals(0, run.exitCode());
        String out = run.out();
        assertTrue(out.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.15 x 0.05 + 0.2 x 0.1 + 0.35 x 1 = 0.3775"),
                out);
        assertTrue(out.contains("dE/dw5 = dE/dout_o1 x dout_o1/dnet_o1 x dnet_o1/dw5 = 0.74136507 x 0.186815602 x "
                + "0.593269992 = 0.0821670406"), out);
        assertTrue(out.contains("dE/dout_h1 = delta_o1 x w5 + delta_o2 x w7 = 0.138498562 x 0.4 + (-0.0380982365) x 0.5"
                + " = 0.0363503064"), out);
        assertTrue(out.contains("E_total = E_o1 + E_o2 = 0.274811083 + 0.0235600256 = 0.298371109"), out);
        assertTrue(out.contains("w5+ = w5 - eta x dE/dw5 = 0.4 - 0.5 x 0.0821670406 = 0.35891648"), out);
        assertTrue(out.contains("b_o1 stays 0.6 (frozen)"), out);
    }

    @Test
    void textWalkThroughWorksForBatchesAndOtherPresets() {
        CliRun run = CliRun.of("trace", "from-scratch-3-4-1", "--steps", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("net_h1 [sample 4] = "), run.out());
        assertTrue(run.out().contains("dE/dw1 = sum over samples of delta_h1 x i1 = "), run.out());
        CliRun xor = CliRun.of("trace", "xor", "--steps", "1");
        assertTrue(xor.out().contains("the derivative simplifies"), xor.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace nope", "trace worked-2-2-2 --steps -3", "trace worked-2-2-2 --steps x",
        "trace worked-2-2-2 --lr abc", "trace worked-2-2-2 --lr -1", "trace worked-2-2-2 --bias sometimes",
        "trace worked-2-2-2 --every 0", "train nope", "train xor --epochs 0", "train xor --seed 1.5", "frobnicate",
        "trace"})
    void badInputGivesOneClearLineAndExitCode2(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        String[] lines = run.err().strip().split("\n");
        assertEquals(1, lines.length, run.err());
        assertTrue(lines[0].startsWith("backprop-lab"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : new String[] {"trace", "train"}) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("Usage: backprop-lab " + command), run.out());
            assertTrue(run.out().contains("worked-2-2-2"), run.out());
        }
        assertTrue(CliRun.of("--help").out().contains("trace"));
    }

    @Test
    void anUnknownPresetListsOnlyWhatTheCommandRuns() {
        String trace = CliRun.of("trace", "nope(1)").err();
        assertTrue(trace.contains("unknown preset 'nope(1)' (known: worked-2-2-2, "), trace);
        assertFalse(trace.contains("mnist-lenet"), "trace does not run the digits presets: " + trace);
        String train = CliRun.of("train", "nope").err();
        assertTrue(train.contains("mnist-lenet"), "train does: " + train);
    }

    @Test
    void aDivergingTraceSaysSoOnStderrWithExitCode3AndItsLossStaysANumberOrNull() {
        CliRun run = CliRun.of("trace", "lr-too-large", "--steps", "10000", "--every", "1000", "--json");
        assertEquals(TrainCommand.DIVERGED, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        JsonNode last = lines.get(lines.size() - 1);
        int step = last.get("step").asInt();
        assertTrue(step < 10000 && step % 1000 != 0, "the step that diverged is shown: " + step);
        assertTrue(last.get("loss").isNull(), "NaN or Infinity is written as null, not \"NaN\": " + last.get("loss"));
        for (JsonNode line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.get("loss").isNumber(), line.toString());
        }
        assertTrue(run.err().matches("backprop-lab trace: training diverged at step " + step
                + ": the loss is (NaN|Infinity); try a smaller learning rate\\R"), run.err());
        CliRun text = CliRun.of("trace", "lr-too-large", "--steps", "10000", "--every", "1000");
        assertEquals(TrainCommand.DIVERGED, text.exitCode());
        assertEquals(run.err(), text.err());
    }
}
