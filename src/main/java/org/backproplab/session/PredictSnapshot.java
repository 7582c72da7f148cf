package org.backproplab.session;

import java.util.List;

/**
 * What the predict panel shows: one row per value asked at the stage shown.
 *
 * @param on        whether predict mode is on
 * @param rows      the questions, in the order asked
 * @param supported false for a lesson whose values are not asked yet (a network with maps)
 */
public record PredictSnapshot(boolean on, List<Row> rows, boolean supported) {
    public static final PredictSnapshot OFF = new PredictSnapshot(false, List.of(), true);

    /** Where a question stands. */
    public enum Status { OPEN, WRONG, RIGHT, REVEALED }

    /**
     * @param prompt   "net_h1 = ?", "w5 after the update = ?"
     * @param typed    what the learner typed last ("" before)
     * @param status   open, wrong so far, right, revealed
     * @param feedback the lines shown under it: the verdict, the formula with its inputs, the hint, the answer
     */
    public record Row(Phrase prompt, String typed, Status status, List<Phrase> feedback) {
        public Row {
            feedback = List.copyOf(feedback);
        }

        /** Answered right or revealed: the graph shows its value again. */
        public boolean done() {
            return status == Status.RIGHT || status == Status.REVEALED;
        }
    }

    public PredictSnapshot {
        rows = List.copyOf(rows);
    }
}
