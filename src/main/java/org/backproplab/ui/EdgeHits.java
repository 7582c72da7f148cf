package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import org.backproplab.session.GraphItem;

/**
 * The edge under the mouse in a {@link GraphView}, found from where the edges go ({@link EdgeCanvas}'s
 * ends, in the graph's design coordinates) rather than by a node per edge: at 8 layers of 16 the
 * graph had 1,840 invisible lines for the mouse, which JavaFX walked at every pulse (a third of the FX
 * thread's time, docs/PERFORMANCE.md). Over an edge the cursor is a hand, the edge's weight label's
 * tooltip shows, and the graph is told of the hover; a click selects it. Neurons and bias squares lie
 * over the edges and take the mouse first.
 */
final class EdgeHits {
    private final Pane content;
    private final EdgeCanvas canvas;
    private GraphNodes nodes;
    private List<GraphItem> items = List.of();
    private List<Label> labels = List.of();
    private double half = 4.5;
    private int under = -1;
    private Tooltip installed;

    EdgeHits(Pane content, EdgeCanvas canvas) {
        this.content = content;
        this.canvas = canvas;
        content.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int k = edgeUnder(e);
            if (k != under) {
                over(k);
                if (k >= 0) {
                    // the tooltip just installed waits for a move to start its delay: this one
                    content.fireEvent(e.copyFor(content, content));
                }
            }
        });
        content.addEventHandler(MouseEvent.MOUSE_EXITED, e -> over(-1));
        content.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int k = edgeUnder(e);
            if (k >= 0) {
                nodes.select(items.get(k));
            }
        });
    }

    /** The edge under a mouse event on the graph's content, or -1 (also when a node over the edges took it). */
    private int edgeUnder(MouseEvent e) {
        return e.getTarget() == content ? at(e.getX(), e.getY()) : -1;
    }

    /**
     * A new network: edge e is {@code items.get(e)}, its tooltip {@code labels.get(e)}'s; hover and clicks go to
     * {@code nodes}. Until the first, there are no edges to find (so {@code nodes} is set whenever one is under the mouse).
     */
    void rebuild(GraphNodes nodes, List<GraphItem> items, List<Label> labels) {
        over(-1);
        this.nodes = nodes;
        this.items = List.copyOf(items);
        this.labels = List.copyOf(labels);
    }

    /** How far from an edge's line the mouse still finds it, in design coordinates. */
    void setHalfWidth(double half) {
        this.half = half;
    }

    /** The edge at (x, y) in design coordinates, or -1. */
    int at(double x, double y) {
        return nearest(canvas.ends(), items.size(), x, y, half);
    }

    /** The point a fraction {@code t} along the edge of the weight {@code item} from its start, on the screen (for robots). */
    Point2D onScreen(GraphItem item, double t) {
        int e = items.indexOf(item);
        if (e < 0) {
            throw new IllegalArgumentException("no edge " + item);
        }
        double[] ends = canvas.ends();
        return content.localToScreen(ends[4 * e] + t * (ends[4 * e + 2] - ends[4 * e]),
                ends[4 * e + 1] + t * (ends[4 * e + 3] - ends[4 * e + 1]));
    }

    /**
     * Of the first {@code n} segments ({@code ends}: x1, y1, x2, y2 at 4e..4e+3), the one nearest (x, y)
     * if it is within {@code half} of it; of equally near ones the last (drawn on top); else -1.
     */
    static int nearest(double[] ends, int n, double x, double y, double half) {
        int best = -1;
        double bestDistance = half * half;
        for (int e = 0; e < n && 4 * e + 3 < ends.length; e++) {
            double x1 = ends[4 * e];
            double y1 = ends[4 * e + 1];
            double dx = ends[4 * e + 2] - x1;
            double dy = ends[4 * e + 3] - y1;
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
            double ox = x - (x1 + t * dx);
            double oy = y - (y1 + t * dy);
            double d = ox * ox + oy * oy;
            if (d <= bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        return best;
    }

    private void over(int k) {
        if (k == under) {
            return;
        }
        if (installed != null) {
            Tooltip.uninstall(content, installed);
            installed = null;
        }
        if (under >= 0) {
            nodes.exit(items.get(under));
        }
        under = k;
        content.setCursor(k >= 0 ? Cursor.HAND : null);
        if (k >= 0) {
            installed = labels.get(k).getTooltip();
            Tooltip.install(content, installed);
            nodes.enter(items.get(k));
        }
    }
}
