package org.backproplab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Steps a trainer one stage at a time and back again.
 *
 * <p>Before each iteration it takes a {@link Checkpoint}. Stepping back removes the last record
 * and recomputes the state just before it: it restores the iteration's checkpoint and replays the
 * stages before it (the same arithmetic, so the same numbers). Parameters, optimizer memory and
 * the position in the data are therefore back exactly as they were.
 */
public final class Stepper {
    private record Done(Checkpoint start, List<StageRecord> records) {
    }

    private final Trainer trainer;
    private final int historyLimit;
    private final Deque<Done> history = new ArrayDeque<>();
    private Iteration current;
    private Checkpoint currentStart;
    private List<StageRecord> currentRecords = new ArrayList<>();

    /** @param historyLimit how many completed iterations can be stepped back into */
    public Stepper(Trainer trainer, int historyLimit) {
        this.trainer = trainer;
        this.historyLimit = Math.max(1, historyLimit);
    }

    public Trainer trainer() {
        return trainer;
    }

    /** Runs the next stage, starting a new iteration when the last one is complete. */
    public StageRecord next() {
        if (current == null || !current.hasNext()) {
            startIteration();
        }
        StageRecord r = current.next();
        currentRecords.add(r);
        return r;
    }

    /** Runs the rest of the current iteration, or a whole new one; returns the records added. */
    public List<StageRecord> finishIteration() {
        List<StageRecord> added = new ArrayList<>();
        do {
            added.add(next());
        } while (current.hasNext());
        return added;
    }

    /** The stage the next call to {@link #next()} runs. */
    public Stage nextStage() {
        if (current == null || !current.hasNext()) {
            return Stage.at(0, trainer.network().layerCount());
        }
        return current.nextStage();
    }

    /** True between iterations (nothing of the next one has run). */
    public boolean atIterationStart() {
        return current == null || !current.hasNext() || current.stagesDone() == 0;
    }

    private void startIteration() {
        if (current != null && !currentRecords.isEmpty()) {
            history.addLast(new Done(currentStart, List.copyOf(currentRecords)));
            while (history.size() > historyLimit) {
                history.removeFirst();
            }
        }
        currentStart = trainer.checkpoint();
        current = trainer.newIteration(true);
        currentRecords = new ArrayList<>();
    }

    /**
     * Undoes the last stage run. Returns false when there is nothing to step back to.
     */
    public boolean back() {
        if (currentRecords.isEmpty()) {
            if (history.isEmpty()) {
                return false;
            }
            Done previous = history.removeLast();
            currentStart = previous.start();
            currentRecords = new ArrayList<>(previous.records());
        }
        currentRecords.remove(currentRecords.size() - 1);
        trainer.restore(currentStart);
        current = trainer.newIteration(true);
        current.skip(currentRecords.size());
        return true;
    }

    /** Whether {@link #back()} can step back. */
    public boolean canGoBack() {
        return !currentRecords.isEmpty() || !history.isEmpty();
    }

    /** The records of the iteration in progress (or just completed), in stage order. */
    public List<StageRecord> currentRecords() {
        if (currentRecords.isEmpty() && !history.isEmpty()) {
            return history.peekLast().records();
        }
        return List.copyOf(currentRecords);
    }

    /** The last stage record, or null before the first stage. */
    public StageRecord lastRecord() {
        List<StageRecord> records = currentRecords();
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /**
     * Forgets the iteration in progress and the history, returning to the start of the current
     * iteration; used after parameters are edited or training ran on the fast path.
     */
    public void clearHistory() {
        if (current != null && current.stagesDone() > 0 && current.hasNext()) {
            trainer.restore(currentStart);
        }
        history.clear();
        current = null;
        currentRecords = new ArrayList<>();
    }
}
