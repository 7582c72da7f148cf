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

    /**
     * Widens the steps by the segment's stroke: the rectangle {@code half} each side of it. Over a step, the
     * rectangle's top is the larger of its side's and its end's line (a convex function: lowest at their
     * corner, else at one of the step's sides), its bottom the smaller of the other two (likewise).
     */
    private static void segment(double xa, double ya, double xb, double yb, double half, double[] low, double[] high) {
        double dx = xb - xa;
        double dy = yb - ya;
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;
        }
        if (dx <= 0 || Math.abs(dy) <= 1e-12 * dx) {
            // upright (x never decreases) or level: a box
            box(Math.min(xa, xb) - (dx <= 0 ? half : 0), Math.max(xa, xb) + (dx <= 0 ? half : 0),
                    Math.min(ya, yb) - (dx <= 0 ? 0 : half), Math.max(ya, yb) + (dx <= 0 ? 0 : half), low, high);
            return;
        }
        double nx = -dy / length * half;
        double ny = dx / length * half;
        double slope = dy / dx;
        double across = half * length / dx;
        double endSlope = -dx / dy;
        // the corners with the lowest and the highest y, and the ends they are at
        double lowX = (dy > 0 ? xa : xb) - nx;
        double lowY = (dy > 0 ? ya : yb) - ny;
        double highX = (dy > 0 ? xb : xa) + nx;
        double highY = (dy > 0 ? yb : ya) + ny;
        double lowEndX = dy > 0 ? xa : xb;
        double lowEndY = dy > 0 ? ya : yb;
        double highEndX = dy > 0 ? xb : xa;
        double highEndY = dy > 0 ? yb : ya;
        double minX = xa - Math.abs(nx);
        double maxX = xb + Math.abs(nx);
        long from = Math.max(0, (long) Math.floor(minX * STEPS));
        long to = Math.min(low.length - 1, (long) Math.ceil(maxX * STEPS) - 1);
        for (long c = from; c <= to; c++) {
            double x0 = Math.max(minX, (double) c / STEPS);
            double x1 = Math.min(maxX, (double) (c + 1) / STEPS);
            double top;
            if (lowX >= x0 && lowX <= x1) {
                top = lowY;
            } else {
                double side0 = ya + slope * (x0 - xa) - across;
                double side1 = ya + slope * (x1 - xa) - across;
                double end0 = lowEndY + endSlope * (x0 - lowEndX);
                double end1 = lowEndY + endSlope * (x1 - lowEndX);
                top = Math.min(side0 > end0 ? side0 : end0, side1 > end1 ? side1 : end1);
            }
            double bottom;
            if (highX >= x0 && highX <= x1) {
                bottom = highY;
            } else {
                double side0 = ya + slope * (x0 - xa) + across;
                double side1 = ya + slope * (x1 - xa) + across;
                double end0 = highEndY + endSlope * (x0 - highEndX);
                double end1 = highEndY + endSlope * (x1 - highEndX);
                bottom = Math.max(side0 < end0 ? side0 : end0, side1 < end1 ? side1 : end1);
            }
            int step = (int) c;
            take(step, top, low, high);
            take(step, bottom, low, high);
        }
    }

    private static void box(double left, double right, double top, double bottom, double[] low, double[] high) {
        long from = Math.max(0, (long) Math.floor(left * STEPS));
        long to = Math.min(low.length - 1, (long) Math.ceil(right * STEPS) - 1);
        for (long c = from; c <= to; c++) {
            take((int) c, top, low, high);
            take((int) c, bottom, low, high);
        }
    }

    /** A round join: the disc of radius {@code half} around the point, cut at each step it reaches. */
    private static void join(double x, double y, double half, double[] low, double[] high) {
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
        if (y < low[step]) {
            low[step] = y;
        }
        if (y > high[step]) {
            high[step] = y;
        }
    }
}
