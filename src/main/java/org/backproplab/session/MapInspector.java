package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.OptimizerLines;
import org.backproplab.lesson.MapArithmetic;
import org.backproplab.lesson.MapWalkThrough;
import org.backproplab.lesson.Naming;

/**
 * The inspector for a network with maps: for a conv cell its window, kernel, products, sum,
 * bias, z and a, then dE/da x f'(z) = delta; for a pooled cell its window and winner, and where
 * its gradient goes; for a kernel weight its gradient as the sum over the output cells, beside
 * the finite-difference estimate; for a pixel the gradient sent back to it; the table of every
 * parameter.
 */
public final class MapInspector {
    private final StepSnapshot s;
    private final MapLayout layout;
    private final StageRecords records;
    private final int row;
    private final List<Phrase> lines = new ArrayList<>();
    private Phrase numeric;

    private MapInspector(StepSnapshot s, MapLayout layout, int sample) {
        this.s = s;
        this.layout = layout;
        this.records = StageRecords.of(s.records());
        this.row = Math.min(sample, s.inputs().rows() - 1);
    }

    public static InspectorSnapshot of(StepSnapshot s, MapLayout layout, int sample, GraphItem item) {
        return new MapInspector(s, layout, sample).build(item, true);
    }

    /** The inspector without the table of every parameter (a digits network has tens of thousands). */
    static InspectorSnapshot withoutTable(StepSnapshot s, MapLayout layout, GraphItem item) {
        return new MapInspector(s, layout, 0).build(item, false);
    }

    private InspectorSnapshot build(GraphItem item, boolean table) {
        List<ParameterRow> rows = table ? MapTable.rows(s, layout) : List.of();
        if (item == null) {
            return new InspectorSnapshot(null, Phrase.key("inspector.empty"), List.of(), null, false, "", rows);
        }
        Phrase title = switch (item.kind()) {
            case NEURON -> cell(item.layer(), item.row());
            case WEIGHT -> weight(item.layer(), item.row(), item.col());
            case BIAS -> bias(item.layer(), item.row());
            case INPUT -> pixel(item.col());
            case TARGET -> target(item.col());
        };
        if (lines.isEmpty()) {
            lines.add(Phrase.key("inspector.notYet"));
        }
        double value = StepInspector.value(s, item);
        return new InspectorSnapshot(item, title, lines, numeric, item.editable(),
                item.editable() ? Numbers.exact(value) : "", rows);
    }

    private void line(String text) {
        lines.add(Phrase.of(text.replace(" x ", " \u00d7 ")));
    }

    /** A sum written out (its terms that are not 0), then how many terms are 0, in the language shown. */
    private void sumLine(List<double[]> terms, double total) {
        sumLine(terms, total, false);
    }

    /**
     * {@code plain}: every term is (value, 1), written as the value alone. Of a long sum the largest
     * terms are written and the rest summed, as the walk-through writes it, in the language shown.
     */
    private void sumLine(List<double[]> terms, double total, boolean plain) {
        MapWalkThrough.Terms t = MapWalkThrough.Terms.of(terms);
        List<String> written = new ArrayList<>();
        for (double[] p : t.kept()) {
            written.add(plain ? f(p[0]) : f(p[0]) + " \u00d7 " + f(p[1]));
        }
        Phrase line = Phrase.of("= " + (written.isEmpty() && t.others() == 0 ? "0" : String.join(" + ", written)));
        if (t.others() > 0) {
            line = line.then(" + ").thenKey("map.otherTerms", f(t.rest()), t.others());
        }
        line = line.then(" = " + n(total));
        lines.add(t.zeros() == 0 ? line : line.then("   ").thenKey("map.zeroTerms", t.zeros()));
    }

    private static String n(double v) {
        return Naming.number(v);
    }

    private static String f(double v) {
        return Naming.factor(v);
    }

    /** "a1[0][2][3]": the name of output value o of layer l. */
    String cellName(int l, int o) {
        int[] shape = layout.layers().get(l).output();
        int plane = shape[1] * shape[2];
        if (shape[1] == 1 && shape[2] == 1) {
            return "a" + (l + 1) + "[" + o + "]";
        }
        return "a" + (l + 1) + "[" + o / plane + "][" + o % plane / shape[2] + "][" + o % shape[2] + "]";
    }

    private String inputName(int l) {
        return l == 0 ? "x" : "a" + l;
    }

    private Phrase cell(int l, int o) {
        MapLayout.Shape shape = layout.layers().get(l);
        ForwardRecord fwd = records.forward(l);
        BackwardRecord back = records.backward(l);
        String name = cellName(l, o);
        if (shape.isConv() && fwd != null) {
            MapArithmetic.ConvShape g = shape.conv();
            int plane = g.outHeight() * g.outWidth();
            int fi = o / plane;
            int y = o % plane / g.outWidth();
            int x = o % g.outWidth();
            MapArithmetic.ConvCell c = MapArithmetic.cell(g, fwd, row, fi, y, x);
            int top = y * g.stride() - g.padding();
            int left = x * g.stride() - g.padding();
            lines.add(Phrase.key("map.window", inputName(l), top, top + g.kernel() - 1, left, left + g.kernel() - 1));
            List<String> products = new ArrayList<>();
            for (MapArithmetic.Product p : c.products()) {
                line("  " + f(p.weight()) + " x " + f(p.input()) + " = " + n(p.product()) + "   (W" + (l + 1) + "[" + fi
                        + "][" + p.channel() + "][" + (p.row() - y * g.stride() + g.padding()) + "]["
                        + (p.column() - x * g.stride() + g.padding()) + "] x " + inputName(l) + "[" + p.channel() + "]["
                        + p.row() + "][" + p.column() + "])");
                products.add(f(p.product()));
            }
            line("sum = " + String.join(" + ", products) + " = " + n(c.sum()));
            line("z = sum + b" + (l + 1) + "[" + fi + "] = " + n(c.sum()) + " + " + f(c.bias()) + " = " + n(c.z()));
            line("a = " + c.activation().id() + "(z) = " + n(c.a()));
        } else if (shape.isPool() && fwd != null) {
            MapArithmetic.PoolShape p = shape.pool();
            int plane = p.outHeight() * p.outWidth();
            int ch = o / plane;
            int y = o % plane / p.outWidth();
            int x = o % p.outWidth();
            MapArithmetic.PoolWindow w = MapArithmetic.window(p, fwd, row, ch, y, x);
            for (int i = 0; i < p.size(); i++) {
                StringBuilder sb = new StringBuilder("  ");
                for (int j = 0; j < p.size(); j++) {
                    double v = w.values()[i * p.size() + j];
                    sb.append(i * p.size() + j == w.winner() ? "[" + n(v) + "]" : n(v)).append("   ");
                }
                line(sb.toString().stripTrailing());
            }
            lines.add(Phrase.key("map.poolForward", n(w.output()), winnerName(l, p, ch, y, x, w)));
            if (back != null) {
                lines.add(Phrase.key("map.poolBackward", n(back.delta().get(row, o)), winnerName(l, p, ch, y, x, w),
                        p.size() * p.size() - 1));
            }
            return Phrase.key("inspector.cell", name);
        } else if (fwd != null) {
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < fwd.input().cols(); i++) {
                terms.add(f(fwd.weights().get(o, i)) + " x " + f(fwd.input().get(row, i)));
            }
            String b = fwd.bias() == null ? "" : " + " + f(fwd.bias().get(o, 0));
            line("z = " + String.join(" + ", terms) + b + " = " + n(fwd.preActivation().get(row, o)));
            line("a = " + fwd.function().id() + "(z) = " + n(fwd.activation().get(row, o)));
        }
        if (back != null) {
            double d = back.delta().get(row, o);
            if (back.gradActivation() == null) {
                lines.add(Phrase.of("\u03b4 = (a - t) / " + back.delta().rows() + " = " + n(d) + "   ")
                        .thenKey("map.fused"));
            } else if (back.derivative() != null) {
                line("\u03b4 = dE/da x f'(z) = " + f(back.gradActivation().get(row, o)) + " x "
                        + f(back.derivative().get(row, o)) + " = " + n(d));
            } else {
                line("\u03b4 = " + n(d));
            }
        }
        return Phrase.key("inspector.cell", name);
    }

    private String winnerName(int l, MapArithmetic.PoolShape p, int ch, int y, int x, MapArithmetic.PoolWindow w) {
        return inputName(l) + "[" + ch + "][" + (y * p.size() + w.winner() / p.size()) + "]["
                + (x * p.size() + w.winner() % p.size()) + "]";
    }

    private Phrase weight(int l, int r, int c) {
        MapLayout.Shape shape = layout.layers().get(l);
        String pname = Parameter.weightsName(l);
        double value = s.parameters().get(pname).get(r, c);
        BackwardRecord back = records.backward(l);
        ForwardRecord fwd = records.forward(l);
        String name;
        if (shape.isConv()) {
            MapArithmetic.ConvShape g = shape.conv();
            int k = g.kernel();
            int ch = c / (k * k);
            int i = c / k % k;
            int j = c % k;
            name = pname + "[" + r + "][" + ch + "][" + i + "][" + j + "]";
            if (back != null && fwd != null) {
                MapArithmetic.WeightGradient w = MapArithmetic.weight(g, fwd, back, r, ch, i, j);
                List<double[]> terms = new ArrayList<>();
                for (MapArithmetic.Term t : w.terms()) {
                    terms.add(new double[] {t.delta(), t.input()});
                }
                line("dE/d" + name + " = sum over (y, x) of \u03b4" + (l + 1) + "[" + r + "][y][x] x " + inputName(l) + "["
                        + ch + "][y+" + i + "][x+" + j + "]");
                sumLine(terms, back.gradWeights().get(r, c));
            }
        } else {
            name = pname + "[" + r + "][" + c + "]";
            if (back != null && fwd != null) {
                line("dE/d" + name + " = \u03b4" + (l + 1) + "[" + r + "] x " + inputName(l) + "[" + c + "] = "
                        + f(back.delta().get(row, r)) + " x " + f(fwd.input().get(row, c)) + " = "
                        + n(back.gradWeights().get(r, c)));
            }
        }
        if (back != null) {
            numeric = numeric(back.gradWeights().get(r, c), pname, r, c, "dE/d" + name);
        }
        update(pname, r, c, name);
        return Phrase.key("inspector.kernelWeight", name, Numbers.exact(value));
    }

    private Phrase bias(int l, int r) {
        String pname = Parameter.biasName(l);
        String name = pname + "[" + r + "]";
        BackwardRecord back = records.backward(l);
        if (back != null && back.gradBias() != null) {
            MapLayout.Shape shape = layout.layers().get(l);
            if (shape.isConv()) {
                List<double[]> deltas = new ArrayList<>();
                for (double d : MapArithmetic.biasTerms(shape.conv(), back, r)) {
                    deltas.add(new double[] {d, 1});
                }
                line("dE/d" + name + " = sum of \u03b4" + (l + 1) + "[" + r + "]");
                sumLine(deltas, back.gradBias().get(r, 0), true);
            } else {
                line("dE/d" + name + " = \u03b4" + (l + 1) + "[" + r + "] = " + n(back.gradBias().get(r, 0)));
            }
            numeric = numeric(back.gradBias().get(r, 0), pname, r, 0, "dE/d" + name);
        }
        update(pname, r, 0, name);
        ImmutableMatrix b = s.parameters().get(pname);
        return Phrase.key("inspector.bias", name, b == null ? "" : Numbers.exact(b.get(r, 0)));
    }

    private Phrase pixel(int index) {
        int plane = layout.height() * layout.width();
        int c = index / plane;
        int y = index % plane / layout.width();
        int x = index % layout.width();
        String name = "x[" + c + "][" + y + "][" + x + "]";
        BackwardRecord back = records.backward(0);
        ForwardRecord fwd = records.forward(0);
        if (back != null && fwd != null && layout.layers().get(0).isConv()) {
            MapArithmetic.InputGradient g = MapArithmetic.input(layout.layers().get(0).conv(), fwd, back, row, c, y, x);
            List<double[]> terms = new ArrayList<>();
            for (MapArithmetic.InputTerm t : g.terms()) {
                terms.add(new double[] {t.delta(), t.weight()});
            }
            lines.add(Phrase.key("map.pixelGradient", "dE/d" + name));
            sumLine(terms, back.gradInput().get(row, index));
        }
        return Phrase.key("inspector.pixel", name, Numbers.exact(s.inputs().get(row, index)));
    }

    private Phrase target(int k) {
        LossRecord loss = records.loss();
        if (loss != null) {
            line("E[" + k + "] = " + n(loss.terms().get(row, k)) + "   (" + loss.loss().id() + ", output "
                    + n(loss.outputs().get(row, k)) + ")");
        }
        return Phrase.key("inspector.target", "a" + layout.layers().size() + "[" + k + "]",
                Numbers.exact(s.targets().get(row, k)));
    }

    private Phrase numeric(double analytic, String parameter, int r, int c, String what) {
        ImmutableMatrix est = s.numericGradients().get(parameter);
        if (est == null) {
            return null;
        }
        double estimate = est.get(r, c);
        double error = Math.abs(analytic - estimate) / Math.max(Math.abs(analytic) + Math.abs(estimate), 1e-12);
        return Phrase.key("inspector.numeric", what, n(estimate), n(analytic), String.format(Locale.ROOT, "%.1e", error));
    }

    private void update(String parameter, int r, int c, String name) {
        ParameterUpdate p = s.lastRecord() instanceof UpdateRecord u ? MapTable.updateOf(u, parameter) : null;
        if (p != null) {
            double before = p.before().get(r, c);
            double after = p.after().get(r, c);
            UpdateRecord u = (UpdateRecord) s.lastRecord();
            // at the update stage the update comes first, the gradient's chain rule after it
            List<Phrase> shown = new ArrayList<>();
            if (!u.optimizer().equals("sgd") && p.trainable()) {
                shown.add(Phrase.of(OptimizerLines.pretty(OptimizerLines.heading(u))));
                List<String> written = OptimizerLines.lines(u, p, r, c, name);
                written.subList(0, written.size() - 1).forEach(line -> shown.add(Phrase.of(OptimizerLines.pretty(line))));
            }
            shown.add(Phrase.key("inspector.update", name, n(before), n(after - before), n(after)));
            lines.addAll(0, shown);
        }
    }
}
