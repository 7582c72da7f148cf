package org.backproplab.explain;

import java.util.Locale;

/**
 * How the backward pass goes through a ReLU, whose input was z and to whose output the gradient
 * g arrives (keras-vis' backprop modifiers; pytorch-grad-cam's GuidedBackpropReLU). Any other
 * activation, leaky ReLU included, keeps its true derivative, as keras-vis modifies only ReLUs.
 */
public enum ReluRule {
    /** The true gradient (Simonyan et al. 2013): g where z &gt; 0, else 0. */
    VANILLA,
    /** Guided backpropagation (Springenberg et al. 2014): g where z &gt; 0 and g &gt; 0, else 0. */
    GUIDED,
    /** "relu" / deconvnet (Zeiler and Fergus 2014): g where g &gt; 0, whatever z was, else 0. */
    RECTIFIED;

    /** The gradient passed below the ReLU. */
    double pass(double z, double g) {
        return switch (this) {
            case VANILLA -> z > 0 ? g : 0;
            case GUIDED -> z > 0 && g > 0 ? g : 0;
            case RECTIFIED -> g > 0 ? g : 0;
        };
    }

    /** "vanilla", "guided", "rectified". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
