package org.backproplab.arch.broken.explain;

/** Breaks "the engine and the explanations depend on nothing above them": an explanation reading a lesson. */
public final class ExplainsALesson {
    public String title(org.backproplab.arch.broken.lesson.Preset p) {
        return p.title;
    }
}
