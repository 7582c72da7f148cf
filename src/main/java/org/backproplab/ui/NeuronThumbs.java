package org.backproplab.ui;

import java.util.Arrays;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.backproplab.session.GraphItem;

/**
 * Shows each neuron's heatmap: all of them with their circles in one picture ({@link NeuronSheet})
 * once the neurons are placed, else (and for a neuron whose circle is styled, such as the
 * selected one) in the neuron's own image over its own circle, kept from frame to frame and
 * written only when its pixels changed (every write is a texture upload for the renderer).
 */
final class NeuronThumbs {
    private final NeuronSheet sheet = new NeuronSheet();
    private int[][][] lastArgb;
    private int lastSize;
    /** The edge or bias being edited (the graph draws it over the picture), or null. */
    private GraphItem marked;
    /** {@code shown[l][j]}: the pixels last written for neuron j of layer l. */
    private int[][][] shown = new int[0][][];
    /**
     * {@code given[l][j]}: the array last passed for neuron j of layer l; a snapshot that kept the
     * last maps (training faster than its maps) passes the same arrays again.
     */
    private int[][][] given = new int[0][][];

    /**
     * How many screen pixels wide a neuron's map is shown (the first neuron's; all are as large),
     * so that the maps can be made that size; 0 before the graph is in a window.
     */
    static int shownPixels(List<List<GraphNodes.NeuronNodes>> neurons) {
        javafx.stage.Window window = window(neurons);
        if (window == null) {
            return 0;
        }
        ImageView v = neurons.get(0).get(0).thumb();
        double width = v.localToScene(v.getLayoutBounds()).getWidth();
        return (int) Math.round(width * window.getOutputScaleX());
    }

    /** The window the first neuron is shown in, or null (no neuron, or the graph not yet in a window). */
    private static javafx.stage.Window window(List<List<GraphNodes.NeuronNodes>> neurons) {
        if (neurons.isEmpty() || neurons.get(0).isEmpty() || neurons.get(0).get(0).node().getScene() == null) {
            return null;
        }
        return neurons.get(0).get(0).node().getScene().getWindow();
    }

    /** The picture of the neurons that have no style of their own, over the edges and under the other nodes. */
    ImageView sheet() {
        return sheet.view();
    }

    /**
     * Tells the picture where the neurons are after a layout: the graph's content scaled by
     * {@code fit} and moved to ({@code x}, {@code y}) in a graph {@code width} x {@code height}
     * (its circles' colours and widths as styled now); the last heatmaps are shown again.
     */
    void place(List<List<GraphNodes.NeuronNodes>> neurons, double fit, double x, double y, double width, double height) {
        javafx.stage.Window window = window(neurons);
        if (window == null) {
            sheet.unplace();
            return;
        }
        double[][] centres = new double[neurons.size()][];
        Circle plain = null;
        for (int l = 0; l < neurons.size(); l++) {
            centres[l] = new double[2 * neurons.get(l).size()];
            for (int j = 0; j < neurons.get(l).size(); j++) {
                javafx.scene.layout.StackPane node = neurons.get(l).get(j).node();
                centres[l][2 * j] = x + fit * (node.getLayoutX() + node.getWidth() / 2);
                centres[l][2 * j + 1] = y + fit * (node.getLayoutY() + node.getHeight() / 2);
                if (plain == null && !styled(neurons.get(l).get(j))) {
                    plain = (Circle) node.getChildren().get(0);
                }
            }
        }
        if (plain == null || !(plain.getFill() instanceof Color fill)) {
            // no circle to take the look from: each neuron draws itself
            sheet.unplace();
            return;
        }
        Color rim = plain.getStroke() instanceof Color c ? c : Color.TRANSPARENT;
        sheet.place(centres, fit * plain.getRadius(), plain.getStroke() == null ? 0 : fit * plain.getStrokeWidth(),
                fit * neurons.get(0).get(0).thumb().getFitWidth(), fill, rim, width, height, window.getOutputScaleX());
        if (lastArgb != null) {
            show(neurons, lastArgb, lastSize);
        }
    }

    /**
     * The weight being edited (its edge drawn with a glow over the neurons' picture), or null: the
     * neurons at its two ends draw themselves, over it, as they did before the picture.
     */
    void mark(GraphItem item) {
        this.marked = item;
    }

    /** Whether neuron j of layer l is at an end of the {@link #mark}ed edge. */
    private boolean atMarkedEdge(int l, int j) {
        GraphItem m = marked;
        return m != null && m.kind() == GraphItem.Kind.WEIGHT
                && (m.layer() == l && m.row() == j || m.layer() == l + 1 && m.col() == j);
    }

    /** Whether the neuron's circle has a style of its own (selected, or lit by a pass), so that it is drawn by its own nodes. */
    private static boolean styled(GraphNodes.NeuronNodes n) {
        List<String> style = n.node().getStyleClass();
        return style.contains("selected") || style.contains("active") || style.contains("backward");
    }

    /**
     * Shows {@code argb[l][j]} ({@code size} x {@code size} ARGB pixels) in neuron j of layer l,
     * or no picture where {@code argb} has none.
     */
    void show(List<List<GraphNodes.NeuronNodes>> neurons, int[][][] argb, int size) {
        lastArgb = argb;
        lastSize = size;
        boolean inSheet = sheet.show(argb, size);
        if (shown.length != neurons.size()) {
            shown = new int[neurons.size()][][];
            given = new int[neurons.size()][][];
        }
        for (int l = 0; l < neurons.size(); l++) {
            List<GraphNodes.NeuronNodes> column = neurons.get(l);
            if (shown[l] == null || shown[l].length != column.size()) {
                shown[l] = new int[column.size()][];
                given[l] = new int[column.size()][];
            }
            for (int j = 0; j < column.size(); j++) {
                ImageView v = column.get(j).thumb();
                int[] pixels = argb != null && l < argb.length && j < argb[l].length ? argb[l][j] : null;
                boolean has = pixels != null;
                boolean own = !inSheet || styled(column.get(j)) || atMarkedEdge(l, j);
                column.get(j).node().getChildren().get(0).setVisible(own);
                if (!own) {
                    // in the sheet: its own image is written again when it shows
                    given[l][j] = null;
                    v.setVisible(false);
                    column.get(j).node().getChildren().get(1).setVisible(false);
                    continue;
                }
                if (has) {
                    WritableImage image = v.getImage() instanceof WritableImage w && w.getWidth() == size
                            && w.getHeight() == size ? w : new WritableImage(size, size);
                    if (image != v.getImage() || pixels != given[l][j] && !Arrays.equals(pixels, shown[l][j])) {
                        image.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), pixels,
                                0, size);
                        shown[l][j] = pixels.clone();
                    }
                    given[l][j] = pixels;
                    if (v.getImage() != image) {
                        v.setImage(image);
                    }
                }
                v.setVisible(has);
                column.get(j).node().getChildren().get(1).setVisible(!has);
            }
        }
    }
}
