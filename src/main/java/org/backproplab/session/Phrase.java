package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A text for the window that may need translating: literal pieces (names and numbers, the same in
 * every language) and message keys with their arguments, joined in order. The view-model writes
 * it; the view translates each key in the language shown now.
 *
 * @param parts the pieces, in order
 */
public record Phrase(List<Part> parts) {
    /** A literal text when {@code key} is null, else a message key and its arguments. */
    public record Part(String literal, String key, List<Object> args) {
        public Part {
            args = List.copyOf(args);
        }
    }

    public static final Phrase EMPTY = new Phrase(List.of());

    public Phrase {
        parts = List.copyOf(parts);
    }

    /** A text that needs no translating. */
    public static Phrase of(String literal) {
        return EMPTY.then(literal);
    }

    /** The text of a message key with its arguments. */
    public static Phrase key(String key, Object... args) {
        return EMPTY.thenKey(key, args);
    }

    /** This phrase followed by a literal text. */
    public Phrase then(String literal) {
        return with(new Part(literal, null, List.of()));
    }

    /** This phrase followed by the text of a message key. */
    public Phrase thenKey(String key, Object... args) {
        return with(new Part(null, key, List.of(args)));
    }

    /** This phrase followed by another. */
    public Phrase then(Phrase next) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(next.parts());
        return new Phrase(all);
    }

    private Phrase with(Part p) {
        List<Part> all = new ArrayList<>(parts);
        all.add(p);
        return new Phrase(all);
    }

    /** The text with each key shown as the translation {@code translate} gives. */
    public String format(Translator translate) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.key() == null) {
                sb.append(p.literal());
                continue;
            }
            // an argument may itself be a phrase ("forward pass through {0}" with "the output layer")
            Object[] args = p.args().stream().map(a -> a instanceof Phrase inner ? inner.format(translate) : a).toArray();
            sb.append(translate.get(p.key(), args));
        }
        return sb.toString();
    }

    /** What the view passes to {@link #format}: I18n::get. */
    @FunctionalInterface
    public interface Translator {
        String get(String key, Object... args);
    }
}
