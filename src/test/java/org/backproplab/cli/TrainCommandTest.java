package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainCommandTest {

    @Test
    void xorIsSolvedAndEveryEpochIsOneLine() {
        CliRun run = CliRun.of("train", "xor", "--json");
        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> lines = run.jsonLines();
        assertEquals(1000, lines.size());
        assertEquals(1, lines.get(0).get("epoch").asInt());
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals(1.0, last.get("accuracy").asDouble(), 0);
        assertTrue(last.get("loss").asDouble() < 0.05, last.toString());
        assertTrue(last.get("loss").asDouble() < lines.get(0).get("loss").asDouble());
    }

    @Test
    void seedChangesTheStartAndRepeatsExactly() {
        String a = CliRun.of("train", "xor", "--epochs", "3", "--seed", "2", "--json").out();
        String b = CliRun.of("train", "xor", "--epochs", "3", "--seed", "2", "--json").out();
        String c = CliRun.of("train", "xor", "--epochs", "3", "--seed", "3", "--json").out();
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test
    void textOutputIsReadable() {
        CliRun run = CliRun.of("train", "from-scratch-3-4-1", "--epochs", "2");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("epoch 1  loss "), run.out());
        assertTrue(run.out().contains("accuracy"), run.out());
    }
}
