package org.backproplab.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window's figures read from the lines a child app prints: the playground's
 * {@code fps N epoch E missed M} lines (stderr, -Dbackproplab.fps=true; M the pulses of that second
 * that drew no new snapshot, absent from older builds; the frames ceiling's lines are {@code fps N} alone) and the start's
 * {@code start WHAT EPOCH_MS} marks (stdout, -Dbackproplab.startLog=true), and their medians.
 * Pure: no process, no clock.
 */
final class WindowReadings {
    private static final Pattern FPS = Pattern.compile("^fps (\\d+(?:\\.\\d+)?)(?: epoch (\\d+)(?: missed (\\d+))?)?$");
    private static final Pattern START = Pattern.compile("^start (.+) (\\d+)$");

    private final List<Double> fps = new ArrayList<>();
    private long lastEpoch = -1;
    /** The frames missed in the readings counted; -1 while none told them. */
    private long missed = -1;

    /** Counts {@code line} if it is an fps line that arrived at or after the warm-up's end; others are ignored. */
    void offer(String line, long arrivedMs, long warmupEndMs) {
        Matcher m = FPS.matcher(line.strip());
        if (m.matches() && arrivedMs >= warmupEndMs) {
            fps.add(Double.parseDouble(m.group(1)));
            if (m.group(2) != null) {
                lastEpoch = Long.parseLong(m.group(2));
            }
            if (m.group(3) != null) {
                missed = Math.max(0, missed) + Long.parseLong(m.group(3));
            }
        }
    }

    /** The per-second readings counted, in order. */
    double[] readings() {
        return fps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The frames missed (pulses that drew nothing new) in the readings counted, or -1 if none told them. */
    long missed() {
        return missed;
    }

    /** The epoch of the last reading counted, or -1 if none was. */
    long lastEpoch() {
        return lastEpoch;
    }

    /** The mark a {@code start WHAT MS} line gives as {WHAT, MS}, or null for any other line. */
    static Map.Entry<String, Long> startMark(String line) {
        Matcher m = START.matcher(line.strip());
        return m.matches() ? Map.entry(m.group(1), Long.parseLong(m.group(2))) : null;
    }

    /** Every start mark among {@code lines}, the first of each name, in order. */
    static Map<String, Long> startMarks(List<String> lines) {
        Map<String, Long> marks = new LinkedHashMap<>();
        for (String line : lines) {
            Map.Entry<String, Long> mark = startMark(line);
            if (mark != null) {
                marks.putIfAbsent(mark.getKey(), mark.getValue());
            }
        }
        return marks;
    }

    /** The median: the middle value, or the mean of the two middle ones for an even count; NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The mean; NaN when empty. */
    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
