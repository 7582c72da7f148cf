package org.backproplab.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * How a learner did in predict mode, per lesson: how many values were asked and answered, how
 * many right first time, and how many of each kind were missed (answered wrong first, or
 * revealed before any answer). Kept in a preferences node when given one (the app's: across
 * restarts), else in memory.
 */
public final class PredictProgress {
    /** The counts of one lesson. */
    public record Counts(int asked, int rightFirst, Map<PredictKind, Integer> missed) {
        public static final Counts NONE = new Counts(0, 0, Map.of());

        public Counts {
            missed = Map.copyOf(missed);
        }

        /** Misses of one kind. */
        public int missed(PredictKind kind) {
            return missed.getOrDefault(kind, 0);
        }

        /** "5 of 8 right first time; missed: output delta 2, update 1" in Markdown, English. */
        public String markdown() {
            StringBuilder s = new StringBuilder(rightFirst + " of " + asked + " right first time");
            String sep = "; missed: ";
            for (PredictKind k : PredictKind.values()) {
                if (missed(k) > 0) {
                    s.append(sep).append(k.id().replace('-', ' ')).append(' ').append(missed(k));
                    sep = ", ";
                }
            }
            return s.toString();
        }
    }

    private final Map<String, Counts> memory = new ConcurrentHashMap<>();
    private volatile Preferences store;

    /** Keeps the counts in {@code node} (one child per lesson) from now on, reading what it holds. */
    public void keepIn(Preferences node) {
        this.store = node;
        memory.clear();
    }

    /** The counts of a lesson (null: the playground's point). */
    public Counts of(String lesson) {
        return memory.computeIfAbsent(key(lesson), this::read);
    }

    /** Counts one value concluded: right first time, or missed. */
    void record(String lesson, PredictKind kind, boolean rightFirst) {
        Counts c = of(lesson);
        Map<PredictKind, Integer> missed = new EnumMap<>(PredictKind.class);
        missed.putAll(c.missed());
        if (!rightFirst) {
            missed.merge(kind, 1, Integer::sum);
        }
        save(key(lesson), new Counts(c.asked() + 1, c.rightFirst() + (rightFirst ? 1 : 0), missed));
    }

    /** Starts a lesson's counts again. */
    void reset(String lesson) {
        save(key(lesson), Counts.NONE);
    }

    private static String key(String lesson) {
        return lesson == null ? "playground-point" : lesson;
    }

    private Counts read(String key) {
        Preferences p = store;
        if (p == null) {
            return Counts.NONE;
        }
        Preferences n = p.node(key);
        Map<PredictKind, Integer> missed = new EnumMap<>(PredictKind.class);
        for (PredictKind k : PredictKind.values()) {
            int m = n.getInt("missed." + k.id(), 0);
            if (m > 0) {
                missed.put(k, m);
            }
        }
        return new Counts(n.getInt("asked", 0), n.getInt("rightFirst", 0), missed);
    }

    private void save(String key, Counts c) {
        memory.put(key, c);
        Preferences p = store;
        if (p == null) {
            return;
        }
        Preferences n = p.node(key);
        n.putInt("asked", c.asked());
        n.putInt("rightFirst", c.rightFirst());
        for (PredictKind k : PredictKind.values()) {
            n.putInt("missed." + k.id(), c.missed(k));
        }
        try {
            n.flush();
        } catch (BackingStoreException e) {
            // kept in memory for this run; the next write tries again
        }
    }
}
