package org.backproplab.session;

/**
 * One row of the inspector's table: a weight or bias with its gradient at the current stage, and
 * what it connects ("i1 → h1", or "kernel of filter 0" in the window's language).
 */
public record ParameterRow(String name, Phrase connection, double value, double gradient, double numeric,
        double change) {

    /** Tab-separated, the connection in the window's language ({@code translate}), full precision; empty cells for numbers not known at this stage. */
    public String toTsv(Phrase.Translator translate) {
        return String.join("\t", name, connection.format(translate), cell(value), cell(gradient), cell(numeric), cell(change));
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
