package org.backproplab.ui;

import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import org.backproplab.session.EdgeStrokes;

/**
 * The image that shows a graph's plain edges: strokes drawn here on the FX thread
 * ({@link EdgeStrokes}: antialiased, square caps, source over), or pixels the playground's worker
 * drew ({@link org.backproplab.session.EdgePicture}), handed to the image as they are.
 */
final class EdgeRaster {
    /** From how many strokes a picture is drawn turned over ({@link EdgeStrokes}). */
    static final int TURN_FROM = EdgeStrokes.TURN_FROM;
    private final ImageView view = new ImageView();
    private final ArgbPicture picture = new ArgbPicture();
    private final EdgeStrokes strokes = new EdgeStrokes();
    /** The pixels the image shows. */
    private int[] shown = new int[0];

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
        this.strokes.begin((int) Math.ceil(w * pixelScale), (int) Math.ceil(h * pixelScale), strokes);
    }

    /** The strokes drawn here, for a picture of that many pixels. */
    EdgeStrokes strokes() {
        return strokes;
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture being drawn. */
    int pixel(int x, int y) {
        return strokes.pixel(x, y);
    }

    /** The premultiplied ARGB pixel at column x, row y of the picture last shown. */
    int shownPixel(int x, int y) {
        return shown[y * picture.width() + x];
    }

    /** Shows what was stroked since {@link #begin}, turned the right way round, at one pixel to the unit. */
    void end() {
        show(strokes.end(), strokes.width(), strokes.height(), 1);
    }

    /** Shows {@code pixels} (w x h premultiplied ARGB, not changed while shown), {@code pixelScale} to the unit. */
    void show(int[] pixels, int w, int h, double pixelScale) {
        if (picture.size(w, h)) {
            view.setImage(picture.image());
        }
        picture.show(pixels);
        shown = pixels;
        view.setFitWidth(w / pixelScale);
        view.setFitHeight(h / pixelScale);
    }

    /** Strokes the segment from (x1, y1) to (x2, y2), in pixels, as {@link EdgeStrokes#stroke}. */
    void stroke(double x1, double y1, double x2, double y2, double lineWidth, Color color, double alpha) {
        strokes.stroke(x1, y1, x2, y2, lineWidth, (int) Math.round(color.getRed() * 255) << 16
                | (int) Math.round(color.getGreen() * 255) << 8 | (int) Math.round(color.getBlue() * 255), alpha);
    }
}
