package org.backproplab.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curve in pixels (x increasing) as the band its stroke inks, for filling instead of stroking: in
 * every quarter of a pixel column, from the highest to the lowest point of the stroke (butt ends,
 * round joins) over it, as steps a quarter pixel wide. Filling it costs JavaFX's software renderer several
 * times less than stroking the same noisy curve with round joins (docs/PERFORMANCE.md), and it
 * takes all the points in one pass, with no thinning. A NaN y breaks the line, as a stroke's moveTo would.
 */
final class CurveBand {
    /** Steps a pixel: a quarter pixel wide, so that on a steep part the steps stay close to the slanted stroke. */
    static final int STEPS = 4;

    private CurveBand() {
    }

    /**
     * The outline {xs, ys} of each run of at least two points between breaks, stroked {@code 2 * half}
     * wide: the steps' tops from left to right, then their bottoms from right to left, each across its
     * quarter column (the first and last from the run's ends).
     */
    static List<double[][]> outlines(double[] xs, double[] ys, int n, double half) {
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
                out.add(run(xs, ys, i, j, half));
            }
            i = j + 1;
        }
        return out;
    }

    private static double[][] run(double[] xs, double[] ys, int from, int to, double half) {
        long first = (long) Math.floor(xs[from] * STEPS);
        // the steps the run crosses (an end on a step's side starts none)
        int columns = (int) Math.max(1, (long) Math.ceil(xs[to] * STEPS) - first);
        double[] low = new double[columns];
        double[] high = new double[columns];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int k = from; k < to; k++) {
            segment(xs[k], ys[k], xs[k + 1], ys[k + 1], half, first, low, high);
            if (k > from) {
                join(xs[k], ys[k], half, first, low, high);
            }
        }
        double[] ox = new double[4 * columns];
        double[] oy = new double[4 * columns];
        int last = 4 * columns - 1;
        for (int c = 0; c < columns; c++) {
            double left = Math.max((double) (first + c) / STEPS, xs[from]);
            double right = Math.min((double) (first + c + 1) / STEPS, xs[to]);
            ox[2 * c] = left;
            ox[2 * c + 1] = right;
            oy[2 * c] = low[c];
            oy[2 * c + 1] = low[c];
            ox[last - 2 * c] = left;
            ox[last - 2 * c - 1] = right;
            oy[last - 2 * c] = high[c];
            oy[last - 2 * c - 1] = high[c];
        }
        return new double[][] {ox, oy};
    }

    /** Widens each column's range by the segment's stroke: the rectangle {@code half} each side of it, cut at the column. */
    private static void segment(double xa, double ya, double xb, double yb, double half, long first,
            double[] low, double[] high) {
        double length = Math.hypot(xb - xa, yb - ya);
        if (length == 0) {
            return;
        }
        double nx = -(yb - ya) / length * half;
        double ny = (xb - xa) / length * half;
        double[] qx = {xa + nx, xb + nx, xb - nx, xa - nx};
        double[] qy = {ya + ny, yb + ny, yb - ny, ya - ny};
        long from = Math.max(first, (long) Math.floor(Math.min(qx[0], qx[3]) * STEPS));
        long to = Math.min(first + low.length - 1, (long) Math.floor(Math.max(qx[1], qx[2]) * STEPS));
        for (long c = from; c <= to; c++) {
            int col = (int) (c - first);
            double cl = (double) c / STEPS;
            double cr = (double) (c + 1) / STEPS;
            // the rectangle's corners inside the column, and its edges' crossings of the column's sides
            for (int e = 0; e < 4; e++) {
                double x0 = qx[e];
                double y0 = qy[e];
                double x1 = qx[(e + 1) % 4];
                double y1 = qy[(e + 1) % 4];
                if (x0 >= cl && x0 <= cr) {
                    take(col, y0, low, high);
                }
                for (double side : new double[] {cl, cr}) {
                    if ((x0 - side) * (x1 - side) < 0) {
                        take(col, y0 + (y1 - y0) * (side - x0) / (x1 - x0), low, high);
                    }
                }
            }
        }
    }

    /** A round join: the disc of radius {@code half} around the point, cut at each column it reaches. */
    private static void join(double x, double y, double half, long first, double[] low, double[] high) {
        long from = Math.max(first, (long) Math.floor((x - half) * STEPS));
        long to = Math.min(first + low.length - 1, (long) Math.floor((x + half) * STEPS));
        for (long c = from; c <= to; c++) {
            double cl = (double) c / STEPS;
            double cr = (double) (c + 1) / STEPS;
            double dx = x < cl ? cl - x : x > cr ? x - cr : 0;
            double dy = Math.sqrt(Math.max(0, half * half - dx * dx));
            take((int) (c - first), y - dy, low, high);
            take((int) (c - first), y + dy, low, high);
        }
    }

    private static void take(int col, double y, double[] low, double[] high) {
        low[col] = Math.min(low[col], y);
        high[col] = Math.max(high[col], y);
    }
}
