package org.backproplab.lesson;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.Loss;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;

/**
 * The chain rule for one neuron, weight or bias of an iteration, with the numbers filled in:
 * dE/dw5 = dE/dout_o1 x dout_o1/dnet_o1 x dnet_o1/dw5 = 0.74136507 x 0.186815602 x 0.593269992 =
 * 0.0821670406, and for a hidden neuron the sum over the paths back from the outputs,
 * dE/dout_h1 = delta_o1 x w5 + delta_o2 x w7 = ... Used by the walk-through and by the app's
 * inspector, so both say the same.
 *
 * <p>Needs the iteration's records up to the backward stage of the layer asked about.
 */
public final class ChainRule {
    private final Naming naming;
    private final StageRecords records;

    public ChainRule(Naming naming, List<StageRecord> records) {
        this.naming = naming;
        this.records = StageRecords.of(records);
    }

    /** Inputs of layer l (neurons of the layer below, or the network's inputs). */
    public int inputCount(int l) {
        return forward(l).input().cols();
    }

    /** True when the records hold layer l's backward stage. */
    public boolean hasBackward(int l) {
        return records.backward(l) != null;
    }

    /** " [sample s]" after a name when the batch has several samples, else nothing. */
    static String sampleTag(int s, int rows) {
        return rows == 1 ? "" : " [sample " + (s + 1) + "]";
    }

    /** net = W x + b and out = f(net) of neuron j of layer l, for every sample, with the numbers. */
    public List<String> forwardLines(int l, int j) {
        List<String> out = new ArrayList<>();
        ForwardRecord f = forward(l);
        String n = naming.neuron(l, j);
        for (int s = 0; s < f.input().rows(); s++) {
            String tag = sampleTag(s, f.input().rows());
            StringBuilder names = new StringBuilder();
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < f.input().cols(); i++) {
                String sep = i == 0 ? "" : " + ";
                names.append(sep).append(naming.weight(l, j, i)).append(" x ").append(naming.input(l, i));
                values.append(sep).append(factor(f.weights().get(j, i))).append(" x ").append(factor(f.input().get(s, i)));
            }
            if (f.bias() != null) {
                names.append(" + ").append(naming.bias(l, j)).append(" x 1");
                values.append(" + ").append(factor(f.bias().get(j, 0))).append(" x 1");
            }
            out.add("    net_" + n + tag + " = " + names + " = " + values + " = " + number(f.preActivation().get(s, j)));
            String formula = activationText(f.function(), n);
            String filled = f.function() == Activation.SOFTMAX ? formula
                    : fill(formula, n, f.preActivation().get(s, j), f.activation().get(s, j), 0);
            out.add("    out_" + n + tag + " = " + formula + " = " + (filled.equals(formula) ? "" : filled + " = ")
                    + number(f.activation().get(s, j)));
        }
        return out;
    }

    /** True when the records hold layer l's forward stage. */
    public boolean hasForward(int l) {
        return records.forward(l) != null;
    }

    static String activationText(Activation f, String n) {
        return switch (f) {
            case IDENTITY -> "net_" + n;
            case SIGMOID -> "1 / (1 + e^-net_" + n + ")";
            case TANH -> "tanh(net_" + n + ")";
            case RELU -> "max(0, net_" + n + ")";
            case LEAKY_RELU -> "max(0.01 net_" + n + ", net_" + n + ")";
            case SOFTMAX -> "e^net_" + n + " / sum_k e^net_ok";
        };
    }

    /** dE/dout, dout/dnet and delta of neuron j of layer l, for every sample of the batch. */
    public List<String> neuron(int l, int j) {
        List<String> out = new ArrayList<>();
        BackwardRecord b = backward(l);
        ForwardRecord f = forward(l);
        LossRecord lossRecord = loss();
        boolean outputLayer = l == naming.layers() - 1;
        int rows = b.delta().rows();
        int neurons = b.delta().cols();
        String n = naming.neuron(l, j);
        for (int s = 0; s < rows; s++) {
            String tag = sampleTag(s, rows);
            double z = f.preActivation().get(s, j);
            double a = f.activation().get(s, j);
            if (b.gradActivation() == null) {
                Loss loss = lossRecord.loss();
                String scale = loss == Loss.SOFTMAX_CROSS_ENTROPY ? String.valueOf(rows) : String.valueOf(rows * neurons);
                out.add("    delta_" + n + tag + " = dE/dnet_" + n + " = (out_" + n + " - target_" + n + ") / " + scale
                        + " = (" + factor(a) + " - " + factor(lossRecord.targets().get(s, j)) + ") / " + scale + " = "
                        + number(b.delta().get(s, j)) + "   (" + loss.id() + " with " + b.function().id()
                        + ": the derivative simplifies)");
                continue;
            }
            if (outputLayer) {
                String formula = gradOutputText(lossRecord.loss(), n, rows, neurons);
                out.add("    dE/dout_" + n + tag + " = " + formula + " = "
                        + fill(formula, n, z, a, lossRecord.targets().get(s, j)) + " = "
                        + number(b.gradActivation().get(s, j)));
            } else {
                // dE/dout_h = sum over the neurons k above of delta_k x w(h -> k): one term per path
                BackwardRecord above = backward(l + 1);
                ForwardRecord aboveForward = forward(l + 1);
                StringBuilder names = new StringBuilder();
                StringBuilder values = new StringBuilder();
                for (int k = 0; k < above.delta().cols(); k++) {
                    String nk = naming.neuron(l + 1, k);
                    String sep = k == 0 ? "" : " + ";
                    names.append(sep).append("delta_").append(nk).append(" x ").append(naming.weight(l + 1, k, j));
                    values.append(sep).append(factor(above.delta().get(s, k))).append(" x ")
                            .append(factor(aboveForward.weights().get(k, j)));
                }
                out.add("    dE/dout_" + n + tag + " = " + names + " = " + values + " = "
                        + number(b.gradActivation().get(s, j)));
            }
            if (b.derivative() != null) {
                String formula = derivativeText(b.function(), n);
                String filled = fill(formula, n, z, a, 0);
                out.add("    dout_" + n + "/dnet_" + n + tag + " = " + formula + " = "
                        + (filled.equals(formula) ? "" : filled + " = ") + number(b.derivative().get(s, j)));
                out.add("    delta_" + n + tag + " = dE/dout_" + n + " x dout_" + n + "/dnet_" + n + " = "
                        + factor(b.gradActivation().get(s, j)) + " x " + factor(b.derivative().get(s, j)) + " = "
                        + number(b.delta().get(s, j)));
            } else {
                out.add("    delta_" + n + tag + " = dE/dnet_" + n + " (through the softmax Jacobian) = "
                        + number(b.delta().get(s, j)));
            }
        }
        return out;
    }

    /** dE/dw for the weight from input i to neuron j of layer l. */
    public String weight(int l, int j, int i) {
        BackwardRecord b = backward(l);
        ForwardRecord f = forward(l);
        String n = naming.neuron(l, j);
        String w = naming.weight(l, j, i);
        if (b.delta().rows() == 1 && b.derivative() != null && b.gradActivation() != null) {
            return "    dE/d" + w + " = dE/dout_" + n + " x dout_" + n + "/dnet_" + n + " x dnet_" + n + "/d" + w + " = "
                    + factor(b.gradActivation().get(0, j)) + " x " + factor(b.derivative().get(0, j)) + " x "
                    + factor(f.input().get(0, i)) + " = " + number(b.gradWeights().get(j, i));
        }
        if (b.delta().rows() == 1) {
            return "    dE/d" + w + " = delta_" + n + " x dnet_" + n + "/d" + w + " = " + factor(b.delta().get(0, j))
                    + " x " + factor(f.input().get(0, i)) + " = " + number(b.gradWeights().get(j, i));
        }
        return "    dE/d" + w + " = sum over samples of delta_" + n + " x " + naming.input(l, i) + " = "
                + number(b.gradWeights().get(j, i));
    }

    /** dE/db for neuron j of layer l. */
    public String bias(int l, int j) {
        BackwardRecord b = backward(l);
        String n = naming.neuron(l, j);
        boolean single = b.delta().rows() == 1;
        return "    dE/d" + naming.bias(l, j) + " = " + (single ? "delta_" + n + " x 1" : "sum over samples of delta_" + n)
                + " = " + number(b.gradBias().get(j, 0));
    }

    // ---- formulas ------------------------------------------------------------------------

    static String gradOutputText(Loss loss, String n, int m, int k) {
        String t = "target_" + n;
        String o = "out_" + n;
        return switch (loss) {
            case HALF_SQUARED_ERROR -> o + " - " + t;
            case SUM_SQUARED_ERROR -> "2 (" + o + " - " + t + ")";
            case MEAN_SQUARED_ERROR -> "2 (" + o + " - " + t + ") / " + (m * k);
            case HALF_MEAN_SQUARED_ERROR -> "(" + o + " - " + t + ") / " + (m * k);
            case BINARY_CROSS_ENTROPY -> "(" + o + " - " + t + ") / (" + o + " (1 - " + o + ")) / " + (m * k);
            case SOFTMAX_CROSS_ENTROPY -> "-" + t + " / " + o + " / " + m;
        };
    }

    static String derivativeText(Activation f, String n) {
        return switch (f) {
            case IDENTITY -> "1";
            case SIGMOID -> "out_" + n + " (1 - out_" + n + ")";
            case TANH -> "1 - out_" + n + "^2";
            case RELU -> "(1 if net_" + n + " > 0, else 0)";
            case LEAKY_RELU -> "(1 if net_" + n + " > 0, else 0.01)";
            case SOFTMAX -> "softmax Jacobian";
        };
    }

    /** The formula with net_n, out_n and target_n replaced by their values. */
    static String fill(String formula, String n, double z, double a, double t) {
        return formula.replaceAll("\\bnet_" + n + "\\b", java.util.regex.Matcher.quoteReplacement(factor(z)))
                .replaceAll("\\bout_" + n + "\\b", java.util.regex.Matcher.quoteReplacement(factor(a)))
                .replaceAll("\\btarget_" + n + "\\b", java.util.regex.Matcher.quoteReplacement(factor(t)));
    }

    // ---- records -------------------------------------------------------------------------

    ForwardRecord forward(int layer) {
        ForwardRecord f = records.forward(layer);
        if (f == null) {
            throw new IllegalArgumentException("no forward record of layer " + layer);
        }
        return f;
    }

    BackwardRecord backward(int layer) {
        BackwardRecord b = records.backward(layer);
        if (b == null) {
            throw new IllegalArgumentException("no backward record of layer " + layer);
        }
        return b;
    }

    LossRecord loss() {
        LossRecord l = records.loss();
        if (l == null) {
            throw new IllegalArgumentException("no loss record");
        }
        return l;
    }
}
