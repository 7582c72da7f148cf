package org.backproplab.arch.broken.session;

/** Allowed: a view-model with a javafx.beans property. */
public final class HoldsAProperty {
    public final javafx.beans.property.SimpleDoubleProperty rate = new javafx.beans.property.SimpleDoubleProperty();
}
