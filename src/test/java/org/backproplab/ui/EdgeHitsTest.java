package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The edge under the mouse, from the edges' ends, against distances worked out by hand. */
class EdgeHitsTest {
    /** Edge 0 from (0, 0) to (10, 0); edge 1 from (0, 10) to (10, 0), the line x + y = 10. */
    private static final double[] ENDS = {0, 0, 10, 0, 0, 10, 10, 0};

    @Test
    void theNearestEdgeWithinHalfTheHitWidthIsFound() {
        // (5, 1): 1 from edge 0, |5 + 1 - 10| / sqrt 2 = 2.83 from edge 1
        assertEquals(0, EdgeHits.nearest(ENDS, 2, 5, 1, 4.5));
        // (5, 4): 4 from edge 0, |5 + 4 - 10| / sqrt 2 = 0.71 from edge 1
        assertEquals(1, EdgeHits.nearest(ENDS, 2, 5, 4, 4.5));
        // (5, 6): 6 from edge 0, too far; 0.71 from edge 1
        assertEquals(1, EdgeHits.nearest(ENDS, 2, 5, 6, 4.5));
        // (-5, 20): 15.8 from edge 1's start (0, 10), 20.6 from edge 0
        assertEquals(-1, EdgeHits.nearest(ENDS, 2, -5, 20, 4.5));
    }

    @Test
    void pastItsEndsAnEdgeIsAsFarAsItsNearestEndAndTheLastDrawnWinsATie() {
        // (12, 0): both edges end at (10, 0), 2 away: the one drawn last (on top)
        assertEquals(1, EdgeHits.nearest(ENDS, 2, 12, 0, 4.5));
        // (15, 0): 5 away, more than 4.5
        assertEquals(-1, EdgeHits.nearest(ENDS, 2, 15, 0, 4.5));
    }

    @Test
    void onlyTheFirstNEdgesCount() {
        // (5, 4) with edge 1 not placed yet: edge 0, 4 away
        assertEquals(0, EdgeHits.nearest(ENDS, 1, 5, 4, 4.5));
        assertEquals(-1, EdgeHits.nearest(ENDS, 0, 5, 4, 4.5));
    }
}
