package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.Network;
import org.backproplab.explain.Explainer;
import org.backproplab.explain.ReluRule;
import org.backproplab.explain.ScoreTarget;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code explain} on a LeNet model file (seeded weights, not trained) and the 200 test digits of the tiny set. */
class ExplainCommandTest {
    private static final String DATA = "src/test/resources/mnist-tiny";
    @TempDir
    static Path dir;
    static Path lenet;
    static Path mlp;
    static Network lenetNetwork;

    @BeforeAll
    static void saveModels() throws Exception {
        lenet = dir.resolve("lenet.json");
        mlp = dir.resolve("mlp.json");
        lenetNetwork = MnistLessons.byId("mnist-lenet").network().apply(7);
        ModelFile.save(lenet, "mnist-lenet", lenetNetwork, false);
        ModelFile.save(mlp, "mnist-mlp", MnistLessons.byId("mnist-mlp").network().apply(7), false);
    }

    private static CliRun explain(String... args) {
        List<String> all = new ArrayList<>(List.of("explain", lenet.toString(), "--data", DATA));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static double[] digit(int n) throws Exception {
        var test = MnistFiles.test(Path.of(DATA));
        double[] x = new double[784];
        for (int i = 0; i < 784; i++) {
            x[i] = test.images().pixel(n, i) / 255.0;
        }
        return x;
    }

    private static double[] flat(JsonNode rows, int size) {
        assertEquals(size, rows.size());
        double[] out = new double[size * rows.get(0).size()];
        int k = 0;
        for (JsonNode row : rows) {
            assertEquals(rows.get(0).size(), row.size());
            for (JsonNode v : row) {
                out[k++] = v.asDouble();
            }
        }
        return out;
    }

    @Test
    void guidedSaliencyAsJsonHoldsTheRawMapOfTheModelsNetwork() throws Exception {
        CliRun run = explain("--digit", "5", "--method", "guided", "--class", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = run.jsonLines().get(0);
        assertEquals("guided", o.get("method").asText());
        assertEquals(5, o.get("digit").asInt());
        assertEquals(MnistFiles.test(Path.of(DATA)).label(5), o.get("label").asInt());
        assertEquals(3, o.get("class").asInt());
        assertEquals(10, o.get("probabilities").size());
        double[] expected = new Explainer(lenetNetwork, 28, 28).saliency(digit(5), 3, ScoreTarget.LOGIT,
                ReluRule.GUIDED).map().values();
        assertArrayEquals(expected, flat(o.get("map"), 28), 0);
    }

    @Test
    void gradCamGivesTheLayerMapAndWeightsOfTheLastConvByDefault() {
        CliRun run = explain("--digit", "0", "--method", "gradcam", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = run.jsonLines().get(0);
        assertEquals(3, o.get("layer").asInt(), "LeNet's second conv is layer 3");
        assertEquals(16, o.get("weights").size());
        assertEquals(100, flat(o.get("layer_map"), 10).length);
        assertEquals(784, flat(o.get("map"), 28).length);
        assertEquals(o.get("prediction").asInt(), o.get("class").asInt(), "the predicted class by default");
        CliRun first = explain("--digit", "0", "--method", "guided-gradcam", "--layer", "1", "--json");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(6, first.jsonLines().get(0).get("weights").size());
        assertEquals(28, first.jsonLines().get(0).get("layer_map").size());
    }

    @Test
    void occlusionExplainsTheLabelWithAWinnerMap() throws Exception {
        CliRun run = explain("--digit", "2", "--method", "occlusion", "--patch", "7", "--fill", "0", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = run.jsonLines().get(0);
        assertEquals(MnistFiles.test(Path.of(DATA)).label(2), o.get("class").asInt());
        assertEquals("probability", o.get("target").asText());
        assertEquals(28, o.get("winner").size());
        assertEquals(4, o.get("cells").size());
        // the top-left cell: the digit with its 7 x 7 corner set to 0, through the same network
        double[] x = digit(2);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                x[r * 28 + c] = 0;
            }
        }
        double[] p = new Explainer(lenetNetwork, 28, 28).probabilities(x);
        int c = o.get("class").asInt();
        double drop = o.get("probabilities").get(c).asDouble() - p[c];
        assertEquals(drop, o.get("map").get(3).get(5).asDouble(), 1e-12);
    }

    @Test
    void maximizeIsSeededAndGivesAnImage() {
        String a = explain("--method", "maximize", "--class", "4", "--steps", "5", "--seed", "2", "--json").out();
        String b = explain("--method", "maximize", "--class", "4", "--steps", "5", "--seed", "2", "--json").out();
        String c = explain("--method", "maximize", "--class", "4", "--steps", "5", "--seed", "3", "--json").out();
        assertEquals(a, b);
        assertNotEquals(a, c);
        JsonNode image = new CliRun(0, a, "").jsonLines().get(0).get("image");
        for (double v : flat(image, 28)) {
            assertTrue(v >= 0 && v <= 1, "pixel " + v);
        }
        CliRun filter = explain("--method", "maximize", "--layer", "1", "--filter", "5", "--steps", "3", "--json");
        assertEquals(0, filter.exitCode(), filter.err());
        assertEquals(5, filter.jsonLines().get(0).get("filter").asInt());
    }

    @Test
    void textOutputDrawsTheMapAndPngIsWrittenScaledUp() throws Exception {
        Path png = dir.resolve("map.png");
        CliRun run = explain("--digit", "1", "--method", "saliency", "--png", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("digit 1, label "), run.out());
        assertEquals(3 + 28, run.out().lines().count(), run.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(280, image.getWidth());
        assertEquals(280, image.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--digit 200 --method saliency|--digit must be 0 to 199",
        "--digit -1 --method saliency|--digit must be 0 to 199",
        "--digit 1 --method saliency --class 10|--class must be 0 to 9",
        "--digit 1 --method gradcam --layer 2|--layer 2 is not a convolution layer (this model's: 1, 3)",
        "--digit 1 --method gradcam --layer 8|--layer 8 is not a convolution layer",
        "--digit 1 --method occlusion --patch 0|--patch must be 1 to 28",
        "--digit 1 --method occlusion --patch 29|--patch must be 1 to 28",
        "--digit 1 --method occlusion --fill 1.5|--fill must be between 0 and 1",
        "--digit 1 --method occlusion --fill -0.1|--fill must be between 0 and 1",
        "--digit 1 --method saliency --patch 3|--patch does not apply to --method saliency",
        "--digit 1 --method smoothgrad|unknown method 'smoothgrad'",
        "--digit 1 --method saliency --target odds|unknown target 'odds'",
        "--method saliency|--method saliency needs --digit N",
        "--method maximize|maximize needs --class C",
        "--method maximize --layer 3 --filter 16|--filter must be 0 to 15",
        "--method maximize --filter 1 --target probability|--target does not apply to --filter",
        "--digit 1 --method saliency --layer 1|--layer does not apply to --method saliency",
        "--digit x --method saliency|Invalid value"})
    void badArgumentsGiveOneLineAndExitCodeTwo(String args, String message) {
        CliRun run = explain(args.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aModelWithoutConvolutionOrAMissingFileIsOneLine() {
        CliRun cam = CliRun.of("explain", mlp.toString(), "--data", DATA, "--digit", "1", "--method", "gradcam");
        assertEquals(2, cam.exitCode());
        assertTrue(cam.err().contains("this model has no convolution layer"), cam.err());
        CliRun missing = CliRun.of("explain", dir.resolve("none.json").toString(), "--digit", "1", "--method",
                "saliency");
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        CliRun saliency = CliRun.of("explain", mlp.toString(), "--data", DATA, "--digit", "1", "--method", "saliency");
        assertEquals(0, saliency.exitCode(), saliency.err());
    }
}
