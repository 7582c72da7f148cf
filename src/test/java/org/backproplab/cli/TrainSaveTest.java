package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.Network;
import org.backproplab.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train ... --save FILE}: a version-2 file that evaluate and the app read back. */
class TrainSaveTest {
    private static final String TINY = "src/test/resources/mnist-tiny";

    @TempDir
    Path dir;

    @Test
    void aDigitsModelIsSavedWithItsTrainingAndEvaluatesAsTrainingSaid() throws Exception {
        Path file = dir.resolve("mlp.json");
        CliRun train = CliRun.of("train", "mnist-mlp", "--epochs", "2", "--seed", "4", "--data", TINY, "--save",
                file.toString(), "--json");
        assertEquals(0, train.exitCode(), train.err());
        List<JsonNode> lines = train.jsonLines();
        assertEquals(file.toString(), lines.get(2).get("saved").asText());
        JsonNode last = lines.get(1);
        ModelFile.Loaded m = ModelFile.load(file);
        assertEquals(2, m.version());
        assertEquals("mnist-mlp", m.preset());
        assertEquals(List.of(1, 28, 28), m.architecture().input());
        assertEquals(new ModelFile.Training(2, 4L, last.get("test_accuracy").asDouble()), m.training());
        // evaluate (its own pass over the test digits) finds what training printed after the last epoch
        CliRun eval = CliRun.of("evaluate", file.toString(), "--data", TINY, "--json");
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode e = eval.jsonLines().get(0);
        assertEquals(last.get("test_accuracy").asDouble(), e.get("test_accuracy").asDouble(), 0);
        assertEquals(last.get("test_loss").asDouble(), e.get("test_loss").asDouble(), 1e-12);
        assertEquals(200, e.get("images").asInt());
        int sum = 0;
        int diagonal = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                sum += e.get("confusion").get(t).get(p).asInt();
                diagonal += t == p ? e.get("confusion").get(t).get(p).asInt() : 0;
            }
        }
        assertEquals(200, sum);
        assertEquals(e.get("correct").asInt(), diagonal);
    }

    @Test
    void aPlaygroundPresetIsSavedToo() throws Exception {
        Path file = dir.resolve("xor.json");
        CliRun train = CliRun.of("train", "xor", "--epochs", "5", "--save", file.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().endsWith("saved " + file + System.lineSeparator()), train.out());
        ModelFile.Loaded m = ModelFile.load(file);
        assertEquals(List.of(2), m.architecture().input());
        Network net = m.buildNetwork();
        assertEquals(2, net.inputSize());
        assertEquals(5, m.training().epochs());
    }

    @Test
    void aFileThatCannotBeWrittenIsOneLineAndNothingIsLeft() throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "not a folder");
        Path file = blocker.resolve("m.json");
        CliRun train = CliRun.of("train", "xor", "--epochs", "1", "--save", file.toString());
        assertEquals(1, train.exitCode());
        assertEquals(1, train.err().strip().split("\n").length, train.err());
        assertTrue(train.err().startsWith("backprop-lab train: not saved: " + file), train.err());
        assertFalse(Files.exists(file));
    }
}
