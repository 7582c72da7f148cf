package org.backproplab.session;

import java.util.List;

/**
 * What the inspector shows for the item selected in the graph, ready to show.
 *
 * @param item     what is selected, or null
 * @param title    its name and value ("Weight w5 (h1 -> o1) = 0.4")
 * @param lines    the chain rule with the numbers filled in, one line each
 * @param numeric  the finite-difference estimate beside the backpropagated gradient, or null
 * @param editable whether the item can be typed over (a weight, bias, input or target)
 * @param value    its exact value for the edit field ("" when not editable)
 * @param rows     every weight and bias with its value, gradient, estimate and change
 */
public record InspectorSnapshot(GraphItem item, Phrase title, List<Phrase> lines, Phrase numeric, boolean editable,
        String value, List<ParameterRow> rows) {
    public InspectorSnapshot {
        lines = List.copyOf(lines);
        rows = List.copyOf(rows);
    }
}
