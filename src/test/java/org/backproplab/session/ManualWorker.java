package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker the test runs by hand: tasks wait until {@link #runUntilIdle()} runs them on the
 * test's own thread, in order; a scheduled task waits also for its time on a clock that the
 * test moves ({@link #advance}) and that moves by {@code tick} each time it is read, so a loop
 * "train until 10 ms have passed" ends after a known number of rounds. No threads, no sleeps.
 */
public final class ManualWorker implements Worker {
    private record Task(long due, long order, Runnable run) { }

    private final List<Task> queue = new ArrayList<>();
    private final long tick;
    private long now;
    private long order;

    /** A clock that moves 1 ms per reading. */
    public ManualWorker() {
        this(1_000_000L);
    }

    public ManualWorker(long tickNanos) {
        this.tick = tickNanos;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(new Task(now, order++, task));
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        queue.add(new Task(now + Math.max(0, delayNanos), order++, task));
    }

    @Override
    public long nanoTime() {
        now += tick;
        return now;
    }

    /** Runs every task that is due, including those they queue, until none is; returns how many ran. */
    public int runUntilIdle() {
        int ran = 0;
        Task next;
        while ((next = nextDue()) != null) {
            queue.remove(next);
            next.run().run();
            ran++;
        }
        return ran;
    }

    /** Runs at most {@code n} due tasks (for a chain that queues its next link at once); returns how many ran. */
    public int runTasks(int n) {
        int ran = 0;
        Task next;
        while (ran < n && (next = nextDue()) != null) {
            queue.remove(next);
            next.run().run();
            ran++;
        }
        return ran;
    }

    /** Moves the clock by {@code nanos}, then runs what is due. */
    public int advance(long nanos) {
        now += nanos;
        return runUntilIdle();
    }

    /** Moves the clock to {@code nanos} (if it is not there already), then runs what is due. */
    public int advanceTo(long nanos) {
        now = Math.max(now, nanos);
        return runUntilIdle();
    }

    /** The clock, read without moving it. */
    public long now() {
        return now;
    }

    /** Moves the clock by {@code nanos} and runs nothing (a worker kept from running, on a busy host). */
    public void skip(long nanos) {
        now += nanos;
    }

    /** Tasks waiting, due or not. */
    public int pending() {
        return queue.size();
    }

    private Task nextDue() {
        Task best = null;
        for (Task t : queue) {
            if (t.due() <= now && (best == null || t.due() < best.due()
                    || t.due() == best.due() && t.order() < best.order())) {
                best = t;
            }
        }
        return best;
    }
}
