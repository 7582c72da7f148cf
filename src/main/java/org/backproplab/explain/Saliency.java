package org.backproplab.explain;

/**
 * A saliency map: {@code gradient} = dy_c/dx through the backward pass with {@code rule} at every
 * ReLU, and {@code map} = |dy_c/dx| per pixel (the picture keras-vis' {@code visualize_saliency}
 * draws before scaling it for display; use {@link Grid#scaledToMax()} for that).
 *
 * @param score y_c for the image
 * @param ruleApplies false when the network has no ReLU: then every rule gives the true gradient
 */
public record Saliency(int classIndex, ScoreTarget target, ReluRule rule, double score, Grid gradient, Grid map,
        boolean ruleApplies) {
}
