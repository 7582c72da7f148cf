package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} on a network and test set small enough to count by hand: one softmax layer
 * whose logit j is pixel j of the image's first row (W[j][j] = 1, all else 0, b = 0), and five
 * images that light some of those pixels.
 */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    /** Per image: the pixels set (index, 0..255 value) and the label. */
    private static final int[][][] PIXELS = {{{3, 255}}, {{7, 255}, {2, 128}}, {{1, 255}}, {}, {{9, 51}}};
    private static final int[] LABELS = {3, 7, 4, 0, 5};

    static void writeIdx(Path folder, int[][][] pixels, int[] labels) throws IOException {
        try (DataOutputStream out = gz(folder.resolve("t10k-images-idx3-ubyte.gz"))) {
            out.writeInt(0x803);
            out.writeInt(labels.length);
            out.writeInt(28);
            out.writeInt(28);
            for (int[][] image : pixels) {
                byte[] b = new byte[784];
                for (int[] p : image) {
                    b[p[0]] = (byte) p[1];
                }
                out.write(b);
            }
        }
        try (DataOutputStream out = gz(folder.resolve("t10k-labels-idx1-ubyte.gz"))) {
            out.writeInt(0x801);
            out.writeInt(labels.length);
            for (int l : labels) {
                out.writeByte(l);
            }
        }
    }

    private static DataOutputStream gz(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }

    /** The version-2 file of the one-layer network described above, written out by hand. */
    static String model() {
        StringBuilder w = new StringBuilder();
        for (int j = 0; j < 10; j++) {
            w.append(j == 0 ? "[" : ", [");
            for (int i = 0; i < 784; i++) {
                w.append(i == 0 ? "" : ",").append(i == j ? "1" : "0");
            }
            w.append(']');
        }
        return "{\"format\": \"backprop-lab-model\", \"version\": 2, \"preset\": \"hand-made\", \"input\": [1, 28, 28],"
                + " \"layers\": [{\"type\": \"dense\", \"units\": 10, \"activation\": \"softmax\", \"W\": [" + w
                + "], \"b\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}]}";
    }

    private Path modelFile;

    @BeforeEach
    void files() throws IOException {
        writeIdx(dir, PIXELS, LABELS);
        modelFile = dir.resolve("hand.json");
        Files.writeString(modelFile, model());
    }

    @Test
    void accuracyLossAndConfusionAreTheHandCounts() {
        CliRun run = CliRun.of("evaluate", modelFile.toString(), "--data", dir.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = run.jsonLines().get(0);
        // predicted: 3 (right), 7 (right, 1.0 beats 128/255), 1 (label 4), 0 (all logits 0: the first
        // of the largest, label 0, right), 9 (label 5): 3 of 5 right
        assertEquals(5, o.get("images").asInt());
        assertEquals(3, o.get("correct").asInt());
        assertEquals(0.6, o.get("test_accuracy").asDouble(), 0);
        int[][] want = new int[10][10];
        want[3][3] = 1;
        want[7][7] = 1;
        want[4][1] = 1;
        want[0][0] = 1;
        want[5][9] = 1;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                assertEquals(want[t][p], o.get("confusion").get(t).get(p).asInt(), "true " + t + ", predicted " + p);
            }
        }
        assertEquals("true class", o.get("confusion_rows").asText());
        assertEquals("predicted class", o.get("confusion_columns").asText());
        // cross-entropy: the mean over images of ln(sum_j e^(z_j)) - z_label, with 9 or 8 logits 0
        double[] losses = {
            Math.log(9 + Math.E) - 1,
            Math.log(8 + Math.E + Math.exp(128 / 255.0)) - 1,
            Math.log(9 + Math.E),
            Math.log(10),
            Math.log(9 + Math.exp(51 / 255.0))};
        double mean = (losses[0] + losses[1] + losses[2] + losses[3] + losses[4]) / 5;
        assertEquals(mean, o.get("test_loss").asDouble(), 1e-12);
    }

    @Test
    void theTextFormSaysWhatRowsAndColumnsAre() {
        CliRun run = CliRun.of("evaluate", modelFile.toString(), "--data", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("test accuracy 60.00 % (3 right)"), run.out());
        assertTrue(run.out().contains("confusion matrix: rows the true class, columns the predicted class"), run.out());
        // row 5 (true 5) has its one digit in column 9
        assertTrue(run.out().contains("        5     0     0     0     0     0     0     0     0     0     1"), run.out());
    }

    @Test
    void theOutputsAreTheSoftmaxOfTheLogits() {
        CliRun run = CliRun.of("evaluate", modelFile.toString(), "--data", dir.toString(), "--json", "--outputs", "1");
        JsonNode outputs = run.jsonLines().get(0).get("outputs");
        assertEquals(1, outputs.size());
        // image 0: logit 1 at class 3, 0 elsewhere
        assertEquals(Math.E / (9 + Math.E), outputs.get(0).get(3).asDouble(), 1e-15);
        assertEquals(1 / (9 + Math.E), outputs.get(0).get(0).asDouble(), 1e-15);
    }

    @Test
    void aBadFileOrANetworkThatIsNotForDigitsIsOneLine() throws IOException {
        CliRun missing = CliRun.of("evaluate", dir.resolve("nope.json").toString(), "--data", dir.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("backprop-lab evaluate: nope.json: no such file", missing.err().strip());
        Path three = dir.resolve("three.json");
        Files.writeString(three, "{\"format\": \"backprop-lab-model\", \"version\": 2, \"preset\": \"p\", \"input\": [2],"
                + " \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\", \"W\": [[1, 2], [3, 4],"
                + " [5, 6]], \"b\": [0, 0, 0]}]}");
        CliRun wrong = CliRun.of("evaluate", three.toString(), "--data", dir.toString());
        assertEquals(2, wrong.exitCode());
        assertEquals("backprop-lab evaluate: three.json: the network takes 2 inputs and gives 3 outputs; a digits model"
                + " takes 784 and gives 10", wrong.err().strip());
        assertFalse(wrong.err().contains("Exception"));
    }
}
