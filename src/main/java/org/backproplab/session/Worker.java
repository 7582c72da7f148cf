package org.backproplab.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where a view-model runs the engine, and the clock it measures its chunks of training with. The
 * app gives each view-model its own thread ({@link #newThread}); a test gives a worker it runs by
 * hand, with a clock it moves itself, so every command has a synchronous test with no sleeps.
 */
public interface Worker {

    /** Runs {@code task} on the worker, after the tasks already queued. */
    void execute(Runnable task);

    /** Runs {@code task} on the worker once {@code delayNanos} have passed on {@link #nanoTime()}. */
    void schedule(Runnable task, long delayNanos);

    /** The worker's clock, in nanoseconds from an arbitrary origin (System.nanoTime in the app). */
    long nanoTime();

    /** A worker on a daemon thread of its own, timed by System.nanoTime. */
    static ThreadWorker newThread(String name) {
        return new ThreadWorker(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }));
    }

    /** The app's worker: one thread; {@link #close()} stops it. */
    final class ThreadWorker implements Worker, AutoCloseable {
        private final ScheduledExecutorService executor;

        ThreadWorker(ScheduledExecutorService executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
