package org.backproplab.session;

import java.util.Arrays;

/**
 * Antialiased straight strokes with square caps, written into premultiplied ARGB pixels: the many
 * plain edges of a large network's graph, drawn by the playground's worker into each snapshot
 * ({@link EdgePicture}) or by the graph view itself. JavaFX's own rasteriser walks each stroke's
 * outline over 8 subpixel rows per row of pixels, which for 2,000 long, steep edges costs the
 * renderer far more than a frame; here each stroke costs the pixels it covers. A pixel's coverage
 * is the overlap of the pixel (a unit box, across and along the stroke) with the stroke; colours
 * are blended source over, as the renderer blends.
 *
 * <p>Many strokes are drawn into the picture turned over its diagonal (x for y), which is copied
 * the right way round at the end: a graph's edges are mostly steep, and steep strokes cost a row
 * of a few pixels for every pixel of their height, where the turned-over ones cost long rows, one
 * for every pixel of their width (at 8 layers of 16, some 2,000 strokes, half the time; the copy
 * costs about as much as 250 strokes save, so fewer are drawn the right way round). Away from
 * the caps a row's cover is the overlap across alone, in 1/65536ths of a pixel: opacities may
 * differ from the exact overlap's by a few 1/65536ths (at most 1 in 255 in a channel, seldom).
 *
 * <p>Not thread-safe: one per thread that draws.
 */
public final class EdgeStrokes {
    /** From how many strokes a picture is drawn turned over. */
    public static final int TURN_FROM = 500;
    private int width;
    private int height;
    /** The picture the right way round, row by row. */
    private int[] pixels = new int[0];
    /**
     * The picture being drawn, turned over: pixel (x, y) at {@code x * height + y}, row x of the
     * turned picture being column x of the shown one.
     */
    private int[] turned = new int[0];
    /** Whether the picture being drawn is {@link #turned}. */
    private boolean turn;
    /** The x range of the (turned) row being stroked, narrowed by {@link #clip}. */
    private double spanFrom;
    private double spanTo;

    /** Starts a transparent picture of {@code w} x {@code h} pixels (at least 1 x 1) for about {@code strokes} strokes. */
    public void begin(int w, int h, int strokes) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        turn = strokes >= TURN_FROM;
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
        } else if (!turn) {
            // a turned picture is drawn into turned, which end() copies over every pixel of this one
            Arrays.fill(pixels, 0);
        }
        if (turn && turned.length != w * h) {
            turned = new int[w * h];
        } else if (turn) {
            Arrays.fill(turned, 0);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture being drawn. */
    public int pixel(int x, int y) {
        return turn ? turned[x * height + y] : pixels[y * width + x];
    }

    /**
     * The picture stroked since {@link #begin}, turned the right way round: premultiplied ARGB, row by
     * row (this object's own array, drawn over by the next picture).
     */
    public int[] end() {
        if (!turn) {
            return pixels;
        }
        int w = width;
        int h = height;
        // in tiles of 16 x 16, so that both sides of the copy stay in the cache
        for (int y0 = 0; y0 < h; y0 += 16) {
            int yTo = Math.min(h, y0 + 16);
            for (int x0 = 0; x0 < w; x0 += 16) {
                int xTo = Math.min(w, x0 + 16);
                for (int y = y0; y < yTo; y++) {
                    int row = y * w;
                    for (int x = x0; x < xTo; x++) {
                        pixels[row + x] = turned[x * h + y];
                    }
                }
            }
        }
        return pixels;
    }

    /**
     * Strokes the segment from (x1, y1) to (x2, y2), in pixels, {@code lineWidth} wide with square
     * caps (reaching half the width past each end), in the colour {@code rgb} (0xRRGGBB) at {@code alpha}.
     */
    public void stroke(double x1, double y1, double x2, double y2, double lineWidth, int rgb, double alpha) {
        if (turn) {
            stroke(y1, x1, y2, x2, lineWidth, rgb, alpha, turned, height, width);
        } else {
            stroke(x1, y1, x2, y2, lineWidth, rgb, alpha, pixels, width, height);
        }
    }

    /** Strokes into {@code pixels}, {@code width} x {@code height}, row by row. */
    private void stroke(double x1, double y1, double x2, double y2, double lineWidth, int rgb, double alpha,
            int[] pixels, int width, int height) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        double ux = len > 1e-9 ? dx / len : 1;
        double uy = len > 1e-9 ? dy / len : 0;
        double hw = lineWidth / 2;
        // corners of the stroke's rectangle, one pixel wider all round for the antialiased rim
        double ex = ux * (hw + 1);
        double ey = uy * (hw + 1);
        double nx = -uy * (hw + 1);
        double ny = ux * (hw + 1);
        double minY = Math.min(Math.min(y1 - ey + ny, y1 - ey - ny), Math.min(y2 + ey + ny, y2 + ey - ny));
        double maxY = Math.max(Math.max(y1 - ey + ny, y1 - ey - ny), Math.max(y2 + ey + ny, y2 + ey - ny));
        int rowFrom = Math.max(0, (int) Math.floor(minY));
        int rowTo = Math.min(height - 1, (int) Math.ceil(maxY));
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        // opacity in 1/65536ths: exact for the 3/4 the edges are drawn at
        double alpha16 = alpha * 65536;
        // a steep stroke's pixels in a row lie within (hw + 0.5) / |uy| of where its centre line
        // crosses the row: found without the clips' divisions
        boolean steep = Math.abs(uy) >= 0.5;
        double slope = steep ? ux / uy : 0;
        double half = steep ? (hw + 0.5) / Math.abs(uy) : 0;
        int perRow = (int) Math.floor(2 * half + 2e-6);
        // the same in 1/65536ths of a pixel, for the rows away from the caps
        long stepFix = fixed(uy);
        long hwFix = fixed(hw);
        long alphaFix = Math.round(alpha16);
        for (int py = rowFrom; py <= rowTo; py++) {
            double cy = py + 0.5 - y1;
            double spanFrom;
            double spanTo;
            if (steep) {
                double centre = x1 + cy * slope - 0.5;
                spanFrom = centre - half;
                spanTo = centre + half;
            } else {
                // the x where the distance across (d) and along (t) stay inside the widened rectangle
                this.spanFrom = 0;
                this.spanTo = width;
                // a pixel whose centre is more than half a pixel outside the stroke has none of it
                clip(-uy, cy * ux, 0, hw + 0.5, x1);
                clip(ux, cy * uy, len / 2, len / 2 + hw + 0.5, x1);
                spanFrom = this.spanFrom;
                spanTo = this.spanTo;
            }
            // only pixels whose centre is inside the span; one a hair outside would get no ink (a = 0)
            int colFrom = Math.max(0, (int) Math.ceil(spanFrom - 1e-6));
            // a steep stroke's rows as many pixels each (the last may get no ink)
            int colTo = Math.min(width - 1, steep ? colFrom + perRow : (int) Math.floor(spanTo + 1e-6));
            if (colFrom > colTo) {
                continue;
            }
            int row = py * width;
            double cx = colFrom + 0.5 - x1;
            double d = cx * -uy + cy * ux;
            double t = cx * ux + cy * uy;
            double tLast = t + (colTo - colFrom) * ux;
            if (Math.min(t, tLast) - 0.5 >= -hw && Math.max(t, tLast) + 0.5 <= len + hw) {
                // away from the caps each pixel lies wholly within the stroke's length: cover is across alone
                across(pixels, row + colFrom, colTo - colFrom, fixed(d), stepFix, hwFix, alphaFix, r, g, b);
                continue;
            }
            // a row that reaches a cap: the pixels between the caps as above, those at the caps exactly
            int n = colTo - colFrom;
            int inFrom = n + 1;
            int inTo = n;
            if (Math.abs(ux) > 1e-9) {
                // t + k ux within [0.5 - hw, len + hw - 0.5], a hair inside, so that no cap pixel is taken for whole
                double k1 = (0.5 - hw - t) / ux;
                double k2 = (len + hw - 0.5 - t) / ux;
                inFrom = Math.max(0, (int) Math.ceil(Math.min(k1, k2) + 1e-6));
                inTo = Math.min(n, (int) Math.floor(Math.max(k1, k2) - 1e-6));
            }
            if (inFrom > inTo) {
                inFrom = n + 1;
                inTo = n;
            }
            capPixels(pixels, row + colFrom, 0, Math.min(inFrom, n + 1), d, t, -uy, ux, hw, len, alpha16, r, g, b);
            if (inFrom <= inTo) {
                across(pixels, row + colFrom + inFrom, inTo - inFrom, fixed(d - inFrom * uy), stepFix, hwFix, alphaFix,
                        r, g, b);
            }
            capPixels(pixels, row + colFrom, inTo + 1, n + 1, d, t, -uy, ux, hw, len, alpha16, r, g, b);
        }
    }

    /**
     * Pixels {@code i + from} to {@code i + to} (exclusive) of a row, pixel k at d + k dd across the
     * stroke and t + k dt along it: cover is the overlap across times the overlap along.
     */
    private static void capPixels(int[] pixels, int i, int from, int to, double d, double t, double dd, double dt,
            double hw, double len, double alpha16, int r, int g, int b) {
        for (int k = from; k < to; k++) {
            double cover = overlap(d + k * dd, -hw, hw) * overlap(t + k * dt, -hw, len + hw);
            blend(pixels, i + k, r, g, b, (int) (alpha16 * cover + 0.5));
        }
    }

    /** {@code v} in 1/65536ths, rounded. */
    private static long fixed(double v) {
        return (long) Math.floor(v * 65536 + 0.5);
    }

    /**
     * Pixels {@code i} to {@code i + n} of a row away from the stroke's caps, whose cover is the
     * overlap across alone, {@link #overlap}(d, -hw, hw), d going down by uy a pixel: here in
     * 1/65536ths of a pixel ({@code d}, {@code step}, {@code hw}), so that a pixel costs a few integer
     * operations (the opacity may differ from the exact one by a few 1/65536ths: at most 1 in 255
     * in a channel, seldom). {@code alpha} is the stroke's opacity in 1/65536ths. The pixels wholly
     * inside the stroke across (|d| at most hw less half a pixel) all get the stroke's opacity: a
     * loop of one blend each, without the cover's arithmetic; only the few at its sides are covered in part.
     */
    private static void across(int[] pixels, int i, int n, long d, long step, long hw, long alpha, int r, int g,
            int b) {
        long inner = hw - 32768;
        int from = n + 1;
        int to = n;
        if (inner >= 0 && step == 0) {
            from = Math.abs(d) <= inner ? 0 : n + 1;
        } else if (inner >= 0) {
            // -inner <= d - k step <= inner, for k
            long s = Math.abs(step);
            long sign = step > 0 ? 1 : -1;
            long lo = -Math.floorDiv(-(sign * d - inner), s);
            long hi = Math.floorDiv(sign * d + inner, s);
            from = (int) Math.max(0, Math.min(n + 1, lo));
            to = (int) Math.max(-1, Math.min(n, hi));
        }
        if (from > to) {
            from = n + 1;
            to = n;
        }
        partly(pixels, i, 0, from, d, step, hw, alpha, r, g, b);
        // cover 65536: opacity (65536 alpha + 32768) >> 16, which is alpha
        int a = (int) alpha;
        for (int k = from; k <= to; k++) {
            pixels[i + k] = over(pixels[i + k], r, g, b, a);
        }
        partly(pixels, i, to + 1, n + 1, d, step, hw, alpha, r, g, b);
    }

    /** Pixels {@code i + from} to {@code i + to} (exclusive) of {@link #across}, each covered as d - k step says. */
    private static void partly(int[] pixels, int i, int from, int to, long d, long step, long hw, long alpha, int r,
            int g, int b) {
        for (int k = from; k < to; k++) {
            long dk = d - k * step;
            // no test: a pixel the stroke misses gets opacity 0, which leaves it as it was
            long cover = Math.max(0, Math.min(dk + 32768, hw) - Math.max(dk - 32768, -hw));
            int a = (int) ((cover * alpha + 32768) >> 16);
            pixels[i + k] = over(pixels[i + k], r, g, b, a);
        }
    }

    /**
     * Source over at pixel {@code i} with the colour (r, g, b) at opacity a / 65536, as the view's
     * pictures round it (ui.ArgbPicture.blend): src x a + dst x (1 - a) = dst + (src - dst) x a (the same sum,
     * one product a channel).
     */
    private static void blend(int[] pixels, int i, int r, int g, int b, int a) {
        if (a > 0) {
            pixels[i] = over(pixels[i], r, g, b, a);
        }
    }

    /** The premultiplied pixel {@code dst} with (r, g, b) at opacity a / 65536 over it ({@link #blend}). */
    private static int over(int dst, int r, int g, int b, int a) {
        int da = dst >>> 24;
        int dr = dst >> 16 & 0xFF;
        int dg = dst >> 8 & 0xFF;
        int db = dst & 0xFF;
        return da + ((255 - da) * a + 32768 >> 16) << 24 | dr + ((r - dr) * a + 32768 >> 16) << 16
                | dg + ((g - dg) * a + 32768 >> 16) << 8 | db + ((b - db) * a + 32768 >> 16);
    }

    /**
     * Narrows the span of a row's pixels to those whose centre x has
     * |slope * (x - x0) + offset - centre| <= half: those a stroke's band across (or along) it may touch.
     */
    private void clip(double slope, double offset, double centre, double half, double x0) {
        if (Math.abs(slope) < 1e-12) {
            if (Math.abs(offset - centre) > half) {
                spanFrom = 1;
                spanTo = 0;
            }
            return;
        }
        double a = x0 - 0.5 + (centre - half - offset) / slope;
        double z = x0 - 0.5 + (centre + half - offset) / slope;
        spanFrom = Math.max(spanFrom, Math.min(a, z));
        spanTo = Math.min(spanTo, Math.max(a, z));
    }

    /** How much of the unit box centred at {@code c} lies between {@code lo} and {@code hi}. */
    private static double overlap(double c, double lo, double hi) {
        return Math.max(0, Math.min(c + 0.5, hi) - Math.max(c - 0.5, lo));
    }
}
