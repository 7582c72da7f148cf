package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train DIGITS-PRESET --precision float|double}: float by default, double as before, both learn. */
class PrecisionCliTest {
    private static final String TINY = "src/test/resources/mnist-tiny";

    private static List<JsonNode> train(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "mnist-mlp", "--epochs", "2", "--seed", "1",
                "--data", TINY, "--json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run.jsonLines();
    }

    @Test
    void digitsPresetsTrainInFloatByDefaultAndInDoubleWhenAsked() {
        List<JsonNode> byDefault = train();
        List<JsonNode> single = train("--precision", "float");
        List<JsonNode> exact = train("--precision", "double");
        for (int e = 0; e < 2; e++) {
            assertEquals("float", byDefault.get(e).get("precision").asText());
            assertEquals("double", exact.get(e).get("precision").asText());
            // float by default is the same run as --precision float
            assertEquals(single.get(e).get("loss").asDouble(), byDefault.get(e).get("loss").asDouble(), 0);
            double lossDouble = exact.get(e).get("loss").asDouble();
            double lossFloat = single.get(e).get("loss").asDouble();
            assertTrue(lossFloat != lossDouble, "two computations: " + lossFloat);
            assertEquals(lossDouble, lossFloat, 1e-4 * lossDouble, "the same training up to float rounding");
            assertEquals(exact.get(e).get("test_accuracy").asDouble(), single.get(e).get("test_accuracy").asDouble(),
                    0.02);
        }
    }

    @Test
    void aBadOrInapplicablePrecisionIsOneLine() {
        for (String[] args : new String[][] {{"train", "mnist-mlp", "--precision", "half", "--data", TINY},
            {"train", "xor", "--precision", "float"},
            {"train", "mnist-keras-example", "--precision", "float", "--epochs", "1", "--limit", "10", "--data", TINY}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().split("\n").length, run.err());
        }
        CliRun bench = CliRun.of("bench", "--digits-only", "--precision", "half");
        assertEquals(2, bench.exitCode(), bench.err());
        assertTrue(bench.err().contains("--precision must be float or double"), bench.err());
        CliRun epochs = CliRun.of("bench", "--digits-only", "--digits-epochs", "0");
        assertEquals(2, epochs.exitCode(), epochs.err());
        assertTrue(epochs.err().contains("--digits-epochs must be between 1 and 100, got 0"), epochs.err());
        for (String command : new String[] {"train", "bench"}) {
            CliRun help = CliRun.of(command, "--help");
            assertTrue(help.out().contains("--precision"), help.out());
        }
    }
}
