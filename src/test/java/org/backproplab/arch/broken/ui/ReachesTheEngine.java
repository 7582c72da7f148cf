package org.backproplab.arch.broken.ui;

/** Breaks "the window talks to the view-models only": a view reading an engine type. */
public final class ReachesTheEngine {
    public double value(org.backproplab.arch.broken.engine.Matrix m) {
        return m.value;
    }
}
