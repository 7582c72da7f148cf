package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * Pictures (the snapshot's ARGB pixels) in rows that wrap like a FlowPane, on one canvas: each goes into a
 * WritableImage kept from the last time (one setPixels), so a new snapshot builds no node.
 */
final class PictureGrid extends Region {
    private final Canvas canvas = new Canvas();
    private final List<WritableImage> images = new ArrayList<>();
    private final double gap;
    private int count;
    private double tileWidth = 40;
    private double tileHeight = 40;
    /** Pictures per row: 0 to fill the width (wrapping like a FlowPane). */
    private int fixedColumns;
    /** A caption under each picture, or none. */
    private List<String> captions = List.of();
    private static final double CAPTION = 16;

    PictureGrid(double gap) {
        this.gap = gap;
        getChildren().add(canvas);
    }

    /** Shows {@code pictures}, each drawn tileWidth x tileHeight. */
    void show(List<Picture> pictures, double tileWidth, double tileHeight) {
        boolean resized = tileWidth != this.tileWidth || tileHeight != this.tileHeight || pictures.size() != count;
        this.tileWidth = tileWidth;
        this.tileHeight = tileHeight;
        count = pictures.size();
        for (int i = 0; i < count; i++) {
            WritableImage reused = i < images.size() ? images.get(i) : null;
            WritableImage img = DigitsImages.write(reused, pictures.get(i));
            if (i < images.size()) {
                images.set(i, img);
            } else {
                images.add(img);
            }
        }
        if (resized) {
            requestLayout();
        }
        draw();
    }

    /** Captions drawn under the pictures, one each (fewer: the rest have none); empty for none. */
    void setCaptions(List<String> texts) {
        boolean resized = texts.isEmpty() != captions.isEmpty();
        captions = List.copyOf(texts);
        if (resized) {
            requestLayout();
        }
        draw();
    }

    private double cellHeight() {
        return tileHeight + (captions.isEmpty() ? 0 : CAPTION);
    }

    /** {@code n} pictures per row (one filter's kernels, say), or 0 to fill the width. */
    void setColumns(int n) {
        if (n != fixedColumns) {
            fixedColumns = n;
            requestLayout();
        }
    }

    /** How many pictures are shown. */
    int count() {
        return count;
    }

    /** The picture under (x, y) in this grid's coordinates, or -1. */
    int indexAt(double x, double y) {
        int cols = columns(getWidth());
        int col = (int) Math.floor(x / (tileWidth + gap));
        int row = (int) Math.floor(y / (cellHeight() + gap));
        if (x < 0 || y < 0 || col >= cols || x - col * (tileWidth + gap) > tileWidth
                || y - row * (cellHeight() + gap) > cellHeight()) {
            return -1;
        }
        int i = row * cols + col;
        return i < count ? i : -1;
    }

    /** The centre of picture i, in this grid's coordinates. */
    Point2D center(int i) {
        int cols = columns(getWidth());
        return new Point2D((i % cols) * (tileWidth + gap) + tileWidth / 2, (i / cols) * (cellHeight() + gap) + tileHeight / 2);
    }

    private int columns(double width) {
        if (fixedColumns > 0) {
            return fixedColumns;
        }
        return Math.max(1, (int) Math.floor((width + gap) / (tileWidth + gap)));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        int cols = fixedColumns > 0 ? fixedColumns : Math.min(count, 12);
        return Math.max(tileWidth, cols * (tileWidth + gap) - gap);
    }

    @Override
    protected double computeMinWidth(double height) {
        return tileWidth;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (count == 0) {
            return 0;
        }
        int cols = fixedColumns > 0 ? fixedColumns : width < 0 ? Math.min(count, 12) : columns(width);
        int rows = (count + cols - 1) / cols;
        return rows * (cellHeight() + gap) - gap;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.ceil(computePrefHeight(w));
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setImageSmoothing(false);
        int cols = columns(canvas.getWidth());
        g.setFill(javafx.scene.paint.Color.web("#333333"));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        for (int i = 0; i < count; i++) {
            double x = (i % cols) * (tileWidth + gap);
            double y = (i / cols) * (cellHeight() + gap);
            g.drawImage(images.get(i), x, y, tileWidth, tileHeight);
            if (i < captions.size()) {
                // no wider than its picture: a gap between neighbours ("0: p 1.0001: p 0.999" ran together)
                g.fillText(captions.get(i), x + tileWidth / 2, y + tileHeight + 1, tileWidth - 2);
            }
        }
    }
}
