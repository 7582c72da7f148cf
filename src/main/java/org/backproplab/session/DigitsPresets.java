package org.backproplab.session;

import org.backproplab.lesson.MnistLessons;

/** The digits tab's presets as the shell needs them, without reaching into the lessons. */
public final class DigitsPresets {
    private DigitsPresets() {
    }

    /** The preset the digits tab opens with the first time it is shown. */
    public static String first() {
        return MnistLessons.ids().get(0);
    }
}
