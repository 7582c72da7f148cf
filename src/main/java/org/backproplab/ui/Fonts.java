package org.backproplab.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;

/**
 * Loads the shipped CJK font (WenQuanYi Micro Hei, Apache-2.0, in assets/fonts), so the Chinese
 * UI shows real characters even where the system has no CJK font.
 */
public final class Fonts {
    /** The family name of the shipped font; the Chinese UI uses it for every text. */
    public static final String CJK_FAMILY = "WenQuanYi Micro Hei";
    private static boolean loaded;

    private Fonts() {
    }

    /**
     * Starts loading the font on a thread of its own (70 to 90 ms at start), so that an English
     * window's first frame need not wait for it. {@link #load()} waits for it.
     */
    static void loadInBackground() {
        Thread t = new Thread(Fonts::load, "font-loader");
        t.setDaemon(true);
        t.start();
    }

    /** Loads the font once (or waits for the load under way); returns false when the resource is missing. */
    public static synchronized boolean load() {
        if (loaded) {
            return true;
        }
        try (InputStream in = Fonts.class.getResourceAsStream("/assets/fonts/wqy-microhei.ttc")) {
            if (in == null) {
                return false;
            }
            Font[] fonts = Font.loadFonts(in, 13);
            loaded = fonts != null && fonts.length > 0;
        } catch (IOException e) {
            loaded = false;
        }
        return loaded;
    }
}
