package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loss with four minima: its gradient by finite differences, paths ending in the documented minima. */
class MinimaSessionTest {
    private final MinimaSession session = new MinimaSession();

    /** The documented loss written out term by term. */
    private static double loss(double a, double b) {
        return 0.05 * (a * a + b * b)
                - 1.0 * Math.exp(-((a + 1.5) * (a + 1.5) + (b + 1) * (b + 1)) / (2 * 0.8 * 0.8))
                - 0.8 * Math.exp(-((a - 1.5) * (a - 1.5) + (b - 1.2) * (b - 1.2)) / (2 * 0.7 * 0.7))
                - 0.6 * Math.exp(-((a - 1.2) * (a - 1.2) + (b + 1.5) * (b + 1.5)) / (2 * 0.6 * 0.6))
                - 0.5 * Math.exp(-((a + 1.3) * (a + 1.3) + (b - 1.5) * (b - 1.5)) / (2 * 0.6 * 0.6));
    }

    @Test
    void theLossIsTheDocumentedOneAndItsGradientAgreesWithFiniteDifferences() {
        double h = 1e-6;
        for (double a = -2.9; a < 3; a += 0.53) {
            for (double b = -2.9; b < 3; b += 0.61) {
                assertEquals(loss(a, b), MinimaSession.loss(a, b), 1e-12);
                double[] g = MinimaSession.gradient(a, b);
                assertEquals((loss(a + h, b) - loss(a - h, b)) / (2 * h), g[0], 1e-7);
                assertEquals((loss(a, b + h) - loss(a, b - h)) / (2 * h), g[1], 1e-7);
            }
        }
    }

    @Test
    void everyPathEndsAtAMinimumNearOneOfTheDocumentedWells() {
        Set<String> reached = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            session.setSeed(Long.toString(seed));
            for (MinimaSession.Run run : session.snapshotProperty().get().runs()) {
                double a = run.end1();
                double b = run.end2();
                double h = 1e-4;
                // a stationary point (finite-difference gradient 0) ...
                assertEquals(0, (loss(a + h, b) - loss(a - h, b)) / (2 * h), 1e-5);
                assertEquals(0, (loss(a, b + h) - loss(a, b - h)) / (2 * h), 1e-5);
                // ... that is a minimum: lower than every point a little way round it
                for (int k = 0; k < 8; k++) {
                    double t = Math.PI * k / 4;
                    assertTrue(loss(a + 0.05 * Math.cos(t), b + 0.05 * Math.sin(t)) > loss(a, b));
                }
                MinimaSession.Well nearest = MinimaSession.WELLS.stream()
                        .min(java.util.Comparator.comparingDouble(w -> Math.hypot(a - w.c1(), b - w.c2()))).get();
                assertTrue(Math.hypot(a - nearest.c1(), b - nearest.c2()) < 0.25, "within 0.25 of its well");
                assertEquals(nearest.label(), run.well());
                assertEquals(loss(a, b), run.loss(), 1e-12);
                // the path starts at the start, each step is w - 0.2 grad L(w)
                double[] p = run.path();
                assertEquals(run.w1(), p[0], 0);
                double[] g = MinimaSession.gradient(p[0], p[1]);
                assertEquals(p[0] - 0.2 * g[0], p[2], 1e-15);
                assertEquals(p[1] - 0.2 * g[1], p[3], 1e-15);
                reached.add(run.well());
            }
        }
        assertEquals(Set.of("A", "B", "C", "D"), reached, "random starts find every minimum");
    }

    @Test
    void theSeedDecidesTheStartsAndNewStartsTakesTheNext() {
        session.setSeed("5");
        var first = session.snapshotProperty().get().runs();
        java.util.Random r = new java.util.Random(5);
        assertEquals((r.nextDouble() * 2 - 1) * 2.8, first.get(0).w1(), 1e-12);
        assertEquals((r.nextDouble() * 2 - 1) * 2.8, first.get(0).w2(), 1e-12);
        assertEquals(6, first.size());
        session.newStarts();
        assertEquals(6, session.snapshotProperty().get().seed());
        assertNotEquals(first.get(0).w1(), session.snapshotProperty().get().runs().get(0).w1());
        session.setSeed("-1");
        assertEquals("minima.error.seed", session.inputErrorProperty().get().key());
        session.setSeed("abc");
        assertEquals(6, session.snapshotProperty().get().seed(), "unchanged");
    }

    @Test
    void theHeatMapIsDarkWhereTheLossIsLow() {
        int[] px = session.snapshotProperty().get().pixels();
        assertEquals(MinimaSession.SIZE * MinimaSession.SIZE, px.length);
        // row r is w2 = -coordinate(r): the pixel nearest well A (-1.5, -1) against a corner
        int col = (int) Math.round((-1.5 + 3) / 6 * MinimaSession.SIZE - 0.5);
        int row = (int) Math.round((1 + 3) / 6 * MinimaSession.SIZE - 0.5);
        int deep = px[row * MinimaSession.SIZE + col];
        int corner = px[0];
        assertTrue(((deep >> 16) & 0xff) < ((corner >> 16) & 0xff), "less red at the bottom of well A");
        assertEquals(0xff, (deep >>> 24) & 0xff, "opaque");
    }

    @Test
    void newStartsAreDrawnStepByStepUntilTheLongestPathEnds() {
        session.setSeed("2");
        assertTrue(session.playingProperty().get());
        assertEquals(0, session.snapshotProperty().get().shown());
        int longest = session.snapshotProperty().get().runs().stream().mapToInt(MinimaSession.Run::steps).max().getAsInt();
        int frames = 0;
        while (session.playingProperty().get() && frames < 1000) {
            session.advance();
            frames++;
        }
        assertEquals(longest, session.snapshotProperty().get().shown());
        assertTrue(frames <= 75, "about 75 frames at most: " + frames);
        session.replay();
        assertEquals(0, session.snapshotProperty().get().shown());
        session.showEnds();
        assertEquals(longest, session.snapshotProperty().get().shown());
        assertTrue(!session.playingProperty().get());
    }
}
