package org.backproplab.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the view-models share: the engine lives on one worker thread; the FX thread sees only
 * immutable snapshots, and of those only the newest (an AtomicReference swap plus one runLater,
 * as javafx.concurrent.Task.updateValue does), plus whether training runs and the latest notice.
 *
 * <p>Every task a session gives its worker is guarded: an {@link Error} (say, out of memory) or an
 * exception the session did not handle itself pauses training and reaches the window as a
 * {@link Notice}, never silently (an executor would swallow it).
 *
 * @param <S> the snapshot type
 */
abstract class WorkerSession<S> {
    protected final Worker worker;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<S> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final AtomicReference<S> pending = new AtomicReference<>();
    private CurveBoard curves;
    /** Whether training runs; read by the worker's loop, written by the commands. */
    protected volatile boolean play;
    /**
     * Which play this is: each {@link #play()} starts a new one, and a chunk of an earlier one (still
     * queued when pause and play were pressed in quick succession) ends instead of running along.
     */
    private final AtomicLong generation = new AtomicLong();

    /**
     * @param worker the single thread that runs the engine, and its clock
     * @param fx     runs a task on the FX thread (Platform::runLater in the app, the caller in tests)
     */
    protected WorkerSession(Worker worker, Executor fx) {
        this.worker = new Guarded(worker);
        this.fx = fx;
    }

    /** A worker whose every task ends in a notice and a pause, instead of a lost throwable, when it fails. */
    private final class Guarded implements Worker {
        private final Worker inner;

        Guarded(Worker inner) {
            this.inner = inner;
        }

        @Override
        public void execute(Runnable task) {
            inner.execute(guard(task));
        }

        @Override
        public void schedule(Runnable task, long delayNanos) {
            inner.schedule(guard(task), delayNanos);
        }

        @Override
        public long nanoTime() {
            return inner.nanoTime();
        }

        private Runnable guard(Runnable task) {
            return () -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    failed(t);
                }
            };
        }
    }

    /** Worker thread: a task failed in a way the session did not expect; pause and say so. */
    private void failed(Throwable t) {
        if (Boolean.getBoolean("backproplab.debug")) {
            t.printStackTrace();
        }
        stopPlaying();
        post(failure(t));
    }

    /** The notice for an unexpected failure: its kind and its message, shortened, without a stack trace. */
    static Notice failure(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (message.length() > 160) {
            message = message.substring(0, 157) + "...";
        }
        if (t instanceof OutOfMemoryError) {
            return new Notice("notice.outOfMemory", List.of(message), true);
        }
        String what = t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return new Notice("notice.workerError", List.of(what), true);
    }

    public ReadOnlyObjectProperty<S> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public S getSnapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** The latest message (info or error) for the window, or null. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Completes when every command queued so far has run and its snapshot is published. */
    public CompletableFuture<Void> idle() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        worker.execute(() -> fx.execute(() -> done.complete(null)));
        return done;
    }

    /** Starts training: the worker runs {@link #playChunk()} again and again while playing. */
    public void play() {
        if (play) {
            return;
        }
        play = true;
        setPlaying(true);
        long g = generation.incrementAndGet();
        worker.execute(() -> chunk(g));
    }

    /** Worker thread: one chunk of play {@code g}, then the next after its delay, while g still plays. */
    private void chunk(long g) {
        if (!play || g != generation.get()) {
            return;
        }
        long delayNanos = playChunk();
        if (delayNanos >= 0 && play && g == generation.get()) {
            worker.schedule(() -> chunk(g), delayNanos);
        }
    }

    public void pause() {
        if (!play) {
            return;
        }
        stopPlaying();
        afterPause();
    }

    public void togglePlay() {
        if (play) {
            pause();
        } else {
            play();
        }
    }

    /**
     * Worker thread: one chunk of training, then a snapshot. Returns how long to wait before the
     * next chunk (nanoseconds), or -1 when there is none (it stopped, see {@link #stopPlaying()}).
     */
    protected abstract long playChunk();

    /** Queues what should follow a pause (at least a fresh snapshot). */
    protected abstract void afterPause();

    /** Stops training (from a command, or from the worker when training diverged or is done). */
    protected final void stopPlaying() {
        play = false;
        setPlaying(false);
    }

    /** Worker thread: hands {@code s} to the FX thread; a snapshot not yet shown is replaced. */
    protected final void publishSnapshot(S s) {
        if (pending.getAndSet(s) == null) {
            fx.execute(() -> snapshot.set(pending.getAndSet(null)));
        }
    }

    /** FX thread: {@code s} is the snapshot now (one made ahead, taken for a frame). */
    protected final void showNow(S s) {
        snapshot.set(s);
    }

    /**
     * Whether the FX thread has taken the last snapshot published: until it has, a new one would
     * only replace it unseen, and the work of making it (the playground's maps) would be lost.
     */
    protected final boolean lastSnapshotTaken() {
        return pending.get() == null;
    }

    protected final void setPlaying(boolean value) {
        fx.execute(() -> playing.set(value));
    }

    /** Runs {@code task} on the FX thread (from the worker: to hand a result back to the commands' side). */
    protected final void onFx(Runnable task) {
        fx.execute(task);
    }

    protected final void post(Notice n) {
        fx.execute(() -> notice.set(n));
    }

    /** The loss chart's runs, smoothing and log scale (TensorBoard's) and its CSV export; null for a tab without one. */
    public CurveBoard curves() {
        return curves;
    }

    /**
     * Gives this tab a loss chart with runs (in its constructor): {@code clearOnWorker} forgets the
     * kept runs on the worker, {@code xName} names the CSV's x column ("epoch", "iteration"),
     * {@code runsOf} finds a snapshot's runs (null: none in this one, the chart stays).
     */
    protected final void withCurves(Runnable clearOnWorker, String xName,
            java.util.function.Function<S, List<CurveRuns.Run>> runsOf) {
        CurveBoard board = new CurveBoard(worker::execute, this::post, clearOnWorker, xName);
        curves = board;
        snapshot.addListener((o, a, s) -> {
            List<CurveRuns.Run> runs = s == null ? null : runsOf.apply(s);
            if (runs != null) {
                board.show(runs);
            }
        });
    }
}
