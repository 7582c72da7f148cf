package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.lesson.MapArithmetic;
import org.backproplab.session.PredictQuestion.Place;
import org.backproplab.session.PredictQuestion.Spot;

/**
 * The grids of a network with maps with the values still asked hidden: a cell shows "?" where
 * the value would be ("?" for its z and a whatever is asked of them, so that "?→?" does not tell
 * that ReLU clipped; "δ ?", "∂ ?", "→ ?", "E ?"), its tooltip says no more than its text, and its
 * colour (which would tell the sign and size) is plain; the other cells' colours are scaled by the
 * largest value shown, not by the hidden one. While a pooled value is asked, the winner of its
 * window is not framed: that would answer it.
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
                grids.add(grid(g, m.layout(), hidden));
            }
            columns.add(new MapGraphSnapshot.Column(column.title(), column.active(), grids));
        }
        return new MapGraphSnapshot(columns, m.layout());
    }

    private static MapGraphSnapshot.Grid grid(MapGraphSnapshot.Grid g, MapLayout layout, List<Spot> hidden) {
        List<MapGraphSnapshot.Cell> in = g.cells();
        String[] texts = new String[in.size()];
        // the shades are value / the grid's largest |value|: rescale by the largest shown one
        double shownMax = 0;
        boolean masked = false;
        for (int i = 0; i < in.size(); i++) {
            MapGraphSnapshot.Cell c = in.get(i);
            texts[i] = c.item() == null ? c.text() : masked(c.text(), c.item(), hidden);
            if (texts[i].equals(c.text())) {
                shownMax = Math.max(shownMax, Math.abs(c.shade()));
            } else {
                masked = true;
            }
        }
        double scale = masked && shownMax > 0 ? 1 / shownMax : 1;
        List<MapGraphSnapshot.Cell> cells = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            MapGraphSnapshot.Cell c = in.get(i);
            boolean shown = texts[i].equals(c.text());
            boolean winner = c.winner() && !windowAsked(c.item(), layout, hidden);
            if (shown && scale == 1 && winner == c.winner()) {
                cells.add(c);
            } else {
                cells.add(new MapGraphSnapshot.Cell(texts[i], shown ? c.shade() * scale : 0, c.item(), winner,
                        c.active(), c.changed(), c.selected(), shown ? c.tip() : g.name() + "  "
                        + texts[i].replace('\n', ' ')));
            }
        }
        return new MapGraphSnapshot.Grid(g.name(), g.rows(), g.cols(), cells);
    }

    /** Whether the cell lies in a window of the pooling layer after it whose pooled value is asked. */
    private static boolean windowAsked(GraphItem item, MapLayout layout, List<Spot> hidden) {
        if (item == null || item.kind() != GraphItem.Kind.NEURON || item.layer() + 1 >= layout.layers().size()
                || !layout.layers().get(item.layer() + 1).isPool()) {
            return false;
        }
        MapArithmetic.PoolShape p = layout.layers().get(item.layer() + 1).pool();
        int plane = p.height() * p.width();
        int c = item.row() / plane;
        int y = item.row() % plane / p.width() / p.size();
        int x = item.row() % plane % p.width() / p.size();
        return y < p.outHeight() && x < p.outWidth()
                && hidden.contains(new Spot(Place.OUT, item.layer() + 1, p.output(c, y, x), 0));
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
                if (hidden.contains(new Spot(Place.NET, l, o, 0)) || hidden.contains(new Spot(Place.OUT, l, o, 0))) {
                    // one "?" for "z→a" and for "a" alike: which one the cell shows tells whether z = a
                    first = HIDDEN;
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
