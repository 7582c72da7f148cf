package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.session.PredictQuestion.Place;
import org.backproplab.session.PredictQuestion.Spot;

/**
 * The graph and the matrices over the batch with the values still asked for hidden: each shows
 * "?" in its label or cell, and the tooltips that would tell it (a neuron's, an edge's, a bias's)
 * keep only the name.
 */
final class PredictMask {
    static final String HIDDEN = "?";

    private PredictMask() {
    }

    static GraphSnapshot graph(GraphSnapshot g, List<Spot> hidden) {
        if (hidden.isEmpty()) {
            return g;
        }
        List<List<GraphSnapshot.Neuron>> neurons = new ArrayList<>();
        for (int l = 0; l < g.neurons().size(); l++) {
            List<GraphSnapshot.Neuron> col = new ArrayList<>();
            for (int j = 0; j < g.neurons().get(l).size(); j++) {
                GraphSnapshot.Neuron n = g.neurons().get(l).get(j);
                boolean net = has(hidden, Place.NET, l, j, 0);
                boolean out = has(hidden, Place.OUT, l, j, 0);
                boolean delta = has(hidden, Place.DELTA, l, j, 0);
                if (net || out || delta) {
                    n = new GraphSnapshot.Neuron(n.name(), net ? "net " + HIDDEN : n.net(), out ? "out " + HIDDEN : n.out(),
                            delta && n.delta() != null ? "\u03b4 " + HIDDEN : n.delta(), Phrase.of(n.name()), n.active(),
                            n.backward(), n.deltaActive(), n.selected());
                }
                col.add(n);
            }
            neurons.add(col);
        }
        List<List<GraphSnapshot.Box>> biases = new ArrayList<>();
        for (int l = 0; l < g.biases().size(); l++) {
            List<GraphSnapshot.Box> col = new ArrayList<>();
            for (int j = 0; j < g.biases().get(l).size(); j++) {
                GraphSnapshot.Box b = g.biases().get(l).get(j);
                if (has(hidden, Place.BIAS_AFTER, l, j, 0)) {
                    col.add(hide(b, afterArrow(b.text())));
                } else if (has(hidden, Place.BIAS_GRADIENT, l, j, 0) || has(hidden, Place.DELTA, l, j, 0)) {
                    // dE/db = the delta summed over the batch: with one sample the tooltip would tell the delta
                    col.add(hide(b, b.text()));
                } else {
                    col.add(b);
                }
            }
            biases.add(col);
        }
        List<GraphSnapshot.Edge> edges = new ArrayList<>();
        for (GraphSnapshot.Edge e : g.edges()) {
            GraphSnapshot.Box label = e.label();
            if (has(hidden, Place.WEIGHT_AFTER, e.layer(), e.to(), e.from())) {
                label = hide(label, afterArrow(label.text()));
            } else if (has(hidden, Place.WEIGHT_GRADIENT, e.layer(), e.to(), e.from())) {
                int nl = label.text().indexOf('\n');
                label = hide(label, nl < 0 ? label.text() : label.text().substring(0, nl + 1) + HIDDEN);
            }
            edges.add(new GraphSnapshot.Edge(e.layer(), e.to(), e.from(), e.positive(), e.width(), e.forward(),
                    e.backward(), label));
        }
        List<GraphSnapshot.Box> errors = new ArrayList<>();
        for (int k = 0; k < g.errors().size(); k++) {
            GraphSnapshot.Box e = g.errors().get(k);
            int output = k;
            boolean hide = hidden.stream().anyMatch(s -> s.place() == Place.ERROR && s.row() == output);
            errors.add(hide ? new GraphSnapshot.Box("E " + HIDDEN, Phrase.EMPTY, e.visible(), e.active(), e.changed(),
                    e.selected()) : e);
        }
        return new GraphSnapshot(g.layerSizes(), g.inputs(), neurons, biases, edges, g.targets(), errors,
                g.showTargets());
    }

    /**
     * The matrices over the batch with the values still asked shown as "?": a neuron's z, a and
     * delta in the column of the sample asked about, a gradient in its cell; and a neuron's db
     * while its delta is asked in a batch of one (db = the sum of dZ over the batch, the delta).
     */
    static StepMatrixSnapshot matrices(StepMatrixSnapshot m, List<PredictQuestion> hidden, int sample) {
        if (hidden.isEmpty() || !m.dense()) {
            return m;
        }
        int l = m.layer() - 1;
        List<StepMatrixSnapshot.Block> blocks = new ArrayList<>();
        for (StepMatrixSnapshot.Block b : m.blocks()) {
            if (!b.computed()) {
                blocks.add(b);
                continue;
            }
            double[] values = b.values();
            boolean[] cells = new boolean[values.length];
            boolean any = false;
            int column = Math.min(Math.max(sample, 0), b.cols() - 1);
            for (PredictQuestion q : hidden) {
                Spot p = q.spot();
                if (p.layer() == l && b.name().equals(blockOf(p.place(), m.layer()))) {
                    boolean perSample = p.place() == Place.NET || p.place() == Place.OUT || p.place() == Place.DELTA;
                    int c = perSample ? column : p.col();
                    if (p.row() < b.rows() && c < b.cols()) {
                        cells[p.row() * b.cols() + c] = true;
                        any = true;
                    }
                }
                // db[n] = dZ[n] summed over the batch: with one sample it is the asked delta itself
                if (p.place() == Place.DELTA && p.layer() == l && m.batch() == 1
                        && b.name().equals("db[" + m.layer() + "]") && p.row() < b.rows()
                        && Double.compare(values[p.row() * b.cols()], q.answer()) == 0) {
                    cells[p.row() * b.cols()] = true;
                    any = true;
                }
            }
            blocks.add(any ? new StepMatrixSnapshot.Block(b.name(), b.formula(), b.rows(), b.cols(), b.values(),
                    b.current(), cells) : b);
        }
        return new StepMatrixSnapshot(true, m.layer(), m.layers(), m.batch(), blocks, m.table());
    }

    /** The block that shows a value at this place of layer n (counted from 1), or "" for none. */
    private static String blockOf(Place place, int n) {
        return switch (place) {
            case NET -> "Z[" + n + "]";
            case OUT -> "A[" + n + "]";
            case DELTA -> "dZ[" + n + "]";
            case WEIGHT_GRADIENT -> "dW[" + n + "]";
            case BIAS_GRADIENT -> "db[" + n + "]";
            default -> "";
        };
    }

    /** "w5 0.4\n→ 0.358916" becomes "w5 0.4\n→ ?". */
    private static String afterArrow(String text) {
        int k = text.indexOf('\u2192');
        return k < 0 ? text : text.substring(0, k + 1) + " " + HIDDEN;
    }

    /** The box with a new text and a tooltip that keeps only its first word (the name). */
    private static GraphSnapshot.Box hide(GraphSnapshot.Box b, String text) {
        String name = b.text().split("[ \n]", 2)[0];
        return new GraphSnapshot.Box(text, Phrase.of(name), b.visible(), b.active(), b.changed(), b.selected());
    }

    private static boolean has(List<Spot> hidden, Place place, int l, int row, int col) {
        return hidden.contains(new Spot(place, l, row, col));
    }
}
