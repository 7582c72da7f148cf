package org.backproplab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curve in pixels (x increasing) as the band a line of it inks, for filling instead of stroking:
 * in every pixel column, from the lowest y the line reaches in that column to the highest, each
 * widened by half the line's width measured upright (half the width times sqrt(1 + slope²)). Filling this outline costs the software renderer about a quarter of
 * stroking the same curve with round joins (docs/PERFORMANCE.md), and it takes all the points in
 * one pass, with no thinning. A NaN y breaks the line, as a stroke's moveTo would.
 */
final class CurveBand {
    private CurveBand() {
    }

    /**
     * The outline of each run of at least two points between breaks: the column tops from left to right,
     * then the column bottoms from right to left, at the run's two ends and the centres of the columns between.
     * Each outline is {xs, ys}.
     */
    static List<double[][]> outlines(double[] xs, double[] ys, int n, double halfWidth) {
        List<double[][]> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (Double.isNaN(ys[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && !Double.isNaN(ys[j + 1])) {
                j++;
            }
            if (j > i) {
                out.add(run(xs, ys, i, j, halfWidth));
            }
            i = j + 1;
        }
        return out;
    }

    private static double[][] run(double[] xs, double[] ys, int from, int to, double half) {
        long first = (long) Math.floor(xs[from]);
        int columns = (int) ((long) Math.floor(xs[to]) - first) + 1;
        double[] low = new double[columns];
        double[] high = new double[columns];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int k = from; k < to; k++) {
            double xa = xs[k];
            double ya = ys[k];
            double xb = xs[k + 1];
            double yb = ys[k + 1];
            // a stroke of the segment is thicker than its width measured upright by sqrt(1 + slope²)
            double reach = xb > xa ? half * Math.hypot(1, (yb - ya) / (xb - xa)) : half;
            long last = (long) Math.floor(xb);
            for (long c = (long) Math.floor(xa); c <= last; c++) {
                // the part of the segment over column c, and the y at its two ends
                double y1 = xb > xa ? at(xa, ya, xb, yb, Math.max(xa, c)) : ya;
                double y2 = xb > xa ? at(xa, ya, xb, yb, Math.min(xb, c + 1)) : yb;
                int col = (int) (c - first);
                low[col] = Math.min(low[col], Math.min(y1, y2) - reach);
                high[col] = Math.max(high[col], Math.max(y1, y2) + reach);
            }
        }
        // vertices at the run's two ends and at the centres of the columns between them
        double[] vx = new double[columns + 2];
        int[] vc = new int[columns + 2];
        int v = 0;
        vx[v++] = xs[from];
        for (int c = 0; c < columns; c++) {
            double centre = first + c + 0.5;
            if (centre > xs[from] && centre < xs[to]) {
                vc[v] = c;
                vx[v++] = centre;
            }
        }
        vc[v] = columns - 1;
        vx[v++] = xs[to];
        double[] ox = new double[2 * v];
        double[] oy = new double[2 * v];
        for (int k = 0; k < v; k++) {
            ox[k] = vx[k];
            oy[k] = low[vc[k]];
            ox[2 * v - 1 - k] = vx[k];
            oy[2 * v - 1 - k] = high[vc[k]];
        }
        return new double[][] {ox, oy};
    }

    private static double at(double xa, double ya, double xb, double yb, double x) {
        return ya + (yb - ya) * (x - xa) / (xb - xa);
    }
}
