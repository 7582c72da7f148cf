package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.Test;

/** {@code trace conv-worked --json} against the hand calculation of {@link ConvWorkedByHand}. */
class TraceConvWorkedTest {
    private static final double TOL = 1e-12;
    private final ConvWorkedByHand hand = new ConvWorkedByHand();

    private static void assertMap(double[][][] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what + " channels");
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c].length, actual.get(c).size(), what + " rows");
            for (int y = 0; y < expected[c].length; y++) {
                assertEquals(expected[c][y].length, actual.get(c).get(y).size(), what + " columns");
                for (int x = 0; x < expected[c][y].length; x++) {
                    assertEquals(expected[c][y][x], actual.get(c).get(y).get(x).asDouble(), TOL,
                            what + "[" + c + "][" + y + "][" + x + "]");
                }
            }
        }
    }

    private static void assertList(double[] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i).asDouble(), TOL, what + "[" + i + "]");
        }
    }

    /** Kernels [filter][row][column] of one channel, as the JSON's [filter][channel][row][column]. */
    private static void assertKernels(double[][][] expected, JsonNode actual, String what) {
        assertEquals(expected.length, actual.size(), what);
        for (int f = 0; f < expected.length; f++) {
            assertEquals(1, actual.get(f).size(), what + ": one input channel");
            assertMap(new double[][][] {expected[f]}, actual.get(f), what + "[" + f + "]");
        }
    }

    @Test
    void theFirstLineHoldsEveryNumberOfTheHandCalculation() {
        CliRun run = CliRun.of("trace", "conv-worked", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode step = run.jsonLines().get(0);
        assertEquals(1, step.get("step").asInt());
        assertMap(new double[][][] {ConvWorkedByHand.X}, step.get("input"), "input");
        assertList(ConvWorkedByHand.T, step.get("target"), "target");
        assertEquals("softmax-cross-entropy", step.get("loss_function").asText());
        assertEquals(hand.loss, step.get("loss").asDouble(), TOL);

        JsonNode layers = step.get("layers");
        assertEquals(3, layers.size());
        JsonNode conv = layers.get(0);
        assertEquals("conv", conv.get("type").asText());
        assertEquals(2, conv.get("filters").asInt());
        assertEquals(3, conv.get("kernel").asInt());
        assertEquals(1, conv.get("stride").asInt());
        assertEquals(0, conv.get("padding").asInt());
        assertEquals("relu", conv.get("activation").asText());
        assertKernels(ConvWorkedByHand.K, conv.get("W"), "W");
        assertList(ConvWorkedByHand.B1, conv.get("b"), "b");
        assertMap(hand.z1, conv.get("z"), "z");
        assertMap(hand.a1, conv.get("a"), "a");
        assertMap(hand.delta1, conv.get("delta"), "delta");
        assertKernels(hand.dK, conv.get("dW"), "dW");
        assertList(hand.db1, conv.get("db"), "db");
        assertMap(new double[][][] {hand.dX}, conv.get("dx"), "dx");

        JsonNode pool = layers.get(1);
        assertEquals("maxpool", pool.get("type").asText());
        assertEquals(2, pool.get("size").asInt());
        assertEquals(2, pool.get("stride").asInt());
        assertFalse(pool.has("W"), "a pooling layer has no weights");
        assertMap(hand.p, pool.get("a"), "pooled");
        assertMap(hand.dp, pool.get("delta"), "pool delta");
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    // as PyTorch's max_pool2d(return_indices=True): row 4 + column in the 4 x 4 map
                    assertEquals(hand.winner[c][y][x], pool.get("argmax").get(c).get(y).get(x).asInt(),
                            "argmax[" + c + "][" + y + "][" + x + "]");
                }
            }
        }

        JsonNode dense = layers.get(2);
        assertEquals("dense", dense.get("type").asText());
        assertEquals(2, dense.get("units").asInt());
        assertEquals("softmax", dense.get("activation").asText());
        for (int k = 0; k < 2; k++) {
            assertList(ConvWorkedByHand.W3[k], dense.get("W").get(k), "W3[" + k + "]");
            assertList(hand.dW3[k], dense.get("dW").get(k), "dW3[" + k + "]");
        }
        assertList(ConvWorkedByHand.B3, dense.get("b"), "b3");
        assertList(hand.z3, dense.get("z"), "z3");
        assertList(hand.o, dense.get("a"), "o");
        assertList(hand.delta3, dense.get("delta"), "delta3");
        assertList(hand.db3, dense.get("db"), "db3");
    }

    @Test
    void laterLinesAndTheFinalLineFollowTheUpdates() {
        List<JsonNode> lines = CliRun.of("trace", "conv-worked", "--steps", "2", "--json").jsonLines();
        assertEquals(3, lines.size());
        assertFalse(lines.get(1).has("input"), "only the first line holds the batch");
        // the second iteration starts from the weights after one hand-computed SGD step
        JsonNode conv = lines.get(1).get("layers").get(0);
        assertKernels(hand.kAfter, conv.get("W"), "W after one update");
        assertList(hand.b1After, conv.get("b"), "b after one update");
        double second = ConvWorkedByHand.lossOf(ConvWorkedByHand.X, hand.kAfter, hand.b1After, hand.w3After,
                hand.b3After);
        assertEquals(second, lines.get(1).get("loss").asDouble(), TOL);
        assertTrue(second < hand.loss);
        // the final weights: the hand calculation run again from the first update's numbers
        ConvWorkedByHand twice = new ConvWorkedByHand(ConvWorkedByHand.X, hand.kAfter, hand.b1After, hand.w3After,
                hand.b3After);
        JsonNode fin = lines.get(2).get("final").get("layers");
        assertEquals("conv", fin.get(0).get("type").asText());
        assertKernels(twice.kAfter, fin.get(0).get("W"), "W after two updates");
        assertList(twice.b1After, fin.get(0).get("b"), "b after two updates");
        assertEquals("maxpool", fin.get(1).get("type").asText());
        assertFalse(fin.get(1).has("W"));
        for (int k = 0; k < 2; k++) {
            assertList(twice.w3After[k], fin.get(2).get("W").get(k), "W3[" + k + "] after two updates");
        }
        assertList(twice.b3After, fin.get(2).get("b"), "b3 after two updates");
    }

    @Test
    void theWalkThroughWritesEverySumWithTheHandNumbers() {
        CliRun run = CliRun.of("trace", "conv-worked");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = List.of(run.out().split("\n"));
        // filter 0 at row 0, column 2: the nine products of the window, then the bias
        assertTrue(lines.contains("    z1[0][0][2] = 0.2 x 0.8 + 0.5 x 0.9 + (-0.3) x 0.2 + 0.1 x 0.3 + 0.6 x 0.9"
                + " + (-0.4) x 0.4 + (-0.2) x 0.1 + 0.4 x 0.8 + 0.1 x 0.6 + 0.05 = "
                + Naming.number(hand.z1[0][0][2]) + ";  a = relu(1.37) = 1.37"), run.out());
        assertTrue(lines.contains("    a2[0][0][1] = max(1.37, 0.74, 1.01, 1.08) = 1.37   (winner: a1[0][0][2])"));
        assertTrue(lines.contains("    delta2[0][0][1] = " + Naming.number(hand.dp[0][0][1])
                + " goes to a1[0][0][2] (the winner); the other 3 cells of the window get 0"));
        // dE/dW1[0][0][0][0]: the non-zero deltas of filter 0 times the pixel under the tap
        String dw = "    dE/dW1[0][0][0][0] = sum over (y, x) of delta1[0][y][x] x x[0][y+0][x+0] = "
                + Naming.factor(hand.delta1[0][0][1]) + " x 0.1 + " + Naming.factor(hand.delta1[0][0][2]) + " x 0.8 + "
                + Naming.factor(hand.delta1[0][2][3]) + " x 0.8 = " + Naming.number(hand.dK[0][0][0])
                + "   (13 terms are 0)";
        assertTrue(lines.contains(dw), dw);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("    dE/db1[1] = sum of delta1[1] = ")
                && l.endsWith(" = " + Naming.number(hand.db1[1]) + "   (12 terms are 0)")));
        assertTrue(lines.contains("    W1[0][0][0][0]+ = W1[0][0][0][0] - eta x dE/dW1[0][0][0][0] = 0.2 - 0.1 x " + Naming.factor(hand.dK[0][0][0]) + " = "
                + Naming.number(hand.kAfter[0][0][0])));
        assertTrue(run.out().contains("E_total = " + Naming.number(ConvWorkedByHand.lossOf(ConvWorkedByHand.X,
                hand.kAfter, hand.b1After, hand.w3After, hand.b3After))), "the loss after the update");
    }
}
