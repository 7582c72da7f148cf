package org.backproplab.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Holds a label whose text changes every frame (a loss, an epoch) so that a new text lays out
 * the label alone, not the window: the label is unmanaged (a layout root), and the box keeps the
 * width of the widest text it has held, asking its parents for a layout only when a text is wider
 * still or the font changed. Without it, each new text laid out every pane from the label up to
 * the window's root, a third of the playground's frame on the FX thread.
 */
final class SteadyBox extends Region {
    private final Label label;
    private double widest;

    SteadyBox(Label label) {
        this.label = label;
        label.setManaged(false);
        getChildren().add(label);
        label.textProperty().addListener((o, a, b) -> {
            if (label.prefWidth(-1) > widest) {
                requestLayout();
            }
        });
        label.fontProperty().addListener((o, a, b) -> {
            // presentation mode: the text grows or shrinks, and so may the box
            widest = 0;
            requestLayout();
        });
    }

    @Override
    protected double computePrefWidth(double height) {
        widest = Math.max(widest, label.prefWidth(-1));
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + label.prefHeight(-1) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
