package org.backproplab.session;

/** How fast "play" goes: a few stages a second to watch a pass, or whole iterations. */
public enum Speed {
    STAGES_2(2, false),
    STAGES_8(8, false),
    ITERATIONS_10(10, true),
    ITERATIONS_100(100, true),
    ITERATIONS_1000(1000, true),
    MAX(0, true);

    private final int perSecond;
    private final boolean wholeIterations;

    Speed(int perSecond, boolean wholeIterations) {
        this.perSecond = perSecond;
        this.wholeIterations = wholeIterations;
    }

    /** Stages or iterations per second; 0 for as fast as possible. */
    public int perSecond() {
        return perSecond;
    }

    /** True when play runs whole iterations, false when it shows stage after stage. */
    public boolean wholeIterations() {
        return wholeIterations;
    }

    /** Bundle key of the label. */
    public String key() {
        return "speed." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
