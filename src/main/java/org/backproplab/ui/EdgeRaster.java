package org.backproplab.ui;

import java.util.Arrays;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;

/**
 * Antialiased straight strokes with square caps, written into ARGB pixels shown by one image:
 * the many plain edges of a large network. JavaFX's own rasteriser walks each stroke's outline
 * over 8 subpixel rows per row of pixels, which for 2,000 long, steep edges costs the renderer
 * far more than a frame; here each stroke costs the pixels it covers. A pixel's coverage is the
 * overlap of the pixel (a unit box, across and along the stroke) with the stroke; colours are
 * blended source over, as the renderer blends.
 *
 * <p>Many strokes are drawn into the picture turned over its diagonal (x for y), which is copied
 * the right way round when shown: a graph's edges are mostly steep, and steep strokes cost a row
 * of a few pixels for every pixel of their height, where the turned-over ones cost long rows, one
 * for every pixel of their width (at 8 layers of 16, some 2,000 strokes, half the time; the copy
 * costs about as much as 250 strokes save, so fewer are drawn the right way round). Away from
 * the caps a row's cover is the overlap across alone, in 1/65536ths of a pixel: opacities may
 * differ from the exact overlap's by a few 1/65536ths (at most 1 in 255 in a channel, seldom).
 */
final class EdgeRaster {
    private final ImageView view = new ImageView();
    private final ArgbPicture picture = new ArgbPicture();
    /**
     * The picture being drawn, turned over: pixel (x, y) at {@code x * height + y}, row x of the
     * turned picture being column x of the shown one.
     */
    private int[] turned = new int[0];
    /** Whether the picture being drawn is {@link #turned}. */
    private boolean turn;
    /** From how many strokes a picture is drawn turned over. */
    static final int TURN_FROM = 500;
    /** The x range of the (turned) row being stroked, narrowed by {@link #clip}. */
    private double spanFrom;
    private double spanTo;

    EdgeRaster() {
        view.setMouseTransparent(true);
        view.setManaged(false);
        view.setSmooth(true);
    }

    /** The node that shows the strokes, as large as the graph. */
    ImageView view() {
        return view;
    }

    /**
     * Starts a picture of {@code w} x {@code h} in the graph's coordinates with {@code pixelScale}
     * pixels to the unit (the screen's output scale), transparent, for about {@code strokes} strokes.
     */
    void begin(double w, double h, double pixelScale, int strokes) {
        if (picture.begin((int) Math.ceil(w * pixelScale), (int) Math.ceil(h * pixelScale))) {
            view.setImage(picture.image());
        }
        turn = strokes >= TURN_FROM;
        if (turn && turned.length != picture.width() * picture.height()) {
            turned = new int[picture.width() * picture.height()];
        } else if (turn) {
            Arrays.fill(turned, 0);
        }
        view.setFitWidth(picture.width() / pixelScale);
        view.setFitHeight(picture.height() / pixelScale);
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture being drawn. */
    int pixel(int x, int y) {
        return turn ? turned[x * picture.height() + y] : picture.pixel(x, y);
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture last shown. */
    int shownPixel(int x, int y) {
        return picture.pixel(x, y);
    }

    /** Shows what was stroked since {@link #begin}, turned the right way round. */
    void end() {
        if (!turn) {
            picture.show();
            return;
        }
        int w = picture.width();
        int h = picture.height();
        int[] pixels = picture.pixels();
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
        picture.show();
    }

    /**
     * Strokes the segment from (x1, y1) to (x2, y2), in pixels, {@code lineWidth} wide with square
     * caps (reaching half the width past each end), in {@code color} at {@code alpha}.
     */
    void stroke(double x1, double y1, double x2, double y2, double lineWidth, Color color, double alpha) {
        if (turn) {
            stroke(y1, x1, y2, x2, lineWidth, color, alpha, turned, picture.height(), picture.width());
        } else {
            stroke(x1, y1, x2, y2, lineWidth, color, alpha, picture.pixels(), picture.width(), picture.height());
        }
    }

    /** Strokes into {@code pixels}, {@code width} x {@code height}, row by row. */
    private void stroke(double x1, double y1, double x2, double y2, double lineWidth, Color color, double alpha,
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
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
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
            for (int px = colFrom; px <= colTo; px++, d -= uy, t += ux) {
                double cover = overlap(d, -hw, hw) * overlap(t, -hw, len + hw);
                blend(pixels, row + px, r, g, b, (int) (alpha16 * cover + 0.5));
            }
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
     * in a channel, seldom). {@code alpha} is the stroke's opacity in 1/65536ths.
     */
    private static void across(int[] pixels, int i, int n, long d, long step, long hw, long alpha, int r, int g,
            int b) {
        for (int k = 0; k <= n; k++, d -= step) {
            // no test: a pixel the stroke misses gets opacity 0, which leaves it as it was
            long cover = Math.max(0, Math.min(d + 32768, hw) - Math.max(d - 32768, -hw));
            int a = (int) ((cover * alpha + 32768) >> 16);
            int dst = pixels[i + k];
            int da = dst >>> 24;
            int dr = dst >> 16 & 0xFF;
            int dg = dst >> 8 & 0xFF;
            int db = dst & 0xFF;
            pixels[i + k] = da + ((255 - da) * a + 32768 >> 16) << 24 | dr + ((r - dr) * a + 32768 >> 16) << 16
                    | dg + ((g - dg) * a + 32768 >> 16) << 8 | db + ((b - db) * a + 32768 >> 16);
        }
    }

    /**
     * Source over at pixel {@code i} with the colour (r, g, b) at opacity a / 65536, as {@link
     * ArgbPicture#blend} rounds it: src x a + dst x (1 - a) = dst + (src - dst) x a (the same sum,
     * one product a channel).
     */
    private static void blend(int[] pixels, int i, int r, int g, int b, int a) {
        if (a <= 0) {
            return;
        }
        int dst = pixels[i];
        int da = dst >>> 24;
        int dr = dst >> 16 & 0xFF;
        int dg = dst >> 8 & 0xFF;
        int db = dst & 0xFF;
        pixels[i] = da + ((255 - da) * a + 32768 >> 16) << 24 | dr + ((r - dr) * a + 32768 >> 16) << 16
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
