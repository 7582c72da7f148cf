package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.UpdateRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stepping window's view-model, driven as the window drives it, on a real worker thread. */
class StepSessionTest {
    private ManualWorker worker;
    private StepSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        // "FX thread" = the caller: snapshots are set where they are published
        session = new StepSession(worker, Runnable::run);
        session.loadLesson("worked-2-2-2");
        await();
    }

    @AfterEach
    void close() {
        worker.runUntilIdle();
    }

    private void await() {
        worker.runUntilIdle();
    }

    private StepSnapshot next(int stages) {
        for (int i = 0; i < stages; i++) {
            session.nextStage();
        }
        await();
        return session.getSnapshot();
    }

    @Test
    void stepsShowTheEnginesRecords() {
        StepSnapshot s = next(3);
        assertEquals(3, s.records().size());
        LossRecord loss = assertInstanceOf(LossRecord.class, s.lastRecord());
        assertEquals(0.298371109, loss.total(), 1e-9);
        assertEquals(1, s.iteration());
        assertEquals(0, s.completed());
        // finite differences at the iteration's start, for the inspector
        assertEquals(0.082167041, s.numericGradients().get("W2").get(0, 0), 1e-8);
        s = next(3);
        assertInstanceOf(UpdateRecord.class, s.lastRecord());
        assertEquals(1, s.curve().size());
        assertEquals(0.298371109, s.curve().losses()[0], 1e-9);
        assertEquals(0.35891648, s.parameters().get("W2").get(0, 0), 1e-8);
    }

    @Test
    void editsRecomputeAndBackUndoes() {
        StepSnapshot before = next(2);
        session.editParameter("W1", 0, 0, 1.5);
        await();
        StepSnapshot edited = session.getSnapshot();
        ForwardRecord hidden = (ForwardRecord) edited.records().get(0);
        assertEquals(1.5 * 0.05 + 0.2 * 0.1 + 0.35, hidden.preActivation().get(0, 0), 1e-15);
        assertNotEquals(((ForwardRecord) before.records().get(1)).activation(),
                ((ForwardRecord) edited.records().get(1)).activation());
        session.back();
        await();
        assertEquals(before.records(), session.getSnapshot().records());
        assertEquals(before.parameters(), session.getSnapshot().parameters());
    }

    @Test
    void numbersTheInspectorWouldRefuseAreRefusedWithTheSameReason() {
        StepSnapshot before = next(1);
        assertFalse(session.editParameter("W1", 0, 0, Double.NaN));
        assertEquals("edit.error.notFinite", session.editErrorProperty().get().parts().get(0).key());
        assertFalse(session.editInput(0, 0, 2e6));
        assertEquals("edit.error.tooLarge", session.editErrorProperty().get().parts().get(0).key());
        assertFalse(session.editTarget(0, 0, Double.NEGATIVE_INFINITY));
        await();
        // nothing changed: the worked example's numbers, as before the refused edits
        assertEquals(0.15, session.getSnapshot().parameters().get("W1").get(0, 0), 0);
        assertEquals(0.05, session.getSnapshot().inputs().get(0, 0), 0);
        assertEquals(0.01, session.getSnapshot().targets().get(0, 0), 0);
        assertEquals(before.records(), session.getSnapshot().records());
        // a number it takes clears the reason
        assertTrue(session.editParameter("W1", 0, 0, 0.3));
        assertEquals(null, session.editErrorProperty().get());
        await();
        assertEquals(0.3, session.getSnapshot().parameters().get("W1").get(0, 0), 0);
    }

    @Test
    void inputsTargetsLearningRateAndBiasModeAreEditable() {
        session.editInput(0, 1, 0.2);
        session.editTarget(0, 0, 0.5);
        session.setLearningRate(0.1);
        session.setBiasMode(BiasMode.TRAINED.id());
        StepSnapshot s = next(6);
        assertEquals(0.2, s.inputs().get(0, 1), 0);
        assertEquals(0.5, s.targets().get(0, 0), 0);
        UpdateRecord u = (UpdateRecord) s.lastRecord();
        assertEquals(0.1, u.learningRate(), 0);
        assertTrue(u.parameter("b1").trainable());
        assertEquals(BiasMode.TRAINED, s.biasMode());
    }

    @Test
    void playThenPauseLeavesAFallingCurve() {
        session.setSpeed(Speed.MAX);
        session.play();
        worker.runTasks(4);
        assertTrue(session.isPlaying());
        session.pause();
        await();
        StepSnapshot s = session.getSnapshot();
        assertFalse(session.isPlaying());
        assertTrue(s.completed() > 100, "iterations run: " + s.completed());
        double[] losses = s.curve().losses();
        assertTrue(losses[losses.length - 1] < losses[0], "the loss fell");
        assertEquals(s.completed(), s.curve().iterations()[s.curve().size() - 1]);
        long completed = s.completed();
        // back returns to the state before the whole run
        session.back();
        await();
        assertTrue(session.getSnapshot().completed() < completed);
    }

    @Test
    void anErrorBecomesANoticeAndTheSessionStaysUsable() {
        next(1);
        session.editParameter("W9", 0, 0, 1);
        await();
        org.backproplab.session.Notice n = session.noticeProperty().get();
        assertTrue(n.error());
        assertEquals("notice.error", n.key());
        assertTrue(n.args().get(0).toString().contains("W9"));
        StepSnapshot s = next(1);
        assertEquals(2, s.records().size());
    }

    @Test
    void resetReturnsToTheSameStartingWeights() {
        StepSnapshot start = session.getSnapshot();
        session.wholeIteration();
        session.wholeIteration();
        session.reset();
        await();
        assertEquals(start.parameters(), session.getSnapshot().parameters());
        assertEquals(0, session.getSnapshot().curve().size());
    }

    @Test
    void openingALessonWhilePlayingStopsAtItsStart() {
        session.play();
        session.loadLesson("xor");
        await();
        assertFalse(session.isPlaying(), "a new lesson opens paused");
        StepSnapshot s = session.getSnapshot();
        assertEquals(0, s.completed(), "at its starting weights");
        assertEquals(0, s.records().size());
    }
}
