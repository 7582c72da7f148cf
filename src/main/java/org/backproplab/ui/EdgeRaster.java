package org.backproplab.ui;

import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;

/**
 * Antialiased straight strokes with square caps, written into ARGB pixels shown by one image:
 * the many plain edges of a large network. JavaFX's own rasteriser walks each stroke's outline
 * over 8 subpixel rows per row of pixels, which for 2,000 long, steep edges costs the renderer
 * far more than a frame; here each stroke costs the pixels it covers. A pixel's coverage is the
 * overlap of the pixel (a unit box, across and along the stroke) with the stroke; colours are
 * blended source over, as the renderer blends.
 */
final class EdgeRaster {
    private final ImageView view = new ImageView();
    private final ArgbPicture picture = new ArgbPicture();
    /** The x range of the row being stroked, narrowed by {@link #clip}. */
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
     * pixels to the unit (the screen's output scale), transparent.
     */
    void begin(double w, double h, double pixelScale) {
        if (picture.begin((int) Math.ceil(w * pixelScale), (int) Math.ceil(h * pixelScale))) {
            view.setImage(picture.image());
        }
        view.setFitWidth(picture.width() / pixelScale);
        view.setFitHeight(picture.height() / pixelScale);
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture being drawn. */
    int pixel(int x, int y) {
        return picture.pixel(x, y);
    }

    /** Shows what was stroked since {@link #begin}. */
    void end() {
        picture.show();
    }

    /**
     * Strokes the segment from (x1, y1) to (x2, y2), in pixels, {@code lineWidth} wide with square
     * caps (reaching half the width past each end), in {@code color} at {@code alpha}.
     */
    void stroke(double x1, double y1, double x2, double y2, double lineWidth, Color color, double alpha) {
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
        int width = picture.width();
        int rowTo = Math.min(picture.height() - 1, (int) Math.ceil(maxY));
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
        // opacity in 1/65536ths: exact for the 3/4 the edges are drawn at
        double alpha16 = alpha * 65536;
        for (int py = rowFrom; py <= rowTo; py++) {
            double cy = py + 0.5 - y1;
            // the x where the distance across (d) and along (t) stay inside the widened rectangle
            spanFrom = 0;
            spanTo = width;
            // a pixel whose centre is more than half a pixel outside the stroke has none of it
            clip(-uy, cy * ux, 0, hw + 0.5, x1);
            clip(ux, cy * uy, len / 2, len / 2 + hw + 0.5, x1);
            int colFrom = Math.max(0, (int) Math.floor(spanFrom));
            int colTo = Math.min(width - 1, (int) Math.ceil(spanTo));
            int row = py * width;
            double cx = colFrom + 0.5 - x1;
            double d = cx * -uy + cy * ux;
            double t = cx * ux + cy * uy;
            for (int px = colFrom; px <= colTo; px++, d -= uy, t += ux) {
                double cover = overlap(d, -hw, hw) * overlap(t, -hw, len + hw);
                if (cover > 0) {
                    picture.blend(row + px, r, g, b, (int) (alpha16 * cover + 0.5));
                }
            }
        }
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
