package org.backproplab.arch.broken.engine;

/** A stand-in for an engine type. */
public final class Matrix {
    public double value;
}
