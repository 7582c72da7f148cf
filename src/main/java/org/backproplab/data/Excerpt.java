package org.backproplab.data;

/**
 * A user's value as it may appear in a message: at most {@link #LIMIT} characters, the rest
 * replaced by "…" and the full length, so a megabyte-long cell or name cannot flood a message.
 * Control characters (a NUL, a line break) are shown as their code, so the message stays one line.
 */
public final class Excerpt {
    public static final int LIMIT = 40;
    /** Words of a message longer than this are shortened: long enough for most paths. */
    public static final int WORD_LIMIT = 100;

    private Excerpt() {
    }

    public static String of(String value) {
        return of(value, LIMIT);
    }

    /** {@code value} cut to at most {@code limit} characters. */
    public static String of(String value, int limit) {
        if (value == null) {
            return "";
        }
        boolean cut = value.length() > limit;
        int end = cut && Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
        String head = cut ? value.substring(0, end) : value;
        StringBuilder sb = new StringBuilder();
        head.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        if (cut) {
            sb.append("… (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** {@code message} with every word longer than {@link #WORD_LIMIT} characters (a path, a pasted value) shortened. */
    public static String words(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < message.length()) {
            int j = i;
            while (j < message.length() && !Character.isWhitespace(message.charAt(j))) {
                j++;
            }
            sb.append(j - i > WORD_LIMIT ? of(message.substring(i, j), WORD_LIMIT) : message.substring(i, j));
            int k = j;
            while (k < message.length() && Character.isWhitespace(message.charAt(k))) {
                k++;
            }
            sb.append(message, j, k);
            i = k;
        }
        return sb.toString();
    }
}
