package org.backproplab.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Every visible string, from the resource bundles {@code messages*.properties}, in the language
 * chosen now; labels bound with {@link #bind} change when the language changes.
 */
public final class I18n {
    /** The languages the UI speaks. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final String BUNDLE = "org.backproplab.ui.messages";

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale", Locale.ENGLISH);

    public I18n(Locale initial) {
        locale.set(supported(initial));
    }

    /** The supported language closest to {@code l} (Chinese for any zh locale, else English). */
    public static Locale supported(Locale l) {
        return l != null && l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale getLocale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    public boolean isChinese() {
        return getLocale().getLanguage().equals("zh");
    }

    private ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, getLocale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text of {@code key} now, with {@code args} put in ({0}, {1}, ...). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, getLocale()).format(args);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A binding that follows the language and an observable key. */
    public StringBinding bind(ObservableValue<String> key) {
        return Bindings.createStringBinding(() -> key.getValue() == null ? "" : get(key.getValue()), locale, key);
    }
}
