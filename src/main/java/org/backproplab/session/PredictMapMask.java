package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.session.PredictQuestion.Place;
import org.backproplab.session.PredictQuestion.Spot;

/**
 * The grids of a network with maps with the values still asked for hidden: a cell shows "?"
 * where the value would be ("?→0.14" while z is asked, "δ ?", "∂ ?", "→ ?", "E ?"), its tooltip
 * says no more than its text, and its colour (which would tell the sign and size) is plain.
 */
final class PredictMapMask {
    private static final String HIDDEN = PredictMask.HIDDEN;

    private PredictMapMask() {
    }

    static MapGraphSnapshot maps(MapGraphSnapshot m, List<Spot> hidden) {
        if (hidden.isEmpty()) {
            return m;
        }
        List<MapGraphSnapshot.Column> columns = new ArrayList<>();
        for (MapGraphSnapshot.Column column : m.columns()) {
            List<MapGraphSnapshot.Grid> grids = new ArrayList<>();
            for (MapGraphSnapshot.Grid g : column.grids()) {
                List<MapGraphSnapshot.Cell> cells = new ArrayList<>();
                for (MapGraphSnapshot.Cell c : g.cells()) {
                    String text = c.item() == null ? c.text() : masked(c.text(), c.item(), hidden);
                    cells.add(text.equals(c.text()) ? c : new MapGraphSnapshot.Cell(text, 0, c.item(), c.winner(),
                            c.active(), c.changed(), c.selected(), g.name() + "  " + text.replace('\n', ' ')));
                }
                grids.add(new MapGraphSnapshot.Grid(g.name(), g.rows(), g.cols(), cells));
            }
            columns.add(new MapGraphSnapshot.Column(column.title(), column.active(), grids));
        }
        return new MapGraphSnapshot(columns, m.layout());
    }

    /** The cell's text with what is asked of its item replaced by "?". */
    private static String masked(String text, GraphItem item, List<Spot> hidden) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        String second = nl < 0 ? null : text.substring(nl + 1);
        switch (item.kind()) {
            case NEURON -> {
                int l = item.layer();
                int o = item.row();
                boolean net = hidden.contains(new Spot(Place.NET, l, o, 0));
                boolean out = hidden.contains(new Spot(Place.OUT, l, o, 0));
                int arrow = first.indexOf('\u2192');
                if (arrow < 0 && (net || out)) {
                    // z = a (shown once): either one tells the other
                    first = HIDDEN;
                } else if (arrow >= 0) {
                    first = (net ? HIDDEN : first.substring(0, arrow)) + "\u2192"
                            + (out ? HIDDEN : first.substring(arrow + 1));
                }
                if (second != null && hidden.contains(new Spot(Place.DELTA, l, o, 0))) {
                    second = "\u03b4 " + HIDDEN;
                }
            }
            case WEIGHT, BIAS -> {
                boolean weight = item.kind() == GraphItem.Kind.WEIGHT;
                int col = weight ? item.col() : 0;
                Place gradient = weight ? Place.WEIGHT_GRADIENT : Place.BIAS_GRADIENT;
                Place after = weight ? Place.WEIGHT_AFTER : Place.BIAS_AFTER;
                if (second != null && second.startsWith("\u2202")
                        && hidden.contains(new Spot(gradient, item.layer(), item.row(), col))) {
                    second = "\u2202 " + HIDDEN;
                } else if (second != null && second.startsWith("\u2192")
                        && hidden.contains(new Spot(after, item.layer(), item.row(), col))) {
                    second = "\u2192 " + HIDDEN;
                }
            }
            case TARGET -> {
                boolean error = hidden.stream().anyMatch(s -> s.place() == Place.ERROR && s.row() == item.col());
                if (second != null && error) {
                    second = "E " + HIDDEN;
                }
            }
            default -> {
                return text;
            }
        }
        return second == null ? first : first + "\n" + second;
    }
}
