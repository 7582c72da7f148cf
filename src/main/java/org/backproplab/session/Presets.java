package org.backproplab.session;

import org.backproplab.lesson.Lessons;

/** What the application shell needs to know of the lessons, without reaching into them. */
public final class Presets {
    /** The lesson the stepping tab opens with. */
    public static final String FIRST_STEP_LESSON = Lessons.WORKED_2_2_2;
    /** The lesson the playground opens with. */
    public static final String FIRST_PLAYGROUND_LESSON = "playground-default";

    private Presets() {
    }

    /** Whether {@code id} names a playground lesson. */
    public static boolean isPlayground(String id) {
        return id != null && Lessons.isPlayground(id);
    }
}
