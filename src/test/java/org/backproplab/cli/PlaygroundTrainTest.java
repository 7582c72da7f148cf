package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The playground lessons, trained from the command line. */
class PlaygroundTrainTest {
    private static JsonNode last(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        return lines.get(lines.size() - 1);
    }

    @Test
    void twoCirclesReaches98PercentTestAccuracy() {
        CliRun run = CliRun.of("train", "two-circles", "--epochs", "50", "--seed", "1", "--json");
        List<JsonNode> lines = run.jsonLines();
        assertEquals(50, lines.size());
        JsonNode end = lines.get(49);
        assertTrue(end.get("test_accuracy").asDouble() >= 0.98, end.toString());
        assertTrue(end.get("test_loss").asDouble() < lines.get(0).get("test_loss").asDouble());
    }

    @Test
    void xorAndSpiralAreSolved() {
        assertTrue(last("train", "xor-hidden-layer", "--json").get("test_accuracy").asDouble() >= 0.95);
        assertTrue(last("train", "spiral", "--json").get("test_accuracy").asDouble() >= 0.95);
        assertTrue(last("train", "three-classes", "--json").get("test_accuracy").asDouble() >= 0.95);
    }

    @Test
    void oneLineCannotSplitXorButAHiddenLayerCan() {
        double line = last("train", "xor-one-line", "--json").get("test_accuracy").asDouble();
        assertTrue(line < 0.75, "one line: " + line);
    }

    @Test
    void withoutItsBiasTheNeuronsLineMustPassThroughTheOrigin() {
        double with = last("train", "neuron-bias", "--json").get("test_accuracy").asDouble();
        double without = last("train", "neuron-no-bias", "--json").get("test_accuracy").asDouble();
        assertEquals(1.0, with, 0);
        assertTrue(without < 0.95, "without bias: " + without);
    }

    @Test
    void learningRatesTooSmallRightAndTooLarge() {
        List<JsonNode> small = CliRun.of("train", "lr-too-small", "--json").jsonLines();
        List<JsonNode> right = CliRun.of("train", "lr-right", "--json").jsonLines();
        List<JsonNode> overshoot = CliRun.of("train", "lr-overshoot", "--json").jsonLines();
        CliRun largeRun = CliRun.of("train", "lr-too-large", "--json");
        List<JsonNode> large = largeRun.jsonLines();
        double smallEnd = small.get(small.size() - 1).get("loss").asDouble();
        double rightEnd = right.get(right.size() - 1).get("loss").asDouble();
        assertTrue(rightEnd < 1e-6, "right: " + rightEnd);
        assertTrue(smallEnd > 100 * rightEnd && smallEnd < small.get(0).get("loss").asDouble(), "small crawls: " + smallEnd);
        assertTrue(overshoot.get(overshoot.size() - 1).get("loss").asDouble() < overshoot.get(0).get("loss").asDouble(),
                "overshooting still converges");
        assertTrue(large.get(large.size() - 2).get("loss").asDouble() > 1e6, "too large diverges");
        // within the lesson's epochs the loss overflows, and training stops there
        assertEquals(TrainCommand.DIVERGED, largeRun.exitCode(), largeRun.err());
        assertTrue(large.size() < 150, "stopped at epoch " + large.size());
    }

    @Test
    void regressionFits() {
        assertTrue(last("train", "regression", "--json").get("test_loss").asDouble() < 0.05);
    }

    @Test
    void thePaddleNeuronTrainsAndTracesFromTheCommandLine() {
        assertEquals(1.0, last("train", "paddle-neuron", "--json").get("test_accuracy").asDouble(), 0);
        CliRun trace = CliRun.of("trace", "paddle-neuron", "--steps", "1", "--json");
        assertEquals(0, trace.exitCode(), trace.err());
        JsonNode step = trace.jsonLines().get(0);
        assertEquals(10, step.get("input").size(), "one mini-batch of 10 points");
        assertEquals("identity", step.get("layers").get(0).get("activation").asText());
        assertEquals("mean-squared-error", step.get("loss_function").asText());
    }
}
