package org.backproplab.session;

/** The bundle keys of a digits preset's texts. */
public final class DigitsTexts {
    private DigitsTexts() {
    }

    /** The bundle key of a preset's title. */
    public static String titleKey(String presetId) {
        return "digits." + presetId;
    }

    /** The key of a preset's lesson text (what the network and its training show), or null when no preset is shown. */
    public static String aboutKey(String presetId) {
        return presetId == null ? null : "digits.about." + presetId;
    }
}
