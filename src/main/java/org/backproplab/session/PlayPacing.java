package org.backproplab.session;

/**
 * When the playground's training publishes, and for how long it trains in between (worker thread
 * only). While the window takes every snapshot, a chunk trains for what a frame at 60 Hz leaves
 * after the last snapshot's making and the worker's rest, so that a new snapshot is ready for every
 * frame (with 10 ms of training, a snapshot and the rest, a new one came only every 20 to 25 ms: at
 * most 40 to 50 frames a second, whatever the window could draw). A window that does not keep up
 * gets 10 ms chunks, and a snapshot only once it took the last one (or 100 ms after it).
 *
 * <p>A window that takes a snapshot at each of its frames ({@code PlaygroundSession.frame}) gets them
 * in step with its frames: a snapshot every 16.67 ms of the worker's own clock drifts against the
 * window's 60 Hz pulses, so that two came between some pulses (one replaced unseen) and none between
 * others: about 50 frames a second on {@code spiral}. In step, the worker keeps
 * {@link PlayFrames#AHEAD} snapshots waiting for their frames: it wakes just after a frame took one,
 * trains, and makes the next, ready shortly before the next frame. A snapshot made just in time
 * missed 7 % of the frames (its making 3 to 4 ms mostly but up to 20); one made for the frame after
 * next, at 8 layers of 16, still missed when its making, slowed by the frame's own drawing on the
 * other core, took 25 ms or more, or when the worker woke 25 ms late: made for the third frame, it
 * has about 35 ms to spare.
 */
final class PlayPacing {
    /** A frame at 60 Hz. */
    static final long FRAME_NANOS = 16_666_667L;
    /** The longest and the shortest chunk of training. */
    static final long MOST_TRAINING_NANOS = 10_000_000L;
    static final long LEAST_TRAINING_NANOS = 2_000_000L;
    /** After each chunk the worker rests, so that drawing gets the cores. */
    static final long REST_NANOS = 5_000_000L;
    /**
     * The longest training goes on unpublished while the window has not taken the last snapshot; and
     * how long the window may draw no frame before training stops keeping in step with it ({@link #drawing}).
     */
    static final long LATE_NANOS = 100_000_000L;

    /**
     * In step with the window's frames: the worker wakes this long after a frame is due, and trains
     * until this long before the next; while the frame is late, it looks this often whether it came.
     */
    static final long WAKE_NANOS = 1_000_000L;
    static final long BEFORE_FRAME_NANOS = 2_000_000L;
    static final long POLL_NANOS = 1_000_000L;
    /**
     * While playing, a snapshot whose maps and edges together take longer makes them one at a time:
     * at 8 layers of 16 (the maps about 4 ms, the edges about 6, more while the window draws), one
     * that made both, made as a frame is drawn, took 8.4 ms at the median but 14 or more in one of
     * every ten: each of those too late for the next frame.
     */
    static final long ONE_AT_A_TIME_NANOS = 5_000_000L;

    /** Worker thread: a snapshot was published at {@code now}. */
    void publishing(long now) {
        publishedAt = now;
    }

    /** When training last published a snapshot; how long making the last one took. */
    private long publishedAt;
    private long makingNanos;
    /**
     * When a snapshot last made maps, and how long that snapshot took; the same for the edges'
     * picture; and how long each picture itself took when last made.
     */
    private long mapsAt;
    private long mapsNanos;
    private long edgesAt;
    private long edgesNanos;
    private long mapsOwnNanos;
    private long edgesOwnNanos;

    /**
     * Which pictures a snapshot makes again: the maps (with the neurons' thumbnails and the output's
     * picture), the edges' picture. Those it does not make it keeps from the last snapshot.
     */
    record Pictures(boolean maps, boolean edges) {
        static final Pictures ALL = new Pictures(true, true);
    }

    /** How long a snapshot took to make its maps and its edges' picture; -1 for one it kept (or had no place for). */
    record Made(long mapsNanos, long edgesNanos) {
    }

    /**
     * How long a chunk trains: while the window keeps up (it took the last snapshot), the frame less
     * the last snapshot's making and the rest, between 2 and 10 ms; else 10 ms.
     */
    static long trainingNanos(boolean windowKeepsUp, long makingNanos) {
        if (!windowKeepsUp) {
            return MOST_TRAINING_NANOS;
        }
        return Math.max(LEAST_TRAINING_NANOS, Math.min(MOST_TRAINING_NANOS, FRAME_NANOS - makingNanos - REST_NANOS));
    }

    /** How long the last snapshot took to make. */
    long makingNanos() {
        return makingNanos;
    }

    /** How long the next chunk trains, the window keeping up or not. */
    long trainingNanos(boolean windowKeepsUp) {
        return trainingNanos(windowKeepsUp, makingNanos);
    }

    /** Whether to publish at {@code now}: while paused, when the window took the last snapshot, or when it is late. */
    boolean publishes(boolean playing, boolean taken, long now) {
        return !playing || taken || now - publishedAt > LATE_NANOS;
    }

    /**
     * In step: when a chunk's training that starts at {@code now} stops, the window's last frame
     * having started at {@code frameAt}: so that the snapshot made then, in {@code makingNanos}, is
     * ready 2 ms before the next frame is due; a worker that woke too late for that trains one batch
     * only, and so catches up (when it trained 2 ms at least, one snapshot whose making overran made
     * the ones after it late too).
     */
    static long alignedTrainingEnd(long now, long frameAt, long makingNanos) {
        return Math.max(now, frameAt + FRAME_NANOS - BEFORE_FRAME_NANOS - makingNanos);
    }

    /**
     * In step: how long the worker waits after a chunk that ended at {@code now}: until
     * {@link #WAKE_NANOS} after the next frame is due ({@code frameAt} the last frame's start).
     */
    static long alignedRest(long now, long frameAt) {
        return Math.max(0, frameAt + FRAME_NANOS + WAKE_NANOS - now);
    }

    /**
     * In step, with {@link PlayFrames#AHEAD} snapshots waiting: how long the worker rests, until
     * just after the next frame ({@link #alignedRest}), or while that frame is late, a poll's time.
     */
    static long restWhileAhead(long now, long frameAt) {
        return Math.max(POLL_NANOS, alignedRest(now, frameAt));
    }

    /**
     * At {@code now}, the window's last frame having started at {@code frameAt}: whether it still
     * draws frames (one came in the last 100 ms); else it is hidden or closing, and training goes on
     * in chunks that publish through the FX thread's tasks, ten times a second at least.
     */
    static boolean drawing(long now, long frameAt) {
        return now - frameAt < LATE_NANOS;
    }

    /**
     * Which pictures a snapshot made at {@code now} makes again: all while paused; while playing,
     * each when {@link #mapsDue} says, and only one at a time (the one made longer ago) when the two,
     * each as long as it took when last made, would take more than {@link #ONE_AT_A_TIME_NANOS}.
     */
    Pictures picturesDue(boolean playing, long now) {
        if (!playing) {
            return Pictures.ALL;
        }
        boolean maps = mapsDue(now - mapsAt, mapsNanos);
        boolean edges = mapsDue(now - edgesAt, edgesNanos);
        if (maps && edges && mapsOwnNanos + edgesOwnNanos > ONE_AT_A_TIME_NANOS) {
            return new Pictures(mapsAt <= edgesAt, mapsAt > edgesAt);
        }
        return new Pictures(maps, edges);
    }

    /** A snapshot was made from {@code start} to {@code end}, its pictures as {@code made} says (published then or later). */
    void made(long start, long end, Made made) {
        makingNanos = end - start;
        if (made.mapsNanos() >= 0) {
            mapsAt = start;
            mapsNanos = end - start;
            mapsOwnNanos = made.mapsNanos();
        }
        if (made.edgesNanos() >= 0) {
            edgesAt = start;
            edgesNanos = end - start;
            edgesOwnNanos = made.edgesNanos();
        }
    }

    /**
     * Whether a snapshot made {@code sinceLast} ns after the last one with new maps (or edges)
     * makes them again, when that one took {@code cost} ns: at most half the worker's time goes to
     * them, the rest to training (a small network's maps, a few ms, are new in every frame; maps
     * that take 30 ms, about 15 times a second).
     */
    static boolean mapsDue(long sinceLast, long cost) {
        return sinceLast >= 2 * cost;
    }
}
