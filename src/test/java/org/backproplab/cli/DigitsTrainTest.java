package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The digits presets learn on the tiny MNIST subset (1000 training, 200 test images). */
class DigitsTrainTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mnist-mlp,3,0.6", "mnist-lenet,4,0.6", "mnist-cnn-small,6,0.4"})
    void lossFallsAndAccuracyRisesWellAboveChance(String preset, int epochs, double accuracy) {
        CliRun run = CliRun.of("train", preset, "--epochs", String.valueOf(epochs), "--seed", "1", "--data",
                "src/test/resources/mnist-tiny", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(epochs, lines.size());
        JsonNode first = lines.get(0);
        JsonNode last = lines.get(epochs - 1);
        assertTrue(last.get("loss").asDouble() < first.get("loss").asDouble(), "loss fell: " + lines);
        assertTrue(last.get("test_accuracy").asDouble() >= accuracy, "chance is 0.1: " + last);
        assertTrue(last.get("images_per_second").asDouble() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"train mnist-mlp --data /nonexistent/folder", "train mnist-mlp --limit -1"})
    void badDigitsInputIsOneLine(String args) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
    }
}
