package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.ImmutableMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow Playground's default preset with Playground's own definitions, and typing a weight or
 * a bias: every figure is checked against a forward pass written out here (2 inputs, tanh layers
 * of 4 and 2, a tanh output), never against the engine's own numbers.
 */
class PlaygroundEditorTest {
    private ManualWorker worker;
    private PlaygroundSession session;
    private PlaygroundEditor editor;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new PlaygroundSession(worker, Runnable::run);
        editor = session.editor();
        session.loadLesson("playground-default");
        worker.runUntilIdle();
    }

    @AfterEach
    void close() {
        session.pause();
        worker.runUntilIdle();
    }

    private PlaygroundSnapshot snapshot() {
        return session.getSnapshot();
    }

    /** The network's output for (x1, x2), by hand: o = tanh(W3 tanh(W2 tanh(W1 x + b1) + b2) + b3). */
    private static double output(Map<String, ImmutableMatrix> p, double x1, double x2) {
        double[] a = {x1, x2};
        for (int l = 1; l <= 3; l++) {
            ImmutableMatrix w = p.get("W" + l);
            ImmutableMatrix b = p.get("b" + l);
            double[] next = new double[w.rows()];
            for (int j = 0; j < w.rows(); j++) {
                double z = b.get(j, 0);
                for (int i = 0; i < w.cols(); i++) {
                    z += w.get(j, i) * a[i];
                }
                next[j] = Math.tanh(z);
            }
            a = next;
        }
        return a[0];
    }

    /** Playground's loss: the mean over the training points of 1/2 (o - t)^2, targets -1 and 1. */
    private double loss(Map<String, ImmutableMatrix> p) {
        double sum = 0;
        var train = session.setup().data().train();
        for (DataPoint d : train) {
            double t = d.label() > 0.5 ? 1 : -1;
            double o = output(p, d.x1(), d.x2());
            sum += 0.5 * (o - t) * (o - t);
        }
        return sum / train.size();
    }

    /** A copy of the parameters with one value changed. */
    private static Map<String, ImmutableMatrix> with(Map<String, ImmutableMatrix> p, String name, int row, int col,
            double v) {
        var copy = new java.util.HashMap<>(p);
        double[][] values = p.get(name).toArray();
        values[row][col] = v;
        copy.put(name, ImmutableMatrix.of(values));
        return copy;
    }

    @Test
    void theTensorFlowDefaultStartsAsPlaygroundDoesAndReportsItsLoss() {
        PlaygroundSnapshot s = snapshot();
        assertEquals(java.util.List.of(2, 4, 2, 1), s.graph().layerSizes());
        int weights = 0;
        for (int l = 1; l <= 3; l++) {
            ImmutableMatrix w = s.parameters().get("W" + l);
            for (int j = 0; j < w.rows(); j++) {
                for (int i = 0; i < w.cols(); i++) {
                    assertTrue(w.get(j, i) >= -0.5 && w.get(j, i) < 0.5, "W" + l + " in [-0.5, 0.5): " + w.get(j, i));
                    weights++;
                }
                assertEquals(0.1, s.parameters().get("b" + l).get(j, 0), 0.0, "every bias starts at exactly 0.1");
            }
        }
        assertEquals(8 + 8 + 2, weights);
        assertEquals(loss(s.parameters()), s.trainLossNow(), 1e-12, "mean of 1/2 (o - t)^2");
        // the bias squares are coloured: 0.1 is a pale blue on the maps' scale
        assertEquals(PlaygroundPictures.color(0.1, -1, 1), s.biasColors()[2][0]);
    }

    @Test
    void aTypedWeightIsSetAndTheOutputIsTheHandCalculationWithIt() {
        PlaygroundSnapshot before = snapshot();
        GraphItem w = GraphItem.weight(0, 2, 1);
        assertTrue(editor.select(w));
        assertEquals(Numbers.exact(before.parameters().get("W1").get(2, 1)), editor.valueProperty().get());
        assertTrue(editor.titleProperty().get().format((k, a) -> k).startsWith("w6 (X\u2082 \u2192 h1_3)"),
                editor.titleProperty().get().format((k, a) -> k));
        assertTrue(editor.edit("1.25"));
        worker.runUntilIdle();
        PlaygroundSnapshot after = snapshot();
        assertEquals(1.25, after.parameters().get("W1").get(2, 1), 0.0);
        assertEquals("1.25", editor.valueProperty().get());
        Map<String, ImmutableMatrix> byHand = with(before.parameters(), "W1", 2, 1, 1.25);
        assertEquals(loss(byHand), after.trainLossNow(), 1e-12);
        assertNotEquals(before.trainLossNow(), after.trainLossNow());
        // the output map: grid cell (row 30, column 70) is x1 = -6 + 70.5 * 0.12, x2 = 6 - 30.5 * 0.12
        int res = after.resolution();
        double x1 = -6 + 70.5 * 12.0 / res;
        double x2 = 6 - 30.5 * 12.0 / res;
        assertEquals(output(byHand, x1, x2), after.outputMaps()[0][30 * res + 70], 1e-6);
        assertTrue(after.graph().tip(w).format((k, a) -> k).endsWith("= 1.25"), "the hover text shows the new value");
    }

    @Test
    void aTypedBiasOfTheOutputIsKeptByTraining() {
        GraphItem b = GraphItem.bias(2, 0);
        assertTrue(editor.select(b));
        assertEquals("0.1", editor.valueProperty().get());
        assertTrue(editor.edit("\u22120.5"));
        worker.runUntilIdle();
        Map<String, ImmutableMatrix> p = snapshot().parameters();
        assertEquals(-0.5, p.get("b3").get(0, 0), 0.0);
        assertEquals(loss(p), snapshot().trainLossNow(), 1e-12);
        session.stepEpoch();
        worker.runUntilIdle();
        double trained = snapshot().parameters().get("b3").get(0, 0);
        assertNotEquals(-0.5, trained, "training went on");
        assertEquals(-0.5, trained, 0.2, "from the typed value, not from 0.1");
    }

    @Test
    void aRefusedTextSaysWhatIsWrongAndChangesNothing() {
        PlaygroundSnapshot before = snapshot();
        editor.select(GraphItem.weight(1, 0, 3));
        String shown = editor.valueProperty().get();
        for (String[] c : new String[][] {{"abc", "edit.error.notANumber"}, {"1e400", "edit.error.notFinite"},
            {"NaN", "edit.error.notFinite"}, {"", "edit.error.empty"}, {"2e6", "edit.error.tooLarge"}}) {
            assertFalse(editor.edit(c[0]), c[0]);
            worker.runUntilIdle();
            String message = editor.errorProperty().get().format((k, a) -> "<" + k + ">");
            assertTrue(message.contains("<" + c[1] + ">") && message.contains("\u201c" + c[0] + "\u201d"), message);
            assertEquals(before.parameters(), snapshot().parameters(), c[0]);
            assertEquals(shown, editor.valueProperty().get());
        }
        assertTrue(editor.edit("0.5"));
        assertNull(editor.errorProperty().get(), "an accepted value clears the message");
    }

    @Test
    void aNeuronTellsItsOutputForTheChosenPoint() {
        String hint = snapshot().graph().tip(GraphItem.neuron(2, 0)).format((k, a) -> "<" + k + ">");
        assertEquals("o1 \u2014 <pg.neuronHint>", hint);
        DataPoint p = session.setup().data().train().get(7);
        session.choosePoint(p.x1(), p.x2());
        worker.runUntilIdle();
        PlaygroundSnapshot s = snapshot();
        String tip = s.graph().tip(GraphItem.neuron(2, 0)).format((k, a) -> "");
        double o = Double.parseDouble(tip.substring("o1: out = ".length()).strip());
        assertEquals(output(s.parameters(), p.x1(), p.x2()), o, 1e-15, tip);
        // a hidden neuron: tanh(W1[1] x + b1[1]) by hand
        ImmutableMatrix w1 = s.parameters().get("W1");
        double h = Math.tanh(w1.get(1, 0) * p.x1() + w1.get(1, 1) * p.x2() + s.parameters().get("b1").get(1, 0));
        String hidden = s.graph().tip(GraphItem.neuron(0, 1)).format((k, a) -> "");
        assertEquals(h, Double.parseDouble(hidden.substring("h1_2: out = ".length()).strip()), 1e-15, hidden);
    }

    @Test
    void onlyWhatTheNetworkHasCanBeSelectedAndARebuildClearsIt() {
        assertFalse(editor.select(GraphItem.neuron(0, 0)));
        assertFalse(editor.select(GraphItem.weight(0, 9, 0)));
        assertFalse(editor.edit("1"), "nothing selected");
        assertTrue(editor.select(GraphItem.bias(0, 1)));
        session.setSeed("2");
        worker.runUntilIdle();
        assertNull(editor.selectionProperty().get());
    }
}
