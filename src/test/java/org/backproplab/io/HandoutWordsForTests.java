package org.backproplab.io;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BiFunction;

/** The handout's words from the app's message bundles, as the window gives them, for tests below the UI. */
public final class HandoutWordsForTests {
    public static final BiFunction<String, Object[], String> ENGLISH = words(Locale.ROOT);
    public static final BiFunction<String, Object[], String> CHINESE = words(Locale.SIMPLIFIED_CHINESE);

    private HandoutWordsForTests() {
    }

    private static BiFunction<String, Object[], String> words(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.backproplab.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (key, args) -> args.length == 0 ? bundle.getString(key)
                : new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
