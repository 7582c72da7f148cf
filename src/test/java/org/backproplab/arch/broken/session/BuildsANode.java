package org.backproplab.arch.broken.session;

/** Breaks "view-models build no nodes". */
public final class BuildsANode {
    public javafx.scene.control.Label label() {
        return new javafx.scene.control.Label();
    }
}
