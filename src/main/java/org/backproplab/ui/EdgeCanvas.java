package org.backproplab.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import org.backproplab.session.EdgeGeometry;
import org.backproplab.session.EdgePicture;
import org.backproplab.session.GraphItem;
import org.backproplab.session.GraphSnapshot;

/**
 * The graph's edges, painted each frame instead of drawn as one shape node per weight (a network
 * of 8 layers of 16 has about 2,000 edges, far too many nodes for the renderer): the plain edges
 * stroked into one image ({@link EdgeRaster}), the few dashed ones on this canvas over it, the
 * selected one as a line node styled as the edge lines were. Looks as the edge lines did: blue
 * when positive, orange when negative, at 3/4 opacity; dashed and opaque while a stage flows along them (red backwards); the selected edge
 * opaque with a golden glow. Widths and dashes scale with the graph. The mouse finds the edges
 * from their ends as placed here ({@link EdgeHits}).
 */
final class EdgeCanvas extends Canvas {
    static final Color POSITIVE = color(EdgePicture.POSITIVE);
    static final Color NEGATIVE = color(EdgePicture.NEGATIVE);
    static final Color BACKWARD = Color.web("#cf222e");
    private static final double[] DASHES = {10, 5};

    /** The dashes of a line {@code width} wide: the pattern {@link #DASHES}, longer for thick lines so that they read as dashes. */
    static double[] dashes(double width) {
        return new double[] {Math.max(DASHES[0], 2 * width), Math.max(DASHES[1], width)};
    }

    /** Ends of edge e in the graph's design coordinates: x1, y1, x2, y2 at 4e..4e+3. */
    private double[] ends = new double[0];
    private final EdgeRaster raster = new EdgeRaster();
    /**
     * The selected edge, drawn as the edge lines were (style classes "edge", its sign and
     * "selected"): its glow and opacity come from the stylesheet.
     */
    private final Line markLine = new Line();
    /** Whether the canvas holds strokes to clear before the next frame. */
    private boolean dirty;
    /** The edges' geometry last painted, its scale and offset, and whether an edge moved since. */
    private EdgeGeometry geometry;
    private final double[] geometryKey = new double[3];
    private boolean moved;
    private Consumer<EdgeGeometry> onGeometry = g -> { };
    private EdgePicture drawn;
    /** Whether the last paint showed the worker's picture (instead of drawing the edges here); which one. */
    private boolean showedDrawn;
    private EdgePicture shownPicture;

    EdgeCanvas() {
        setMouseTransparent(true);
        setManaged(false);
        markLine.setMouseTransparent(true);
        markLine.setVisible(false);
    }

    /** Edge e now runs from (x1, y1) to (x2, y2), in design coordinates. */
    void place(int e, double x1, double y1, double x2, double y2) {
        if (ends.length < 4 * (e + 1)) {
            ends = java.util.Arrays.copyOf(ends, Math.max(4 * (e + 1), 2 * ends.length));
        }
        if (ends[4 * e] == x1 && ends[4 * e + 1] == y1 && ends[4 * e + 2] == x2 && ends[4 * e + 3] == y2) {
            return;
        }
        ends[4 * e] = x1;
        ends[4 * e + 1] = y1;
        ends[4 * e + 2] = x2;
        ends[4 * e + 3] = y2;
        moved = true;
    }

    /** The edges' ends as placed: x1, y1, x2, y2 of edge e at 4e..4e+3 (the array itself; read on the FX thread). */
    double[] ends() {
        return ends;
    }

    /** Whether the last paint showed the picture the worker drew. */
    boolean showedDrawn() {
        return showedDrawn;
    }

    /** The selected edge's line, to sit with the graph's nodes, under them. */
    Line markLine() {
        return markLine;
    }

    /** The image of the plain edges, to sit just under this canvas. */
    ImageView rasterView() {
        return raster.view();
    }

    /** Where the edges go now, in pixels (the same object while nothing moved), so that the worker may draw them. */
    void setOnGeometry(Consumer<EdgeGeometry> onGeometry) {
        this.onGeometry = onGeometry;
    }

    /** The plain edges drawn by the worker for the next {@link #paint}: shown if drawn for the geometry it paints, else drawn here. */
    void setDrawn(EdgePicture drawn) {
        this.drawn = drawn;
    }

    /**
     * Paints the edges of {@code edges} (in their order, as the nodes were stacked) onto a canvas
     * of {@code w} x {@code h}, the design coordinates scaled by {@code fit} and moved by
     * ({@code x}, {@code y}); {@code marked} is the index of the selected edge or -1. The plain
     * edges go into the raster image; the dashed and the selected one onto the canvas over it.
     */
    void paint(List<GraphSnapshot.Edge> edges, double w, double h, double fit, double x, double y, double scale,
            int marked) {
        double px = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int n = Math.min(edges.size(), ends.length / 4);
        EdgeGeometry g = geometry(n, (int) Math.ceil(w * px), (int) Math.ceil(h * px), fit * px, x * px, y * px,
                fit * px * scale, marked);
        EdgePicture p = drawn;
        showedDrawn = p != null && p.geometry() == g;
        if (showedDrawn && p != shownPicture) {
            // a picture kept from the last snapshot is in the image already
            raster.show(p.pixels(), g.width(), g.height(), px);
        } else if (!showedDrawn) {
            raster.show(EdgePicture.stroke(g, edges, raster.strokes()), g.width(), g.height(), px);
        }
        shownPicture = showedDrawn ? p : null;
        boolean special = false;
        for (int e = 0; e < n; e++) {
            GraphSnapshot.Edge edge = edges.get(e);
            if (e == marked) {
                mark(edge, e, scale);
            } else if (edge.forward() || edge.backward()) {
                special = true;
            }
        }
        markLine.setVisible(marked >= 0 && marked < n);
        if (getWidth() != w || getHeight() != h) {
            setWidth(w);
            setHeight(h);
            dirty = true;
        }
        GraphicsContext gc = getGraphicsContext2D();
        if (dirty) {
            gc.setTransform(1, 0, 0, 1, 0, 0);
            gc.clearRect(0, 0, w, h);
            dirty = false;
        }
        if (special) {
            drawSpecial(gc, edges, n, fit, x, y, scale, marked);
            dirty = true;
        }
        // an empty canvas as large as the graph still costs the software renderer a blend of every pixel, each frame
        setVisible(special);
    }

    /**
     * The geometry of n edges in a picture of w x h pixels, the design coordinates times k moved
     * by (dx, dy): the last one while nothing changed, else a new one, which the worker is told of.
     */
    private EdgeGeometry geometry(int n, int w, int h, double k, double dx, double dy, double widthUnit, int marked) {
        EdgeGeometry g = geometry;
        if (!moved && g != null && g.edges() == n && g.width() == w && g.height() == h && geometryKey[0] == k
                && geometryKey[1] == dx && geometryKey[2] == dy && g.widthUnit() == widthUnit && g.skipped() == marked) {
            return g;
        }
        double[] pixels = new double[4 * n];
        for (int i = 0; i < 4 * n; i += 2) {
            pixels[i] = k * ends[i] + dx;
            pixels[i + 1] = k * ends[i + 1] + dy;
        }
        geometry = new EdgeGeometry(w, h, pixels, widthUnit, marked);
        geometryKey[0] = k;
        geometryKey[1] = dx;
        geometryKey[2] = dy;
        moved = false;
        onGeometry.accept(geometry);
        return geometry;
    }

    private void drawSpecial(GraphicsContext g, List<GraphSnapshot.Edge> edges, int n, double fit, double x, double y,
            double scale, int marked) {
        g.setTransform(fit, 0, 0, fit, x, y);
        // butt ends: square ones grow each dash by the line's width, which closed the gaps of thick edges
        g.setLineCap(StrokeLineCap.BUTT);
        // only the edges a stage flows along are drawn here: dashed and opaque
        g.setGlobalAlpha(1.0);
        for (int e = 0; e < n; e++) {
            GraphSnapshot.Edge edge = edges.get(e);
            if (!(edge.forward() || edge.backward()) || e == marked) {
                continue;
            }
            g.setStroke(edge.backward() ? BACKWARD : edge.positive() ? POSITIVE : NEGATIVE);
            double width = scale * (1 + 6 * edge.width());
            g.setLineWidth(width);
            g.setLineDashes(dashes(width));
            g.strokeLine(ends[4 * e], ends[4 * e + 1], ends[4 * e + 2], ends[4 * e + 3]);
        }
        g.setLineDashes((double[]) null);
    }

    private static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    private void mark(GraphSnapshot.Edge edge, int e, double scale) {
        markLine.setStartX(ends[4 * e]);
        markLine.setStartY(ends[4 * e + 1]);
        markLine.setEndX(ends[4 * e + 2]);
        markLine.setEndY(ends[4 * e + 3]);
        markLine.setStrokeWidth(scale * (1 + 6 * edge.width()));
        String sign = edge.positive() ? "positive" : "negative";
        if (!markLine.getStyleClass().contains(sign)) {
            markLine.getStyleClass().setAll("edge", sign, "selected");
        }
    }

    /**
     * The index in a snapshot's edges (layer by layer, then by neuron, then by source) of the
     * edge of {@code item}; -1 when it is no weight of a network of {@code sizes}.
     */
    static int index(List<Integer> sizes, GraphItem item) {
        if (item == null || item.kind() != GraphItem.Kind.WEIGHT || item.layer() < 0
                || item.layer() >= sizes.size() - 1) {
            return -1;
        }
        int l = item.layer();
        if (item.row() < 0 || item.row() >= sizes.get(l + 1) || item.col() < 0 || item.col() >= sizes.get(l)) {
            return -1;
        }
        int e = 0;
        for (int m = 0; m < l; m++) {
            e += sizes.get(m) * sizes.get(m + 1);
        }
        return e + item.row() * sizes.get(l) + item.col();
    }
}
