package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.junit.jupiter.api.Test;

/** What the graph draws, built from the stepping state or from a plain network. */
class StepGraphTest {
    private static String english(Phrase p) {
        return p.format((key, args) -> key + args.length);
    }

    private StepSnapshot after(int stages) {
        ManualWorker worker = new ManualWorker();
        StepSession session = new StepSession(worker, Runnable::run);
        session.loadLesson("worked-2-2-2");
        for (int i = 0; i < stages; i++) {
            session.nextStage();
        }
        worker.runUntilIdle();
        return session.getSnapshot();
    }

    @Test
    void theFirstForwardStageMarksTheHiddenLayerAndItsInputs() {
        GraphSnapshot g = StepGraph.of(after(1), 0, null);
        assertEquals(List.of(2, 2, 2), g.layerSizes());
        assertEquals("i1  0.05", g.inputs().get(0).text());
        assertTrue(g.inputs().get(0).active());
        GraphSnapshot.Neuron h1 = g.neurons().get(0).get(0);
        assertEquals("h1", h1.name());
        assertEquals("out 0.59327", h1.out());
        assertEquals("net 0.3775", h1.net());
        assertTrue(h1.active());
        assertNull(h1.delta());
        assertEquals("out \u2013", g.neurons().get(1).get(0).out());
        GraphSnapshot.Edge w1 = g.edges().get(0);
        assertEquals("w1 0.15", w1.label().text());
        assertTrue(w1.forward() && w1.positive());
        assertEquals(0.15 / 0.55, w1.width(), 1e-12, "relative to the largest |w|");
        assertEquals("w1 (i1 \u2192 h1) = 0.15", english(w1.label().tip()));
        assertEquals("b 0.35", g.biases().get(0).get(0).text());
        assertTrue(english(g.biases().get(0).get(0).tip()).endsWith("(bias.frozen0)"));
        assertFalse(g.errors().get(0).visible());
    }

    @Test
    void theBackwardAndUpdateStagesShowDeltasGradientsAndNewValues() {
        GraphSnapshot back = StepGraph.of(after(4), 0, GraphItem.weight(1, 0, 0));
        GraphSnapshot.Neuron o1 = back.neurons().get(1).get(0);
        assertTrue(o1.delta().contains("0.138499"), o1.delta());
        assertTrue(o1.backward() && o1.deltaActive() && !o1.active());
        GraphSnapshot.Edge w5 = back.edges().get(4);
        assertEquals("dE/dw5\n0.082167", w5.label().text());
        assertTrue(w5.label().selected());
        assertTrue(back.errors().get(0).visible());
        GraphSnapshot update = StepGraph.of(after(6), 0, null);
        assertEquals("w5 0.4\n\u2192 0.358916", update.edges().get(4).label().text());
        assertTrue(update.edges().get(4).label().changed());
        assertTrue(english(update.edges().get(4).label().tip()).contains("graph.updateTip3"));
    }

    @Test
    void aPlainNetworkHasNamedInputsValuesInItsTipsAndNoTargets() {
        Map<String, ImmutableMatrix> p = Map.of("W1", ImmutableMatrix.of(new double[][] {{0.5, -2}}),
                "b1", ImmutableMatrix.of(new double[][] {{0.25}}));
        GraphSnapshot g = GraphSnapshot.ofNetwork(List.of(2, 1), List.of("X1", "X2"), p, true, false);
        assertEquals("X2", g.inputs().get(1).text());
        assertFalse(g.showTargets());
        assertFalse(g.edges().get(1).positive());
        assertEquals(1.0, g.edges().get(1).width(), 0);
        assertEquals(0.25, g.edges().get(0).width(), 0);
        assertEquals("w2 (X2 \u2192 o1) = -2.0", english(g.edges().get(1).label().tip()));
        assertEquals("b_o1 = 0.25", english(g.biases().get(0).get(0).tip()));
        assertEquals("o1", g.neurons().get(0).get(0).name());
        GraphSnapshot noBias = GraphSnapshot.ofNetwork(List.of(2, 1), List.of("X1", "X2"), p, false, false);
        assertFalse(noBias.biases().get(0).get(0).visible());
    }
}
