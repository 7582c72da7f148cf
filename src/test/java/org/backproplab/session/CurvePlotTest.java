package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoothing and the log scale against TensorBoard's formulas worked out by hand. */
class CurvePlotTest {
    private static final double EPS = 1e-12;

    @Test
    void smoothingIsTensorBoardsDebiasedMovingAverage() {
        // s = 0.5 over 1, 3, 2, 4: last = last * 0.5 + 0.5 * v, shown as last / (1 - 0.5^k)
        // k=1: last = 0.5,    / 0.5    = 1
        // k=2: last = 1.75,   / 0.75   = 7/3
        // k=3: last = 1.875,  / 0.875  = 15/7
        // k=4: last = 2.9375, / 0.9375 = 47/15
        assertArrayEquals(new double[] {1, 7.0 / 3, 15.0 / 7, 47.0 / 15},
                CurvePlot.smooth(new double[] {1, 3, 2, 4}, 0.5), EPS);
        // s = 0.6 over 1, 3, 2: 0.4 / 0.4 = 1; (0.24 + 1.2) / 0.64 = 2.25; (0.864 + 0.8) / 0.784
        assertArrayEquals(new double[] {1, 2.25, 1.664 / 0.784}, CurvePlot.smooth(new double[] {1, 3, 2}, 0.6), EPS);
    }

    @Test
    void aValueThatIsNotFiniteIsShownAsItIsAndLeavesTheAverageAlone() {
        double[] s = CurvePlot.smooth(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY}, 0.5);
        assertEquals(1, s[0], EPS);
        assertTrue(Double.isNaN(s[1]));
        // the second finite value is the average's second step: (0.25 + 1.5) / 0.75
        assertEquals(1.75 / 0.75, s[2], EPS);
        assertEquals(Double.POSITIVE_INFINITY, s[3]);
    }

    @Test
    void noSmoothingAndAConstantSeriesChangeNothing() {
        double[] ys = {0.9, 0.5, 0.7};
        assertArrayEquals(ys, CurvePlot.smooth(ys, 0), 0);
        assertArrayEquals(new double[] {2, 2, 2}, CurvePlot.smooth(new double[] {2, 2, 2}, 0.9), 0);
        assertEquals(0, CurvePlot.smooth(new double[0], 0.9).length);
    }

    @Test
    void theLogScaleMapsPowersOfTenToWholeNumbers() {
        assertEquals(2, CurvePlot.log10(100), EPS);
        assertEquals(-3, CurvePlot.log10(0.001), EPS);
        assertEquals(Math.log(0.5) / Math.log(10), CurvePlot.log10(0.5), EPS);
        assertTrue(Double.isNaN(CurvePlot.log10(0)));
        assertTrue(Double.isNaN(CurvePlot.log10(-1)));
        assertTrue(Double.isNaN(CurvePlot.log10(Double.NaN)));
        assertTrue(Double.isNaN(CurvePlot.log10(Double.POSITIVE_INFINITY)));
        assertEquals(List.of(new CurvePlot.Tick(-3, "0.001"), new CurvePlot.Tick(-2, "0.01"), new CurvePlot.Tick(-1, "0.1"),
                new CurvePlot.Tick(0, "1"), new CurvePlot.Tick(1, "10")), CurvePlot.logTicks(-3, 1));
        assertEquals(List.of(new CurvePlot.Tick(-8, "1e-8"), new CurvePlot.Tick(-6, "1e-6"), new CurvePlot.Tick(-4, "0.0001"),
                new CurvePlot.Tick(-2, "0.01"), new CurvePlot.Tick(0, "1"), new CurvePlot.Tick(2, "100")),
                CurvePlot.logTicks(-8, 2));
    }

    private static CurveRuns.Run run(int n, boolean current, long[] xs, double[] train) {
        return new CurveRuns.Run(n, List.of(new CurveRuns.Setting("curves.set.lr", "0.0" + n)),
                new LossHistory.Curve(xs, train), LossHistory.Curve.EMPTY, current);
    }

    @Test
    void onALogScaleValuesAtOrBelowZeroAreLeftOutAndCounted() {
        CurveRuns.Run r = run(1, true, new long[] {1, 2, 3, 4}, new double[] {0.5, 0.05, 0, -1});
        CurvePlot.Chart c = CurvePlot.runs(List.of(r), 0, true);
        assertTrue(c.log());
        assertEquals(2, c.hidden());
        assertEquals(-2, c.yMin(), 0);
        assertEquals(0, c.yMax(), 0);
        assertEquals(List.of("0.01", "0.1", "1"), c.yTicks().stream().map(CurvePlot.Tick::text).toList());
        CurvePlot.Line train = c.lines().get(c.lines().size() - 1);
        assertEquals(Math.log10(0.5), train.ys()[0], EPS);
        assertEquals(Math.log10(0.05), train.ys()[1], EPS);
        assertTrue(Double.isNaN(train.ys()[2]) && Double.isNaN(train.ys()[3]));
        // every value at or below zero: nothing drawn, no crash, axes from 1 to 10
        CurvePlot.Chart none = CurvePlot.runs(List.of(run(1, true, new long[] {1, 2}, new double[] {0, 0})), 0, true);
        assertEquals(2, none.hidden());
        assertEquals(0, none.yMin(), 0);
        assertEquals(1, none.yMax(), 0);
    }

    @Test
    void smoothedRunsKeepTheirRawValuesFaintlyBehindAndOneLegendEntryEach() {
        CurveRuns.Run first = run(1, false, new long[] {1, 2, 3}, new double[] {1, 3, 2});
        CurveRuns.Run second = run(2, true, new long[] {1, 2}, new double[] {4, 2});
        CurvePlot.Chart c = CurvePlot.runs(List.of(first, second), 0.6, false);
        assertEquals(2, c.legend().size());
        assertEquals(0, c.legend().get(0).color());
        assertEquals(1, c.legend().get(1).color());
        // per run: test raw, test smoothed, train raw, train smoothed
        assertEquals(8, c.lines().size());
        CurvePlot.Line raw = c.lines().get(2);
        CurvePlot.Line smooth = c.lines().get(3);
        assertTrue(raw.faint() && !raw.dashed());
        assertFalse(smooth.faint());
        assertArrayEquals(new double[] {1, 3, 2}, raw.ys(), 0);
        assertArrayEquals(new double[] {1, 2.25, 1.664 / 0.784}, smooth.ys(), EPS);
        // linear scale: from 0 to the largest value drawn; x over both runs
        assertEquals(0, c.yMin(), 0);
        assertEquals(4, c.yMax(), 0);
        assertEquals(1, c.xMin());
        assertEquals(3, c.xMax());
        // the mouse reads the current run: raw, and smoothed: 1.6 / 0.4 = 4, (0.96 + 0.8) / 0.64 = 2.75
        assertArrayEquals(new double[] {4, 2}, c.hover().raw(), 0);
        assertArrayEquals(new double[] {4, (0.6 * 1.6 + 0.4 * 2) / 0.64}, c.hover().smoothed(), EPS);
    }
}
