package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Play, pause and play again: one chain of training chunks, never two. */
class WorkerSessionTest {

    /** Counts its chunks; each asks for the next one an hour later, so they wait in the queue. */
    private static final class Counting extends WorkerSession<Integer> {
        final AtomicInteger chunks = new AtomicInteger();

        Counting(ScheduledExecutorService worker) {
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
        ScheduledThreadPoolExecutor worker = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(1);
        try {
            Counting session = new Counting(worker);
            session.play();
            session.idle().get(5, TimeUnit.SECONDS);
            session.pause();
            session.play();
            session.idle().get(5, TimeUnit.SECONDS);
            assertEquals(2, session.chunks.get(), "one chunk per play");
            // the first play's next chunk and the second play's are both queued: run them now
            List<Runnable> queued = new ArrayList<>(worker.getQueue());
            assertEquals(2, queued.size());
            worker.getQueue().clear();
            for (Runnable r : queued) {
                r.run();
            }
            assertEquals(3, session.chunks.get(), "only the second play goes on");
            assertEquals(1, worker.getQueue().size(), "and it alone asks for a next chunk");
        } finally {
            worker.shutdownNow();
        }
    }
}
