package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.io.ShippedModels;
import org.junit.jupiter.api.Test;

/**
 * "Numbers inside" on the shipped LeNet-5 and a test digit: a cell of the second convolution is
 * computed in this test from the model file's numbers (conv 1 with padding 2, ReLU, 2 x 2 max-pool,
 * then the cell's 6 x 5 x 5 products), a kernel weight's gradient is checked against a central
 * difference of -ln p(label) taken in this test, and refused choices change nothing.
 */
class DigitsCellsTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");
    private final ManualWorker worker = new ManualWorker(20_000_000L);
    private final DigitsSession session = new DigitsSession(worker, Runnable::run, worker::execute, TINY, 0, 0);
    private final DigitsCells cells = session.cells();

    private DigitsCellsSnapshot opened(String preset) {
        session.open();
        worker.runUntilIdle();
        session.loadPreset(preset);
        cells.setActive(true);
        worker.runUntilIdle();
        return cells.snapshotProperty().get();
    }

    private static String text(Phrase p) {
        return p.format((key, args) -> key + java.util.Arrays.toString(args));
    }

    /** The number after the last "= " of the line that starts with {@code start}. */
    private static double last(DigitsCellsSnapshot s, String start) {
        for (Phrase p : s.inspector().lines()) {
            String t = text(p).strip();
            if (t.startsWith(start)) {
                return Double.parseDouble(t.substring(t.lastIndexOf("= ") + 2).split(" ")[0]);
            }
        }
        throw new AssertionError("no line starting with " + start + " in " + s.inspector().lines());
    }

    /** p1 = maxpool2(relu(conv1(x))) of LeNet-5 (6 filters 5 x 5, padding 2), from the file's numbers. */
    private static double[][][] pooled(Map<String, ImmutableMatrix> p, double[] image) {
        double[][][] c1 = new double[6][28][28];
        for (int f = 0; f < 6; f++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double z = p.get("b1").get(f, 0);
                    for (int i = 0; i < 5; i++) {
                        for (int j = 0; j < 5; j++) {
                            int yy = y + i - 2;
                            int xx = x + j - 2;
                            if (yy >= 0 && xx >= 0 && yy < 28 && xx < 28) {
                                z += p.get("W1").get(f, i * 5 + j) * image[yy * 28 + xx];
                            }
                        }
                    }
                    c1[f][y][x] = Math.max(0, z);
                }
            }
        }
        double[][][] p1 = new double[6][14][14];
        for (int f = 0; f < 6; f++) {
            for (int y = 0; y < 14; y++) {
                for (int x = 0; x < 14; x++) {
                    p1[f][y][x] = Math.max(Math.max(c1[f][2 * y][2 * x], c1[f][2 * y][2 * x + 1]),
                            Math.max(c1[f][2 * y + 1][2 * x], c1[f][2 * y + 1][2 * x + 1]));
                }
            }
        }
        return p1;
    }

    @Test
    void aCellOfLeNetsSecondConvolutionIsItsSumOfProductsWorkedOutHere() throws Exception {
        DigitsCellsSnapshot s = opened("mnist-lenet");
        assertEquals(4, s.layers().size(), "conv, pool, conv, pool");
        cells.chooseLayer(2);
        worker.runUntilIdle();
        cells.chooseMap(3);
        worker.runUntilIdle();
        cells.chooseChannel(4);
        worker.runUntilIdle();
        cells.selectCell(4, 5);
        worker.runUntilIdle();
        s = cells.snapshotProperty().get();
        assertEquals(List.of(2, 3, 4, 4, 5), List.of(s.layer(), s.map(), s.channel(), s.y(), s.x()));
        assertEquals(10, s.outHeight());
        assertEquals(14, s.inHeight());

        Map<String, ImmutableMatrix> p = ShippedModels.load("mnist-lenet").parameters();
        double[] image = session.getSnapshot().image();
        double[][][] p1 = pooled(p, image);
        double z = p.get("b3").get(3, 0);
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    z += p.get("W3").get(3, (c * 5 + i) * 5 + j) * p1[c][4 + i][5 + j];
                }
            }
        }
        assertEquals(z, last(s, "z = sum + b3[3]"), 1e-8 * Math.max(1, Math.abs(z)));
        assertEquals(Math.max(0, z), last(s, "a = relu(z)"), 1e-8 * Math.max(1, Math.abs(z)));
        // the window grid: channel 4 of p1, rows 4..8, columns 5..9; the kernel grid: W3[3][4]
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(String.format(Locale.ROOT, "%.3f", p1[4][4 + i][5 + j]), s.window().get(i * 5 + j));
                assertEquals(String.format(Locale.ROOT, "%.3f", p.get("W3").get(3, (4 * 5 + i) * 5 + j)),
                        s.weights().get(i * 5 + j));
            }
        }
        assertEquals(150, s.inspector().lines().stream().filter(l -> text(l).contains("W3[3][")).count(),
                "6 channels x 5 x 5 products, each written out");
    }

    @Test
    void aKernelWeightsGradientIsTheCentralDifferenceOfTheLossTakenHere() throws Exception {
        opened("mnist-lenet");
        cells.chooseLayer(2);
        worker.runUntilIdle();
        cells.chooseMap(3);
        cells.chooseChannel(4);
        worker.runUntilIdle();
        cells.selectWeight(1, 2);
        worker.runUntilIdle();
        DigitsCellsSnapshot s = cells.snapshotProperty().get();
        assertEquals(1 * 5 + 2, s.chosen());
        assertTrue(text(s.inspector().title()).contains("W3[3][4][1][2]"), text(s.inspector().title()));
        double analytic = last(s, "= ");

        Network net = ShippedModels.network("mnist-lenet");
        double[] image = session.getSnapshot().image();
        int label = session.getSnapshot().label();
        int col = (4 * 5 + 1) * 5 + 2;
        double w = net.parameter("W3").values().get(3, col);
        double h = 1e-5;
        net.setParameterValue("W3", 3, col, w + h);
        double plus = -Math.log(net.predict(ImmutableMatrix.row(image).toMatrix()).get(0, label));
        net.setParameterValue("W3", 3, col, w - h);
        double minus = -Math.log(net.predict(ImmutableMatrix.row(image).toMatrix()).get(0, label));
        double estimate = (plus - minus) / (2 * h);
        assertEquals(estimate, analytic, 1e-6 * Math.max(1e-3, Math.abs(estimate)), "the sum over the map's 100 cells");
        Matcher m = Pattern.compile("inspector\\.numeric\\[dE/dW3\\[3\\]\\[4\\]\\[1\\]\\[2\\], ([-0-9.eE]+), ")
                .matcher(text(s.inspector().numeric()));
        assertTrue(m.find(), text(s.inspector().numeric()));
        assertEquals(estimate, Double.parseDouble(m.group(1)), 1e-5 * Math.max(1e-3, Math.abs(estimate)));
    }

    @Test
    void aCellOfTheInputLeadsToThatCellOfThePoolingBeforeAndItsWinner() {
        opened("mnist-lenet");
        cells.chooseLayer(2);
        worker.runUntilIdle();
        cells.chooseChannel(5);
        worker.runUntilIdle();
        cells.selectInputCell(7, 6);
        worker.runUntilIdle();
        DigitsCellsSnapshot s = cells.snapshotProperty().get();
        assertEquals(List.of(1, 5, 7, 6), List.of(s.layer(), s.map(), s.y(), s.x()));
        assertEquals(2, s.size());
        double best = Double.NEGATIVE_INFINITY;
        for (String v : s.window()) {
            best = Math.max(best, Double.parseDouble(v));
        }
        assertEquals(String.format(Locale.ROOT, "%.3f", best), s.window().get(s.winner()), "the largest of the window won");
        assertTrue(s.inspector().lines().stream().anyMatch(l -> text(l).startsWith("map.poolForward")));
    }

    @Test
    void refusedChoicesSayWhyAndChangeNothing() {
        DigitsCellsSnapshot before = opened("mnist-lenet");
        cells.chooseLayer(4);
        assertEquals("cells.error.layer", cells.inputErrorProperty().get().key());
        cells.chooseMap(6);
        assertEquals("cells.error.map", cells.inputErrorProperty().get().key());
        cells.selectCell(28, 0);
        assertEquals("cells.error.cell", cells.inputErrorProperty().get().key());
        cells.selectInputCell(0, 0);
        assertEquals("cells.error.input", cells.inputErrorProperty().get().key(), "layer 1 reads the digit");
        cells.selectWeight(5, 0);
        assertEquals("cells.error.weight", cells.inputErrorProperty().get().key());
        worker.runUntilIdle();
        assertSame(before, cells.snapshotProperty().get());
        cells.chooseLayer(1);
        worker.runUntilIdle();
        assertNull(cells.inputErrorProperty().get());
        cells.selectBias();
        assertEquals("cells.error.bias", cells.inputErrorProperty().get().key(), "pooling has no bias");
    }

    @Test
    void behindDropoutTheEstimateHoldsTheSameMaskAsTheBackwardPass() {
        opened("mnist-keras-example");
        cells.chooseLayer(1);
        worker.runUntilIdle();
        cells.selectWeight(2, 1);
        worker.runUntilIdle();
        DigitsCellsSnapshot s = cells.snapshotProperty().get();
        assertEquals(3, s.size(), "conv 64 3x3");
        double analytic = last(s, "= ");
        Matcher m = Pattern.compile("inspector\\.numeric\\[[^,]+, ([-0-9.eE]+), ").matcher(text(s.inspector().numeric()));
        assertTrue(m.find(), text(s.inspector().numeric()));
        double estimate = Double.parseDouble(m.group(1));
        assertTrue(Math.abs(analytic) > 1e-9, "a weight that matters: " + analytic);
        assertEquals(estimate, analytic, 1e-5 * Math.max(1e-6, Math.abs(estimate)),
                "two dropout layers lie between this weight and the loss");
    }

    @Test
    void anMlpHasNoMapsAndSaysSo() {
        DigitsCellsSnapshot s = opened("mnist-mlp");
        assertTrue(s.empty());
        assertEquals("cells.noMaps", s.digit().parts().get(0).key());
    }
}
