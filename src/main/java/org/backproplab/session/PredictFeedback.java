package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;

/** What the predict panel says about a question: its prompt, and the feedback lines in order. */
final class PredictFeedback {
    private PredictFeedback() {
    }

    /** "net_h1 = ?", "w5 after the update = ?". */
    static Phrase prompt(PredictQuestion q) {
        return q.isUpdate() ? Phrase.key("predict.promptAfter", q.baseName()) : Phrase.key("predict.prompt", q.name());
    }

    /**
     * One wrong try shows the formula with its inputs, a second (or Hint) the hint too, a third (or
     * Reveal) the answer; a right one says so with the whole line.
     */
    static PredictSnapshot.Row row(PredictQuestion q, String typed, int tries, boolean right, boolean hint,
            boolean revealed, Phrase refused) {
        return row(q, typed, tries, right, hint, revealed, refused, null);
    }

    /**
     * {@code pending}: the name of a value still asked that the hint would give away (the hint of
     * dE/dw5 is delta_o1 with its number): then the hint says to find that one first.
     */
    static PredictSnapshot.Row row(PredictQuestion q, String typed, int tries, boolean right, boolean hint,
            boolean revealed, Phrase refused, String pending) {
        List<Phrase> lines = new ArrayList<>();
        PredictSnapshot.Status status;
        if (refused != null) {
            lines.add(refused);
        }
        if (right) {
            status = PredictSnapshot.Status.RIGHT;
            lines.add(Phrase.key(tries == 1 ? "predict.rightFirst" : "predict.right", typed));
            lines.add(Phrase.of(times(q.line())));
            return new PredictSnapshot.Row(prompt(q), typed, status, lines);
        }
        status = revealed ? PredictSnapshot.Status.REVEALED
                : tries > 0 ? PredictSnapshot.Status.WRONG : PredictSnapshot.Status.OPEN;
        if (tries > 0) {
            lines.add(Phrase.key("predict.wrong", typed));
        }
        if (tries > 0 || hint || revealed) {
            lines.add(Phrase.key("predict.formula", times(q.formula()) + " = ?"));
        }
        if (tries > 1 || hint || revealed) {
            lines.add(pending != null && !revealed ? Phrase.key("predict.hintPending", pending)
                    : Phrase.key("predict.hint", times(q.hint())));
        }
        if (revealed) {
            lines.add(Phrase.key("predict.answer", times(q.line())));
        }
        return new PredictSnapshot.Row(prompt(q), typed, status, lines);
    }

    /**
     * Whether {@code hint} tells the value of {@code p}: it is p's whole line, or it says
     * "p's name = ..." ("z1[0][0][1] = 0.14", "..., delta1[0][0][2] = 0.3247", "e^z3[0] = e^0.008 = ...",
     * "e^-net_h1 = e^-0.3775 = ...": the number after the name is p's).
     */
    static boolean tells(String hint, PredictQuestion p) {
        return p.line().equals(hint) || java.util.regex.Pattern.compile("(^|[ ,(:^-])"
                + java.util.regex.Pattern.quote(p.name()) + " = ").matcher(hint).find();
    }

    /** The walk-through's " x " as the window writes a product, its "eta" as the lessons write it (η). */
    static String times(String line) {
        return line.replace(" x ", " \u00d7 ").replaceAll("\\beta\\b", "\u03b7");
    }
}
