package org.backproplab.session;

/**
 * When the playground's training publishes, and for how long it trains in between (worker thread
 * only). While the window takes every snapshot, a chunk trains for what a frame at 60 Hz leaves
 * after the last snapshot's making and the worker's rest, so that a new snapshot is ready for every
 * frame (with 10 ms of training, a snapshot and the rest, a new one came only every 20 to 25 ms: at
 * most 40 to 50 frames a second, whatever the window could draw). A window that does not keep up
 * gets 10 ms chunks, and a snapshot only once it took the last one (or 100 ms after it).
 *
 * <p>A window that reports the frames it draws ({@code PlaygroundSession.shown}) gets its snapshots
 * in step with its frames: taking a snapshot (the FX thread's runLater) is not drawing it, and a
 * snapshot every 16.67 ms of the worker's own clock drifts against the window's 60 Hz pulses, so that
 * two came between some pulses (one replaced unseen) and none between others: about 50 frames a
 * second on {@code spiral}. In step, the worker wakes just after the frame that drew the last
 * snapshot and publishes the next, made ahead, at once; it then trains, and makes the one after
 * (ready shortly before the next frame, published just after it). A snapshot made just in time
 * missed 7 % of the frames (its making 3 to 4 ms mostly but up to 20); one made after the frame
 * for the frame after it, at 8 layers of 16, missed when its making, slowed by the frame's own
 * drawing on the other core and begun a few ms late, took 12 to 22 ms: made ahead, it has until
 * the frame after next.
 */
final class PlayPacing {
    /** A frame at 60 Hz. */
    static final long FRAME_NANOS = 16_666_667L;
    /** The longest and the shortest chunk of training. */
    static final long MOST_TRAINING_NANOS = 10_000_000L;
    static final long LEAST_TRAINING_NANOS = 2_000_000L;
    /** After each chunk the worker rests, so that drawing gets the cores. */
    static final long REST_NANOS = 5_000_000L;
    /** The longest training goes on unpublished while the window has not taken the last snapshot. */
    static final long LATE_NANOS = 100_000_000L;

    /**
     * In step with the window's frames: the worker wakes this long after a frame is due, and trains
     * until this long before the next; while the window has not drawn the last snapshot, it trains in
     * slices this long.
     */
    static final long WAKE_NANOS = 1_000_000L;
    static final long BEFORE_FRAME_NANOS = 2_000_000L;
    static final long SLICE_NANOS = 2_000_000L;
    /**
     * While playing, a snapshot whose maps and edges together take longer makes them one at a time:
     * at 8 layers of 16 (the maps about 4 ms, the edges about 6, more while the window draws), one
     * that made both, made as a frame is drawn, took 8.4 ms at the median but 14 or more in one of
     * every ten: each of those too late for the next frame.
     */
    static final long ONE_AT_A_TIME_NANOS = 5_000_000L;
    /** In step, after a slice without a publish: the worker's rest, so that the window's drawing gets the cores. */
    static final long YIELD_NANOS = 1_000_000L;
    /**
     * In step, while the frame that draws the last snapshot is due but late: how often the worker looks
     * whether it came. An epoch begun instead (some 5 ms at 8 layers of 16) would delay the next
     * snapshot by as much.
     */
    static final long POLL_NANOS = 250_000L;

    /** The snapshot the window drew last and when (FX thread writes); the one published last (worker). */
    private volatile Shown shown;
    private Object lastPublished;

    /** A snapshot the window drew, in the frame that started {@code at}. */
    record Shown(Object snapshot, long at) { }

    /**
     * FX thread: the window draws {@code snapshot} in the frame that starts {@code at}. A snapshot
     * drawn again (the mouse moved) keeps the frame that drew it first, so that the worker's wait
     * for the next one is not put off.
     */
    void shown(Object snapshot, long at) {
        Shown last = shown;
        if (last == null || last.snapshot() != snapshot) {
            shown = new Shown(snapshot, at);
        }
    }

    /** The snapshot the window drew last, or null while it reports none (tests, a window not yet shown). */
    Shown lastShown() {
        return shown;
    }

    /** Whether {@code drawn} is the snapshot published last. */
    boolean isLastPublished(Shown drawn) {
        return drawn.snapshot() == lastPublished;
    }

    /** Worker thread: {@code snapshot} is the one published at {@code now}. */
    void publishing(Object snapshot, long now) {
        lastPublished = snapshot;
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
     * In step: when a chunk's training that starts at {@code now} stops. After a publish (the window
     * drew the last snapshot in the frame that started at {@code shownAt}): so that the next snapshot,
     * made then in {@code makingNanos}, is ready 2 ms before the next frame is due; a worker that woke
     * too late for that trains one batch only, and so catches up (when it trained 2 ms at least, one
     * snapshot whose making overran made the ones after it late too). Else after a 2 ms slice.
     */
    static long alignedTrainingEnd(long now, boolean published, long shownAt, long makingNanos) {
        if (!published) {
            return now + SLICE_NANOS;
        }
        return Math.max(now, shownAt + FRAME_NANOS - BEFORE_FRAME_NANOS - makingNanos);
    }

    /**
     * In step: how long the worker waits after a chunk that ended at {@code now}: after a publish,
     * until {@link #WAKE_NANOS} after the frame that will draw it is due ({@code shownAt} the last
     * frame's start); without one, {@link #YIELD_NANOS}.
     */
    static long alignedRest(boolean publishedNow, long now, long shownAt) {
        if (!publishedNow) {
            return YIELD_NANOS;
        }
        return Math.max(0, shownAt + FRAME_NANOS + WAKE_NANOS - now);
    }

    /**
     * In step, at {@code now}, the last snapshot not yet drawn: whether the frame that draws it is
     * still due (the last drawn was in the frame that started at {@code shownAt}, and no more than
     * one frame was skipped since); after that, training goes on in slices.
     */
    static boolean frameDue(long now, long shownAt) {
        return now < shownAt + 2 * FRAME_NANOS;
    }

    /** In step, at {@code now}: whether to wait for the frame that draws the last snapshot ({@link #frameDue}). */
    boolean waitsForFrame(Shown drawn, long now) {
        return !isLastPublished(drawn) && frameDue(now, drawn.at());
    }

    /** In step: whether to publish, the window having drawn the last snapshot ({@code ready}) or being late. */
    boolean alignedPublishes(boolean ready, long now) {
        return ready || now - publishedAt > LATE_NANOS;
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
