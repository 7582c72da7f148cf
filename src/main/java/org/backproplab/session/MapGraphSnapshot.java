package org.backproplab.session;

import java.util.List;

/**
 * What the stepping tab draws for a network with maps, ready to show: columns from the input to
 * the output, each a list of grids of numbers (an input image, a kernel, a feature map, a pooled
 * map, a dense layer's weights or outputs). Built on the worker by {@link MapGraph}; the view
 * only lays the grids out, sets texts and colours.
 *
 * @param columns one per layer, the input first
 */
public record MapGraphSnapshot(List<Column> columns, MapLayout layout) {

    /** A layer's grids under a title ("Layer 1: convolution, 2 filters 3x3, relu"). */
    public record Column(Phrase title, boolean active, List<Grid> grids) {
        public Column {
            grids = List.copyOf(grids);
        }
    }

    /** A grid of {@code rows} x {@code cols} cells, row by row, under a name ("a1[0]", "W1[1]"). */
    public record Grid(String name, int rows, int cols, List<Cell> cells) {
        public Grid {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One number: its text (one or two short lines), its shade in [-1, 1] (the colour behind it:
     * positive blue, negative orange), what it is (for clicks and the inspector), whether it won
     * its pooling window, whether the stage just run computed it, whether it changed in the update,
     * whether it is selected; {@code tip} the exact values.
     */
    public record Cell(String text, double shade, GraphItem item, boolean winner, boolean active, boolean changed,
            boolean selected, String tip) {
    }

    public MapGraphSnapshot {
        columns = List.copyOf(columns);
    }

    /** Whether this network has the item (a click on something else is refused). */
    public boolean has(GraphItem item) {
        return layout.has(item);
    }
}
