package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.UpdateRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stepping tab's optimizer command: validated, it starts the lesson again with the optimizer
 * chosen at the learning rate shown; the inspector writes out the state (momentum's velocity,
 * Adam's m, v, m_hat, v_hat and t) before the update line; the map inspector does the same.
 */
class StepOptimizerTest {
    private ManualWorker worker;
    private StepSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new StepSession(worker, Runnable::run);
        session.loadLesson("worked-2-2-2");
        worker.runUntilIdle();
    }

    private StepSnapshot snapshot() {
        worker.runUntilIdle();
        return session.getSnapshot();
    }

    private static List<String> lines(InspectorSnapshot inspector) {
        return inspector.lines().stream().map(p -> p.format((key, args) -> key + java.util.Arrays.toString(args)))
                .toList();
    }

    @Test
    void anUnknownOptimizerIsRefusedAndChangesNothing() {
        session.nextStage();
        session.setOptimizer("rmsprop");
        worker.runUntilIdle();
        assertEquals("step.error.optimizer", session.noticeProperty().get().key());
        assertTrue(session.noticeProperty().get().error());
        assertEquals("sgd", session.optimizerProperty().get());
        assertEquals(1, snapshot().records().size(), "the stage reached is kept");
    }

    @Test
    void momentumAtTheLearningRateShownStartsAgainAndShowsTheVelocity() {
        session.setLearningRate("0.2");
        session.wholeIteration();
        session.setOptimizer("momentum");
        StepSnapshot s = snapshot();
        assertEquals("momentum", session.optimizerProperty().get());
        assertEquals(0, s.records().size(), "started again");
        session.wholeIteration();
        session.select(GraphItem.weight(1, 0, 0));
        s = snapshot();
        UpdateRecord u = (UpdateRecord) s.lastRecord();
        assertEquals(new OptimizerSpec.Momentum(0.2, 0.9), u.spec());
        List<String> shown = lines(s.screen().inspector());
        assertEquals("gradient descent with momentum (torch.optim.SGD), learning rate \u03b7 = 0.2, \u03bc = 0.9",
                shown.get(0));
        assertEquals("g = dE/dw5 = 0.0821670406", shown.get(1));
        assertEquals("v = \u03bc \u00d7 v_prev + g = 0.9 \u00d7 0 + 0.0821670406 = 0.0821670406   (first step: v = g)",
                shown.get(2));
        // -0.2 x 0.0821670406 = -0.01643340812; 0.4 - 0.01643340812 = 0.38356659188
        assertEquals("step = -\u03b7 \u00d7 v = -0.2 \u00d7 0.0821670406 = -0.0164334081", shown.get(3));
        assertTrue(shown.get(4).startsWith("inspector.update[w5, 0.4, -0.0164334081, 0.383566592]"), shown.get(4));
    }

    @Test
    void adamShowsTheStepCount() {
        session.setOptimizer("adam");
        session.wholeIteration();
        session.select(GraphItem.weight(0, 0, 0));
        List<String> shown = lines(snapshot().screen().inspector());
        assertTrue(shown.get(0).startsWith("Adam, learning rate \u03b7 = 0.5"), shown.get(0));
        assertTrue(shown.get(1).startsWith("g = dE/dw1 = 0.000438567"), shown.get(1));
        assertTrue(shown.get(1).endsWith(",  t = 1"), shown.get(1));
        assertTrue(shown.stream().anyMatch(l -> l.startsWith("m_hat = m / (1 - \u03b21^t) = ")), shown.toString());
        assertTrue(shown.stream().anyMatch(l -> l.startsWith("v_hat = v / (1 - \u03b22^t) = ")), shown.toString());
    }

    @Test
    void theMapInspectorShowsTheStateToo() {
        session.loadLesson("conv-worked");
        session.setOptimizer("momentum");
        session.wholeIteration();
        StepSnapshot s = snapshot();
        GraphItem kernel = GraphItem.weight(0, 0, 0);
        session.select(kernel);
        List<String> shown = lines(snapshot().screen().inspector());
        assertTrue(shown.get(0).startsWith("gradient descent with momentum"), shown.toString());
        assertTrue(shown.get(2).startsWith("v = \u03bc \u00d7 v_prev + g = 0.9 \u00d7 0 + "), shown.toString());
        assertEquals("momentum", s.screen().optimizer());
    }
}
