package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace mnist-cnn-small --model FILE --digit N --json} on a seeded (untrained) model and
 * the tiny test set: the gradients against central finite differences of the loss of forward
 * passes, the first convolution against a hand loop, the output against {@code evaluate}.
 */
class TraceDigitTest {
    private static final String DATA = "src/test/resources/mnist-tiny";
    private static final String PRESET = "mnist-cnn-small";
    private static final int DIGIT = 3;
    @TempDir
    static Path dir;
    static Path model;
    static Path mlp;
    static Network network;
    static Idx.LabelledImages test;

    @BeforeAll
    static void saveModels() throws Exception {
        model = dir.resolve("cnn.json");
        mlp = dir.resolve("mlp.json");
        network = MnistLessons.byId(PRESET).network().apply(7);
        ModelFile.save(model, PRESET, network, false);
        ModelFile.save(mlp, "mnist-mlp", MnistLessons.byId("mnist-mlp").network().apply(7), false);
        test = MnistFiles.test(Path.of(DATA));
    }

    private static CliRun trace(String... extra) {
        List<String> all = new ArrayList<>(List.of("trace", PRESET, "--model", model.toString(), "--data", DATA));
        all.addAll(List.of(extra));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static double[] pixels(int n) {
        double[] x = new double[784];
        for (int i = 0; i < 784; i++) {
            x[i] = test.images().pixel(n, i) / 255.0;
        }
        return x;
    }

    /** -ln p_label of a forward pass of the saved model with {@code values}, computed here from the outputs. */
    private static double loss(Map<String, ImmutableMatrix> values) {
        Network net = network.copy();
        net.restoreParameters(values);
        DMatrixRMaj x = new DMatrixRMaj(1, 784, true, pixels(DIGIT));
        ImmutableMatrix p = net.predict(x);
        return -Math.log(p.get(0, test.label(DIGIT)));
    }

    private static Map<String, ImmutableMatrix> with(Map<String, ImmutableMatrix> base, String name, int row, int col,
            double delta) {
        Map<String, ImmutableMatrix> out = new java.util.LinkedHashMap<>(base);
        double[][] v = base.get(name).toArray();
        v[row][col] += delta;
        out.put(name, ImmutableMatrix.of(v));
        return out;
    }

    private static double finiteDifference(String name, int row, int col) {
        Map<String, ImmutableMatrix> base = network.copyParameters();
        double h = 1e-5;
        return (loss(with(base, name, row, col, h)) - loss(with(base, name, row, col, -h))) / (2 * h);
    }

    private static String name(int layer, Parameter.Kind kind) {
        for (Parameter p : network.layer(layer).allParameters()) {
            if (p.kind() == kind) {
                return p.name();
            }
        }
        throw new AssertionError("layer " + layer + " has no " + kind);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 + 1e-5 * Math.abs(expected), what);
    }

    /** A gradient checked against its finite difference, which is not so small that any number would pass. */
    private static void assertGradient(double finiteDifference, double actual, String what) {
        assertTrue(Math.abs(finiteDifference) > 1e-7, what + ": the finite difference " + finiteDifference
                + " is too small to tell");
        assertClose(finiteDifference, actual, what);
    }

    @Test
    void everyLayersGradientsAgreeWithFiniteDifferencesOfTheLoss() {
        CliRun run = trace("--digit", String.valueOf(DIGIT), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.jsonLines().size(), "no update, no final line");
        JsonNode step = run.jsonLines().get(0);
        assertEquals(DIGIT, step.get("digit").asInt());
        assertEquals(test.label(DIGIT), step.get("label").asInt());
        assertEquals(1.0, step.get("target").get(test.label(DIGIT)).asDouble());
        assertEquals("softmax-cross-entropy", step.get("loss_function").asText());
        assertClose(loss(network.copyParameters()), step.get("loss").asDouble(), "loss");
        JsonNode layers = step.get("layers");
        assertEquals(List.of("conv", "maxpool", "dense", "dense"),
                List.of(layers.get(0).get("type").asText(), layers.get(1).get("type").asText(),
                        layers.get(2).get("type").asText(), layers.get(3).get("type").asText()));

        // conv: dW [filter][channel][row][column] is W1's row filter, column row * 5 + column
        JsonNode convDw = layers.get(0).get("dW");
        String w1 = name(0, Parameter.Kind.WEIGHTS);
        for (int[] fyx : new int[][] {{0, 0, 0}, {3, 2, 2}, {9, 4, 1}}) {
            assertGradient(finiteDifference(w1, fyx[0], fyx[1] * 5 + fyx[2]),
                    convDw.get(fyx[0]).get(0).get(fyx[1]).get(fyx[2]).asDouble(), "conv dW" + List.of(fyx[0], fyx[1]));
        }
        String b1 = name(0, Parameter.Kind.BIAS);
        assertGradient(finiteDifference(b1, 4, 0), layers.get(0).get("db").get(4).asDouble(), "conv db[4]");
        assertFalse(layers.get(1).has("dW"), "pooling has no weights");

        for (int l : new int[] {2, 3}) {
            JsonNode dW = layers.get(l).get("dW");
            String w = name(l, Parameter.Kind.WEIGHTS);
            ImmutableMatrix values = network.parameter(w).values();
            assertEquals(values.rows(), dW.size(), "dW rows of layer " + l);
            assertEquals(values.cols(), dW.get(0).size(), "dW columns of layer " + l);
            for (int[] rc : new int[][] {{0, 0}, {values.rows() - 1, values.cols() - 1}, {values.rows() / 2, 7}}) {
                assertGradient(finiteDifference(w, rc[0], rc[1]), dW.get(rc[0]).get(rc[1]).asDouble(),
                        "layer " + l + " dW" + List.of(rc[0], rc[1]));
            }
            String b = name(l, Parameter.Kind.BIAS);
            assertGradient(finiteDifference(b, 5, 0), layers.get(l).get("db").get(5).asDouble(), "layer " + l + " db[5]");
        }
    }

    @Test
    void theFirstConvolutionIsTheWindowSumDoneByHand() {
        JsonNode step = trace("--digit", String.valueOf(DIGIT), "--json").jsonLines().get(0);
        JsonNode conv = step.get("layers").get(0);
        double[] x = pixels(DIGIT);
        ImmutableMatrix w = network.parameter(name(0, Parameter.Kind.WEIGHTS)).values();
        ImmutableMatrix b = network.parameter(name(0, Parameter.Kind.BIAS)).values();
        for (int[] fyx : new int[][] {{2, 10, 12}, {7, 0, 0}, {9, 23, 5}}) {
            int f = fyx[0];
            int y = fyx[1];
            int xx = fyx[2];
            double z = b.get(f, 0);
            for (int ky = 0; ky < 5; ky++) {
                for (int kx = 0; kx < 5; kx++) {
                    z += w.get(f, ky * 5 + kx) * x[(y + ky) * 28 + xx + kx];
                }
            }
            assertEquals(z, conv.get("z").get(f).get(y).get(xx).asDouble(), 1e-12, "z" + List.of(f, y, xx));
            assertEquals(1 / (1 + Math.exp(-z)), conv.get("a").get(f).get(y).get(xx).asDouble(), 1e-12,
                    "a" + List.of(f, y, xx));
        }
        assertEquals(784, step.get("input").get(0).size() * step.get("input").get(0).get(0).size());
        assertEquals(x[14 * 28 + 15], step.get("input").get(0).get(14).get(15).asDouble(), 0);
    }

    @Test
    void theOutputIsEvaluatesProbabilitiesForThatDigit() {
        JsonNode out = trace("--digit", String.valueOf(DIGIT), "--json").jsonLines().get(0).get("layers").get(3)
                .get("a");
        CliRun evaluate = CliRun.of("evaluate", model.toString(), "--data", DATA, "--json", "--outputs",
                String.valueOf(DIGIT + 1));
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode p = evaluate.jsonLines().get(0).get("outputs").get(DIGIT);
        assertEquals(10, out.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(p.get(k).asDouble(), out.get(k).asDouble(), 1e-12, "p" + k);
        }
    }

    @Test
    void withALearningRateOneSgdStepIsTakenAndPrinted() {
        CliRun run = trace("--digit", String.valueOf(DIGIT), "--json", "--lr", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, run.jsonLines().size());
        JsonNode step = run.jsonLines().get(0).get("layers").get(3);
        JsonNode fin = run.jsonLines().get(1).get("final");
        assertEquals(0.5, fin.get("learning_rate").asDouble());
        ImmutableMatrix w = network.parameter(name(3, Parameter.Kind.WEIGHTS)).values();
        for (int[] rc : new int[][] {{0, 0}, {4, 100}}) {
            double expected = w.get(rc[0], rc[1]) - 0.5 * step.get("dW").get(rc[0]).get(rc[1]).asDouble();
            assertEquals(expected, fin.get("layers").get(3).get("W").get(rc[0]).get(rc[1]).asDouble(), 1e-15);
        }
    }

    private static void assertRefused(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void badRequestsAreRefusedInOneLine() {
        assertRefused(trace("--digit", "200", "--json"), "--digit must be 0 to 199");
        assertRefused(trace("--digit", "-1", "--json"), "--digit must be 0 or more");
        assertRefused(trace("--digit", "1", "--json", "--steps", "2"), "--steps must be 1");
        assertRefused(trace("--digit", "1", "--json", "--steps", "2", "--lr", "0.1"), "--steps must be 1");
        assertRefused(trace("--digit", "1"), "add --json");
        assertRefused(trace("--json"), "needs --model FILE and --digit N");
        assertRefused(trace("--digit", "1", "--json", "--lr", "0"), "--lr must be a number greater than 0");
        assertRefused(trace("--digit", "1", "--json", "--bias", "none"), "--bias does not apply");
        assertRefused(CliRun.of("trace", PRESET, "--model", mlp.toString(), "--digit", "1", "--json", "--data", DATA),
                "the model is a mnist-mlp network, not mnist-cnn-small");
        assertRefused(CliRun.of("trace", "conv-worked", "--model", model.toString(), "--digit", "1", "--json"),
                "apply only to a digits preset");
        assertRefused(CliRun.of("trace", PRESET, "--model", dir.resolve("none.json").toString(), "--digit", "1",
                "--json", "--data", DATA), "none.json");
    }
}
