package org.backproplab.session;


/**
 * Checks a number typed by the user. A result holds the value, or the bundle key of the reason it
 * was refused (with the limit for the message).
 */
public final class NumberInput {
    /** Largest magnitude accepted for a weight, bias, input or target. */
    public static final double LIMIT = 1e6;

    public record Result(double value, String errorKey) {
        public boolean ok() {
            return errorKey == null;
        }
    }

    private NumberInput() {
    }

    /** A finite number with magnitude at most {@link #LIMIT}. */
    public static Result parameter(String text) {
        Result r = parse(text);
        return r.ok() ? parameter(r.value()) : r;
    }

    /** {@code v} if it is finite with magnitude at most {@link #LIMIT}; otherwise the reason it is refused. */
    public static Result parameter(double v) {
        if (!Double.isFinite(v)) {
            return new Result(Double.NaN, "edit.error.notFinite");
        }
        if (Math.abs(v) > LIMIT) {
            return new Result(Double.NaN, "edit.error.tooLarge");
        }
        return new Result(v, null);
    }

    /** A learning rate: a number greater than 0 and at most 1000. */
    public static Result learningRate(String text) {
        Result r = parse(text);
        if (r.ok() && !(r.value() > 0 && r.value() <= 1000)) {
            return new Result(Double.NaN, "edit.error.learningRate");
        }
        return r;
    }

    private static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Result(Double.NaN, "edit.error.empty");
        }
        String t = text.strip().replace(',', '.').replace('\u2212', '-');
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                return new Result(Double.NaN, "edit.error.notFinite");
            }
            return new Result(v, null);
        } catch (NumberFormatException e) {
            return new Result(Double.NaN, "edit.error.notANumber");
        }
    }
}
