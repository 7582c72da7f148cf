package org.backproplab.lesson;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;

/**
 * The walk-through of one iteration of a network with convolution and pooling layers (the
 * {@code conv-worked} lesson): every conv cell as its window's products plus the bias, every
 * pooled cell as the largest of its window, every delta and gradient as a sum written out term
 * by term (terms that are 0 are counted, not written; a long sum shows its largest terms and the
 * rest added up). Names: x is the input, z1, a1, W1, b1 the first layer's numbers (layers
 * counted from 1, as W1 and b1), indices in brackets counted from 0, maps [channel][row][column].
 */
public final class MapWalkThrough {
    /** Most terms written out in one sum; beyond, the largest and the rest summed. */
    static final int MAX_TERMS = 12;

    private final List<MapShape> layers;

    public MapWalkThrough(Network network) {
        this(MapShape.of(network));
    }

    /** From the layers' shapes alone (a copy taken from the network). */
    public MapWalkThrough(List<MapShape> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The text of one iteration's records, in stage order; {@code step} counts from 1. */
    public List<String> describe(long step, List<StageRecord> records) {
        List<String> out = new ArrayList<>();
        out.add("Iteration " + step + "   (maps [channel][row][column], indices from 0)");
        out.add("");
        out.add("Forward pass");
        ForwardRecord[] forward = new ForwardRecord[layers.size()];
        for (StageRecord r : records) {
            if (r instanceof ForwardRecord f) {
                forward[f.layer()] = f;
                out.add(title(f.layer()));
                forward(f, out);
            } else if (r instanceof LossRecord l) {
                out.add("");
                out.add("Error (" + l.loss().id() + ")");
                loss(l, out);
                out.add("");
                out.add("Backward pass");
            } else if (r instanceof BackwardRecord b) {
                out.add(title(b.layer()));
                backward(forward[b.layer()], b, out);
            } else if (r instanceof UpdateRecord u) {
                out.add("");
                update(u, out);
            }
        }
        return out;
    }

    private String title(int l) {
        MapShape layer = layers.get(l);
        String what;
        if (layer.conv() != null) {
            MapArithmetic.ConvShape c = layer.conv();
            what = "convolution, " + c.filters() + " filters " + c.kernel() + "x" + c.kernel() + ", stride " + c.stride()
                    + ", padding " + c.padding();
        } else if (layer.pool() != null) {
            what = "max-pooling " + layer.pool().size() + "x" + layer.pool().size();
        } else if (layer.other() == null) {
            what = "dense, " + layer.units() + " units";
        } else {
            what = layer.other();
        }
        return "  Layer " + (l + 1) + ": " + what + " (" + layer.activation().id() + ")";
    }

    /** "a0" for the network's input is called x. */
    private static String input(int l) {
        return l == 0 ? "x" : "a" + l;
    }

    private static String tag(int s, int rows) {
        return rows == 1 ? "" : "{sample " + (s + 1) + "}";
    }

    private void forward(ForwardRecord f, List<String> out) {
        MapShape layer = layers.get(f.layer());
        int n = f.layer() + 1;
        int rows = f.input().rows();
        for (int s = 0; s < rows; s++) {
            if (layer.conv() != null) {
                MapArithmetic.ConvShape g = layer.conv();
                for (int fi = 0; fi < g.filters(); fi++) {
                    for (int y = 0; y < g.outHeight(); y++) {
                        for (int x = 0; x < g.outWidth(); x++) {
                            MapArithmetic.ConvCell cell = MapArithmetic.cell(g, f, s, fi, y, x);
                            List<String> terms = new ArrayList<>();
                            for (MapArithmetic.Product p : cell.products()) {
                                terms.add(factor(p.weight()) + " x " + factor(p.input()));
                            }
                            String z = "z" + n + tag(s, rows) + "[" + fi + "][" + y + "][" + x + "]";
                            out.add("    " + z + " = " + String.join(" + ", terms) + " + " + factor(cell.bias()) + " = "
                                    + number(cell.z()) + ";  a = " + activation(cell.activation(), cell.z(), cell.a()));
                        }
                    }
                }
            } else if (layer.pool() != null) {
                MapArithmetic.PoolShape p = layer.pool();
                for (int c = 0; c < p.channels(); c++) {
                    for (int y = 0; y < p.outHeight(); y++) {
                        for (int x = 0; x < p.outWidth(); x++) {
                            MapArithmetic.PoolWindow w = MapArithmetic.window(p, f, s, c, y, x);
                            List<String> values = new ArrayList<>();
                            for (double v : w.values()) {
                                values.add(number(v));
                            }
                            out.add("    a" + n + tag(s, rows) + "[" + c + "][" + y + "][" + x + "] = max(" + String.join(", ",
                                    values) + ") = " + number(w.output()) + "   (winner: " + input(f.layer()) + "[" + c + "]["
                                    + (y * p.size() + w.winner() / p.size()) + "][" + (x * p.size() + w.winner() % p.size())
                                    + "])");
                        }
                    }
                }
            } else {
                for (int k = 0; k < f.preActivation().cols(); k++) {
                    List<String> terms = new ArrayList<>();
                    for (int i = 0; i < f.input().cols(); i++) {
                        terms.add(factor(f.weights().get(k, i)) + " x " + factor(f.input().get(s, i)));
                    }
                    String bias = f.bias() == null ? "" : " + " + factor(f.bias().get(k, 0));
                    out.add("    z" + n + tag(s, rows) + "[" + k + "] = W" + n + "[" + k + "] . " + input(f.layer()) + bias
                            + " = " + String.join(" + ", terms) + bias + " = " + number(f.preActivation().get(s, k)));
                    out.add("    a" + n + tag(s, rows) + "[" + k + "] = " + activation(f.function(),
                            f.preActivation().get(s, k), f.activation().get(s, k)));
                }
            }
        }
    }

    private static String activation(Activation f, double z, double a) {
        return switch (f) {
            case SOFTMAX -> "e^z / sum of e^z = " + number(a);
            case IDENTITY -> number(a);
            default -> f.id() + "(" + number(z) + ") = " + number(a);
        };
    }

    private static void loss(LossRecord l, List<String> out) {
        List<String> terms = new ArrayList<>();
        for (int s = 0; s < l.terms().rows(); s++) {
            for (int k = 0; k < l.terms().cols(); k++) {
                String t = "target " + number(l.targets().get(s, k)) + ", output " + number(l.outputs().get(s, k));
                out.add("    E[" + k + "]" + tag(s, l.terms().rows()) + " (" + t + ") = " + number(l.terms().get(s, k)));
                terms.add(factor(l.terms().get(s, k)));
            }
        }
        String penalty = l.penalty() != 0 ? " + penalty " + number(l.penalty()) : "";
        out.add("    E = " + String.join(" + ", terms) + penalty + " = " + number(l.total()));
    }

    private void backward(ForwardRecord f, BackwardRecord b, List<String> out) {
        MapShape layer = layers.get(b.layer());
        int n = b.layer() + 1;
        if (layer.conv() != null) {
            ConvBackwardText.lines(layer.conv(), f, b, n, input(b.layer()), out);
            return;
        }
        int rows = b.delta().rows();
        if (layer.pool() != null) {
            MapArithmetic.PoolShape p = layer.pool();
            for (int s = 0; s < rows; s++) {
                for (int c = 0; c < p.channels(); c++) {
                    for (int y = 0; y < p.outHeight(); y++) {
                        for (int x = 0; x < p.outWidth(); x++) {
                            MapArithmetic.PoolWindow w = MapArithmetic.window(p, f, s, c, y, x);
                            int o = (c * p.outHeight() + y) * p.outWidth() + x;
                            out.add("    delta" + n + tag(s, rows) + "[" + c + "][" + y + "][" + x + "] = " + number(
                                    b.delta().get(s, o)) + " goes to " + input(b.layer()) + "[" + c + "]["
                                    + (y * p.size() + w.winner() / p.size()) + "][" + (x * p.size() + w.winner() % p.size())
                                    + "] (the winner); the other " + (p.size() * p.size() - 1) + " cells of the window get 0");
                        }
                    }
                }
            }
            return;
        }
        for (int s = 0; s < rows; s++) {
            for (int k = 0; k < b.delta().cols(); k++) {
                String d = "delta" + n + tag(s, rows) + "[" + k + "]";
                if (b.gradActivation() == null) {
                    out.add("    " + d + " = (a" + n + "[" + k + "] - target[" + k + "]) / " + rows + " = " + number(
                            b.delta().get(s, k)) + "   (softmax with cross-entropy: the derivative simplifies)");
                } else if (b.derivative() != null) {
                    out.add("    " + d + " = dE/da x f'(z) = " + factor(b.gradActivation().get(s, k)) + " x "
                            + factor(b.derivative().get(s, k)) + " = " + number(b.delta().get(s, k)));
                } else {
                    out.add("    " + d + " = " + number(b.delta().get(s, k)));
                }
            }
        }
        for (int k = 0; k < b.delta().cols(); k++) {
            for (int i = 0; i < f.input().cols(); i++) {
                List<double[]> terms = new ArrayList<>();
                for (int s = 0; s < rows; s++) {
                    terms.add(new double[] {b.delta().get(s, k), f.input().get(s, i)});
                }
                out.add("    dE/dW" + n + "[" + k + "][" + i + "] = delta" + n + "[" + k + "] x " + input(b.layer()) + "["
                        + i + "] = " + sum(terms, b.gradWeights().get(k, i)));
            }
            if (b.gradBias() != null) {
                out.add("    dE/db" + n + "[" + k + "] = delta" + n + "[" + k + "] = " + number(b.gradBias().get(k, 0)));
            }
        }
        if (b.layer() > 0) {
            for (int s = 0; s < rows; s++) {
                for (int i = 0; i < f.input().cols(); i++) {
                    List<double[]> terms = new ArrayList<>();
                    for (int k = 0; k < b.delta().cols(); k++) {
                        terms.add(new double[] {f.weights().get(k, i), b.delta().get(s, k)});
                    }
                    out.add("    dE/d" + input(b.layer()) + tag(s, rows) + "[" + i + "] = sum over k of W" + n + "[k][" + i
                            + "] x delta" + n + "[k] = " + sum(terms, b.gradInput().get(s, i)));
                }
            }
        }
    }

    /**
     * The terms of a sum of products {a, b} worth writing: those that are not 0, at most
     * {@link #MAX_TERMS} of them (the largest in size when there are more), with the rest added up.
     *
     * @param kept   the terms written, in their order (by size when some were left out)
     * @param rest   the sum of the products left out
     * @param others how many were left out
     * @param zeros  how many products are 0
     */
    public record Terms(List<double[]> kept, double rest, int others, int zeros) {
        public static Terms of(List<double[]> products) {
            List<double[]> nonZero = new ArrayList<>(products.stream().filter(p -> p[0] * p[1] != 0).toList());
            int zeros = products.size() - nonZero.size();
            int others = Math.max(0, nonZero.size() - MAX_TERMS);
            double rest = 0;
            if (others > 0) {
                nonZero.sort(Comparator.comparingDouble((double[] p) -> -Math.abs(p[0] * p[1])));
                for (double[] p : nonZero.subList(MAX_TERMS, nonZero.size())) {
                    rest += p[0] * p[1];
                }
                nonZero = nonZero.subList(0, MAX_TERMS);
            }
            return new Terms(List.copyOf(nonZero), rest, others, zeros);
        }
    }

    /**
     * A sum of products {a, b} written out: the terms that are not 0, at most {@link #MAX_TERMS}
     * of them (the largest; the rest added up), then the total.
     */
    public static String sum(List<double[]> products, double total) {
        Terms t = Terms.of(products);
        String rest = t.others() == 0 ? "" : " + " + factor(t.rest()) + " (the other " + t.others() + " terms)";
        List<String> terms = new ArrayList<>();
        for (double[] p : t.kept()) {
            terms.add(factor(p[0]) + " x " + factor(p[1]));
        }
        String written = terms.isEmpty() ? "0" : String.join(" + ", terms) + rest;
        int zeros = t.zeros();
        String zeroNote = zeros == 0 ? "" : "   (" + zeros + (zeros == 1 ? " term is" : " terms are") + " 0)";
        return written + " = " + number(total) + zeroNote;
    }

    private void update(UpdateRecord u, List<String> out) {
        out.add("Update (" + OptimizerLines.heading(u) + ")");
        for (ParameterUpdate p : u.parameters()) {
            MapShape layer = layers.get(p.layer());
            ImmutableMatrix before = p.before();
            for (int r = 0; r < before.rows(); r++) {
                for (int c = 0; c < before.cols(); c++) {
                    String name = p.name() + index(layer, p.kind(), r, c);
                    OptimizerLines.lines(u, p, r, c, name).forEach(line -> out.add("    " + line));
                }
            }
        }
    }

    /** [f][c][i][j] for a kernel weight, [k][i] for a dense weight, [k] for a bias. */
    public static String index(MapShape layer, Parameter.Kind kind, int r, int c) {
        if (kind == Parameter.Kind.BIAS) {
            return "[" + r + "]";
        }
        if (layer.conv() != null) {
            int k = layer.conv().kernel();
            return "[" + r + "][" + c / (k * k) + "][" + c / k % k + "][" + c % k + "]";
        }
        return "[" + r + "][" + c + "]";
    }
}
