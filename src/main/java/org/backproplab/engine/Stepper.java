package org.backproplab.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Steps a trainer one stage at a time, and back again, through everything that happened: stages
 * run, iterations started, edits of parameters or settings, and runs of whole iterations on the
 * fast path.
 *
 * <p>Before each iteration it takes a {@link Checkpoint}. Stepping back over a stage drops its
 * record, restores the iteration's checkpoint and silently replays the stages before it (the
 * same arithmetic, so the same numbers). Parameters, optimizer memory and the position in the
 * data are therefore back exactly as they were.
 */
public final class Stepper {

    /** Something {@link #back()} can undo. */
    private sealed interface Action permits StageRun, IterationStarted, Change, FastRun {
    }

    /** A stage of the current iteration was run. */
    private record StageRun() implements Action {
    }

    /** A new iteration began; the one before it ended with these records. */
    private record IterationStarted(Checkpoint previousStart, List<StageRecord> previousRecords) implements Action {
    }

    /** Parameters or settings changed at stage {@code stagesDone} of the current iteration. */
    private record Change(Checkpoint previousStart, int stagesDone, Runnable revert) implements Action {
    }

    /** Iterations run on the fast path; before them the state was this. */
    private record FastRun(Checkpoint previousStart, List<StageRecord> previousRecords) implements Action {
    }

    private final Trainer trainer;
    private final int actionLimit;
    private final Deque<Action> actions = new ArrayDeque<>();
    private Iteration current;
    private Checkpoint currentStart;
    private List<StageRecord> currentRecords = new ArrayList<>();

    /** @param actionLimit how many actions can be stepped back over (the oldest are forgotten) */
    public Stepper(Trainer trainer, int actionLimit) {
        this.trainer = trainer;
        this.actionLimit = Math.max(1, actionLimit);
        this.currentStart = trainer.checkpoint();
    }

    public Trainer trainer() {
        return trainer;
    }

    private void push(Action action) {
        actions.addLast(action);
        while (actions.size() > actionLimit) {
            actions.removeFirst();
        }
    }

    /** True when the current iteration has run all its stages (or none has started). */
    private boolean iterationComplete() {
        return current == null || !current.hasNext();
    }

    /** Begins the next iteration if the current one is complete. */
    private void ensureIteration() {
        if (current != null && !current.hasNext()) {
            push(new IterationStarted(currentStart, List.copyOf(currentRecords)));
            currentStart = trainer.checkpoint();
            currentRecords = new ArrayList<>();
            current = trainer.newIteration(true);
        } else if (current == null) {
            currentStart = trainer.checkpoint();
            current = trainer.newIteration(true);
        }
    }

    /** Runs the next stage, starting a new iteration when the last one is complete. */
    public StageRecord next() {
        ensureIteration();
        StageRecord r = current.next();
        currentRecords.add(r);
        push(new StageRun());
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

    /**
     * Runs {@code iterations} whole iterations: the current one is finished first (recorded), the
     * others on the fast path except the last, which is recorded so that its numbers can be shown.
     * Stepping back over them returns in one step to the state before the run. Returns the batch
     * loss of every iteration, in order.
     */
    public double[] runIterations(int iterations) {
        if (iterations <= 0) {
            return new double[0];
        }
        double[] losses = new double[iterations];
        int k = 0;
        Checkpoint startBefore = currentStart;
        List<StageRecord> recordsBefore = List.copyOf(currentRecords);
        if (current != null && current.hasNext() && current.stagesDone() > 0) {
            while (current.hasNext()) {
                currentRecords.add(current.next());
            }
            losses[k++] = current.loss();
        }
        if (k < iterations) {
            currentRecords = new ArrayList<>();
            current = null;
            while (k < iterations - 1) {
                losses[k++] = trainer.trainIteration();
            }
            currentStart = trainer.checkpoint();
            current = trainer.newIteration(true);
            currentRecords.addAll(current.runToEnd());
            losses[k++] = current.loss();
        }
        push(new FastRun(startBefore, recordsBefore));
        return losses;
    }

    /**
     * Changes parameters or settings at the current stage, undoably: the current iteration is
     * rewound to its start, {@code apply} runs, and the stages already shown are run again with
     * the change (so every value downstream of it is recomputed). {@link #back()} runs
     * {@code revert} and recomputes the stages as they were. When the current iteration is
     * complete the change applies to the next one.
     */
    public void change(Runnable apply, Runnable revert) {
        ensureIteration();
        int stages = current.stagesDone();
        Checkpoint before = currentStart;
        trainer.restore(currentStart);
        apply.run();
        currentStart = trainer.checkpoint();
        replay(stages, true);
        push(new Change(before, stages, revert));
    }

    /** Restarts the current iteration from {@link #currentStart} and runs {@code stages} stages. */
    private void replay(int stages, boolean record) {
        trainer.restore(currentStart);
        current = trainer.newIteration(true);
        if (record) {
            currentRecords = new ArrayList<>();
            for (int i = 0; i < stages; i++) {
                currentRecords.add(current.next());
            }
        } else {
            current.skip(stages);
        }
    }

    /** The stage the next call to {@link #next()} runs. */
    public Stage nextStage() {
        if (iterationComplete()) {
            return Stage.at(0, trainer.network().layerCount());
        }
        return current.nextStage();
    }

    /** True between iterations (nothing of the next one has run). */
    public boolean atIterationStart() {
        return iterationComplete() || current.stagesDone() == 0;
    }

    /** Undoes the last action. Returns false when there is nothing to step back to. */
    public boolean back() {
        Action action = actions.pollLast();
        if (action == null) {
            return false;
        }
        if (action instanceof StageRun) {
            currentRecords.remove(currentRecords.size() - 1);
            replay(currentRecords.size(), false);
        } else if (action instanceof IterationStarted started) {
            // the state between two iterations is the previous one's end: keep stepping back
            resume(started);
            back();
        } else if (action instanceof Change change) {
            change.revert().run();
            currentStart = change.previousStart();
            replay(change.stagesDone(), true);
            if (change.stagesDone() == 0 && actions.peekLast() instanceof IterationStarted started) {
                // the change opened a new iteration: show the previous one's end again
                actions.pollLast();
                resume(started);
            }
        } else if (action instanceof FastRun run) {
            currentStart = run.previousStart();
            List<StageRecord> records = run.previousRecords();
            replay(records.size(), false);
            currentRecords = new ArrayList<>(records);
        }
        return true;
    }

    /** Makes the iteration before {@code started} current again, complete. */
    private void resume(IterationStarted started) {
        currentStart = started.previousStart();
        currentRecords = new ArrayList<>(started.previousRecords());
        replay(currentRecords.size(), false);
    }

    /** Whether {@link #back()} can step back. */
    public boolean canGoBack() {
        return !actions.isEmpty();
    }

    /** The records of the iteration in progress (or just completed), in stage order. */
    public List<StageRecord> currentRecords() {
        return List.copyOf(currentRecords);
    }

    /** The last stage record, or null before the first stage. */
    public StageRecord lastRecord() {
        return currentRecords.isEmpty() ? null : currentRecords.get(currentRecords.size() - 1);
    }

    /** The number (from 0) of the iteration the current records belong to. */
    public long currentIteration() {
        return currentStart.iteration();
    }

    /** The batch of the current iteration, or null before it starts. */
    public ImmutableMatrix currentInputs() {
        return current == null ? null : current.inputs();
    }

    public ImmutableMatrix currentTargets() {
        return current == null ? null : current.targets();
    }

    /** Parameter values at the start of the current iteration (what its forward pass uses). */
    public Checkpoint currentStart() {
        return currentStart;
    }
}
