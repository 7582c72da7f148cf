package org.backproplab.lesson;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Loss;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;

/**
 * One training iteration written out as a student follows it on paper: every net and out value,
 * each output's error, and each gradient as a chain-rule product with the numbers filled in, e.g.
 * dE/dw5 = dE/dout_o1 x dout_o1/dnet_o1 x dnet_o1/dw5 = 0.74136507 x 0.186815602 x 0.593269992 =
 * 0.082167041. Batches of several samples are written sample by sample for the forward pass, and
 * their gradients as sums over the samples.
 *
 * <p>The CLI's {@code trace} prints this text and the app's Markdown handout wraps it, so both say
 * the same thing.
 */
public final class WalkThrough {
    private final Naming naming;

    public WalkThrough(Naming naming) {
        this.naming = naming;
    }

    /** The text of one iteration's records (all its stages, in order); {@code step} counts from 1. */
    public List<String> describe(long step, List<StageRecord> records) {
        List<String> out = new ArrayList<>();
        out.add("Iteration " + step);
        out.add("");
        out.add("Forward pass");
        for (StageRecord r : records) {
            if (r instanceof ForwardRecord f) {
                forward(f, records, out);
            } else if (r instanceof LossRecord l) {
                out.add("");
                out.add("Error");
                loss(l, out);
                out.add("");
                out.add("Backward pass");
            } else if (r instanceof BackwardRecord b) {
                backward(b, records, out);
            } else if (r instanceof UpdateRecord u) {
                out.add("");
                update(u, out);
            }
        }
        return out;
    }

    private String layerTitle(int l, Activation f) {
        String kind = l == naming.layers() - 1 ? "Output layer" : naming.layers() == 2 ? "Hidden layer"
                : "Hidden layer " + (l + 1);
        return "  " + kind + " (" + f.id() + ")";
    }

    private void forward(ForwardRecord f, List<StageRecord> records, List<String> out) {
        out.add(layerTitle(f.layer(), f.function()));
        ChainRule chain = new ChainRule(naming, records);
        for (int j = 0; j < f.preActivation().cols(); j++) {
            out.addAll(chain.forwardLines(f.layer(), j));
        }
    }

    private void loss(LossRecord l, List<String> out) {
        ImmutableMatrix o = l.outputs();
        ImmutableMatrix t = l.targets();
        List<String> parts = new ArrayList<>();
        List<String> partValues = new ArrayList<>();
        for (int s = 0; s < o.rows(); s++) {
            for (int k = 0; k < o.cols(); k++) {
                String n = naming.neuron(naming.layers() - 1, k);
                String e = "E_" + n + ChainRule.sampleTag(s, o.rows());
                out.add("  " + e + " = " + lossText(l.loss(), n, o.rows(), o.cols()) + " = "
                        + lossValues(l.loss(), o.get(s, k), t.get(s, k), o.rows(), o.cols()) + " = "
                        + number(l.terms().get(s, k)));
                parts.add(e);
                partValues.add(factor(l.terms().get(s, k)));
            }
        }
        String line = "  E_total = " + String.join(" + ", parts) + " = " + String.join(" + ", partValues);
        if (l.penalty() != 0) {
            line += " + penalty " + number(l.penalty());
        }
        out.add(line + " = " + number(l.total()));
    }

    private static String lossText(Loss loss, String n, int m, int k) {
        String t = "target_" + n;
        String o = "out_" + n;
        return switch (loss) {
            case HALF_SQUARED_ERROR -> "1/2 (" + t + " - " + o + ")^2";
            case SUM_SQUARED_ERROR -> "(" + t + " - " + o + ")^2";
            case MEAN_SQUARED_ERROR -> "(" + t + " - " + o + ")^2 / " + (m * k);
            case HALF_MEAN_SQUARED_ERROR -> "1/2 (" + t + " - " + o + ")^2 / " + (m * k);
            case BINARY_CROSS_ENTROPY -> "-[" + t + " ln " + o + " + (1 - " + t + ") ln(1 - " + o + ")] / " + (m * k);
            case SOFTMAX_CROSS_ENTROPY -> "-" + t + " ln " + o + " / " + m;
        };
    }

    private static String lossValues(Loss loss, double o, double t, int m, int k) {
        String ts = factor(t);
        String os = factor(o);
        return switch (loss) {
            case HALF_SQUARED_ERROR -> "1/2 (" + ts + " - " + os + ")^2";
            case SUM_SQUARED_ERROR -> "(" + ts + " - " + os + ")^2";
            case MEAN_SQUARED_ERROR -> "(" + ts + " - " + os + ")^2 / " + (m * k);
            case HALF_MEAN_SQUARED_ERROR -> "1/2 (" + ts + " - " + os + ")^2 / " + (m * k);
            case BINARY_CROSS_ENTROPY -> "-[" + ts + " ln " + os + " + (1 - " + ts + ") ln(1 - " + os + ")] / "
                    + (m * k);
            case SOFTMAX_CROSS_ENTROPY -> "-" + ts + " ln " + os + " / " + m;
        };
    }

    private void backward(BackwardRecord b, List<StageRecord> records, List<String> out) {
        out.add(layerTitle(b.layer(), b.function()));
        ChainRule chain = new ChainRule(naming, records);
        for (int j = 0; j < b.delta().cols(); j++) {
            out.addAll(chain.neuron(b.layer(), j));
            for (int i = 0; i < chain.inputCount(b.layer()); i++) {
                out.add(chain.weight(b.layer(), j, i));
            }
            if (b.gradBias() != null) {
                out.add(chain.bias(b.layer(), j));
            }
        }
    }

    private void update(UpdateRecord u, List<String> out) {
        out.add("Update (" + OptimizerLines.heading(u) + ")");
        for (ParameterUpdate p : u.parameters()) {
            int l = p.layer();
            for (int r = 0; r < p.before().rows(); r++) {
                for (int c = 0; c < p.before().cols(); c++) {
                    String name = p.kind() == org.backproplab.engine.Parameter.Kind.WEIGHTS ? naming.weight(l, r, c)
                            : naming.bias(l, r);
                    OptimizerLines.lines(u, p, r, c, name).forEach(line -> out.add("    " + line));
                }
            }
        }
    }
}
