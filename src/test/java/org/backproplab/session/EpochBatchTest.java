package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Epoch, batch and iteration: ⌈N/B⌉ updates per epoch, and where N/B + 1 goes wrong. */
class EpochBatchTest {
    @Test
    void whenBDividesNAnEpochIsNOverBUpdatesAndNOverBPlusOneIsOneTooMany() {
        EpochBatch e = EpochBatch.of(200, 10, 0);
        assertEquals(20, e.updatesPerEpoch());
        assertEquals(10, e.lastBatch());
        assertEquals(21, e.naiveCount());
        assertTrue(e.naiveIsWrong());
        assertEquals(EpochBatch.Kind.MINI_BATCH, e.kind());
    }

    @Test
    void whenBDoesNotDivideNTheLastBatchIsSmallerAndNOverBPlusOneHappensToBeRight() {
        // 205 samples in batches of 10: 20 full batches and one of 5
        EpochBatch e = EpochBatch.of(205, 10, 0);
        assertEquals(21, e.updatesPerEpoch());
        assertEquals(5, e.lastBatch());
        assertEquals(21, e.naiveCount());
        assertFalse(e.naiveIsWrong());
    }

    @Test
    void theThreeKindsOfGradientDescent() {
        assertEquals(List.of(new EpochBatch.Row(EpochBatch.Kind.BATCH, 200, 1, false),
                new EpochBatch.Row(EpochBatch.Kind.STOCHASTIC, 1, 200, false),
                new EpochBatch.Row(EpochBatch.Kind.MINI_BATCH, 10, 20, true)), EpochBatch.of(200, 10, 0).table());
        EpochBatch full = EpochBatch.of(4, 0, 0);
        assertEquals(4, full.batch(), "0 means the whole set");
        assertEquals(EpochBatch.Kind.BATCH, full.kind());
        assertEquals(1, full.updatesPerEpoch());
        assertEquals(List.of(new EpochBatch.Row(EpochBatch.Kind.BATCH, 4, 1, true),
                new EpochBatch.Row(EpochBatch.Kind.STOCHASTIC, 1, 4, false),
                new EpochBatch.Row(EpochBatch.Kind.MINI_BATCH, 2, 2, false)), full.table());
        assertEquals(EpochBatch.Kind.STOCHASTIC, EpochBatch.of(200, 1, 0).kind());
        assertEquals(200, EpochBatch.of(200, 1, 0).updatesPerEpoch());
        assertEquals("epochs.kind.mini-batch", full.table().get(2).key());
    }

    @Test
    void iterationsCountedInEpochs() {
        EpochBatch e = EpochBatch.of(205, 10, 45);
        assertEquals(2, e.epochsDone());
        assertEquals(3, e.updatesIntoEpoch());
        assertThrows(IllegalArgumentException.class, () -> EpochBatch.of(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> EpochBatch.of(10, -1, 0));
    }

    @Test
    void theSteppingTabCountsItsLessonsFullBatch() {
        ManualWorker worker = new ManualWorker();
        StepSession session = new StepSession(worker, Runnable::run);
        StepLessons lessons = new StepLessons(session);
        session.loadLesson(org.backproplab.lesson.Lessons.FROM_SCRATCH_3_4_1);
        session.wholeIteration();
        session.wholeIteration();
        worker.runUntilIdle();
        EpochBatch e = lessons.epochsProperty().get();
        assertEquals(4, e.samples());
        assertEquals(4, e.batch());
        assertEquals(1, e.updatesPerEpoch());
        assertEquals(2, e.iterations());
        assertEquals(2, e.epochsDone());
    }
}
