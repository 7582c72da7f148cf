package org.backproplab.ui;

import java.math.BigDecimal;
import java.math.MathContext;

/** Short numbers for the graph (6 significant digits); the inspector shows the full ones. */
final class Format {
    private Format() {
    }

    static String shortNumber(double v) {
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

    /** The exact double, as Java prints it (shortest text that reads back to the same value). */
    static String exact(double v) {
        return Double.toString(v);
    }
}
