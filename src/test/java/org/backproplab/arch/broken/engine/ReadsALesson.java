package org.backproplab.arch.broken.engine;

/** Breaks "the engine depends on nothing above it". */
public final class ReadsALesson {
    public String title(org.backproplab.arch.broken.lesson.Preset p) {
        return p.title;
    }
}
