package org.backproplab.session;

import java.util.List;

/**
 * A graph's plain edges drawn into premultiplied ARGB pixels for one {@link EdgeGeometry}: blue
 * when the weight is positive, orange when negative, at 3/4 opacity, as wide as the edge's weight
 * says. The playground's worker draws them into each snapshot, so that the FX thread, which a
 * large network's 2,000 edges kept busy for half of each frame, only shows them; the graph view
 * draws them the same way itself until a snapshot brings them for its geometry, and in the other
 * windows. The edges a stage flows along and the selected one are left to the view (dashed, or
 * with a glow).
 *
 * @param geometry the geometry they were drawn for (compared by identity)
 * @param pixels   width x height premultiplied ARGB values, row by row; never changed
 */
public record EdgePicture(EdgeGeometry geometry, int[] pixels) {
    public static final int POSITIVE = 0x2F6FDF;
    public static final int NEGATIVE = 0xE8590C;
    /** The opacity of a plain edge. */
    public static final double DIM = 0.75;

    /** Draws {@code edges} (indexed as the geometry's ends) on the worker: a picture of its own. */
    static EdgePicture draw(EdgeGeometry geometry, List<GraphSnapshot.Edge> edges, EdgeStrokes strokes) {
        return new EdgePicture(geometry, stroke(geometry, edges, strokes).clone());
    }

    /**
     * Strokes {@code edges} as the geometry places them into {@code strokes}, and returns its pixels
     * (its own array, drawn over by its next picture).
     */
    public static int[] stroke(EdgeGeometry geometry, List<GraphSnapshot.Edge> edges, EdgeStrokes strokes) {
        double[] ends = geometry.ends();
        int n = Math.min(edges.size(), geometry.edges());
        strokes.begin(geometry.width(), geometry.height(), n);
        for (int e = 0; e < n; e++) {
            GraphSnapshot.Edge edge = edges.get(e);
            if (e == geometry.skipped() || edge.forward() || edge.backward()) {
                continue;
            }
            strokes.stroke(ends[4 * e], ends[4 * e + 1], ends[4 * e + 2], ends[4 * e + 3],
                    geometry.widthUnit() * (1 + 6 * edge.width()), edge.positive() ? POSITIVE : NEGATIVE, DIM);
        }
        return strokes.end();
    }
}
