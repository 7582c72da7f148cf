package org.backproplab.session;

import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.MnistLessons;

/** What the application shell needs to know of the lessons, without reaching into them. */
public final class Presets {
    /** The lesson the stepping tab opens with. */
    public static final String FIRST_STEP_LESSON = Lessons.WORKED_2_2_2;
    /** The lesson the playground opens with. */
    public static final String FIRST_PLAYGROUND_LESSON = "playground-default";

    private Presets() {
    }

    /** The preset the digits tab opens with the first time it is shown. */
    public static String firstDigits() {
        return MnistLessons.ids().get(0);
    }

    /** Whether {@code id} names a playground lesson. */
    public static boolean isPlayground(String id) {
        return id != null && Lessons.isPlayground(id);
    }
}
