package org.backproplab.engine;

import java.util.List;

/**
 * The records of one iteration run so far, found by stage: the one way to ask "what did the
 * forward pass of layer l give", used by the graph, the inspector, the chain rule and the CLI.
 */
public final class StageRecords {
    private final List<StageRecord> records;

    private StageRecords(List<StageRecord> records) {
        this.records = List.copyOf(records);
    }

    public static StageRecords of(List<StageRecord> records) {
        return new StageRecords(records);
    }

    /** Every record, in the order the stages ran. */
    public List<StageRecord> all() {
        return records;
    }

    /** The stage last run, or null before the first. */
    public StageRecord last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    /** Layer l's forward record, or null when that stage has not run yet. */
    public ForwardRecord forward(int layer) {
        for (StageRecord r : records) {
            if (r instanceof ForwardRecord f && f.layer() == layer) {
                return f;
            }
        }
        return null;
    }

    /** Layer l's backward record, or null. */
    public BackwardRecord backward(int layer) {
        for (StageRecord r : records) {
            if (r instanceof BackwardRecord b && b.layer() == layer) {
                return b;
            }
        }
        return null;
    }

    /** The loss record, or null. */
    public LossRecord loss() {
        for (StageRecord r : records) {
            if (r instanceof LossRecord l) {
                return l;
            }
        }
        return null;
    }

    /** The update record, or null. */
    public UpdateRecord update() {
        for (StageRecord r : records) {
            if (r instanceof UpdateRecord u) {
                return u;
            }
        }
        return null;
    }
}
