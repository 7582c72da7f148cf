package org.backproplab.explain;

/**
 * What activation maximisation makes large: a class score y_c ({@link #classScore}), or the mean
 * activation of one filter's map in a conv layer ({@link #filter}), as keras-vis'
 * {@code ActivationMaximization} loss does ({@code mean(layer_output[:, filter])}).
 *
 * @param layer the conv layer's index from 0 ({@code Network.layer}), or -1 for a class score
 * @param index the class, or the filter of the layer
 * @param target how the class score is measured (not used for a filter)
 */
public record Objective(int layer, int index, ScoreTarget target) {
    public static Objective classScore(int c, ScoreTarget target) {
        return new Objective(-1, c, target);
    }

    public static Objective filter(int layer, int filter) {
        return new Objective(layer, filter, ScoreTarget.LOGIT);
    }

    public boolean isClass() {
        return layer < 0;
    }
}
