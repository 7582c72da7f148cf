package org.backproplab.session;

/**
 * One value a learner is asked for: its name as the walk-through writes it ("net_h1", "dE/dw5",
 * "w5+"), its kind, the exact answer, and what the feedback shows step by step.
 *
 * @param name    the value's name ("w5+" is w5 after the update)
 * @param kind    which kind of value (for the progress panel and the teacher's choice)
 * @param answer  the value as the engine computed it
 * @param formula the formula with its inputs' numbers filled in, without the result
 *                ("net_h1 = w1 x i1 + ... = 0.15 x 0.05 + ...")
 * @param hint    the next factor of the chain rule, with its value ("delta_o1 = ... = 0.138498562")
 * @param line    the whole line of the walk-through, result included (the answer key's line)
 * @param spot    where the graph shows it (hidden there until answered or revealed)
 */
public record PredictQuestion(String name, PredictKind kind, double answer, String formula, String hint, String line,
        Spot spot) {

    /** What of the graph shows the value. */
    public enum Place { NET, OUT, DELTA, ERROR, TOTAL, WEIGHT_GRADIENT, BIAS_GRADIENT, WEIGHT_AFTER, BIAS_AFTER }

    /** A place in the graph: layer, neuron (row) and input (col), as {@link GraphItem} counts them. */
    public record Spot(Place place, int layer, int row, int col) {
    }

    /** "net_h1", or for an updated parameter "w5+" shown as the prompt's own words by the view. */
    public boolean isUpdate() {
        return kind == PredictKind.UPDATE;
    }

    /** The name without the update's "+" ("w5"). */
    public String baseName() {
        return isUpdate() && name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
    }
}
