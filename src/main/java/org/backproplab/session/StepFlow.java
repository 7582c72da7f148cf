package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;

/**
 * The forward and backward flow of the stepping tab's network. On the way forward layer l
 * computes Z[l] = W[l] A[l-1] + b[l] and A[l] = g(Z[l]) and caches A[l-1] and Z[l]; the loss
 * E compares A[L] with Y; on the way back layer l turns dA[l] into dZ[l] = dA[l] ⊙ g'(Z[l])
 * (read from the cache), then dW[l] = dZ[l] A[l-1]ᵀ, db[l] = Σ dZ[l] and dA[l-1] = W[l]ᵀ dZ[l]
 * for the layer before; the update takes every W[l] and b[l] one step.
 */
public final class StepFlow {
    private StepFlow() {
    }

    public static StepFlowSnapshot of(StepSnapshot s) {
        int layers = s.layerCount();
        boolean fused = fusedOutput(s);
        Set<String> lit = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        Set<String> done = new TreeSet<>();
        for (StageRecord r : s.records()) {
            Set<String> part = part(r, s, layers, fused, read, r == s.lastRecord());
            if (r == s.lastRecord()) {
                lit.addAll(part);
            } else {
                done.addAll(part);
            }
        }
        done.removeAll(lit);
        List<StepFlowSnapshot.Node> nodes = new ArrayList<>();
        List<StepFlowSnapshot.Edge> edges = new ArrayList<>();
        nodes.add(node("X", "X = A[0]", "[" + s.layerSizes().get(0) + ", m]", 0, 0, lit, read, done));
        for (int l = 1; l <= layers; l++) {
            String n = Integer.toString(l);
            String p = Integer.toString(l - 1);
            String shape = "[" + s.layerSizes().get(l) + ", m]";
            boolean params = hasParameters(s, l - 1);
            boolean bias = s.parameters().containsKey(Parameter.biasName(l - 1));
            String z = params ? "Z[" + n + "] = W[" + n + "] A[" + p + "]" + (bias ? " + b[" + n + "]" : "")
                    : "Z[" + n + "] = " + s.activations().get(l - 1) + "(A[" + p + "])";
            int zc = 2 * l - 1;
            int ac = 2 * l;
            nodes.add(node("Z" + n, z, shape, zc, 0, lit, read, done));
            nodes.add(node("A" + n, "A[" + n + "] = " + s.activations().get(l - 1) + "(Z[" + n + "])", shape, ac, 0,
                    lit, read, done));
            // the lane is named "cache" in the window's language: the node holds symbols only
            nodes.add(node("cache" + n, "A[" + p + "], Z[" + n + "]" + (params ? ", W[" + n + "]" : ""), "",
                    zc, 1, lit, read, done));
            edges.add(edge(l == 1 ? "X" : "A" + p, "Z" + n, lit));
            edges.add(edge("Z" + n, "A" + n, lit));
            edges.add(edge("Z" + n, "cache" + n, lit));
            boolean dA = !(fused && l == layers);
            if (dA) {
                String from = l == layers ? "\u2202E/\u2202A[" + n + "]" : "W[" + (l + 1) + "]\u1d40 dZ[" + (l + 1) + "]";
                nodes.add(node("dA" + n, "dA[" + n + "] = " + from, shape, ac, 2, lit, read, done));
                edges.add(edge("dA" + n, "dZ" + n, lit));
            }
            String dz = fused && l == layers ? "dZ[" + n + "] = (A[" + n + "] \u2212 Y) / m"
                    : "dZ[" + n + "] = dA[" + n + "] \u2299 g\u2032(Z[" + n + "])";
            nodes.add(node("dZ" + n, dz, shape, zc, 2, lit, read, done));
            edges.add(edge("cache" + n, "dZ" + n, lit));
            if (l > 1) {
                edges.add(edge("dZ" + n, "dA" + p, lit));
            }
            if (params) {
                String wShape = "[" + s.layerSizes().get(l) + ", " + s.layerSizes().get(l - 1) + "]";
                nodes.add(node("dW" + n, "dW[" + n + "] = dZ[" + n + "] A[" + p + "]\u1d40", wShape, zc, 3, lit, read,
                        done));
                edges.add(edge("dZ" + n, "dW" + n, lit));
                if (bias) {
                    nodes.add(node("db" + n, "db[" + n + "] = \u03a3 dZ[" + n + "]", "[" + s.layerSizes().get(l) + ", 1]",
                            ac, 3, lit, read, done));
                    edges.add(edge("dZ" + n, "db" + n, lit));
                }
                nodes.add(node("update" + n, "W[" + n + "] \u2190 W[" + n + "] \u2212 \u03b7 dW[" + n + "]"
                        + (bias ? "\nb[" + n + "] \u2190 b[" + n + "] \u2212 \u03b7 db[" + n + "]" : ""), "", zc, 4,
                        lit, read, done));
                edges.add(edge("dW" + n, "update" + n, lit));
            }
        }
        String last = Integer.toString(layers);
        nodes.add(node("E", lossFormula(s.loss(), "A[" + last + "]"), "", 2 * layers + 1, 0, lit, read, done));
        edges.add(edge("A" + last, "E", lit));
        edges.add(edge("E", fused ? "dZ" + last : "dA" + last, lit));
        return new StepFlowSnapshot(nodes, edges, stagePhrase(s.lastRecord()));
    }

    /** What the stage of record {@code r} computes (and, for the current stage, what it reads from the cache). */
    private static Set<String> part(StageRecord r, StepSnapshot s, int layers, boolean fused, Set<String> read,
            boolean current) {
        Set<String> out = new TreeSet<>();
        if (r instanceof ForwardRecord f) {
            int l = f.layer() + 1;
            out.add("Z" + l);
            out.add("A" + l);
            out.add("cache" + l);
        } else if (r instanceof LossRecord) {
            out.add("E");
        } else if (r instanceof BackwardRecord b) {
            int l = b.layer() + 1;
            if (!(fused && l == layers)) {
                out.add("dA" + l);
            }
            out.add("dZ" + l);
            if (hasParameters(s, l - 1)) {
                out.add("dW" + l);
                if (s.parameters().containsKey(Parameter.biasName(l - 1))) {
                    out.add("db" + l);
                }
            }
            if (l > 1) {
                out.add("dA" + (l - 1));
            }
            if (current) {
                read.add("cache" + l);
            }
        } else if (r instanceof UpdateRecord) {
            for (int l = 1; l <= layers; l++) {
                if (hasParameters(s, l - 1)) {
                    out.add("update" + l);
                }
            }
        }
        return out;
    }

    private static Phrase stagePhrase(StageRecord last) {
        if (last instanceof ForwardRecord f) {
            return Phrase.key("flow.stage.forward", f.layer() + 1, f.layer());
        }
        if (last instanceof LossRecord) {
            return Phrase.key("flow.stage.loss");
        }
        if (last instanceof BackwardRecord b) {
            return Phrase.key("flow.stage.backward", b.layer() + 1, b.layer());
        }
        if (last instanceof UpdateRecord) {
            return Phrase.key("flow.stage.update");
        }
        return Phrase.key("flow.stage.ready");
    }

    private static boolean hasParameters(StepSnapshot s, int layer) {
        return s.parameters().containsKey(Parameter.weightsName(layer));
    }

    /**
     * The loss as a formula in symbols, the same in both languages ("E = Σ 1/2 (Y − A[2])²", as the
     * lessons write it; MSE and BCE as PyTorch names them), not the loss's file id.
     */
    static String lossFormula(String loss, String output) {
        return "E = " + switch (org.backproplab.engine.Loss.fromId(loss)) {
            case HALF_SQUARED_ERROR -> "\u03a3 1/2 (Y \u2212 " + output + ")\u00b2";
            case SUM_SQUARED_ERROR -> "\u03a3 (Y \u2212 " + output + ")\u00b2";
            case MEAN_SQUARED_ERROR -> "MSE(" + output + ", Y)";
            case HALF_MEAN_SQUARED_ERROR -> "1/2 MSE(" + output + ", Y)";
            case BINARY_CROSS_ENTROPY -> "BCE(" + output + ", Y)";
            // PyTorch's CrossEntropyLoss takes the logits; the engine's takes the softmax's output
            case SOFTMAX_CROSS_ENTROPY -> "\u2212(1/m) \u03a3 Y ln " + output;
        };
    }

    /** Whether the loss is taken together with the output activation, so dZ[L] = (A[L] - Y)/m with no dA[L]. */
    private static boolean fusedOutput(StepSnapshot s) {
        String out = s.activations().get(s.activations().size() - 1);
        return org.backproplab.engine.Loss.fromId(s.loss()).fusesWith(org.backproplab.engine.Activation.fromId(out));
    }

    private static StepFlowSnapshot.Node node(String id, String formula, String shape, int column, int row,
            Set<String> lit, Set<String> read, Set<String> done) {
        StepFlowSnapshot.State state = lit.contains(id) ? StepFlowSnapshot.State.LIT
                : read.contains(id) ? StepFlowSnapshot.State.READ
                : done.contains(id) ? StepFlowSnapshot.State.DONE : StepFlowSnapshot.State.WAITING;
        return new StepFlowSnapshot.Node(id, formula, shape, column, row, state);
    }

    private static StepFlowSnapshot.Edge edge(String from, String to, Set<String> lit) {
        return new StepFlowSnapshot.Edge(from, to, lit.contains(to));
    }
}
