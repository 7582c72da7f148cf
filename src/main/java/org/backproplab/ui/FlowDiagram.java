package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

/**
 * The flow diagram's boxes on a grid sized to what they say, in the boxes' own font: each
 * column as wide as its widest box (up to {@link #MAX_EMS} ems, the text wrapped beyond), each
 * row as high as its tallest box, so that no formula is cut at any text size (presentation mode
 * makes the text larger, and the boxes with it). A row's caption sits at its left; each arrow
 * runs from one box's centre to where it meets the other box's border, with a head there.
 */
final class FlowDiagram extends Region {
    /** A box's widest, in ems of its font; a longer formula wraps. */
    private static final double MAX_EMS = 11;
    private static final double MIN_EMS = 5;
    private static final double GAP_EMS = 1.3;

    private record Cell(Label box, int column, int row) {
    }

    private record Arrow(Label from, Label to, Line line, Polygon head) {
    }

    private final List<Label> captions = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    private final List<Arrow> arrows = new ArrayList<>();
    private double[] columnWidths = new double[0];
    private double[] rowHeights = new double[0];
    private double captionWidth;

    /** Starts a new diagram with these row captions (top to bottom). */
    void clear(List<Label> rowCaptions) {
        captions.clear();
        cells.clear();
        arrows.clear();
        getChildren().clear();
        captions.addAll(rowCaptions);
        getChildren().addAll(rowCaptions);
    }

    void box(Label box, int column, int row) {
        box.setWrapText(true);
        cells.add(new Cell(box, column, row));
        getChildren().add(box);
    }

    /** An arrow from one box to another, drawn beneath the boxes; {@code styles} style both its line and its head. */
    void arrow(Label from, Label to, String... styles) {
        Line line = new Line();
        line.getStyleClass().add("flow-edge");
        line.getStyleClass().addAll(styles);
        Polygon head = new Polygon();
        head.getStyleClass().add("flow-head");
        head.getStyleClass().addAll(styles);
        line.setManaged(false);
        head.setManaged(false);
        arrows.add(new Arrow(from, to, line, head));
        getChildren().add(0, head);
        getChildren().add(0, line);
    }

    private double em() {
        return cells.isEmpty() ? 12 : cells.get(0).box().getFont().getSize();
    }

    private void measure() {
        int columns = 0;
        int rows = captions.size();
        for (Cell c : cells) {
            columns = Math.max(columns, c.column() + 1);
            rows = Math.max(rows, c.row() + 1);
        }
        double em = em();
        columnWidths = new double[columns];
        rowHeights = new double[rows];
        for (Cell c : cells) {
            double w = Math.min(Math.ceil(c.box().prefWidth(-1)), MAX_EMS * em);
            columnWidths[c.column()] = Math.max(columnWidths[c.column()], Math.max(w, MIN_EMS * em));
        }
        for (Cell c : cells) {
            double h = Math.ceil(Math.max(c.box().minHeight(columnWidths[c.column()]),
                    c.box().prefHeight(columnWidths[c.column()])));
            rowHeights[c.row()] = Math.max(rowHeights[c.row()], h);
        }
        captionWidth = 0;
        for (int r = 0; r < captions.size(); r++) {
            captionWidth = Math.max(captionWidth, Math.ceil(captions.get(r).prefWidth(-1)));
            rowHeights[r] = Math.max(rowHeights[r], Math.ceil(captions.get(r).prefHeight(-1)));
        }
    }

    private double gap() {
        return GAP_EMS * em();
    }

    @Override
    protected double computePrefWidth(double height) {
        measure();
        double w = captionWidth;
        for (double c : columnWidths) {
            w += gap() + c;
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        measure();
        double h = 0;
        for (double r : rowHeights) {
            h += r;
        }
        h += gap() * Math.max(0, rowHeights.length - 1);
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        measure();
        double[] x = new double[columnWidths.length];
        double left = snappedLeftInset() + captionWidth + gap();
        for (int c = 0; c < x.length; c++) {
            x[c] = left;
            left += columnWidths[c] + gap();
        }
        double[] y = new double[rowHeights.length];
        double top = snappedTopInset();
        for (int r = 0; r < y.length; r++) {
            y[r] = top;
            top += rowHeights[r] + gap();
        }
        for (int r = 0; r < captions.size(); r++) {
            Label caption = captions.get(r);
            double h = caption.prefHeight(-1);
            caption.resizeRelocate(snappedLeftInset(), y[r] + (rowHeights[r] - h) / 2, captionWidth, h);
        }
        for (Cell c : cells) {
            c.box().resizeRelocate(x[c.column()], y[c.row()], columnWidths[c.column()], rowHeights[c.row()]);
        }
        for (Arrow a : arrows) {
            place(a);
        }
    }

    /** The arrow's line from its first box's centre to the second's border, and its head there. */
    private void place(Arrow a) {
        double x0 = centerX(a.from());
        double y0 = centerY(a.from());
        double x1 = centerX(a.to());
        double y1 = centerY(a.to());
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            a.line().setVisible(false);
            a.head().setVisible(false);
            return;
        }
        // where the segment enters the target box
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : (a.to().getWidth() / 2 + 2) / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : (a.to().getHeight() / 2 + 2) / Math.abs(dy));
        double ex = x1 - t * dx;
        double ey = y1 - t * dy;
        a.line().setStartX(x0);
        a.line().setStartY(y0);
        a.line().setEndX(ex);
        a.line().setEndY(ey);
        double ux = dx / len;
        double uy = dy / len;
        double size = 0.6 * em();
        a.head().getPoints().setAll(ex, ey, ex - size * ux + size / 2 * uy, ey - size * uy - size / 2 * ux,
                ex - size * ux - size / 2 * uy, ey - size * uy + size / 2 * ux);
    }

    private static double centerX(Label box) {
        return box.getLayoutX() + box.getWidth() / 2;
    }

    private static double centerY(Label box) {
        return box.getLayoutY() + box.getHeight() / 2;
    }
}
