package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossHistoryTest {
    @Test
    void memoryStaysFlatAndTheNewestPointIsKept() {
        LossHistory h = new LossHistory(8);
        for (long i = 1; i <= 1_000_000; i++) {
            h.add(i, 1.0 / i);
        }
        LossHistory.Curve c = h.copy();
        assertTrue(c.size() <= 9, "points: " + c.size());
        assertEquals(1_000_000, c.iterations()[c.size() - 1]);
        assertEquals(1e-6, c.losses()[c.size() - 1], 1e-18);
        assertEquals(1, c.iterations()[0], "the first point is kept");
        for (int i = 1; i < c.size(); i++) {
            assertTrue(c.iterations()[i] > c.iterations()[i - 1]);
        }
    }

    @Test
    void keepsEveryPointUntilFull() {
        LossHistory h = new LossHistory(8);
        for (long i = 1; i <= 8; i++) {
            h.add(i, i);
        }
        assertEquals(8, h.copy().size());
        h.add(9, 9);
        LossHistory.Curve c = h.copy();
        // halved to 1, 3, 5, 7; then 9 is on the new stride and kept
        assertEquals(5, c.size());
        assertEquals(1, c.iterations()[0]);
        assertEquals(7, c.iterations()[3]);
        assertEquals(9, c.iterations()[4]);
        h.add(10, 10);
        // 10 is off the stride: shown as the newest point but not kept
        assertEquals(6, h.copy().size());
        assertEquals(5, h.size());
    }

    @Test
    void truncateForgetsLaterPoints() {
        LossHistory h = new LossHistory(8);
        for (long i = 1; i <= 5; i++) {
            h.add(i, i);
        }
        h.truncateAfter(3);
        LossHistory.Curve c = h.copy();
        assertEquals(3, c.size());
        assertEquals(3, c.iterations()[2]);
    }

    /**
     * A long curve copied (thinned to every 4th point, its newest point apart) and restored into a fresh history goes on
     * as the history never copied: the same points after as many more. Capacity 8, points 1..21 with loss x / 100:
     * thinned at 9 (stride 2) and at 17 (stride 4), it keeps 1, 5, 9, 13, 17, 21 and shows 21.
     */
    @Test
    void aRestoredThinnedCurveGoesOnAsTheUninterruptedOne() {
        LossHistory straight = new LossHistory(8);
        for (long x = 1; x <= 22; x++) {
            straight.add(x, x / 100.0);
        }
        LossHistory.Curve saved = straight.copy();
        assertArrayEquals(new long[] {1, 5, 9, 13, 17, 21, 22}, saved.iterations());
        LossHistory reopened = new LossHistory(8);
        reopened.restore(saved);
        assertArrayEquals(saved.iterations(), reopened.copy().iterations());
        assertArrayEquals(saved.losses(), reopened.copy().losses());
        for (long x = 23; x <= 60; x++) {
            straight.add(x, x / 100.0);
            reopened.add(x, x / 100.0);
            assertArrayEquals(straight.copy().iterations(), reopened.copy().iterations(), "after " + x);
            assertArrayEquals(straight.copy().losses(), reopened.copy().losses(), "after " + x);
        }
        // the points fed one by one instead, as before, are kept at stride 1: 22 stays, which the uninterrupted curve
        // dropped when 23 came
        LossHistory fed = new LossHistory(8);
        for (int i = 0; i < saved.size(); i++) {
            fed.add(saved.iterations()[i], saved.losses()[i]);
        }
        fed.add(23, 0.23);
        assertArrayEquals(new long[] {1, 5, 9, 13, 17, 21, 22, 23}, fed.copy().iterations());
        LossHistory again = new LossHistory(8);
        again.restore(saved);
        again.add(23, 0.23);
        assertArrayEquals(new long[] {1, 5, 9, 13, 17, 21, 23}, again.copy().iterations());
    }
}
