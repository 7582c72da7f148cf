package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code train mnist-from-scratch}: the tutorial's 1000 per-sample SGD updates on 500 images, its error every 50. */
class FromScratchTrainTest {

    @Test
    void printsTheErrorEvery50UpdatesThenTheTestAccuracy() {
        CliRun run = CliRun.of("train", "mnist-from-scratch", "--data", "src/test/resources/mnist-tiny", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(1000 / 50 + 1, lines.size(), run.out());
        for (int i = 0; i < 20; i++) {
            assertEquals(50 * (i + 1), lines.get(i).get("update").asInt());
            assertTrue(lines.get(i).get("error").isNumber(), lines.get(i).toString());
        }
        double early = lines.get(0).get("error").asDouble() + lines.get(1).get("error").asDouble();
        double late = lines.get(18).get("error").asDouble() + lines.get(19).get("error").asDouble();
        assertTrue(late < early / 2, "the error falls: " + early + " -> " + late);
        JsonNode end = lines.get(20);
        assertEquals(1000, end.get("updates").asInt());
        assertEquals(500, end.get("training_images").asInt());
        assertEquals(200, end.get("test_images").asInt());
        // chance is 0.1; 1000 noisy single-image steps reach about 0.7 on the real test set
        assertTrue(end.get("test_accuracy").asDouble() > 0.4, end.toString());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        String[] args = {"train", "mnist-from-scratch", "--data", "src/test/resources/mnist-tiny", "--seed", "4"};
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(0, a.exitCode(), a.err());
        // the text form: one line per 50 updates, then the result
        assertEquals(21, a.out().lines().count(), a.out());
        assertTrue(a.out().startsWith("update   50  error "), a.out());
        assertEquals(a.out().replaceAll("  [0-9.]+ s\\s*$", ""), b.out().replaceAll("  [0-9.]+ s\\s*$", ""));
    }
}
