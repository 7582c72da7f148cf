package org.backproplab.data;

/** What the labels mean. */
public enum Task {
    /** Two classes, labels 0 and 1. */
    BINARY,
    /** Three or more classes, labels 0, 1, 2, ... */
    MULTICLASS,
    /** A value in [-1, 1] to predict. */
    REGRESSION
}
