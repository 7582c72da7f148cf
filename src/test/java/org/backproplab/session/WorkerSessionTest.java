package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Play, pause and play again: one chain of training chunks, never two. */
class WorkerSessionTest {

    /** Counts its chunks; each asks for the next one an hour later, so they wait in the queue. */
    private static final class Counting extends WorkerSession<Integer> {
        final AtomicInteger chunks = new AtomicInteger();

        Counting(Worker worker) {
            super(worker, Runnable::run);
        }

        @Override
        protected long playChunk() {
            chunks.incrementAndGet();
            return TimeUnit.HOURS.toNanos(1);
        }

        @Override
        protected void afterPause() {
        }
    }

    @Test
    void aChunkStillQueuedFromBeforeAPauseDoesNotRunAlong() throws Exception {
        ManualWorker worker = new ManualWorker();
        Counting session = new Counting(worker);
        session.play();
        worker.runUntilIdle();
        session.pause();
        session.play();
        worker.runUntilIdle();
        assertEquals(2, session.chunks.get(), "one chunk per play");
        // the first play's next chunk and the second play's are both queued an hour ahead: run them
        assertEquals(2, worker.pending());
        worker.advance(TimeUnit.HOURS.toNanos(1));
        assertEquals(3, session.chunks.get(), "only the second play goes on");
        assertEquals(1, worker.pending(), "and it alone asks for a next chunk");
    }
}
