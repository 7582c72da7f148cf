package org.backproplab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The threads of the float path's parallel parts ({@link FloatKernels#parallel}): {@code body(t)} for every
 * t &lt; {@link Kernels#THREADS}, t = 0 on the calling thread, the others on threads of their own that wait
 * for the next part by spinning for a while ({@link #SPIN_NANOS}) before they sleep.
 *
 * <p>Why not the common fork-join pool ({@link Kernels#parallel}): a training step of LeNet has about 25
 * parallel parts of 20 to 500 microseconds with short serial gaps between them; a pool's idle worker
 * parks at once, and waking it took 40 to 70 microseconds a part on the 2-core machine (measured: 30
 * microseconds of work on each core took 70 to 100 a part), as long as many of the parts themselves.
 * A worker that spins through the gap starts within a microsecond or so. After {@link #SPIN_NANOS}
 * without work (training stopped) it parks, so that an idle app costs nothing.
 *
 * <p>One caller at a time: a call from another thread while a part runs, or from inside a part, runs its
 * bodies one after the other on the calling thread (the same results: each t writes its own outputs).
 */
final class FloatTeam {
    /** How long an idle worker spins before it parks: longer than the serial gaps of a training step. */
    static final long SPIN_NANOS = 200_000;

    private static final FloatTeam SHARED = new FloatTeam(Kernels.THREADS);

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    /** Incremented for every part posted: wakes the workers, which then claim bodies. */
    private volatile long part;
    private volatile IntConsumer body;
    /** The next t to claim in the current part (the caller and the workers claim alike) and how many are done. */
    private final AtomicInteger next = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger done = new AtomicInteger();
    /** The first failure of a worker's body in the current part, rethrown by the caller. */
    private volatile Throwable failure;
    /** 1 while worker t sleeps (or is about to): the caller then unparks it. */
    private final AtomicIntegerArray parked;

    private FloatTeam(int threads) {
        this.threads = threads;
        this.workers = new Thread[threads];
        this.parked = new AtomicIntegerArray(threads);
        for (int t = 1; t < threads; t++) {
            int index = t;
            Thread w = new WorkerThread(() -> work(index), "backprop-lab-float-" + t);
            w.setDaemon(true);
            workers[t] = w;
            w.start();
        }
    }

    /** Runs {@code body(t)} for every t &lt; {@link Kernels#THREADS}, on every core; returns when all are done. */
    static void run(IntConsumer body) {
        SHARED.runAll(body);
    }

    private void runAll(IntConsumer task) {
        if (threads == 1 || Thread.currentThread() instanceof WorkerThread || lock.isHeldByCurrentThread()
                || !lock.tryLock()) {
            for (int t = 0; t < threads; t++) {
                task.accept(t);
            }
            return;
        }
        try {
            failure = null;
            done.set(0);
            body = task;
            next.set(0);
            part++;
            for (int t = 1; t < threads; t++) {
                if (parked.get(t) == 1) {
                    LockSupport.unpark(workers[t]);
                }
            }
            // the caller claims bodies too: a worker that is not running (another process has its core) leaves
            // its share to the caller instead of holding it up
            claim();
            long since = System.nanoTime();
            while (done.get() < threads) {
                if (System.nanoTime() - since < YIELD_AFTER_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            body = null;
            Throwable first = failure;
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first instanceof Error e) {
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs bodies of the current part while any is left unclaimed. The body is read after a claim: a part
     * cannot end (nor the next be posted) while a claimed body is unfinished, so it is the claimed part's.
     */
    private void claim() {
        for (int t = next.getAndIncrement(); t < threads; t = next.getAndIncrement()) {
            try {
                body.accept(t);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done.incrementAndGet();
            }
        }
    }

    private void work(int t) {
        long seen = 0;
        while (true) {
            seen = awaitPart(t, seen);
            claim();
        }
    }

    /** Waits until a part after {@code seen} is posted (spinning, then parked); returns its number. */
    private long awaitPart(int t, long seen) {
        long since = System.nanoTime();
        while (part == seen) {
            if (System.nanoTime() - since < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            parked.set(t, 1);
            // the caller unparks after posting the part; checked again after setting the flag so that no post is missed
            while (part == seen) {
                LockSupport.park(this);
            }
            parked.set(t, 0);
        }
        return part;
    }

    /** How long the caller spins for a worker's body still running before it yields its core. */
    private static final long YIELD_AFTER_NANOS = 50_000;

    /** The team's own threads (a part's body that calls {@link #run} runs serially there). */
    private static final class WorkerThread extends Thread {
        WorkerThread(Runnable loop, String name) {
            super(loop, name);
        }
    }
}
