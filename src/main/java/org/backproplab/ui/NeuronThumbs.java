package org.backproplab.ui;

import java.util.Arrays;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Writes each neuron's heatmap into an image kept from frame to frame, and only when its pixels
 * changed: every write is a texture upload for the renderer, 128 of them a frame in a network of
 * 8 layers of 16.
 */
final class NeuronThumbs {
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
        if (neurons.isEmpty() || neurons.get(0).isEmpty()) {
            return 0;
        }
        ImageView v = neurons.get(0).get(0).thumb();
        if (v.getScene() == null || v.getScene().getWindow() == null) {
            return 0;
        }
        double width = v.localToScene(v.getLayoutBounds()).getWidth();
        return (int) Math.round(width * v.getScene().getWindow().getOutputScaleX());
    }

    /**
     * Shows {@code argb[l][j]} ({@code size} x {@code size} ARGB pixels) in neuron j of layer l,
     * or no picture where {@code argb} has none.
     */
    void show(List<List<GraphNodes.NeuronNodes>> neurons, int[][][] argb, int size) {
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
