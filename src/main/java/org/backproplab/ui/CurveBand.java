package org.backproplab.ui;

/**
 * What the stroke of a curve in pixels (x increasing) inks, step by step: for every eighth of a
 * pixel column, the highest and the lowest point of the stroke (butt ends, round joins, optionally
 * dashed) over it. {@link CurveRaster} turns the steps into antialiased pixels. A NaN y breaks the
 * line, as a stroke's moveTo would.
 */
final class CurveBand {
    /** Steps a pixel: an eighth of a pixel wide, so that on a steep part the steps stay close to the slanted stroke. */
    static final int STEPS = 8;

    private CurveBand() {
    }

    /**
     * Widens {@code low}/{@code high} (one entry a step, step i over x from i / STEPS to (i + 1) / STEPS;
     * +inf/-inf where nothing is inked yet) by the stroke, {@code 2 * half} wide, of the {@code n} points;
     * {@code dashes} (on, off, on, off... lengths along the line, restarting at each break) or null.
     */
    static void steps(double[] xs, double[] ys, int n, double half, double[] dashes, double[] low, double[] high) {
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
            if (dashes == null) {
                run(xs, ys, i, j, half, low, high);
            } else {
                dashed(xs, ys, i, j, half, dashes, low, high);
            }
            i = j + 1;
        }
    }

    private static void run(double[] xs, double[] ys, int from, int to, double half, double[] low, double[] high) {
        for (int k = from; k < to; k++) {
            segment(xs[k], ys[k], xs[k + 1], ys[k + 1], half, low, high);
            if (k > from) {
                join(xs[k], ys[k], half, low, high);
            }
        }
    }

    /** The run cut into its dashes: each dash a line of its own, with its joins. */
    private static void dashed(double[] xs, double[] ys, int from, int to, double half, double[] dashes,
            double[] low, double[] high) {
        int dash = 0;
        double left = dashes[0];
        boolean on = true;
        boolean joinNext = false;
        for (int k = from; k < to; k++) {
            double xa = xs[k];
            double ya = ys[k];
            double length = Math.hypot(xs[k + 1] - xa, ys[k + 1] - ya);
            double done = 0;
            // a join's disc within half a width of the dash's ends would stick out past its butt end
            if (on && joinNext && left >= half && dashes[dash] - left >= half) {
                join(xa, ya, half, low, high);
            }
            while (length - done > left) {
                double t0 = done / length;
                done += left;
                double t1 = done / length;
                if (on) {
                    segment(lerp(xa, xs[k + 1], t0), lerp(ya, ys[k + 1], t0), lerp(xa, xs[k + 1], t1),
                            lerp(ya, ys[k + 1], t1), half, low, high);
                }
                on = !on;
                dash = (dash + 1) % dashes.length;
                left = dashes[dash];
            }
            if (on && length > done) {
                double t0 = done / length;
                segment(lerp(xa, xs[k + 1], t0), lerp(ya, ys[k + 1], t0), xs[k + 1], ys[k + 1], half, low, high);
            }
            left -= length - done;
            joinNext = on && left > 0;
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    /** Widens the steps by the segment's stroke: the rectangle {@code half} each side of it, cut at each step. */
    static void segment(double xa, double ya, double xb, double yb, double half, double[] low, double[] high) {
        double length = Math.hypot(xb - xa, yb - ya);
        if (length == 0) {
            return;
        }
        double nx = -(yb - ya) / length * half;
        double ny = (xb - xa) / length * half;
        double[] qx = {xa + nx, xb + nx, xb - nx, xa - nx};
        double[] qy = {ya + ny, yb + ny, yb - ny, ya - ny};
        double minX = Math.min(Math.min(qx[0], qx[1]), Math.min(qx[2], qx[3]));
        double maxX = Math.max(Math.max(qx[0], qx[1]), Math.max(qx[2], qx[3]));
        long from = Math.max(0, (long) Math.floor(minX * STEPS));
        // a step the rectangle only touches at its left side is not inked
        long to = Math.min(low.length - 1, (long) Math.ceil(maxX * STEPS) - 1);
        for (long c = from; c <= to; c++) {
            int step = (int) c;
            double cl = (double) c / STEPS;
            double cr = (double) (c + 1) / STEPS;
            // the rectangle's corners inside the step, and its edges' crossings of the step's sides
            for (int e = 0; e < 4; e++) {
                double x0 = qx[e];
                double y0 = qy[e];
                double x1 = qx[(e + 1) % 4];
                double y1 = qy[(e + 1) % 4];
                if (x0 >= cl && x0 <= cr) {
                    take(step, y0, low, high);
                }
                if ((x0 - cl) * (x1 - cl) < 0) {
                    take(step, y0 + (y1 - y0) * (cl - x0) / (x1 - x0), low, high);
                }
                if ((x0 - cr) * (x1 - cr) < 0) {
                    take(step, y0 + (y1 - y0) * (cr - x0) / (x1 - x0), low, high);
                }
            }
        }
    }

    /** A round join: the disc of radius {@code half} around the point, cut at each step it reaches. */
    static void join(double x, double y, double half, double[] low, double[] high) {
        long from = Math.max(0, (long) Math.floor((x - half) * STEPS));
        long to = Math.min(low.length - 1, (long) Math.ceil((x + half) * STEPS) - 1);
        for (long c = from; c <= to; c++) {
            double cl = (double) c / STEPS;
            double cr = (double) (c + 1) / STEPS;
            double dx = x < cl ? cl - x : x > cr ? x - cr : 0;
            double dy = Math.sqrt(Math.max(0, half * half - dx * dx));
            take((int) c, y - dy, low, high);
            take((int) c, y + dy, low, high);
        }
    }

    private static void take(int step, double y, double[] low, double[] high) {
        low[step] = Math.min(low[step], y);
        high[step] = Math.max(high[step], y);
    }
}
