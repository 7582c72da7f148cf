package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

class StepperTest {
    private static Stepper worked() {
        return new Stepper(Lessons.byId(Lessons.WORKED_2_2_2).newTrainer(), 1000);
    }

    private static void setW1(Stepper stepper, double value) {
        Parameter w = stepper.trainer().network().parameter("W1");
        double old = w.value().get(0, 0);
        stepper.change(() -> w.value().set(0, 0, value), () -> w.value().set(0, 0, old));
    }

    @Test
    void anEditRecomputesEveryValueDownstreamAndBackRestoresThem() {
        Stepper stepper = worked();
        for (int i = 0; i < 3; i++) {
            stepper.next();
        }
        List<StageRecord> before = stepper.currentRecords();
        Checkpoint checkpoint = stepper.trainer().checkpoint();

        setW1(stepper, 0.5);
        List<StageRecord> after = stepper.currentRecords();
        assertEquals(3, after.size(), "the same stages are shown, recomputed");
        ForwardRecord hidden = (ForwardRecord) after.get(0);
        // net_h1 = 0.5 x 0.05 + 0.2 x 0.1 + 0.35
        assertEquals(0.5 * 0.05 + 0.2 * 0.1 + 0.35, hidden.preActivation().get(0, 0), 1e-15);
        assertEquals(0.3925, hidden.preActivation().get(0, 1), 1e-15, "h2 does not depend on w1");
        assertNotEquals(((ForwardRecord) before.get(1)).activation(), ((ForwardRecord) after.get(1)).activation());
        assertNotEquals(((LossRecord) before.get(2)).total(), ((LossRecord) after.get(2)).total());

        assertTrue(stepper.back());
        assertEquals(before, stepper.currentRecords());
        assertEquals(checkpoint, stepper.trainer().checkpoint());
    }

    @Test
    void editsAfterAnUpdateApplyToTheNextIteration() {
        Stepper stepper = worked();
        stepper.finishIteration();
        Checkpoint afterUpdate = stepper.trainer().checkpoint();
        setW1(stepper, 0.9);
        assertEquals(0.9, stepper.trainer().network().parameter("W1").value().get(0, 0), 0);
        ForwardRecord f = (ForwardRecord) stepper.next();
        assertEquals(0.9, f.weights().get(0, 0), 0);
        assertTrue(stepper.back());
        assertTrue(stepper.back());
        assertEquals(afterUpdate.parameters(), stepper.trainer().checkpoint().parameters());
        assertEquals(6, stepper.currentRecords().size(), "back at the end of iteration 1");
    }

    @Test
    void fastRunsGiveTheFastPathsNumbersAndStepBackInOne() {
        Lesson lesson = Lessons.byId(Lessons.XOR).withBatchSize(2).withOptimizer(new OptimizerSpec.Momentum(0.3, 0.9));
        Stepper stepper = new Stepper(lesson.newTrainer(), 100);
        stepper.next();
        stepper.next();
        List<StageRecord> shown = stepper.currentRecords();
        Checkpoint before = stepper.trainer().checkpoint();
        double[] losses = stepper.runIterations(50);

        Trainer reference = lesson.newTrainer();
        double[] expected = new double[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = reference.trainIteration();
        }
        assertArrayEquals(expected, losses, 0);
        assertEquals(reference.checkpoint(), stepper.trainer().checkpoint());
        assertEquals(Stage.count(2), stepper.currentRecords().size(), "the last iteration is recorded");
        assertEquals(49, stepper.currentIteration());

        assertTrue(stepper.back());
        assertEquals(shown, stepper.currentRecords());
        assertEquals(before, stepper.trainer().checkpoint());
        // and on from there exactly as before
        stepper.runIterations(50);
        assertEquals(reference.checkpoint(), stepper.trainer().checkpoint());
    }

    @Test
    void settingsChangesAreUndoable() {
        Stepper stepper = worked();
        Trainer trainer = stepper.trainer();
        stepper.change(() -> trainer.optimizer().setLearningRate(0.1), () -> trainer.optimizer().setLearningRate(0.5));
        UpdateRecord update = (UpdateRecord) stepper.finishIteration().get(5);
        assertEquals(0.1, update.learningRate(), 0);
        for (int i = 0; i < 6; i++) {
            assertTrue(stepper.back());
        }
        assertTrue(stepper.back());
        assertEquals(0.5, trainer.optimizer().learningRate(), 0);
        assertTrue(!stepper.canGoBack());
    }
}
