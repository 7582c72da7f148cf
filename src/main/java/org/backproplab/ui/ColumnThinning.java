package org.backproplab.ui;

/**
 * A polyline in pixels thinned to at most four points a pixel column: the first, the lowest, the
 * highest and the last of each run of points in one column, in their order (M4: Jugel et al., "M4:
 * a visualization-oriented time series data aggregation", VLDB 2014). The line drawn through them
 * covers the same pixels as the whole line, and a curve of 2,048 points on a chart 330 pixels wide
 * costs {@link CurveBand} about 1,300 segments a frame instead of 2,047.
 *
 * <p>A NaN y breaks the line (a value the scale cannot show) and is kept, once, as the break.
 */
final class ColumnThinning {
    private ColumnThinning() {
    }

    /**
     * Thins {@code n} points ({@code xs} increasing, NaN in {@code ys} for a break) into
     * {@code outX}/{@code outY} (at least {@code n} long) and returns how many it kept.
     */
    static int thin(double[] xs, double[] ys, int n, double[] outX, double[] outY) {
        int out = 0;
        int i = 0;
        while (i < n) {
            if (Double.isNaN(ys[i])) {
                if (out > 0 && !Double.isNaN(outY[out - 1])) {
                    outX[out] = xs[i];
                    outY[out] = Double.NaN;
                    out++;
                }
                i++;
                continue;
            }
            // the run of points in i's column, up to a break
            long column = (long) Math.floor(xs[i]);
            int first = i;
            int low = i;
            int high = i;
            int last = i;
            int j = i + 1;
            while (j < n && !Double.isNaN(ys[j]) && (long) Math.floor(xs[j]) == column) {
                if (ys[j] < ys[low]) {
                    low = j;
                }
                if (ys[j] > ys[high]) {
                    high = j;
                }
                last = j;
                j++;
            }
            int a = Math.min(low, high);
            int b = Math.max(low, high);
            out = keep(xs, ys, first, outX, outY, out, -1);
            out = keep(xs, ys, a, outX, outY, out, first);
            out = keep(xs, ys, b, outX, outY, out, a);
            out = keep(xs, ys, last, outX, outY, out, b);
            i = j;
        }
        return out;
    }

    /** Appends point {@code k} unless it is the point appended just before ({@code previous}). */
    private static int keep(double[] xs, double[] ys, int k, double[] outX, double[] outY, int out, int previous) {
        if (k == previous) {
            return out;
        }
        outX[out] = xs[k];
        outY[out] = ys[k];
        return out + 1;
    }
}
