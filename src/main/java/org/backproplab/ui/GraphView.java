package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import org.backproplab.session.GraphItem;
import org.backproplab.session.GraphSnapshot;
import org.backproplab.session.Phrase;

/**
 * The network as a graph: input boxes, neurons as circles labelled with net and out, edges
 * coloured by sign (blue positive, orange negative) and thickened by magnitude with each weight's
 * value, a bias beside every neuron, and the targets. Draws a {@link GraphSnapshot}: the nodes are
 * built once per network shape; a new snapshot sets texts and style classes; {@link GraphLayout}
 * says where everything goes.
 */
public final class GraphView extends Region {
    /**
     * The nodes, placed and sized by {@link #layoutContent} alone: a neuron's hidden label that
     * gets a new text asks for layout up to here (unmanaged, a layout root), and Pane's own layout
     * would size every child again, 4,000 of them in a network of 8 layers of 16.
     */
    private final Pane content = new Pane() {
        @Override
        protected void layoutChildren() {
        }
    };
    /** The frame of the last layout while nothing that moves the nodes changed since; null otherwise. */
    private GraphLayout.Frame laidOut;
    private final I18n i18n;
    private final Consumer<GraphItem> onSelect;
    private Consumer<GraphItem> onHover = s -> { };
    private List<Integer> sizes = List.of();
    /** The edges, painted on one canvas under the nodes. */
    private final EdgeCanvas edgeCanvas = new EdgeCanvas();
    /** The edge under the mouse, found from where the edges go. */
    private final EdgeHits edgeHits = new EdgeHits(content, edgeCanvas);
    /** The tooltips' showings and hidings ({@code GraphNodes.tipEvents}) when the last snapshot's edges were shown. */
    private final long[] tipsSeen = {-1};
    private final List<Label> weightLabels = new ArrayList<>();
    /** {@code neurons.get(l).get(j)}: the nodes of neuron j of layer l. */
    private final List<List<GraphNodes.NeuronNodes>> neurons = new ArrayList<>();
    private final List<Label> inputs = new ArrayList<>();
    private final List<Label> targets = new ArrayList<>();
    private final List<Label> errors = new ArrayList<>();
    private GraphSnapshot snapshot;
    private double scale = 1.0;
    private boolean showTargets = true;
    private boolean compact;
    private String idPrefix = "";
    private int[][] biasColors;
    private GraphItem marked;
    private final NeuronThumbs thumbs = new NeuronThumbs();
    /** The step graph's labels' largest sizes since the network or the scale changed (GraphFit). */
    private GraphFit.Sizes largest;
    private final GraphFit.Memo fits = new GraphFit.Memo();
    /** Where along its edge each of the step graph's weight labels sits (0 at its source), null for the compact graph. */
    private double[] along;

    /** @param onSelect called with what was clicked */
    public GraphView(I18n i18n, Consumer<GraphItem> onSelect) {
        this.i18n = i18n;
        this.onSelect = onSelect;
        getStyleClass().add("network-graph");
        setMinSize(200, 160);
        content.setManaged(false);
        getChildren().addAll(edgeCanvas.rasterView(), edgeCanvas, thumbs.sheet(), content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        i18n.localeProperty().addListener((o, a, b) -> {
            largest = null; // the other language's labels take their own room
            if (snapshot != null) {
                render(snapshot);
            }
        });
    }

    /** 1 normally, larger in presentation mode: radii, fonts and lines grow with it. */
    public void setScale(double scale) {
        this.scale = scale;
        laidOut = null;
        largest = null;
        if (snapshot != null) {
            render(snapshot);
        }
        requestLayout();
    }

    /** Put before the ids of the graph's nodes, so that two graphs in one window differ. */
    public void setIdPrefix(String prefix) {
        this.idPrefix = prefix;
        edgeCanvas.markLine().setId(prefix + "edge-marked");
    }

    /** Whether the targets column is drawn (the playground has none). */
    public void setShowTargets(boolean show) {
        this.showTargets = show;
    }

    /**
     * The playground's look (set before the first snapshot): small neurons that show their heatmaps, no bias
     * or weight labels (not even hidden ones: their values are in the edges' tooltips), for up to 8 layers of 16.
     */
    public void setCompact(boolean compact) {
        this.compact = compact;
        laidOut = null;
        requestLayout();
    }

    /** Called with the neuron, edge or bias square under the mouse, or null when it leaves. */
    public void setOnHover(Consumer<GraphItem> onHover) {
        this.onHover = onHover;
    }

    /** Each neuron's heatmap in its circle ({@code argb[l][j]}: size x size ARGB, into an image kept), none for null. */
    public void setThumbnails(int[][][] argb, int size) {
        // a neuron's picture and text change places inside its own node: nothing moves
        thumbs.show(neurons, argb, size);
        for (int l = 0; snapshot != null && l < neurons.size() && l < snapshot.neurons().size(); l++) {
            for (int j = 0; j < neurons.get(l).size() && j < snapshot.neurons().get(l).size(); j++) {
                GraphNodes.texts(neurons.get(l).get(j), snapshot.neurons().get(l).get(j));
            }
        }
    }

    /** The side, in screen pixels, of the neurons' maps as shown; 0 while not in a window. */
    public int thumbnailPixels() {
        return NeuronThumbs.shownPixels(neurons);
    }

    /** Each neuron's bias as a square at its lower left filled with {@code argb[l][j]} (compact graph); none for null. */
    public void setBiasColors(int[][] argb) {
        this.biasColors = argb;
        for (int l = 0; l < neurons.size(); l++) {
            for (int j = 0; j < neurons.get(l).size(); j++) {
                Rectangle square = neurons.get(l).get(j).biasSquare();
                boolean has = compact && argb != null && l < argb.length && j < argb[l].length;
                int rgb = has ? argb[l][j] & 0xFFFFFF : 0;
                if (has && !(square.getFill() instanceof Color c && rgb == GraphNodes.rgb(c))) {
                    square.setFill(Color.rgb(rgb >> 16, rgb >> 8 & 0xFF, rgb & 0xFF));
                }
                square.setVisible(has);
            }
        }
    }

    /** The edge under the mouse (and where on the screen an edge is). */
    EdgeHits edgeHits() {
        return edgeHits;
    }

    /** Where the edges go (told when they move, in pixels) and, before a render, their picture drawn elsewhere. */
    EdgeCanvas edges() {
        return edgeCanvas;
    }

    /** Marks one edge or bias (the one being edited) with the style class "selected"; null for none. */
    public void setMarked(GraphItem item) {
        this.marked = item;
        thumbs.mark(item);
        laidOut = null;
        requestLayout();
        for (int l = 0; l < neurons.size(); l++) {
            for (int j = 0; j < neurons.get(l).size(); j++) {
                ViewParts.styled(neurons.get(l).get(j).biasSquare(), "selected", GraphItem.bias(l, j).equals(item));
            }
        }
    }

    // ---- building --------------------------------------------------------------------------

    private void rebuild(List<Integer> newSizes) {
        laidOut = null;
        largest = null;
        content.getChildren().clear();
        List.of(weightLabels, neurons, inputs, targets, errors).forEach(List::clear);
        sizes = List.copyOf(newSizes);
        GraphNodes make = new GraphNodes(idPrefix, onSelect, item -> onHover.accept(item));
        List<GraphItem> items = new ArrayList<>();
        int layers = sizes.size() - 1;
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++) {
                    Label label = make.clickable("weight-" + l + "-" + j + "-" + i, "weight-label",
                            GraphItem.weight(l, j, i));
                    weightLabels.add(label);
                    items.add(GraphItem.weight(l, j, i));
                }
            }
        }
        edgeHits.rebuild(make, items, weightLabels);
        content.getChildren().add(edgeCanvas.markLine());
        content.getChildren().addAll(compact ? List.of() : weightLabels);
        for (int i = 0; i < sizes.get(0); i++) {
            inputs.add(make.clickable("input-" + i, "io-box", GraphItem.input(i)));
        }
        content.getChildren().addAll(inputs);
        for (int l = 0; l < layers; l++) {
            List<GraphNodes.NeuronNodes> column = new ArrayList<>();
            for (int j = 0; j < sizes.get(l + 1); j++) {
                column.add(make.neuron(l, j));
            }
            neurons.add(column);
            column.forEach(n -> content.getChildren().add(n.node()));
            column.forEach(n -> content.getChildren().add(n.bias()));
            column.forEach(n -> content.getChildren().add(n.biasSquare()));
            column.forEach(n -> content.getChildren().add(n.delta()));
        }
        for (int k = 0; k < sizes.get(layers); k++) {
            targets.add(make.clickable("target-" + k, "io-box", GraphItem.target(k)));
            Label err = new Label();
            err.setId(idPrefix + "error-" + k);
            err.getStyleClass().add("error-label");
            err.setTooltip(GraphNodes.tooltip());
            errors.add(err);
        }
        content.getChildren().addAll(targets);
        content.getChildren().addAll(errors);
        setBiasColors(biasColors);
        setMarked(marked);
    }

    // ---- drawing a snapshot -----------------------------------------------------------------

    /** Shows the snapshot: texts, tooltips and style classes; the nodes are rebuilt only when the shape changed. */
    public void render(GraphSnapshot s) {
        GraphSnapshot before = s.layerSizes().equals(sizes) ? snapshot : null;
        if (before == null) {
            rebuild(s.layerSizes());
        }
        this.snapshot = s;
        for (int i = 0; i < inputs.size(); i++) {
            show(inputs.get(i), s.inputs().get(i), true);
        }
        // beyond a few dozen edges the values would be unreadable: hover shows them instead
        boolean weightsReadable = weightLabels.size() <= 40 && !compact;
        GraphNodes.edges(s, before, tipsSeen, weightLabels, weightsReadable, k -> text(snapshot.edges().get(k).label().tip()),
                (label, box) -> show(label, box, true));
        for (int l = 0; l < neurons.size(); l++) {
            for (int j = 0; j < neurons.get(l).size(); j++) {
                GraphSnapshot.Neuron n = s.neurons().get(l).get(j);
                GraphNodes.NeuronNodes nodes = neurons.get(l).get(j);
                StackPane node = nodes.node();
                GraphNodes.texts(nodes, n);
                GraphNodes.textWhenShown((Tooltip) node.getUserData(), () -> text(n.tip()));
                Label delta = nodes.delta();
                delta.setVisible(n.delta() != null);
                if (n.delta() != null) {
                    delta.setText(n.delta());
                }
                ViewParts.styled(node, "backward", n.backward());
                ViewParts.styled(node, "active", n.active());
                ViewParts.styled(delta, "active", n.deltaActive());
                ViewParts.styled(node, "selected", n.selected());
                show(nodes.bias(), s.biases().get(l).get(j), !compact);
            }
        }
        boolean targetsShown = showTargets && s.showTargets();
        for (int k = 0; k < targets.size(); k++) {
            show(targets.get(k), s.targets().get(k), targetsShown);
            show(errors.get(k), s.errors().get(k), targetsShown);
        }
        if (laidOut != null && compact && !targetsShown && !s.anyDelta() && laidOut.equals(frame())) {
            // the playground's frame: only the weights changed, and the edges are one picture
            edgeCanvas.paint(s.edges(), getWidth(), getHeight(), laidOut.fit(), laidOut.x(), laidOut.y(), scale,
                    EdgeCanvas.index(sizes, marked));
        } else {
            laidOut = null;
            requestLayout();
        }
    }

    private void show(Label label, GraphSnapshot.Box box, boolean allowed) {
        label.setVisible(allowed && box.visible());
        if (!box.visible()) {
            return;
        }
        if (!allowed) {
            // hidden, its value in the tooltip (written when shown): a new text or style would only cost layout and CSS
            GraphNodes.textWhenShown(label.getTooltip(), () -> text(box.tip()));
            return;
        }
        label.setText(box.text());
        label.getTooltip().setText(text(box.tip()));
        ViewParts.styled(label, "active", box.active());
        ViewParts.styled(label, "changed", box.changed());
        ViewParts.styled(label, "selected", box.selected());
    }

    private String text(Phrase p) {
        return p.format(i18n::get);
    }

    // ---- layout ----------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        if (sizes.isEmpty()) {
            return;
        }
        GraphLayout.Frame f = frame();
        layoutContent(compact ? new GraphLayout(sizes, f.width(), f.height(), scale, true, 0)
                : GraphFit.layout(sizes, f.width(), f.height(), scale, largest));
        content.resize(f.width(), f.height());
        content.getTransforms().setAll(new Scale(f.fit(), f.fit(), 0, 0));
        content.relocate(f.x(), f.y());
        if (compact) {
            thumbs.place(neurons, f.fit(), f.x(), f.y(), getWidth(), getHeight());
        }
        edgeCanvas.paint(snapshot.edges(), getWidth(), getHeight(), f.fit(), f.x(), f.y(), scale,
                EdgeCanvas.index(sizes, marked));
        laidOut = f;
    }

    /** Where the graph goes in this region now, and how large: the step graph by {@link GraphFit}, the compact by its neurons. */
    private GraphLayout.Frame frame() {
        if (!compact) {
            GraphFit.Sizes now = GraphSizes.measure(weightLabels, neurons, inputs, targets, errors);
            largest = largest == null ? now : largest.max(now);
            boolean biases = neurons.stream().flatMap(List::stream).anyMatch(n -> n.bias().isVisible());
            GraphFit.Fitted f = fits.fit(sizes, getWidth(), getHeight(), scale, largest,
                    weightLabels.stream().anyMatch(Label::isVisible), biases);
            along = f.along();
            return f.frame();
        }
        return GraphLayout.compactFrame(sizes, getWidth(), getHeight(), scale);
    }

    private void layoutContent(GraphLayout g) {
        double radius = g.radius();
        for (int i = 0; i < inputs.size(); i++) {
            GraphNodes.centre(inputs.get(i), g.inputX(i), g.inputY(i));
        }
        for (int l = 0; l < neurons.size(); l++) {
            for (int j = 0; j < neurons.get(l).size(); j++) {
                GraphNodes.NeuronNodes n = neurons.get(l).get(j);
                StackPane node = n.node();
                ((Circle) node.getChildren().get(0)).setRadius(radius);
                ImageView thumb = n.thumb();
                thumb.setFitWidth(radius * 1.4);
                thumb.setFitHeight(radius * 1.4);
                double x = g.neuronX(l, j);
                double y = g.neuronY(l, j);
                node.resizeRelocate(x - radius, y - radius, 2 * radius, 2 * radius);
                Label bias = n.bias();
                bias.autosize();
                bias.relocate(x - bias.getWidth() / 2, y - radius - bias.getHeight() - 2);
                // TensorFlow Playground's place for the bias: a small square at the lower left
                Rectangle square = n.biasSquare();
                double side = Math.max(7, radius * 0.42);
                square.setWidth(side);
                square.setHeight(side);
                square.relocate(x - radius * 0.72 - side / 2, y + radius * 0.72 - side / 2);
                Label delta = n.delta();
                delta.autosize();
                // right of the neuron, below its centre: clear of the bias above and of the
                // weight labels, which sit on the incoming edges to the left
                delta.relocate(x + radius * 0.75, y + radius * 0.7);
            }
        }
        for (int k = 0; k < targets.size(); k++) {
            GraphNodes.centre(targets.get(k), g.targetX(k), g.targetY(k));
            Label err = errors.get(k);
            err.autosize();
            err.relocate(g.errorLabelX(k, targets.get(k).getWidth(), err.getWidth()), GraphFit.errorY(g.targetY(k), largest != null ? largest.targetH() : targets.get(k).getHeight()));
        }
        // wider than the widest edge painted, so that the mouse finds every edge where it is drawn
        edgeHits.setHalfWidth(Math.max(9, 7 * scale + 2) / 2);
        int e = 0;
        for (int l = 0; l < sizes.size() - 1; l++) {
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++, e++) {
                    double[] p = g.edge(l, j, i, l == 0 ? inputs.get(i).getWidth() / 2 : 0);
                    edgeCanvas.place(e, p[0], p[1], p[2], p[3]);
                    Label label = weightLabels.get(e);
                    if (!label.isVisible()) {
                        continue;
                    }
                    label.autosize();
                    double[] q = along != null && l == 0 ? g.edge(l, j, i, largest.inputW() / 2) : p; // as fitted
                    double t = along != null ? along[e] : GraphLayout.labelAt(q[0], q[2], label.getWidth());
                    label.relocate(q[0] + t * (q[2] - q[0]) - label.getWidth() / 2,
                            q[1] + t * (q[3] - q[1]) - label.getHeight() / 2);
                }
            }
        }
    }
}
