package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

class LessonsTest {

    @Test
    void xorIsSolvedFromTheDefaultSeed() {
        Lesson lesson = Lessons.byId(Lessons.XOR);
        Trainer trainer = lesson.newTrainer();
        for (int e = 0; e < lesson.epochs(); e++) {
            trainer.trainEpoch();
        }
        ImmutableMatrix out = trainer.network().predict(lesson.train().inputs().toMatrix());
        double[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], out.get(i, 0), 0.1, "XOR of sample " + i);
        }
        assertEquals(1.0, trainer.evaluateTraining().accuracy(), 0);
    }

    @Test
    void fromScratchLossFallsAtEveryIterationAndPredictionsReachTheTargets() {
        Lesson lesson = Lessons.byId(Lessons.FROM_SCRATCH_3_4_1);
        Trainer trainer = lesson.newTrainer();
        assertEquals(1500, lesson.epochs());
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < lesson.epochs(); i++) {
            double loss = trainer.trainIteration();
            assertTrue(loss < previous, "iteration " + i + ": " + loss + " after " + previous);
            previous = loss;
        }
        assertEquals(1500, trainer.iteration());
        ImmutableMatrix out = trainer.network().predict(lesson.train().inputs().toMatrix());
        double[] expected = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], out.get(i, 0), 0.1, "sample " + i);
        }
    }

    @Test
    void unknownPresetsNameTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lessons.byId("nope"));
        assertTrue(e.getMessage().contains("worked-2-2-2"), e.getMessage());
    }
}
