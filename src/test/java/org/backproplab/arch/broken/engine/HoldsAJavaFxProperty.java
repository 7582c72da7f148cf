package org.backproplab.arch.broken.engine;

/** Breaks "below the window, no JavaFX": an engine class with a JavaFX property. */
public final class HoldsAJavaFxProperty {
    public final javafx.beans.property.SimpleDoubleProperty rate = new javafx.beans.property.SimpleDoubleProperty();
}
