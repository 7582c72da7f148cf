package org.backproplab.session;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as the window shows them: short (6 significant digits) on the graph, exact in tooltips. */
public final class Numbers {
    private Numbers() {
    }

    /** 6 significant digits, trailing zeros dropped; scientific only for very small or large values. */
    public static String shortNumber(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs < 1e-4 || abs >= 1e6 ? d.toString() : d.toPlainString();
    }

    /** Up to 9 significant digits, as the lessons and the CLI write numbers (axis labels, typed values). */
    public static String number(double v) {
        return org.backproplab.lesson.Naming.number(v);
    }

    /** The exact double, as Java prints it (shortest text that reads back to the same value). */
    public static String exact(double v) {
        return Double.toString(v);
    }
}
