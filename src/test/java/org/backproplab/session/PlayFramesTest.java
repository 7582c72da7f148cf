package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In step with a window that takes a snapshot at the start of each frame ({@code PlaygroundSession.frame}):
 * the worker keeps three made ahead ({@link PlayFrames}), so that every frame finds a newer one even
 * when the worker runs late. The window's frames are the test's calls of {@code frame()}, its other
 * tasks a queue the test runs by hand, and the worker's clock the test's.
 */
class PlayFramesTest {
    /** A frame at 60 Hz. */
    private static final long FRAME = PlayPacing.FRAME_NANOS;
    /** A clock that moves 0.1 ms at each reading: a batch of training takes that long, a snapshot a few tenths. */
    private final ManualWorker worker = new ManualWorker(100_000L);
    private final HandRunFx fx = new HandRunFx();
    private final PlaygroundSession session = new PlaygroundSession(worker, fx);

    /** The window's thread runs what was handed to it through its tasks (returns the iteration shown). */
    private int takeSnapshot() {
        fx.runTasks();
        return (int) session.getSnapshot().iteration();
    }

    /** The lesson loaded and drawn by a window that takes a snapshot at each frame, then Play: in step from the start. */
    private void playInStepWithTheWindow() {
        session.loadLesson("playground-default");
        worker.runUntilIdle();
        takeSnapshot();
        session.frame();
        session.play();
        worker.runUntilIdle();
    }

    /**
     * One frame of the window: it takes the snapshot made ahead for it (the version it shows is
     * returned), and the worker, woken just after it, runs until the next frame is due.
     */
    private long frame() {
        long at = worker.now();
        session.frame();
        long version = session.getSnapshot().version();
        worker.advance(2_000_000L);
        worker.advanceTo(at + FRAME);
        return version;
    }

    /** A frame while the worker does not run (a busy host): the version it shows. */
    private long frameWithoutTheWorker() {
        session.frame();
        worker.skip(FRAME);
        return session.getSnapshot().version();
    }

    @Test
    void inStepEachFrameFindsANewerSnapshotMadeAheadEvenWhenTheWorkerIsLateForThreeFrames() {
        playInStepWithTheWindow();
        List<Long> shown = new ArrayList<>();
        shown.add(session.getSnapshot().version());
        for (int f = 0; f < 12; f++) {
            shown.add(frame());
        }
        // the worker does not run for three frames (a busy host): the three made ahead are drawn
        for (int f = 0; f < 3; f++) {
            shown.add(frameWithoutTheWorker());
        }
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) > shown.get(i - 1), "a newer snapshot at every frame: " + shown);
        }
        // a fourth frame without the worker finds none waiting: it keeps the last
        long last = frameWithoutTheWorker();
        assertEquals(shown.get(shown.size() - 1), last);
        // the worker catches up at once (a batch and a snapshot at a time), and the frames go on
        worker.advance(1);
        for (int f = 0; f < 6; f++) {
            long next = frame();
            assertTrue(next > last, last + " then " + next);
            last = next;
        }
        assertTrue(fx.waiting() <= 1, "nothing handed over through the FX thread's tasks but the playing flag");
        session.pause();
        worker.runUntilIdle();
        assertTrue(takeSnapshot() > 0);
        assertTrue(session.getSnapshot().version() > last, "the pause publishes the state it ended at");
    }

    @Test
    void inStepEachSnapshotMadeAheadIsTrainedForAboutAFrameAfterTheOneBefore() {
        playInStepWithTheWindow();
        for (int f = 0; f < 10; f++) {
            frame();
        }
        // steady: each frame's snapshot trained one frame's time later than the one before
        List<Long> iterations = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            frame();
            iterations.add(session.getSnapshot().iteration());
        }
        for (int i = 1; i < iterations.size(); i++) {
            long trained = iterations.get(i) - iterations.get(i - 1);
            // 16.67 ms a frame, less 2 ms before the next, the making and the wake-up: some 10 ms, 100 batches
            assertTrue(trained >= 60 && trained <= 140, "batches between frames: " + iterations);
        }
        session.pause();
        worker.runUntilIdle();
    }

    @Test
    void aSnapshotMadeAheadIsNeverShownAfterOneACommandPublished() {
        playInStepWithTheWindow();
        List<Long> shown = new ArrayList<>();
        for (int f = 0; f < 8; f++) {
            shown.add(frame());
            if (f == 4) {
                // a command while playing (three snapshots made ahead before it wait): it publishes the state now
                session.setDiscretize(true);
                worker.advance(1);
                takeSnapshot();
                shown.add(session.getSnapshot().version());
            }
        }
        session.pause();
        worker.runUntilIdle();
        takeSnapshot();
        shown.add(session.getSnapshot().version());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) >= shown.get(i - 1), "no snapshot shown older than the one before: " + shown);
        }
    }

    @Test
    void aWindowThatStopsDrawingStillGetsTheNewestStateTenTimesASecond() {
        playInStepWithTheWindow();
        int first = (int) session.getSnapshot().iteration();
        // 120 ms without a frame: training goes on in chunks, and publishes once 100 ms had passed
        for (int i = 0; i < 12; i++) {
            worker.advance(10_000_000L);
        }
        int late = takeSnapshot();
        session.pause();
        worker.runUntilIdle();
        assertTrue(late > first, "late: published anyway (" + first + " then " + late + ")");
    }

}
