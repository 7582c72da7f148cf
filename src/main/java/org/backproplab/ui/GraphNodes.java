package org.backproplab.ui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.backproplab.session.GraphItem;
import org.backproplab.session.GraphSnapshot;

/**
 * Builds the nodes of a {@link GraphView}: their ids (after a prefix), style classes, tooltips,
 * and what a click ({@code onSelect}) or the mouse entering and leaving ({@code onHover}) tells.
 */
final class GraphNodes {
    /** The property of a tooltip that holds the text it gets when next shown. */
    private static final String LATER = "backproplab.tipLater";

    /**
     * A neuron's circle with its texts and heatmap, its bias as a label above it (the step tab)
     * and as a square at its lower left (the compact graph, as TensorFlow Playground draws it),
     * and its delta label.
     */
    record NeuronNodes(StackPane node, Label name, Label net, Label out, ImageView thumb, Label bias,
            Rectangle biasSquare, Label delta) {
    }

    private final String idPrefix;
    private final Consumer<GraphItem> onSelect;
    private final Consumer<GraphItem> onHover;
    private GraphItem under;

    GraphNodes(String idPrefix, Consumer<GraphItem> onSelect, Consumer<GraphItem> onHover) {
        this.idPrefix = idPrefix;
        this.onSelect = onSelect;
        this.onHover = onHover;
    }

    NeuronNodes neuron(int l, int j) {
        Label name = new Label();
        name.getStyleClass().add("neuron-name");
        Label net = new Label();
        net.setId(idPrefix + "net-" + l + "-" + j);
        net.getStyleClass().add("neuron-value");
        Label out = new Label();
        out.setId(idPrefix + "out-" + l + "-" + j);
        out.getStyleClass().add("neuron-value");
        VBox text = new VBox(name, net, out);
        text.setAlignment(Pos.CENTER);
        text.setMouseTransparent(true);
        Circle circle = new Circle();
        circle.getStyleClass().add("neuron-circle");
        // kept as a bitmap: the software renderer strokes 128 antialiased circles anew on every
        // frame the edges under them change
        circle.setCache(true);
        ImageView thumb = new ImageView();
        thumb.setSmooth(true);
        thumb.setVisible(false);
        thumb.setMouseTransparent(true);
        StackPane node = new StackPane(circle, text, thumb);
        node.setId(idPrefix + "neuron-" + l + "-" + j);
        node.getStyleClass().add("neuron");
        GraphItem item = GraphItem.neuron(l, j);
        node.setOnMouseClicked(e -> onSelect.accept(item));
        hover(node, item);
        Tooltip tip = tooltip();
        Tooltip.install(node, tip);
        node.setUserData(tip);
        Label delta = new Label();
        delta.setId(idPrefix + "delta-" + l + "-" + j);
        delta.getStyleClass().add("delta-label");
        GraphItem biasItem = GraphItem.bias(l, j);
        Label bias = clickable("bias-" + l + "-" + j, "bias-label", biasItem);
        Rectangle square = new Rectangle();
        square.setId(idPrefix + "bias-square-" + l + "-" + j);
        square.getStyleClass().add("bias-square");
        square.setOnMouseClicked(e -> onSelect.accept(biasItem));
        hover(square, biasItem);
        Tooltip.install(square, bias.getTooltip());
        square.setVisible(false);
        return new NeuronNodes(node, name, net, out, thumb, bias, square, delta);
    }

    Label clickable(String id, String style, GraphItem item) {
        Label l = new Label();
        l.setId(idPrefix + id);
        l.getStyleClass().add(style);
        l.setOnMouseClicked(e -> onSelect.accept(item));
        l.setTooltip(tooltip());
        return l;
    }

    /**
     * Entering tells the item; leaving tells null only if the mouse has not already entered
     * another item (moving from a neuron onto its bias square, the square's enter can come first).
     */
    private void hover(Node node, GraphItem item) {
        node.setOnMouseEntered(e -> enter(item));
        node.setOnMouseExited(e -> exit(item));
    }

    /** The mouse entered the item (a node's or an edge's, {@link EdgeHits}). */
    void enter(GraphItem item) {
        under = item;
        onHover.accept(item);
    }

    /** The mouse left the item: null is told unless it entered another already. */
    void exit(GraphItem item) {
        if (item.equals(under)) {
            under = null;
            onHover.accept(null);
        }
    }

    /** The item was clicked. */
    void select(GraphItem item) {
        onSelect.accept(item);
    }

    static Tooltip tooltip() {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        tip.setOnShowing(e -> {
            tipEvents++;
            tipsShowing++;
            if (tip.getProperties().remove(LATER) instanceof Supplier<?> text) {
                tip.setText((String) text.get());
            }
        });
        tip.setOnHidden(e -> {
            tipEvents++;
            tipsShowing--;
        });
        return tip;
    }

    /**
     * How many times these tooltips were shown or hidden since the program started, and how many
     * show now (FX thread): while none shows and none was shown or hidden since a frame, every hidden
     * weight's tooltip still has the text it makes when it shows, and {@link #edges} need not look at
     * each of them (one hidden again lost it: it showed its text while it was shown).
     */
    private static long tipEvents;
    private static int tipsShowing;

    /**
     * A neuron's name, net and out as text, while its text is shown: hidden behind its heatmap, its
     * net and out, new on every frame, cost the FX thread a layout of its node and the graph's bounds
     * for nothing seen; {@code GraphView.setThumbnails} writes them when the heatmaps go.
     */
    static void texts(NeuronNodes nodes, GraphSnapshot.Neuron n) {
        if (nodes.node().getChildren().get(1).isVisible()) {
            nodes.name().setText(n.name());
            nodes.net().setText(n.net());
            nodes.out().setText(n.out());
        }
    }

    /** A colour's 0xRRGGBB, each channel rounded as {@code Color.rgb} made it. */
    static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Gives {@code tip} the text {@code text} makes: at once while it shows, else when it is next
     * shown (a hidden weight's tooltip, 2,000 of them in a network of 8 layers of 16, is seldom read
     * and was written on every frame).
     */
    static void textWhenShown(Tooltip tip, Supplier<String> text) {
        if (tip.isShowing()) {
            tip.setText(text.get());
        } else {
            tip.getProperties().put(LATER, text);
        }
    }

    /**
     * Each edge's weight label shown ({@code show}) or hidden (its value in the tooltip, {@link #hiddenWeight}).
     * An edge hidden in the last frame too ({@code before}, null after a rebuild) is left alone, its tooltip
     * making its text from the snapshot shown when it shows: 2,000 edges at 8 layers of 16 cost the FX thread
     * about 2 ms a frame, one by one.
     */
    static void edges(GraphSnapshot s, GraphSnapshot before, long[] tipsSeen, List<Label> labels,
            boolean readable, IntFunction<String> tip, BiConsumer<Label, GraphSnapshot.Box> show) {
        // no tooltip shown or hidden since the last frame, none showing: the hidden ones keep their text to make
        // (reading 2,000 labels' tooltips took the FX thread some 15 % of its time at 8 layers of 16)
        boolean quiet = tipsShowing == 0 && tipsSeen[0] == tipEvents;
        tipsSeen[0] = tipEvents;
        boolean kept = !readable && before != null;
        if (kept && quiet) {
            return;
        }
        for (int e = 0; e < labels.size(); e++) {
            Label label = labels.get(e);
            if (kept && !label.isVisible() && !label.getTooltip().isShowing()) {
                // a tooltip shown since took its text: it makes it again, from the snapshot shown then
                later(label.getTooltip(), e, tip);
                continue;
            }
            if (!hiddenWeight(label, readable, e, tip)) {
                show.accept(label, s.edges().get(e).label());
            }
        }
    }

    /**
     * Hides the label of the snapshot's edge {@code e} when its value is not {@code readable}; its
     * tooltip's text is {@code tip(e)}, made when the tooltip shows from the snapshot shown then
     * (the label's text is not made at all, {@link org.backproplab.session.GraphSnapshot.Edge#label}).
     * Whether it was hidden.
     */
    static boolean hiddenWeight(Label label, boolean readable, int e, IntFunction<String> tip) {
        if (readable) {
            return false;
        }
        label.setVisible(false);
        Tooltip t = label.getTooltip();
        if (t.isShowing()) {
            t.setText(tip.apply(e));
        } else {
            later(t, e, tip);
        }
        return true;
    }

    /** Gives the hidden weight e's tooltip {@code tip(e)} as its text when it is next shown, unless it has that already. */
    private static void later(Tooltip t, int e, IntFunction<String> tip) {
        if (!t.getProperties().containsKey(LATER)) {
            t.getProperties().put(LATER, (Supplier<String>) () -> tip.apply(e));
        }
    }

    /** Sizes a box to its text and centres it on (cx, cy). */
    static void centre(Label box, double cx, double cy) {
        box.autosize();
        box.relocate(cx - box.getWidth() / 2, cy - box.getHeight() / 2);
    }

    /** The radius a neuron needs for its text (name, net and out), the largest over {@code neurons}. */
    static double textRadius(List<List<NeuronNodes>> neurons) {
        double radius = 0;
        for (List<NeuronNodes> column : neurons) {
            for (NeuronNodes n : column) {
                Node text = n.node().getChildren().get(1);
                radius = Math.max(radius, Math.hypot(text.prefWidth(-1), text.prefHeight(-1)) / 2 + 2);
            }
        }
        return radius;
    }
}
