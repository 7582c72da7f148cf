package org.backproplab.ui;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Whether a node can be seen now: in a showing window, visible with all its parents, and not
 * clipped away (a scroll pane clips its content to its viewport). A picture that cannot be seen
 * need not be drawn until it can (or is snapshotted, {@link PngExport}).
 */
final class InView {
    private InView() {
    }

    static boolean isShown(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        Bounds seen = node.localToScene(node.getLayoutBounds());
        seen = intersect(seen, new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
        for (Node n = node; n != null && seen != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
            if (n.getClip() != null) {
                seen = intersect(seen, n.localToScene(n.getClip().getBoundsInParent()));
            }
        }
        return seen != null;
    }

    /** The common part of two boxes, or null when they do not overlap. */
    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }
}
