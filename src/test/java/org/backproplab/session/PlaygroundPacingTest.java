package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Training publishes a snapshot only when the window took the last one: one made earlier would
 * replace it unseen, its maps computed for nothing. The window's thread here is a queue the test
 * runs by hand. In step with a window's frames: {@link PlayFramesTest}.
 */
class PlaygroundPacingTest {
    private final ManualWorker worker = new ManualWorker();
    private final HandRunFx fx = new HandRunFx();
    private final PlaygroundSession session = new PlaygroundSession(worker, fx);

    /** The window's thread runs what was handed to it: it takes the pending snapshot (returns its iteration). */
    private int takeSnapshot() {
        fx.runTasks();
        return (int) session.getSnapshot().iteration();
    }

    @Test
    void aChunkDoesNotReplaceASnapshotTheWindowHasNotTaken() {
        session.loadLesson("playground-default");
        worker.runUntilIdle();
        takeSnapshot();
        session.play();
        worker.runTasks(1);
        int first = takeSnapshot();
        assertTrue(first > 0, "the first chunk trained and published: iteration " + first);
        worker.advance(5_000_000L);
        // the second chunk published; the window does not take it before the third chunk has run
        worker.advance(5_000_000L);
        int taken = takeSnapshot();
        session.pause();
        worker.runUntilIdle();
        int trained = takeSnapshot();
        assertTrue(first < taken, "the second chunk's snapshot: " + first + " then " + taken);
        assertTrue(taken < trained, "the third chunk trained (" + trained + ") but did not replace the snapshot ("
                + taken + ") the window had not taken");
    }

    @Test
    void aWindowThatTakesNothingForAWhileStillGetsTheNewestStateTenTimesASecond() {
        session.loadLesson("playground-default");
        worker.runUntilIdle();
        takeSnapshot();
        session.play();
        worker.runTasks(1);
        // on the test's clock every chunk trains the same number of batches
        int perChunk = takeSnapshot();
        // the second chunk publishes; then 200 ms of chunks while the window takes nothing
        worker.advance(5_000_000L);
        for (int i = 0; i < 20; i++) {
            worker.advance(10_000_000L);
        }
        int taken = takeSnapshot();
        session.pause();
        worker.runUntilIdle();
        int trained = takeSnapshot();
        // a publish more than 100 ms after the last replaced the second chunk's snapshot (2 chunks' batches),
        // so the one taken is at most 100 ms (ten chunks of 10 ms) behind the state at the pause, which
        // then ends the epoch begun (at most 24 batches of 25 more)
        assertTrue(taken > 2 * perChunk, "taken " + taken + ", " + perChunk + " batches a chunk");
        assertTrue(trained - taken <= 10 * perChunk + 24, "taken " + taken + ", trained " + trained);
    }

    @Test
    void whileTheWindowKeepsUpAChunkLeavesTimeInTheFrameForTheSnapshotAndTheRest() {
        // 16.67 ms a frame: 5 ms of making the snapshot and 5 ms of rest leave 6.67 ms of training
        assertEquals(16_666_667L - 10_000_000L, PlayPacing.trainingNanos(true, 5_000_000L));
        // a cheap snapshot: at most 10 ms, as before; a dear one (the maps of 8 x 16): at least 2 ms
        assertEquals(10_000_000L, PlayPacing.trainingNanos(true, 0));
        assertEquals(2_000_000L, PlayPacing.trainingNanos(true, 30_000_000L));
        // a window that has not taken the last snapshot: 10 ms, whatever the snapshot cost
        assertEquals(10_000_000L, PlayPacing.trainingNanos(false, 5_000_000L));
    }

    @Test
    void theChunkAfterASnapshotLeavesTimeForMakingTheNextOne() {
        PlayPacing pacing = new PlayPacing();
        // made from 100 ms to 104 ms: the next chunk trains 16.67 - 4 - 5 ms while the window keeps up
        pacing.made(100_000_000L, 104_000_000L, new PlayPacing.Made(2_000_000L, 1_000_000L));
        assertEquals(16_666_667L - 9_000_000L, pacing.trainingNanos(true));
        assertEquals(10_000_000L, pacing.trainingNanos(false));
        assertEquals(4_000_000L, pacing.makingNanos());
        // published at 104 ms: a window that has not taken it gets the next one 100 ms later at the latest
        pacing.publishing(104_000_000L);
        assertEquals(false, pacing.publishes(true, false, 204_000_000L));
        assertEquals(true, pacing.publishes(true, false, 204_000_001L));
        assertEquals(true, pacing.publishes(true, true, 105_000_000L));
        // its maps took 4 ms: new maps again 8 ms after they were started, not sooner
        assertEquals(false, pacing.picturesDue(true, 107_999_999L).maps());
        assertEquals(true, pacing.picturesDue(true, 108_000_000L).maps());
        assertEquals(PlayPacing.Pictures.ALL, pacing.picturesDue(false, 100_000_001L), "paused: always new pictures");
    }

    @Test
    void picturesThatTakeLongTogetherAreMadeOneAtATime() {
        PlayPacing pacing = new PlayPacing();
        // the maps in 1 ms and the edges in 1.5 (the snapshot 3.5 ms): both again in every frame
        pacing.made(100_000_000L, 103_500_000L, new PlayPacing.Made(1_000_000L, 1_500_000L));
        assertEquals(PlayPacing.Pictures.ALL, pacing.picturesDue(true, 116_666_667L));
        // the maps in 2.5 ms and the edges in 2.5 (the snapshot 7 ms): 5 ms, not more, both again
        pacing.made(116_666_667L, 123_666_667L, new PlayPacing.Made(2_500_000L, 2_500_000L));
        assertEquals(PlayPacing.Pictures.ALL, pacing.picturesDue(true, 133_333_333L));
        // the maps in 3 ms and the edges in 4.5 (7.5 > 5; the snapshot 8 ms): the maps first (made no later than the edges)
        pacing.made(133_333_333L, 141_333_333L, new PlayPacing.Made(3_000_000L, 4_500_000L));
        PlayPacing.Pictures first = pacing.picturesDue(true, 150_000_000L);
        assertEquals(new PlayPacing.Pictures(true, false), first);
        // the maps alone (the snapshot 4 ms): the edges next, then the maps again
        pacing.made(150_000_000L, 154_000_000L, new PlayPacing.Made(3_000_000L, -1));
        assertEquals(new PlayPacing.Pictures(false, true), pacing.picturesDue(true, 166_666_667L));
        pacing.made(166_666_667L, 172_666_667L, new PlayPacing.Made(-1, 5_000_000L));
        assertEquals(new PlayPacing.Pictures(true, false), pacing.picturesDue(true, 183_333_333L));
        // the maps made at 183.33 ms in a 4 ms snapshot are due again at 191.33; the edges (166.67, 6 ms) since 178.67
        pacing.made(183_333_333L, 187_333_333L, new PlayPacing.Made(3_000_000L, -1));
        assertEquals(new PlayPacing.Pictures(false, true), pacing.picturesDue(true, 188_000_000L));
        pacing.made(188_000_000L, 194_000_000L, new PlayPacing.Made(-1, 5_000_000L));
        assertEquals(new PlayPacing.Pictures(false, false), pacing.picturesDue(true, 191_000_000L), "neither due");
        // the edges drawn faster again (a smaller window): 3 + 1.5, both again
        pacing.made(200_000_000L, 205_000_000L, new PlayPacing.Made(-1, 1_500_000L));
        assertEquals(PlayPacing.Pictures.ALL, pacing.picturesDue(true, 216_666_667L));
    }

    @Test
    void theFramesTakeTheSnapshotsMadeAheadOldestFirstAndTellWhenTheLastOneStarted() {
        PlayFrames<String> frames = new PlayFrames<>();
        assertEquals(PlayFrames.NONE, frames.frameAt(), "no frame yet");
        frames.add("a");
        frames.add("b");
        assertEquals(2, frames.waiting());
        assertEquals("a", frames.take(100L));
        assertEquals(100L, frames.frameAt());
        assertEquals("b", frames.take(117L));
        assertEquals(null, frames.take(133L), "none waiting: the frame keeps the last");
        assertEquals(133L, frames.frameAt());
        frames.add("c");
        frames.clear();
        assertEquals(0, frames.waiting());
        // the window draws frames while its last began less than 100 ms ago
        assertTrue(PlayPacing.drawing(199_999_999L, 100_000_000L));
        assertFalse(PlayPacing.drawing(200_000_000L, 100_000_000L));
    }

    @Test
    void inStepTheWorkerTrainsUntilJustBeforeTheNextFrameAndWakesJustAfterIt() {
        // the window's last frame began at 110 ms; the worker woke at 111 to 115 ms: it trains until
        // 2 ms before the next frame (110 + 16.67 - 2 = 124.67 ms)
        assertEquals(124_666_667L, PlayPacing.alignedTrainingEnd(115_000_000L, 110_000_000L, 0));
        // the snapshot made then in 6 ms: until 6 ms sooner, so that it is ready then
        assertEquals(118_666_667L, PlayPacing.alignedTrainingEnd(111_000_000L, 110_000_000L, 6_000_000L));
        // a worker that woke too late for that: its time is now (it trains one batch, then makes the snapshot)
        assertEquals(125_000_000L, PlayPacing.alignedTrainingEnd(125_000_000L, 110_000_000L, 0));
        assertEquals(119_000_000L, PlayPacing.alignedTrainingEnd(119_000_000L, 110_000_000L, 6_000_000L));
        // then it waits until 1 ms after the next frame is due (126.67 ms): from 124.9 ms, 2.77 ms
        assertEquals(127_666_667L - 124_900_000L, PlayPacing.alignedRest(124_900_000L, 110_000_000L));
        assertEquals(0, PlayPacing.alignedRest(130_000_000L, 110_000_000L));
        // with three waiting it rests the same; the next frame being late, it looks again each ms
        assertEquals(127_666_667L - 124_900_000L, PlayPacing.restWhileAhead(124_900_000L, 110_000_000L));
        assertEquals(1_000_000L, PlayPacing.restWhileAhead(130_000_000L, 110_000_000L));
    }
}
