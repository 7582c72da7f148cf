package org.backproplab.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Holds a label whose text changes every frame (a loss, an epoch) so that a new text lays out
 * the label alone, not the window: the label is unmanaged (a layout root), and the box prefers the
 * width of the widest text it has held, asking its parents for a layout only when a text is wider
 * still (seen after the pulse's layout, shown whole from the next) or the font changed. Without it, each new text laid out every pane from the label up to
 * the window's root, a third of the playground's frame on the FX thread.
 */
final class SteadyBox extends Region {
    private final Label label;
    private double widest;

    SteadyBox(Label label) {
        this.label = label;
        label.setManaged(false);
        getChildren().add(label);
        // checked after each pulse's layout, not when the text is set: then the label's skin may not
        // have its new text yet, and a wider text left its box as it was (an ellipsis, for good)
        Runnable wider = () -> {
            if (label.prefWidth(-1) > widest) {
                requestLayout();
            }
        };
        sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(wider);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(wider);
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

    /**
     * The label's own minimum (its ellipsis), not the widest text: a box whose minimum grew with each
     * wider text (an epoch count gaining a digit) made its column's minimum grow with it, and a
     * border pane then took the difference from the columns beside it (the playground's data map lost
     * its right edge in a 1,280-pixel window).
     */
    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + label.minWidth(-1) + snappedRightInset();
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
