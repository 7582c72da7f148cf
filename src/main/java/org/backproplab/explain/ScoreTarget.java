package org.backproplab.explain;

import java.util.Locale;

/**
 * What "the class score y_c" is. The default, as keras-vis (which swaps the softmax for a linear
 * output) and pytorch-grad-cam (whose models end in logits) do, is the logit z_c, the output
 * before the softmax; the probability p_c = softmax(z)_c or its logarithm can be chosen instead.
 */
public enum ScoreTarget {
    /** y_c = z_c; dy_c/dz_j = [j = c]. */
    LOGIT,
    /** y_c = p_c = exp(z_c) / sum_j exp(z_j); dy_c/dz_j = p_c ([j = c] - p_j). */
    PROBABILITY,
    /** y_c = log p_c = z_c - log sum_j exp(z_j); dy_c/dz_j = [j = c] - p_j. */
    LOG_PROBABILITY;

    /** The name on the command line and in files: "logit", "probability", "log-probability". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()}; an unknown name is refused with the known ones listed. */
    public static ScoreTarget fromId(String id) {
        for (ScoreTarget t : values()) {
            if (t.id().equalsIgnoreCase(id.replace('_', '-'))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + id + "' (known: logit, probability, log-probability)");
    }

    /** y_c from the logits z and the probabilities p = softmax(z). */
    double value(double[] logits, double[] probabilities, int c) {
        return switch (this) {
            case LOGIT -> logits[c];
            case PROBABILITY -> probabilities[c];
            case LOG_PROBABILITY -> logits[c] - logSumExp(logits);
        };
    }

    /** dy_c/dz_j for every j, written into {@code out}. */
    void gradient(double[] probabilities, int c, double[] out) {
        for (int j = 0; j < out.length; j++) {
            double onehot = j == c ? 1 : 0;
            out[j] = switch (this) {
                case LOGIT -> onehot;
                case PROBABILITY -> probabilities[c] * (onehot - probabilities[j]);
                case LOG_PROBABILITY -> onehot - probabilities[j];
            };
        }
    }

    /** log sum_j exp(z_j), computed as m + log sum_j exp(z_j - m) with m the largest z_j. */
    static double logSumExp(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : z) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }
}
