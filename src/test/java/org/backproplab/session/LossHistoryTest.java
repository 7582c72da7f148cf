package org.backproplab.session;

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
}
