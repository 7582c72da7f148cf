package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error or an unexpected exception on the worker (a command, a chunk of play, loading the digits)
 * reaches the window as a notice, pauses training and leaves the session usable: nothing is lost
 * in the executor.
 */
class WorkerErrorsTest {

    /** A session whose chunks and commands throw what the test tells them to. */
    private static final class Failing extends WorkerSession<Integer> {
        Throwable chunkThrows;
        int chunks;
        int commands;

        Failing(Worker worker) {
            super(worker, Runnable::run);
        }

        void command(Throwable t) {
            worker.execute(() -> {
                commands++;
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            });
        }

        void fine() {
            worker.execute(() -> commands++);
        }

        @Override
        protected long playChunk() {
            chunks++;
            if (chunkThrows instanceof Error e) {
                throw e;
            }
            if (chunkThrows instanceof RuntimeException e) {
                throw e;
            }
            return TimeUnit.MILLISECONDS.toNanos(10);
        }

        @Override
        protected void afterPause() {
        }
    }

    @Test
    void anErrorInACommandBecomesANoticeAndPauses() {
        ManualWorker worker = new ManualWorker();
        Failing s = new Failing(worker);
        s.play();
        s.command(new StackOverflowError());
        worker.runTasks(2);
        assertFalse(s.isPlaying(), "training paused");
        Notice n = s.noticeProperty().get();
        assertNotNull(n, "the error reached the window");
        assertTrue(n.error());
        assertEquals("notice.workerError", n.key());
        assertEquals("StackOverflowError", n.args().get(0));
        // still usable
        s.fine();
        s.play();
        worker.runTasks(3);
        assertEquals(2, s.commands);
        assertTrue(s.isPlaying());
    }

    @Test
    void anOutOfMemoryErrorInAChunkOfPlaySaysSoAndPauses() {
        ManualWorker worker = new ManualWorker();
        Failing s = new Failing(worker);
        s.chunkThrows = new OutOfMemoryError("Java heap space");
        s.play();
        worker.runUntilIdle();
        assertFalse(s.isPlaying());
        assertEquals("notice.outOfMemory", s.noticeProperty().get().key());
        assertEquals("Java heap space", s.noticeProperty().get().args().get(0));
        assertEquals(0, worker.pending(), "no further chunk");
        s.chunkThrows = null;
        s.play();
        worker.runTasks(2);
        assertEquals(2, s.chunks, "playing again trains again");
        assertTrue(s.isPlaying());
    }

    @Test
    void anUnexpectedExceptionInAChunkIsShortenedAndPauses() {
        ManualWorker worker = new ManualWorker();
        Failing s = new Failing(worker);
        s.chunkThrows = new IllegalStateException("x".repeat(100_000));
        s.play();
        worker.runUntilIdle();
        assertFalse(s.isPlaying());
        String shown = (String) s.noticeProperty().get().args().get(0);
        assertTrue(shown.startsWith("IllegalStateException: xxx") && shown.length() < 200, shown);
    }

    /** An image file whose header asks for more bytes than an array can hold: reading it runs out of memory. */
    private static void write(Path file, int... header) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int v : header) {
                out.writeInt(v);
            }
        }
    }

    @Test
    void digitsThatCannotBeLoadedSayWhyAndTheTabCanTryAgain(@TempDir Path dir) throws Exception {
        write(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, Integer.MAX_VALUE, 1, 1);
        write(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, 0);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), 0x803, 0, 28, 28);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, 0);
        ManualWorker worker = new ManualWorker();
        DigitsSession s = new DigitsSession(worker, Runnable::run, dir, 0, 0);
        s.open();
        worker.runUntilIdle();
        Notice n = s.noticeProperty().get();
        assertNotNull(n, "the tab is not left empty without a word");
        assertTrue(n.error());
        assertEquals("notice.dataFailed", n.key());
        assertTrue(s.loadedProperty().get(), "the network is there to draw on");
        assertEquals(0, s.digitCountProperty().get(), "no digits");
        assertFalse(s.isPlaying());
        s.play();
        worker.runUntilIdle();
        assertFalse(s.isPlaying(), "training needs the digits: it stops at once");
        assertEquals("notice.dataFailed", s.noticeProperty().get().key());
        s.open();
        worker.runUntilIdle();
        assertEquals(0, s.digitCountProperty().get(), "trying again is refused the same way, nothing half-loaded");
        assertEquals("notice.dataFailed", s.noticeProperty().get().key());
    }
}
