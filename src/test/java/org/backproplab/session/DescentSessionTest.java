package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Gradient descent on one variable: each step against x − η f'(x) worked by hand, f' against finite differences. */
class DescentSessionTest {
    private final DescentSession session = new DescentSession();

    private DescentSession.Snapshot shot() {
        return session.snapshotProperty().get();
    }

    @Test
    void eachStepOnXSquaredIsXMinusEtaTimesTwoX() {
        session.setLearningRate("0.1");
        session.setStart("2.5");
        DescentSession.Snapshot s = shot();
        assertNull(s.last(), "no step yet");
        assertEquals(1, s.next().k());
        assertEquals(2.0, s.next().newX(), 1e-12, "2.5 - 0.1 * 5 = 2 is what the next step would do");
        session.step();
        DescentSession.Step st = shot().last();
        assertEquals(1, st.k());
        assertEquals(2.5, st.x(), 0);
        assertEquals(6.25, st.fx(), 1e-12);
        assertEquals(5, st.slope(), 1e-12);
        assertEquals(0.1, st.rate(), 0);
        assertEquals(2.0, st.newX(), 1e-12);
        session.step();
        // 2 - 0.1 * 4 = 1.6
        assertEquals(1.6, shot().last().newX(), 1e-12);
        assertEquals(1.6, shot().x(), 1e-12);
        assertEquals(2.56, shot().fx(), 1e-12);
        assertEquals(3.2, shot().slope(), 1e-12);
        assertEquals(3, shot().path().size());
        // the tangent at 1.6 passes through (1.6, 2.56) with slope 3.2
        s = shot();
        assertEquals(3.2, (s.y1() - s.y0()) / (s.t1() - s.t0()), 1e-9);
        assertEquals(2.56 + 3.2 * (s.t0() - 1.6), s.y0(), 1e-9);
    }

    @Test
    void onTheDoubleWellTheStepUsesFourXCubedMinusSixXPlusOne() {
        session.selectFunction("double-well");
        session.setLearningRate("0.01");
        session.setStart("2");
        session.step();
        DescentSession.Step st = shot().last();
        // f(2) = 16 - 12 + 2 = 6, f'(2) = 32 - 12 + 1 = 21, new x = 2 - 0.01 * 21 = 1.79
        assertEquals(6, st.fx(), 1e-12);
        assertEquals(21, st.slope(), 1e-12);
        assertEquals(1.79, st.newX(), 1e-12);
        for (int i = 0; i < 2000 && !shot().stopped(); i++) {
            session.step();
        }
        assertTrue(shot().stopped());
        assertEquals("descent.converged", shot().status().key());
        assertEquals(1.1309, shot().x(), 1e-3, "the local minimum on the right, not the global one near -1.30");
        session.setStart("-2");
        for (int i = 0; i < 2000 && !shot().stopped(); i++) {
            session.step();
        }
        assertEquals(-1.3008, shot().x(), 1e-3, "from the left: the global minimum");
        session.setLearningRate("0.1");
        session.setStart("2");
        session.step();
        assertEquals(-0.1, shot().x(), 1e-12, "2 - 0.1 * 21: over the hump in one step");
        for (int i = 0; i < 2000 && !shot().stopped(); i++) {
            session.step();
        }
        assertEquals("descent.converged", shot().status().key());
        assertEquals(-1.3008, shot().x(), 1e-3, "the larger step ends in the global minimum");
    }

    @Test
    void theDerivativesAgreeWithCentralFiniteDifferences() {
        for (DescentSession.Function f : DescentSession.FUNCTIONS) {
            for (double x = f.xLow(); x <= f.xHigh(); x += 0.37) {
                double h = 1e-5;
                double numeric = (f.f().applyAsDouble(x + h) - f.f().applyAsDouble(x - h)) / (2 * h);
                assertEquals(numeric, f.derivative().applyAsDouble(x), 1e-6, f.id() + " at " + x);
            }
        }
    }

    @Test
    void tooLargeARateDivergesAndSaysAtWhichStep() {
        session.setLearningRate("1.1");
        session.setStart("2.5");
        for (int i = 0; i < 500 && !shot().stopped(); i++) {
            session.step();
        }
        // x_k = (1 - 2.2)^k 2.5 = (-1.2)^k 2.5 passes 1e6 first when 1.2^k > 400000: k = 71
        int k = 0;
        double x = 2.5;
        while (Math.abs(x) <= 1e6) {
            x = x - 1.1 * 2 * x;
            k++;
        }
        assertEquals(71, k);
        assertEquals("descent.diverged", shot().status().key());
        assertEquals(java.util.List.of(71), shot().status().args());
        assertTrue(shot().status().error());
        assertEquals(x, shot().x(), Math.abs(x) * 1e-12);
        session.step();
        assertEquals("descent.error.stopped", session.inputErrorProperty().get().key());
        assertEquals(72, shot().path().size(), "a stopped run takes no step");
        session.reset();
        assertEquals(1, shot().path().size());
        assertNull(shot().status());
    }

    @Test
    void aSmallRateCrawlsAndRateOneBouncesForEver() {
        session.setLearningRate("0.01");
        session.setStart("2.5");
        for (int i = 0; i < 10; i++) {
            session.step();
        }
        assertEquals(2.5 * Math.pow(0.98, 10), shot().x(), 1e-12, "each step keeps 98 % of x");
        session.setLearningRate("1");
        session.reset();
        for (int i = 0; i < 5; i++) {
            session.step();
        }
        assertEquals(-2.5, shot().x(), 1e-12, "(1 - 2) x: from 2.5 to -2.5 and back");
        assertFalse(shot().stopped());
    }

    @Test
    void refusedValuesChangeNothing() {
        session.setLearningRate("0.3");
        session.setLearningRate("0");
        assertEquals("descent.error.rate", session.inputErrorProperty().get().key());
        session.setLearningRate("abc");
        session.setLearningRate("11");
        session.setLearningRate(-1);
        assertEquals(0.3, shot().rate(), 0);
        session.setStart("5");
        assertEquals("descent.error.start", session.inputErrorProperty().get().key());
        assertEquals(2.5, shot().path().get(0), 0);
        session.selectFunction("cubic");
        assertEquals("descent.error.function", session.inputErrorProperty().get().key());
        assertEquals("square", shot().function().id());
        session.setLearningRate("0.2");
        assertNull(session.inputErrorProperty().get());
    }

    @Test
    void playStopsByItselfWhenTheRunStops() {
        session.setLearningRate("1.5");
        session.togglePlay();
        assertTrue(session.playingProperty().get());
        for (int i = 0; i < 100 && session.playingProperty().get(); i++) {
            session.step();
        }
        assertFalse(session.playingProperty().get());
        assertEquals("descent.diverged", shot().status().key());
        session.togglePlay();
        assertEquals(1, shot().path().size(), "playing a stopped run starts it again");
    }
}
