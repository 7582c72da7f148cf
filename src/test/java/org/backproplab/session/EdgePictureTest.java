package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's edges drawn for a geometry, as the playground's worker draws them into each snapshot. */
class EdgePictureTest {
    private static GraphSnapshot.Edge edge(boolean positive, double width, boolean forward) {
        return new GraphSnapshot.Edge(0, 0, 0, positive, width, forward, false,
                new GraphSnapshot.Box("", Phrase.of(""), false, false, false, false));
    }

    /** Premultiplied ARGB of colour rgb at 3/4 opacity over nothing, as worked out by hand: each channel 0.75 c, rounded. */
    private static int dim(int rgb) {
        int r = (int) Math.round((rgb >> 16 & 0xFF) * 0.75);
        int g = (int) Math.round((rgb >> 8 & 0xFF) * 0.75);
        int b = (int) Math.round((rgb & 0xFF) * 0.75);
        return 0xBF << 24 | r << 16 | g << 8 | b;
    }

    @Test
    void eachEdgeInItsSignsColourAtThreeQuartersAndTheSkippedOnesLeftToTheView() {
        // four horizontal edges 4 pixels wide (1 + 6 x 0.5 = 4 units of 1 pixel), 10 pixels apart
        double[] ends = {10, 10, 90, 10, 10, 20, 90, 20, 10, 30, 90, 30, 10, 40, 90, 40};
        EdgeGeometry g = new EdgeGeometry(100, 50, ends, 1, 2);
        List<GraphSnapshot.Edge> edges = List.of(edge(true, 0.5, false), edge(false, 0.5, false), edge(true, 0.5, false),
                edge(true, 0.5, true));
        EdgePicture p = EdgePicture.draw(g, edges, new EdgeStrokes());
        assertSame(g, p.geometry());
        assertEquals(100 * 50, p.pixels().length);
        // the middle of a 4-pixel stroke is wholly covered: the colour at 0.75 (alpha 191)
        assertEquals(dim(EdgePicture.POSITIVE), p.pixels()[10 * 100 + 50]);
        assertEquals(dim(EdgePicture.NEGATIVE), p.pixels()[20 * 100 + 50]);
        assertEquals(0, p.pixels()[30 * 100 + 50], "the selected edge is the view's to draw");
        assertEquals(0, p.pixels()[40 * 100 + 50], "an edge a stage flows along is the view's (dashed)");
        assertEquals(0, p.pixels()[15 * 100 + 50], "between the edges nothing");
        assertEquals(0, p.pixels()[10 * 100 + 95], "past the square cap nothing");
    }
}
