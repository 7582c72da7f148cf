package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground saved after some epochs with Adam and mini-batches, changed, reopened: the set-up
 * is back in the controls and the next epochs give the very weights (bit for bit) the run never
 * interrupted gives; a refused file changes nothing.
 */
class PlaygroundExperimentsTest {
    @TempDir
    Path dir;
    private ManualWorker worker;
    private PlaygroundSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new PlaygroundSession(worker, Runnable::run);
        session.loadLesson("two-circles");
        worker.runUntilIdle();
    }

    @AfterEach
    void close() {
        session.pause();
        worker.runUntilIdle();
    }

    private PlaygroundSnapshot epochs(int n) {
        for (int i = 0; i < n; i++) {
            session.stepEpoch();
        }
        worker.runUntilIdle();
        return session.getSnapshot();
    }

    @Test
    void reopenedWithAdamTheNextEpochsGiveTheSameWeights() {
        session.setOptimizer("adam");
        session.setBatchSize("7");
        session.setLearningRate("0.01");
        worker.runUntilIdle();
        epochs(3);
        Path file = dir.resolve("pg.json");
        session.experiments().save(file);
        worker.runUntilIdle();
        assertEquals("notice.experimentSaved", session.noticeProperty().get().key());
        PlaygroundSnapshot expected = epochs(2);

        session.loadLesson("playground-default");
        worker.runUntilIdle();
        assertEquals("playground-default", session.setup().lessonIdProperty().get());

        session.experiments().open(file);
        worker.runUntilIdle();
        assertEquals("notice.experimentOpenedEpoch", session.noticeProperty().get().key());
        assertEquals("two-circles", session.setup().lessonIdProperty().get());
        assertEquals(3, session.getSnapshot().epoch());
        assertEquals("adam", session.setup().spec().optimizer() instanceof org.backproplab.engine.OptimizerSpec.Adam
                ? "adam" : "other");
        assertEquals(7, session.setup().spec().batchSize());
        assertEquals(3, session.getSnapshot().trainLoss().size(), "the curve's three epochs");
        PlaygroundSnapshot actual = epochs(2);
        assertEquals(expected.epoch(), actual.epoch());
        assertEquals(expected.iteration(), actual.iteration());
        assertEquals(expected.parameters(), actual.parameters());
        assertEquals(expected.trainLossNow(), actual.trainLossNow());
        assertEquals(expected.testLossNow(), actual.testLossNow());
    }

    @Test
    void aRefusedFileChangesNothing() throws Exception {
        PlaygroundSnapshot before = epochs(2);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"format\": \"backprop-lab-experiment\", \"version\": 1, \"tab\": \"playground\"}");
        session.experiments().open(file);
        worker.runUntilIdle();
        Notice n = session.noticeProperty().get();
        assertEquals("notice.experimentRefused", n.key());
        assertTrue(n.args().get(0).toString().startsWith("bad.json, field \"lesson\": is missing"), n.args().toString());
        assertEquals(before.parameters(), session.getSnapshot().parameters());
        assertEquals("two-circles", session.setup().lessonIdProperty().get());
        assertNotEquals(0, session.getSnapshot().epoch());
    }
}
