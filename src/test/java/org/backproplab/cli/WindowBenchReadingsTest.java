package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bench --window}: the fps and start lines a child app prints, read and summarised (medians by hand). */
class WindowBenchReadingsTest {

    @Test
    void fpsLinesAfterTheWarmUpOnlyAndTheirMedianMinMax() {
        WindowReadings r = new WindowReadings();
        // warm-up ends at 30,000 ms after the spawn: the first two lines are left out
        r.offer("fps 12.0 epoch 40", 28_000, 30_000);
        r.offer("fps 55.5 epoch 95", 29_999, 30_000);
        r.offer("fps 58.0 epoch 150", 30_000, 30_000);
        r.offer("Dec 02 WARNING: something else", 30_500, 30_000);
        r.offer("fps 61.2 epoch 211", 31_000, 30_000);
        r.offer("  fps 57.0 epoch 268  ", 32_000, 30_000);
        r.offer("fps 60.0 epoch 328", 33_000, 30_000);
        r.offer("fps NaN epoch 3", 34_000, 30_000);
        assertArrayEquals(new double[] {58.0, 61.2, 57.0, 60.0}, r.readings());
        // sorted 57.0 58.0 60.0 61.2: the mean of the middle two, (58 + 60) / 2
        assertEquals(59.0, WindowReadings.median(r.readings()));
        assertEquals(57.0, WindowReadings.min(r.readings()));
        assertEquals(61.2, WindowReadings.max(r.readings()));
        assertEquals(328, r.lastEpoch());
        assertEquals(-1, r.missed(), "lines without the frames missed");
    }

    @Test
    void theFramesMissedAreAddedUpOverTheReadingsCounted() {
        WindowReadings r = new WindowReadings();
        String[] lines = {"fps 59.0 epoch 40 missed 1", "fps 60.0 epoch 95 missed 0", "fps 58.9 epoch 150 missed 2",
            "fps 59.9 epoch 211 missed x", "fps 60.1 epoch 268 missed 0"};
        // one a second from 29 s; the warm-up ends at 30 s
        for (int i = 0; i < lines.length; i++) {
            r.offer(lines[i], 29_000 + 1_000 * i, 30_000);
        }
        assertArrayEquals(new double[] {60.0, 58.9, 60.1}, r.readings());
        assertEquals(2, r.missed(), "0 + 2 + 0: the warm-up's and the malformed line's left out");
        assertEquals(268, r.lastEpoch());
    }

    @Test
    void theCeilingsLinesHaveNoEpochAndTheirMeanIsTakenByHand() {
        WindowReadings r = new WindowReadings();
        for (String line : List.of("fps 59.4", "fps 60.1", "fps 60.0 epoch", "fps 59.9", "fps 61")) {
            r.offer(line, 40_000, 30_000);
        }
        assertArrayEquals(new double[] {59.4, 60.1, 59.9, 61.0}, r.readings(), "the line with a bare epoch is not an fps line");
        assertEquals(-1, r.lastEpoch(), "no epoch told");
        assertEquals(-1, r.missed());
        // (59.4 + 60.1 + 59.9 + 61.0) / 4 = 240.4 / 4
        assertEquals(60.1, WindowReadings.mean(r.readings()), 1e-12);
        assertTrue(Double.isNaN(WindowReadings.mean(new double[0])));
    }

    @Test
    void oddCountMedianIsTheMiddleValueAndEmptyIsNaN() {
        // sorted 1 2 3 8 9: the third
        assertEquals(3.0, WindowReadings.median(new double[] {9, 1, 8, 3, 2}));
        assertEquals(4.5, WindowReadings.median(new double[] {4.5}));
        assertTrue(Double.isNaN(WindowReadings.median(new double[0])));
        assertTrue(Double.isNaN(WindowReadings.min(new double[0])));
        WindowReadings none = new WindowReadings();
        none.offer("fps 60.0 epoch 5", 1_000, 5_000);
        assertEquals(0, none.readings().length);
        assertEquals(-1, none.lastEpoch());
    }

    @Test
    void startMarksFirstOfEachNameInOrder() {
        Map<String, Long> marks = WindowReadings.startMarks(List.of(
                "Picked up JAVA_TOOL_OPTIONS: -Xmx1g",
                "start shown 1764646000123",
                "start laid out 1764646000301",
                "start content 1764646000950",
                "start content 1764646009999",
                "start step built 1764646000500"));
        assertEquals(List.of("shown", "laid out", "content", "step built"), List.copyOf(marks.keySet()));
        assertEquals(1764646000123L, marks.get("shown"));
        assertEquals(1764646000950L, marks.get("content"));
        assertNull(WindowReadings.startMark("start shown soon"));
        assertNull(WindowReadings.startMark("fps 60.0 epoch 3"));
    }

    @Test
    void noDisplayOnLinuxOnlyWhenNeitherVariableIsSet() {
        assertTrue(WindowBench.noDisplay("Linux", null, null).contains("DISPLAY"));
        assertTrue(WindowBench.noDisplay("Linux", " ", "").contains("WAYLAND_DISPLAY"));
        assertNull(WindowBench.noDisplay("Linux", ":99", null));
        assertNull(WindowBench.noDisplay("Linux", null, "wayland-0"));
        assertNull(WindowBench.noDisplay("Mac OS X", null, null));
    }

    @Test
    void windowOptionsOutOfRangeAreRefusedBeforeAnythingRuns() {
        CliRun runs = CliRun.of("bench", "--window-only", "--start-runs", "0");
        assertEquals(2, runs.exitCode());
        assertTrue(runs.err().contains("--start-runs must be between 1 and 100, got 0"), runs.err());
        assertTrue(runs.out().isEmpty(), runs.out());
        CliRun seconds = CliRun.of("bench", "--window-only", "--window-seconds", "1");
        assertEquals(2, seconds.exitCode());
        assertTrue(seconds.err().contains("--window-seconds between 2 and 600"), seconds.err());
    }
}
