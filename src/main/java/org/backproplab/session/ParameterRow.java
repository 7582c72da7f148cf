package org.backproplab.session;

/** One row of the inspector's table: a weight or bias with its gradient at the current stage. */
public record ParameterRow(String name, String connection, double value, double gradient, double numeric,
        double change) {

    /** Tab-separated, full precision; empty cells for numbers not known at this stage. */
    public String toTsv() {
        return String.join("\t", name, connection, cell(value), cell(gradient), cell(numeric), cell(change));
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
