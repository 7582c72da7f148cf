package org.backproplab.ui;

import java.util.Locale;
import java.util.prefs.Preferences;

/** What the window remembers between runs: its size, the language and presentation mode. */
public final class Settings {
    private final Preferences prefs;

    /** @param prefs where to keep them (a separate node in tests) */
    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static Settings user() {
        return new Settings(Preferences.userRoot().node("org/backproplab/app"));
    }

    /** Where predict mode keeps each lesson's progress between runs. */
    public Preferences predictProgress() {
        return prefs.node("predict-progress");
    }

    public double width() {
        return clamp(prefs.getDouble("width", 1280), 960, 4000);
    }

    public double height() {
        return clamp(prefs.getDouble("height", 800), 600, 3000);
    }

    public void setSize(double width, double height) {
        prefs.putDouble("width", width);
        prefs.putDouble("height", height);
    }

    public Locale language() {
        return Locale.forLanguageTag(prefs.get("language", Locale.getDefault().toLanguageTag()));
    }

    public void setLanguage(Locale locale) {
        prefs.put("language", locale.toLanguageTag());
    }

    public boolean presentation() {
        return prefs.getBoolean("presentation", false);
    }

    public void setPresentation(boolean on) {
        prefs.putBoolean("presentation", on);
    }

    /** Writes to the backing store now (the JDK otherwise does it later, on its own thread). */
    public void flush() {
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // not being able to remember the window size is no reason to fail
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : lo;
    }
}
