package org.backproplab.data;

import java.util.Locale;

/** The inputs a playground network can see, computed from a point's (x1, x2). */
public enum Feature {
    X1("X\u2081") {
        @Override
        public double of(double x1, double x2) {
            return x1;
        }
    },
    X2("X\u2082") {
        @Override
        public double of(double x1, double x2) {
            return x2;
        }
    },
    X1_SQUARED("X\u2081\u00b2") {
        @Override
        public double of(double x1, double x2) {
            return x1 * x1;
        }
    },
    X2_SQUARED("X\u2082\u00b2") {
        @Override
        public double of(double x1, double x2) {
            return x2 * x2;
        }
    },
    X1_TIMES_X2("X\u2081X\u2082") {
        @Override
        public double of(double x1, double x2) {
            return x1 * x2;
        }
    },
    SIN_X1("sin X\u2081") {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x1);
        }
    },
    SIN_X2("sin X\u2082") {
        @Override
        public double of(double x1, double x2) {
            return Math.sin(x2);
        }
    };

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    public abstract double of(double x1, double x2);

    /** How the feature is written on screen, e.g. X₁². */
    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
