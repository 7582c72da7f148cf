package org.backproplab.session;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The snapshots made ahead for the window's next frames, oldest first: the worker adds them, the FX
 * thread takes one at the start of each frame ({@code PlaygroundSession.frame}). A frame then never
 * waits for the worker: handed over by the worker once it woke after the frame before (its rest
 * ending up to 25 ms late on a busy host) and by the FX thread's queue of tasks, a snapshot came
 * too late for some frames in every second or two of play at 8 layers of 16; with
 * {@link #AHEAD} waiting, a snapshot whose making took two frames longer than planned is still in time.
 *
 * @param <S> the snapshot type
 */
final class PlayFrames<S> {
    /**
     * How many snapshots wait while training keeps in step: each is drawn at the third frame after it
     * was made (about 35 ms later), and one made up to about 35 ms late still comes in time for its frame.
     */
    static final int AHEAD = 3;
    /** No frame reported yet. */
    static final long NONE = Long.MIN_VALUE;
    private final ConcurrentLinkedQueue<S> waiting = new ConcurrentLinkedQueue<>();
    private volatile long frameAt = NONE;

    /** FX thread: a frame starts at {@code now} (the worker's clock). The snapshot it draws, or null to keep the last. */
    S take(long now) {
        frameAt = now;
        return waiting.poll();
    }

    /** When the window's last frame started, or {@link #NONE} while it reports none (tests, a window not shown yet). */
    long frameAt() {
        return frameAt;
    }

    /** Worker: {@code s} is drawn after those added before it. */
    void add(S s) {
        waiting.add(s);
    }

    /** How many wait for their frame. */
    int waiting() {
        return waiting.size();
    }

    /** Worker: drops those waiting (a command made a newer state, or the window stopped drawing). */
    void clear() {
        waiting.clear();
    }
}
