package org.backproplab.session;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;
import static org.backproplab.session.PredictQuestions.formula;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.Loss;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.MapArithmetic;
import org.backproplab.lesson.MapShape;
import org.backproplab.lesson.MapWalkThrough;
import org.backproplab.session.PredictQuestion.Place;
import org.backproplab.session.PredictQuestion.Spot;

/**
 * Every value a stage of a network with maps computes, as questions (the {@code conv-worked}
 * lesson): a convolution's z and a cell by cell, each pooled value, the dense layer's z and a,
 * the error terms and E, each delta (the output's, the pooled maps', the feature maps'), each
 * kernel weight's, dense weight's and bias's gradient, each parameter after the update. Answers
 * straight from the stage records; the lines (formula and answer) from {@link MapWalkThrough},
 * the same text {@code trace} prints; names as it writes them ("z1[0][1][2]", "dE/dW1[0][0][1][1]").
 */
final class MapQuestions {
    private final List<MapShape> layers;
    private final StageRecords records;
    private final List<String> lines;
    private final int sample;
    private final int rows;

    /**
     * @param layers    the layers' shapes
     * @param iteration the iteration, from 1
     * @param records   its stages run so far
     * @param sample    which sample of the batch the per-sample values are of
     */
    MapQuestions(List<MapShape> layers, long iteration, List<StageRecord> records, int sample) {
        this.layers = List.copyOf(layers);
        this.records = StageRecords.of(records);
        this.lines = records.isEmpty() ? List.of() : new MapWalkThrough(layers).describe(iteration, records).stream()
                .map(String::trim).toList();
        ForwardRecord first = this.records.forward(0);
        this.rows = first == null ? 1 : first.input().rows();
        this.sample = Math.min(Math.max(sample, 0), rows - 1);
    }

    /** The questions of one of the records' stages, in the order the app asks them. */
    List<PredictQuestion> of(StageRecord r) {
        List<PredictQuestion> out = new ArrayList<>();
        if (r instanceof ForwardRecord f) {
            MapShape shape = layers.get(f.layer());
            if (shape.conv() != null) {
                conv(f, shape.conv(), out);
            } else if (shape.pool() != null) {
                pool(f, shape.pool(), out);
            } else {
                dense(f, out);
            }
        } else if (r instanceof LossRecord l) {
            loss(l, out);
        } else if (r instanceof BackwardRecord b) {
            MapShape shape = layers.get(b.layer());
            if (shape.conv() != null) {
                convBack(b, shape.conv(), out);
            } else if (shape.pool() != null) {
                poolBack(b, shape.pool(), out);
            } else {
                denseBack(b, out);
            }
        } else if (r instanceof UpdateRecord u) {
            update(u, out);
        }
        return out;
    }

    private String tag() {
        return rows == 1 ? "" : "{sample " + (sample + 1) + "}";
    }

    /** What feeds layer l: x for the first, a1, a2, ... after. */
    private static String input(int l) {
        return l == 0 ? "x" : "a" + l;
    }

    private static String at(int c, int y, int x) {
        return "[" + c + "][" + y + "][" + x + "]";
    }

    private void conv(ForwardRecord f, MapArithmetic.ConvShape g, List<PredictQuestion> out) {
        int l = f.layer();
        int n = l + 1;
        for (int fi = 0; fi < g.filters(); fi++) {
            for (int y = 0; y < g.outHeight(); y++) {
                for (int x = 0; x < g.outWidth(); x++) {
                    MapArithmetic.ConvCell cell = MapArithmetic.cell(g, f, sample, fi, y, x);
                    int o = g.output(fi, y, x);
                    String z = "z" + n + tag() + at(fi, y, x);
                    // z1[..] = products + b = z;  a = relu(z) = a: the line up to its ";" is z's
                    String line = find(z);
                    int semi = line.indexOf(";  a = ");
                    String zLine = semi < 0 ? line : line.substring(0, semi);
                    MapArithmetic.Product p = cell.products().get(0);
                    String zHint = "W" + n + "[" + fi + "]" + at(p.channel(), 0, 0) + " x " + input(l) + at(p.channel(),
                            p.row(), p.column()) + " = " + factor(p.weight()) + " x " + factor(p.input()) + " = "
                            + number(p.product());
                    out.add(new PredictQuestion(z, PredictKind.FORWARD, cell.z(), formula(zLine), zHint, zLine,
                            new Spot(Place.NET, l, o, 0)));
                    String a = "a" + n + tag() + at(fi, y, x);
                    String fz = f.function().id() + "(" + z + ")";
                    String aLine = a + " = " + fz + " = " + f.function().id() + "(" + number(cell.z()) + ") = "
                            + number(cell.a());
                    out.add(new PredictQuestion(a, PredictKind.FORWARD, cell.a(), formula(aLine), z + " = "
                            + number(cell.z()), aLine, new Spot(Place.OUT, l, o, 0)));
                }
            }
        }
    }

    private void pool(ForwardRecord f, MapArithmetic.PoolShape p, List<PredictQuestion> out) {
        int l = f.layer();
        int k = p.size();
        for (int c = 0; c < p.channels(); c++) {
            for (int y = 0; y < p.outHeight(); y++) {
                for (int x = 0; x < p.outWidth(); x++) {
                    String name = "a" + (l + 1) + tag() + at(c, y, x);
                    String line = find(name);
                    int winner = line.indexOf("   (winner");
                    String shown = winner < 0 ? line : line.substring(0, winner);
                    // the window, as a formula (the same in every language): max over a1[0][0..1][2..3]
                    String hint = "max over " + input(l) + "[" + c + "][" + y * k + ".." + (y * k + k - 1) + "]["
                            + x * k + ".." + (x * k + k - 1) + "]";
                    double value = f.activation().get(sample, p.output(c, y, x));
                    out.add(new PredictQuestion(name, PredictKind.FORWARD, value,
                            formula(shown), hint, line, new Spot(Place.OUT, l, p.output(c, y, x), 0)));
                }
            }
        }
    }

    private void dense(ForwardRecord f, List<PredictQuestion> out) {
        int l = f.layer();
        int n = l + 1;
        for (int k = 0; k < f.preActivation().cols(); k++) {
            String z = "z" + n + tag() + "[" + k + "]";
            double w = f.weights().get(k, 0);
            double x = f.input().get(sample, 0);
            String zHint = "W" + n + "[" + k + "][0] x " + input(l) + "[0] = " + factor(w) + " x " + factor(x) + " = "
                    + number(w * x);
            out.add(question(z, PredictKind.FORWARD, f.preActivation().get(sample, k), zHint,
                    new Spot(Place.NET, l, k, 0)));
            double zk = f.preActivation().get(sample, k);
            String aHint = switch (f.function()) {
                case SOFTMAX -> "e^" + z + " = e^" + factor(zk) + " = " + number(Math.exp(zk));
                case SIGMOID -> "e^-" + z + " = e^-" + factor(zk) + " = " + number(Math.exp(-zk));
                default -> z + " = " + number(zk);
            };
            out.add(question("a" + n + tag() + "[" + k + "]", PredictKind.FORWARD, f.activation().get(sample, k), aHint,
                    new Spot(Place.OUT, l, k, 0)));
        }
    }

    private void loss(LossRecord loss, List<PredictQuestion> out) {
        int last = layers.size() - 1;
        for (int k = 0; k < loss.outputs().cols(); k++) {
            String name = "E[" + k + "]" + tag();
            String line = find(name);
            double t = loss.targets().get(sample, k);
            double o = loss.outputs().get(sample, k);
            String a = "a" + (last + 1) + "[" + k + "]";
            String formula;
            String hint;
            if (loss.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
                String batch = rows == 1 ? "" : " / " + rows;
                formula = name + " = -target x ln(" + a + ")" + batch + " = -" + factor(t) + " x ln(" + number(o) + ")"
                        + batch;
                hint = "ln(" + a + ") = ln(" + number(o) + ") = " + number(Math.log(o));
            } else {
                formula = formula(line);
                hint = "target - " + a + " = " + factor(t) + " - " + factor(o) + " = " + number(t - o);
            }
            out.add(new PredictQuestion(name, PredictKind.LOSS, loss.terms().get(sample, k), formula, hint, line,
                    new Spot(Place.ERROR, last, k, 0)));
        }
        String line = find("E");
        out.add(new PredictQuestion("E", PredictKind.LOSS, loss.total(), formula(line), "E[0]" + tag() + " = "
                + number(loss.terms().get(sample, 0)), line, new Spot(Place.TOTAL, -1, 0, 0)));
    }

    private void denseBack(BackwardRecord b, List<PredictQuestion> out) {
        int l = b.layer();
        int n = l + 1;
        PredictKind deltaKind = l == layers.size() - 1 ? PredictKind.OUTPUT_DELTA : PredictKind.HIDDEN_DELTA;
        ForwardRecord f = records.forward(l);
        List<PredictQuestion> rest = new ArrayList<>();
        for (int k = 0; k < b.delta().cols(); k++) {
            String delta = "delta" + n + tag() + "[" + k + "]";
            String hint = b.gradActivation() == null
                    ? "a" + n + tag() + "[" + k + "] = " + number(f.activation().get(sample, k))
                    : "dE/da" + n + tag() + "[" + k + "] = " + number(b.gradActivation().get(sample, k));
            out.add(question(delta, deltaKind, b.delta().get(sample, k), hint, new Spot(Place.DELTA, l, k, 0)));
            String deltaLine = find(delta);
            for (int i = 0; i < f.input().cols(); i++) {
                String name = "dE/dW" + n + "[" + k + "][" + i + "]";
                double g = b.gradWeights().get(k, i);
                (i == 0 ? out : rest).add(new PredictQuestion(name, PredictKind.WEIGHT_GRADIENT, g,
                        formula(find(name)), deltaLine, find(name), new Spot(Place.WEIGHT_GRADIENT, l, k, i)));
            }
            if (b.gradBias() != null) {
                String name = "dE/db" + n + "[" + k + "]";
                rest.add(new PredictQuestion(name, PredictKind.WEIGHT_GRADIENT, b.gradBias().get(k, 0),
                        formula(find(name)), deltaLine, find(name), new Spot(Place.BIAS_GRADIENT, l, k, 0)));
            }
        }
        out.addAll(rest);
    }

    /** A pooled cell's delta is dE/da of the layer after it at that place (its activation is the identity). */
    private void poolBack(BackwardRecord b, MapArithmetic.PoolShape p, List<PredictQuestion> out) {
        int l = b.layer();
        int n = l + 1;
        ForwardRecord next = records.forward(l + 1);
        BackwardRecord after = records.backward(l + 1);
        MapShape nextShape = l + 1 < layers.size() ? layers.get(l + 1) : null;
        boolean dense = next != null && after != null && nextShape.conv() == null && nextShape.pool() == null;
        for (int c = 0; c < p.channels(); c++) {
            for (int y = 0; y < p.outHeight(); y++) {
                for (int x = 0; x < p.outWidth(); x++) {
                    int o = p.output(c, y, x);
                    String name = "delta" + n + tag() + at(c, y, x);
                    String from = find("dE/da" + n + tag() + "[" + o + "]");
                    if (from.endsWith(" = ?")) {
                        from = find("dE/da" + n + tag() + at(c, y, x));
                    }
                    String formula = name + " = " + formula(from);
                    // the first term of the sum that sends the gradient back: W3[0][o] x delta3[0]
                    String hint = !dense ? "delta" + (n + 1) + " x W" + (n + 1)
                            : "W" + (n + 1) + "[0][" + o + "] x delta" + (n + 1) + tag() + "[0] = "
                                    + factor(next.weights().get(0, o)) + " x " + factor(after.delta().get(sample, 0))
                                    + " = " + number(next.weights().get(0, o) * after.delta().get(sample, 0));
                    out.add(new PredictQuestion(name, PredictKind.HIDDEN_DELTA, b.delta().get(sample, o), formula, hint,
                            find(name), new Spot(Place.DELTA, l, o, 0)));
                }
            }
        }
    }

    /**
     * A feature map's deltas (the cells that won a pooling window first: the others get 0), each
     * filter's first kernel weight's gradient after them; then the other deltas, kernel weights and
     * the biases.
     */
    private void convBack(BackwardRecord b, MapArithmetic.ConvShape g, List<PredictQuestion> out) {
        int l = b.layer();
        int n = l + 1;
        List<PredictQuestion> rest = new ArrayList<>();
        for (int fi = 0; fi < g.filters(); fi++) {
            List<String> deltas = new ArrayList<>();
            for (int y = 0; y < g.outHeight(); y++) {
                for (int x = 0; x < g.outWidth(); x++) {
                    int o = g.output(fi, y, x);
                    String name = "delta" + n + tag() + at(fi, y, x);
                    double dA = b.gradActivation().get(sample, o);
                    String hint = "dE/da" + n + tag() + at(fi, y, x) + " = " + number(dA);
                    PredictQuestion q = new PredictQuestion(name, PredictKind.HIDDEN_DELTA, b.delta().get(sample, o),
                            formula(find(name)), hint, find(name), new Spot(Place.DELTA, l, o, 0));
                    (dA != 0 ? out : rest).add(q);
                    if (b.delta().get(sample, o) != 0) {
                        deltas.add(name + " = " + number(b.delta().get(sample, o)));
                    }
                }
            }
            // the next factor of a kernel weight's or the bias's gradient: the map's deltas that are not 0
            String hint = deltas.isEmpty() ? "delta" + n + tag() + "[" + fi + "][y][x] = 0" : String.join(", ", deltas);
            for (int c = 0; c < g.channels(); c++) {
                for (int i = 0; i < g.kernel(); i++) {
                    for (int j = 0; j < g.kernel(); j++) {
                        String name = "dE/dW" + n + "[" + fi + "]" + at(c, i, j);
                        PredictQuestion q = new PredictQuestion(name, PredictKind.WEIGHT_GRADIENT,
                                b.gradWeights().get(fi, g.tap(c, i, j)), formula(find(name)), hint, find(name),
                                new Spot(Place.WEIGHT_GRADIENT, l, fi, g.tap(c, i, j)));
                        (c == 0 && i == 0 && j == 0 ? out : rest).add(q);
                    }
                }
            }
            String name = "dE/db" + n + "[" + fi + "]";
            rest.add(new PredictQuestion(name, PredictKind.WEIGHT_GRADIENT, b.gradBias().get(fi, 0),
                    formula(find(name)),
                    hint, find(name), new Spot(Place.BIAS_GRADIENT, l, fi, 0)));
        }
        out.addAll(rest);
    }

    private void update(UpdateRecord u, List<PredictQuestion> out) {
        PredictQuestions.updates(u, layers.size(), (l, kind, r, c) -> (kind == Parameter.Kind.WEIGHTS
                ? Parameter.weightsName(l) : Parameter.biasName(l)) + MapWalkThrough.index(layers.get(l), kind, r, c),
                this::find, out);
    }

    /** A question whose whole line is the walk-through's line of {@code name}. */
    private PredictQuestion question(String name, PredictKind kind, double answer, String hint, Spot spot) {
        String line = find(name);
        return new PredictQuestion(name, kind, answer, formula(line), hint, line, spot);
    }

    /** The walk-through's line that computes {@code name} ("z1[0][0][1] = ... = 0.14"; "E[0] (target ...) = ..."). */
    private String find(String name) {
        for (String line : lines) {
            if (line.startsWith(name + " = ") || line.startsWith(name + " (")) {
                return line;
            }
        }
        return name + " = ?";
    }
}
