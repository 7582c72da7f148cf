package org.backproplab.arch.broken.lesson;

/** A stand-in for a lesson. */
public final class Preset {
    public String title = "";
}
