package org.backproplab.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.MapArithmetic;

/**
 * The graph of a stage for a network with maps: the input image, each convolution's kernels,
 * biases and feature maps, each pooled map, the dense layers' weights and outputs, the targets;
 * every number in a grid with its colour, the pooling winners marked. Values appear as the stages
 * compute them: a map's a after its forward stage, its delta after its backward stage, a weight's
 * gradient after its layer's backward stage, old and new value after the update.
 */
public final class MapGraph {
    private final StepSnapshot s;
    private final MapLayout layout;
    private final StageRecords records;
    private final StageRecord last;
    private final UpdateRecord update;
    private final int row;
    private final GraphItem selected;

    private MapGraph(StepSnapshot s, MapLayout layout, int sample, GraphItem selected) {
        this.s = s;
        this.layout = layout;
        this.records = StageRecords.of(s.records());
        this.last = records.last();
        this.update = last instanceof UpdateRecord u ? u : null;
        this.row = Math.min(sample, s.inputs().rows() - 1);
        this.selected = selected;
    }

    /**
     * A number as a grid cell shows it: 3 significant digits, so that a value and its delta or
     * gradient fit in a cell (the inspector and the tooltip give it in full).
     */
    public static String cellNumber(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros();
        return Math.abs(v) < 1e-4 || Math.abs(v) >= 1e6 ? d.toString() : d.toPlainString();
    }

    public static MapGraphSnapshot of(StepSnapshot s, MapLayout layout, int sample, GraphItem selected) {
        return new MapGraph(s, layout, sample, selected).build();
    }

    private MapGraphSnapshot build() {
        List<MapGraphSnapshot.Column> columns = new ArrayList<>();
        List<MapGraphSnapshot.Grid> input = new ArrayList<>();
        int plane = layout.height() * layout.width();
        for (int c = 0; c < layout.channels(); c++) {
            double[] values = new double[plane];
            List<GraphItem> items = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < plane; i++) {
                values[i] = s.inputs().get(row, c * plane + i);
                items.add(GraphItem.input(c * plane + i).forSample(row));
                texts.add(cellNumber(values[i]));
            }
            input.add(grid("x[" + c + "]", layout.height(), layout.width(), values, texts, items, Set.of(),
                    last instanceof ForwardRecord f && f.layer() == 0, false));
        }
        columns.add(new MapGraphSnapshot.Column(Phrase.key("map.input"), false, input));
        for (int l = 0; l < layout.layers().size(); l++) {
            columns.add(layer(l));
        }
        return new MapGraphSnapshot(columns, layout);
    }

    private MapGraphSnapshot.Column layer(int l) {
        MapLayout.Shape shape = layout.layers().get(l);
        int n = l + 1;
        boolean active = last instanceof ForwardRecord f && f.layer() == l
                || last instanceof BackwardRecord b && b.layer() == l;
        List<MapGraphSnapshot.Grid> grids = new ArrayList<>();
        Phrase title;
        if (shape.isConv()) {
            MapArithmetic.ConvShape g = shape.conv();
            title = Phrase.key("map.conv", n, g.filters(), g.kernel(), shape.activation());
            int taps = g.kernel() * g.kernel();
            for (int f = 0; f < g.filters(); f++) {
                for (int c = 0; c < g.channels(); c++) {
                    List<Integer> cols = new ArrayList<>();
                    for (int t = 0; t < taps; t++) {
                        cols.add(c * taps + t);
                    }
                    grids.add(parameterGrid("W" + n + "[" + f + "]" + (g.channels() > 1 ? "[" + c + "]" : ""), l,
                            f, cols, g.kernel(), g.kernel()));
                }
                grids.add(biasGrid("b" + n + "[" + f + "]", l, List.of(f), 1));
                grids.add(mapGrid(l, "a" + n + "[" + f + "]", f, g.outHeight(), g.outWidth()));
            }
        } else if (shape.isPool()) {
            MapArithmetic.PoolShape p = shape.pool();
            title = Phrase.key("map.pool", n, p.size());
            for (int c = 0; c < p.channels(); c++) {
                grids.add(mapGrid(l, "a" + n + "[" + c + "]", c, p.outHeight(), p.outWidth()));
            }
        } else {
            title = Phrase.key("map.dense", n, shape.units(), shape.activation());
            int inputs = l == 0 ? layout.channels() * layout.height() * layout.width() : layout.size(l - 1);
            List<MapGraphSnapshot.Grid> weights = new ArrayList<>();
            List<Integer> rowsOf = new ArrayList<>();
            for (int k = 0; k < shape.units(); k++) {
                List<Integer> cols = new ArrayList<>();
                for (int i = 0; i < inputs; i++) {
                    cols.add(i);
                }
                weights.add(parameterGrid("W" + n + "[" + k + "]", l, k, cols, 1, inputs));
                rowsOf.add(k);
            }
            grids.addAll(weights);
            grids.add(biasGrid("b" + n, l, rowsOf, shape.units()));
            grids.add(mapGrid(l, "a" + n, 0, shape.units(), 1));
            if (l == layout.layers().size() - 1) {
                grids.add(targets(shape.units()));
            }
        }
        return new MapGraphSnapshot.Column(title, active, grids);
    }

    /** A grid of one parameter row's values: W[row][cols...] laid out rows x cols. */
    private MapGraphSnapshot.Grid parameterGrid(String name, int l, int r, List<Integer> cols, int rows, int width) {
        String pname = Parameter.weightsName(l);
        ImmutableMatrix value = s.parameters().get(pname);
        BackwardRecord b = records.backward(l);
        ParameterUpdate p = MapTable.updateOf(update, pname);
        double[] values = new double[cols.size()];
        List<String> texts = new ArrayList<>();
        List<GraphItem> items = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            int c = cols.get(i);
            values[i] = p != null ? p.before().get(r, c) : value.get(r, c);
            String text = cellNumber(values[i]);
            if (p != null) {
                text += "\n\u2192 " + cellNumber(p.after().get(r, c));
            } else if (b != null) {
                text += "\n\u2202 " + cellNumber(b.gradWeights().get(r, c));
            }
            texts.add(text);
            items.add(GraphItem.weight(l, r, c));
        }
        return grid(name, rows, width, values, texts, items, Set.of(), false, p != null);
    }

    private MapGraphSnapshot.Grid biasGrid(String name, int l, List<Integer> rows, int height) {
        String pname = Parameter.biasName(l);
        ImmutableMatrix value = s.parameters().get(pname);
        BackwardRecord b = records.backward(l);
        ParameterUpdate p = MapTable.updateOf(update, pname);
        double[] values = new double[rows.size()];
        List<String> texts = new ArrayList<>();
        List<GraphItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            values[i] = p != null ? p.before().get(r, 0) : value == null ? 0 : value.get(r, 0);
            String text = value == null ? "" : cellNumber(values[i]);
            if (p != null && p.trainable()) {
                text += "\n\u2192 " + cellNumber(p.after().get(r, 0));
            } else if (b != null && b.gradBias() != null) {
                text += "\n\u2202 " + cellNumber(b.gradBias().get(r, 0));
            }
            texts.add(text);
            items.add(GraphItem.bias(l, r));
        }
        return grid(name, height, 1, values, texts, items, Set.of(), false, p != null);
    }

    /** Channel {@code c} of layer l's output: a (z too where it differs) once computed, delta once back. */
    private MapGraphSnapshot.Grid mapGrid(int l, String name, int c, int rows, int cols) {
        ForwardRecord f = records.forward(l);
        BackwardRecord b = records.backward(l);
        boolean showDelta = b != null && last instanceof BackwardRecord;
        int plane = rows * cols;
        double[] values = new double[plane];
        List<String> texts = new ArrayList<>();
        List<GraphItem> items = new ArrayList<>();
        for (int i = 0; i < plane; i++) {
            int o = c * plane + i;
            items.add(GraphItem.neuron(l, o));
            if (f == null) {
                texts.add("\u2013");
                continue;
            }
            double z = f.preActivation().get(row, o);
            double a = f.activation().get(row, o);
            String text = z == a ? cellNumber(a) : cellNumber(z) + "\u2192" + cellNumber(a);
            if (b != null) {
                text += "\n\u03b4 " + cellNumber(b.delta().get(row, o));
            }
            values[i] = showDelta ? b.delta().get(row, o) : a;
            texts.add(text);
        }
        boolean active = last instanceof ForwardRecord lf && lf.layer() == l
                || last instanceof BackwardRecord lb && lb.layer() == l;
        return grid(name, rows, cols, values, texts, items, winners(l, c, plane), active, false);
    }

    /** The cells of channel c of layer l that won a window of the pooling layer after it. */
    private Set<Integer> winners(int l, int c, int plane) {
        Set<Integer> out = new HashSet<>();
        if (l + 1 >= layout.layers().size() || !layout.layers().get(l + 1).isPool()) {
            return out;
        }
        ForwardRecord pool = records.forward(l + 1);
        if (pool == null) {
            return out;
        }
        for (int o = 0; o < pool.winners().cols(); o++) {
            int index = (int) pool.winners().get(row, o);
            if (index / plane == c) {
                out.add(index % plane);
            }
        }
        return out;
    }

    private MapGraphSnapshot.Grid targets(int units) {
        LossRecord loss = records.loss();
        double[] values = new double[units];
        List<String> texts = new ArrayList<>();
        List<GraphItem> items = new ArrayList<>();
        for (int k = 0; k < units; k++) {
            values[k] = s.targets().get(row, k);
            String text = "t " + cellNumber(values[k]);
            if (loss != null) {
                text += "\nE " + cellNumber(loss.terms().get(row, k));
            }
            texts.add(text);
            items.add(GraphItem.target(k).forSample(row));
        }
        return grid("t", units, 1, values, texts, items, Set.of(), last instanceof LossRecord, false);
    }

    private MapGraphSnapshot.Grid grid(String name, int rows, int cols, double[] values, List<String> texts,
            List<GraphItem> items, Set<Integer> winners, boolean active, boolean changed) {
        double max = 1e-12;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        List<MapGraphSnapshot.Cell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            GraphItem item = items.get(i);
            cells.add(new MapGraphSnapshot.Cell(texts.get(i), values[i] / max, item, winners.contains(i), active, changed,
                    item.equals(selected), name + "  " + texts.get(i).replace('\n', ' ')));
        }
        return new MapGraphSnapshot.Grid(name, rows, cols, cells);
    }
}
