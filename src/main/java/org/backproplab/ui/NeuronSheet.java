package org.backproplab.ui;

import java.util.Arrays;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;

/**
 * The compact graph's neurons in one picture, as large as the graph: each neuron's circle (drawn
 * once for each layout) and its heatmap over it (written when it changed). JavaFX's software
 * renderer drew the 128 circles (kept as bitmaps) and the 128 heatmaps of a network of 8 layers of
 * 16 one by one, which cost it about 2.8 ms a frame; one picture costs it one image. A neuron
 * whose circle is styled (selected) shows its own nodes over its place in the picture.
 */
final class NeuronSheet {
    private final ImageView view = new ImageView();
    private final ArgbPicture picture = new ArgbPicture();
    /** {@code centres[l][2j]}, {@code centres[l][2j + 1]}: neuron j of layer l's centre, in pixels. */
    private double[][] centres = new double[0][];
    /** The circles' radius and stroke width, in pixels, and their colours (premultiplied ARGB). */
    private double radius;
    private double stroke;
    private int fill;
    private int rim;
    /** The side of a heatmap's square, in pixels. */
    private int side;
    private int[][][] shown;
    private int shownSize;
    private boolean placed;
    /** Whether the circles are still to be drawn for the places last given. */
    private boolean stale;

    NeuronSheet() {
        view.setMouseTransparent(true);
        view.setManaged(false);
        view.setVisible(false);
        view.getStyleClass().add("neuron-sheet");
    }

    /** The node that shows the picture, as large as the graph, over its edges and under its other nodes. */
    ImageView view() {
        return view;
    }

    /**
     * Where the neurons are: {@code centres[l][2j]}, {@code centres[l][2j + 1]} in the graph's
     * units; circles {@code radius} in size with a rim {@code stroke} wide, in {@code fill} and
     * {@code rim}, heatmaps {@code thumb} wide; the graph {@code width} x {@code height} units,
     * {@code pixelScale} pixels to the unit. Drawn again at the next {@link #show} if anything moved.
     */
    void place(double[][] centres, double radius, double stroke, double thumb, Color fill, Color rim, double width,
            double height, double pixelScale) {
        double[][] px = new double[centres.length][];
        for (int l = 0; l < centres.length; l++) {
            px[l] = new double[centres[l].length];
            for (int k = 0; k < px[l].length; k++) {
                px[l][k] = centres[l][k] * pixelScale;
            }
        }
        int w = (int) Math.round(width * pixelScale);
        int h = (int) Math.round(height * pixelScale);
        int fillArgb = premultiplied(fill);
        int rimArgb = premultiplied(rim);
        int newSide = Math.max(1, (int) Math.round(thumb * pixelScale));
        if (placed && w == picture.width() && h == picture.height() && Arrays.deepEquals(px, this.centres)
                && radius * pixelScale == this.radius && stroke * pixelScale == this.stroke && fillArgb == this.fill
                && rimArgb == this.rim && newSide == side) {
            return;
        }
        this.centres = px;
        this.radius = radius * pixelScale;
        this.stroke = stroke * pixelScale;
        this.fill = fillArgb;
        this.rim = rimArgb;
        this.side = newSide;
        placed = true;
        stale = true;
        if (picture.size(w, h)) {
            view.setImage(picture.image());
        }
        view.setFitWidth(picture.width() / pixelScale);
        view.setFitHeight(picture.height() / pixelScale);
    }

    /** Forgets where the neurons were: nothing is shown until they are placed again. */
    void unplace() {
        placed = false;
        shown = null;
        view.setVisible(false);
    }

    /**
     * Shows {@code argb[l][j]} ({@code size} x {@code size} ARGB pixels) in neuron j of layer l's
     * circle: whether the picture shows them (not before the neurons are placed, nor for other
     * layer sizes, nor without a heatmap for each neuron).
     */
    boolean show(int[][][] argb, int size) {
        boolean fits = placed && argb != null && argb.length == centres.length && size > 0;
        for (int l = 0; fits && l < argb.length; l++) {
            fits = argb[l].length == centres[l].length / 2;
            for (int j = 0; fits && j < argb[l].length; j++) {
                fits = argb[l][j] != null && argb[l][j].length == size * size;
            }
        }
        view.setVisible(fits);
        if (!fits) {
            shown = null;
            return false;
        }
        if (stale || argb != shown || size != shownSize) {
            draw(argb, size);
        }
        return true;
    }

    /** Writes the heatmaps (and first, after a new layout, every circle) into the picture and hands it to the image. */
    private void draw(int[][][] argb, int size) {
        boolean circles = stale;
        if (circles) {
            picture.begin(picture.width(), picture.height());
            stale = false;
        }
        for (int l = 0; l < argb.length; l++) {
            for (int j = 0; j < argb[l].length; j++) {
                double cx = centres[l][2 * j];
                double cy = centres[l][2 * j + 1];
                if (circles) {
                    circle(cx, cy);
                }
                square(argb[l][j], size, (int) Math.round(cx - side / 2.0), (int) Math.round(cy - side / 2.0));
            }
        }
        shown = argb;
        shownSize = size;
        picture.show();
    }

    /**
     * A circle centred at (cx, cy): its fill inside {@code radius - stroke / 2}, its rim out to
     * {@code radius + stroke / 2} (a stroke centred on the radius, as JavaFX strokes a shape); each
     * pixel covered as far as its centre's distance says (within half a pixel of an edge, in part).
     */
    private void circle(double cx, double cy) {
        double outer = radius + stroke / 2;
        double inner = radius - stroke / 2;
        int x0 = Math.max(0, (int) Math.floor(cx - outer - 1));
        int x1 = Math.min(picture.width() - 1, (int) Math.ceil(cx + outer + 1));
        int y0 = Math.max(0, (int) Math.floor(cy - outer - 1));
        int y1 = Math.min(picture.height() - 1, (int) Math.ceil(cy + outer + 1));
        int[] pixels = picture.pixels();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double all = cover(outer - d);
                if (all <= 0) {
                    continue;
                }
                double in = Math.min(all, cover(inner - d));
                pixels[y * picture.width() + x] = mix(fill, in, rim, all - in);
            }
        }
    }

    /** How much of a pixel lies inside an edge whose distance from the pixel's centre is {@code inside} (positive inside). */
    private static double cover(double inside) {
        return Math.max(0, Math.min(1, inside + 0.5));
    }

    /** Premultiplied a x {@code c1} + b x {@code c2}, a + b at most 1. */
    private static int mix(int c1, double a, int c2, double b) {
        int out = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            double v = (c1 >>> shift & 0xFF) * a + (c2 >>> shift & 0xFF) * b;
            out |= Math.min(255, (int) Math.round(v)) << shift;
        }
        return out;
    }

    /** The heatmap {@code argb} (size x size, ARGB) drawn as a square {@link #side} wide at (x, y), nearest pixel. */
    private void square(int[] argb, int size, int x, int y) {
        int[] pixels = picture.pixels();
        int w = picture.width();
        for (int dy = 0; dy < side; dy++) {
            int py = y + dy;
            if (py < 0 || py >= picture.height()) {
                continue;
            }
            int row = dy * size / side * size;
            for (int dx = 0; dx < side; dx++) {
                int px = x + dx;
                if (px >= 0 && px < w) {
                    pixels[py * w + px] = premultiplied(argb[row + dx * size / side]);
                }
            }
        }
    }

    private static int premultiplied(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb;
        }
        return a << 24 | (argb >> 16 & 0xFF) * a / 255 << 16 | (argb >> 8 & 0xFF) * a / 255 << 8 | (argb & 0xFF) * a / 255;
    }

    private static int premultiplied(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        return premultiplied(a << 24 | GraphNodes.rgb(c));
    }
}
