package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.Naming;
import org.backproplab.session.StepSnapshot;

/**
 * The network as a graph: input boxes, neurons as circles labelled with net and out, edges
 * coloured by sign (blue positive, orange negative) and thickened by magnitude with each weight's
 * value, a bias beside every neuron, and the targets. The stage just run is highlighted: on
 * forward the layer computed and the edges into it, at the loss the error of each output, on
 * backward the deltas, at the update each weight's old value, change and new value.
 *
 * <p>Draws only from a {@link StepSnapshot}; the layout follows the pane's size.
 */
public final class NetworkGraphView extends Region {
    private final Pane content = new Pane();
    private final Consumer<Selection> onSelect;
    private final I18n i18n;
    private List<Integer> sizes = List.of();
    private final List<Line> edges = new ArrayList<>();
    private final List<int[]> edgeKeys = new ArrayList<>();
    private final List<Label> weightLabels = new ArrayList<>();
    private final List<List<StackPane>> neurons = new ArrayList<>();
    private final List<List<Label>> netLabels = new ArrayList<>();
    private final List<List<Label>> outLabels = new ArrayList<>();
    private final List<List<Label>> biasLabels = new ArrayList<>();
    private final List<List<Label>> deltaLabels = new ArrayList<>();
    private final List<Label> inputs = new ArrayList<>();
    private final List<Label> targets = new ArrayList<>();
    private final List<Label> errors = new ArrayList<>();
    private double scale = 1.0;
    private Selection selected;
    private List<String> inputNames;
    private boolean showTargets = true;
    private boolean compact;
    private String idPrefix = "";
    private java.util.function.Consumer<Selection> onHover = s -> { };
    private final List<List<javafx.scene.image.ImageView>> thumbnails = new ArrayList<>();
    private int sample;

    public NetworkGraphView(I18n i18n, Consumer<Selection> onSelect) {
        this.i18n = i18n;
        this.onSelect = onSelect;
        getStyleClass().add("network-graph");
        setMinSize(200, 160);
        content.setManaged(false);
        getChildren().add(content);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** 1 normally, larger in presentation mode: radii, fonts and lines grow with it. */
    public void setScale(double scale) {
        this.scale = scale;
        requestLayout();
    }

    /** Put before the ids of the graph's nodes, so that two graphs in one window differ. */
    public void setIdPrefix(String prefix) {
        this.idPrefix = prefix;
    }

    /** Names of the inputs in place of i1, i2, ... (the playground's features), or null. */
    public void setInputNames(List<String> names) {
        this.inputNames = names == null ? null : List.copyOf(names);
    }

    /** Whether the targets column is drawn (the playground has none). */
    public void setShowTargets(boolean show) {
        this.showTargets = show;
    }

    /** Called with the neuron under the mouse, or null when it leaves. */
    public void setOnHover(java.util.function.Consumer<Selection> onHover) {
        this.onHover = onHover;
    }

    /**
     * Shows each neuron's heatmap inside its circle (the playground), or none when
     * {@code images} is null. {@code images[l][j]} is neuron j of layer l.
     */
    public void setThumbnails(javafx.scene.image.Image[][] images) {
        for (int l = 0; l < thumbnails.size(); l++) {
            for (int j = 0; j < thumbnails.get(l).size(); j++) {
                javafx.scene.image.ImageView v = thumbnails.get(l).get(j);
                boolean has = images != null && l < images.length && j < images[l].length;
                v.setImage(has ? images[l][j] : null);
                v.setVisible(has);
                neurons.get(l).get(j).getChildren().get(1).setVisible(!has);
            }
        }
        requestLayout();
    }

    /** Which sample of the batch the neuron values show (0 for one-sample lessons). */
    public void setSample(int sample) {
        this.sample = sample;
    }

    // ---- building --------------------------------------------------------------------------

    private void rebuild(List<Integer> newSizes) {
        var children = content.getChildren();
        children.clear();
        edges.clear();
        edgeKeys.clear();
        weightLabels.clear();
        neurons.clear();
        netLabels.clear();
        outLabels.clear();
        biasLabels.clear();
        deltaLabels.clear();
        thumbnails.clear();
        inputs.clear();
        targets.clear();
        errors.clear();
        sizes = List.copyOf(newSizes);
        int layers = sizes.size() - 1;
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++) {
                    Line line = new Line();
                    line.getStyleClass().add("edge");
                    line.setId(idPrefix + "edge-" + l + "-" + j + "-" + i);
                    Selection sel = Selection.weight(l, j, i);
                    line.setOnMouseClicked(e -> onSelect.accept(sel));
                    edges.add(line);
                    edgeKeys.add(new int[] {l, j, i});
                }
            }
        }
        children.addAll(edges);
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < sizes.get(l + 1); j++) {
                for (int i = 0; i < sizes.get(l); i++) {
                    weightLabels.add(clickable(idPrefix + "weight-" + l + "-" + j + "-" + i, "weight-label",
                            Selection.weight(l, j, i)));
                }
            }
        }
        children.addAll(weightLabels);
        for (int e = 0; e < edges.size(); e++) {
            Tooltip.install(edges.get(e), weightLabels.get(e).getTooltip());
        }
        for (int i = 0; i < sizes.get(0); i++) {
            inputs.add(clickable(idPrefix + "input-" + i, "io-box", Selection.input(i)));
        }
        children.addAll(inputs);
        for (int l = 0; l < layers; l++) {
            List<StackPane> col = new ArrayList<>();
            List<Label> nets = new ArrayList<>();
            List<Label> outs = new ArrayList<>();
            List<Label> biases = new ArrayList<>();
            List<Label> deltas = new ArrayList<>();
            List<javafx.scene.image.ImageView> thumbs = new ArrayList<>();
            for (int j = 0; j < sizes.get(l + 1); j++) {
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
                javafx.scene.image.ImageView thumb = new javafx.scene.image.ImageView();
                thumb.setSmooth(true);
                thumb.setVisible(false);
                thumb.setMouseTransparent(true);
                StackPane node = new StackPane(circle, text, thumb);
                node.setId(idPrefix + "neuron-" + l + "-" + j);
                node.getStyleClass().add("neuron");
                Selection sel = Selection.neuron(l, j);
                node.setOnMouseClicked(e -> onSelect.accept(sel));
                node.setOnMouseEntered(e -> onHover.accept(sel));
                node.setOnMouseExited(e -> onHover.accept(null));
                thumbs.add(thumb);
                Tooltip tip = new Tooltip();
                tip.setShowDelay(Duration.millis(150));
                Tooltip.install(node, tip);
                node.setUserData(tip);
                col.add(node);
                nets.add(net);
                outs.add(out);
                biases.add(clickable(idPrefix + "bias-" + l + "-" + j, "bias-label", Selection.bias(l, j)));
                Label delta = new Label();
                delta.setId(idPrefix + "delta-" + l + "-" + j);
                delta.getStyleClass().add("delta-label");
                deltas.add(delta);
            }
            neurons.add(col);
            thumbnails.add(thumbs);
            netLabels.add(nets);
            outLabels.add(outs);
            biasLabels.add(biases);
            deltaLabels.add(deltas);
            children.addAll(col);
            children.addAll(biases);
            children.addAll(deltas);
        }
        for (int k = 0; k < sizes.get(layers); k++) {
            targets.add(clickable(idPrefix + "target-" + k, "io-box", Selection.target(k)));
            Label err = new Label();
            err.setId(idPrefix + "error-" + k);
            err.getStyleClass().add("error-label");
            errors.add(err);
        }
        children.addAll(targets);
        children.addAll(errors);
    }

    private Label clickable(String id, String style, Selection sel) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setOnMouseClicked(e -> onSelect.accept(sel));
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(150));
        l.setTooltip(tip);
        return l;
    }

    // ---- drawing a snapshot -----------------------------------------------------------------

    /** Shows the snapshot, with {@code selection} marked. */
    public void render(StepSnapshot s, Selection selection) {
        if (!s.layerSizes().equals(sizes)) {
            rebuild(s.layerSizes());
        }
        this.selected = selection;
        Naming naming = s.naming();
        int layers = sizes.size() - 1;
        StageRecord last = s.lastRecord();
        ChainView view = new ChainView(s.records());
        int row = Math.min(sample, s.inputs().rows() - 1);

        for (int i = 0; i < inputs.size(); i++) {
            double v = s.inputs().get(row, i);
            String inputName = inputNames != null && i < inputNames.size() ? inputNames.get(i) : naming.neuron(-1, i);
            setText(inputs.get(i), inputNames != null ? inputName : inputName + "  " + Format.shortNumber(v),
                    inputName + " = " + Format.exact(v));
            mark(inputs.get(i), Selection.input(i).forSample(row), last instanceof ForwardRecord f && f.layer() == 0);
        }
        double maxAbs = 1e-12;
        for (int l = 0; l < layers; l++) {
            maxAbs = Math.max(maxAbs, maxAbs(s.parameters().get("W" + (l + 1))));
        }
        UpdateRecord update = last instanceof UpdateRecord u ? u : null;
        for (int e = 0; e < edges.size(); e++) {
            int[] k = edgeKeys.get(e);
            int l = k[0];
            int j = k[1];
            int i = k[2];
            ImmutableMatrix w = s.parameters().get("W" + (l + 1));
            double value = w.get(j, i);
            Line line = edges.get(e);
            // style classes change only when the state does: each change costs a CSS pass
            styled(line, "positive", value >= 0);
            styled(line, "negative", value < 0);
            line.setStrokeWidth(scale * (1 + 6 * Math.abs(value) / maxAbs));
            boolean forward = last instanceof ForwardRecord f && f.layer() == l;
            boolean backward = last instanceof BackwardRecord b && b.layer() == l;
            styled(line, "flow-forward", forward);
            styled(line, "flow-backward", backward);
            Label label = weightLabels.get(e);
            String name = naming.weight(l, j, i);
            String text = name + " " + Format.shortNumber(value);
            String tip = name + " (" + naming.neuron(l - 1, i) + " \u2192 " + naming.neuron(l, j) + ") = "
                    + Format.exact(value);
            BackwardRecord b = view.backward(l);
            if (update != null) {
                ParameterUpdate p = update.parameter("W" + (l + 1));
                double before = p.before().get(j, i);
                double after = p.after().get(j, i);
                text = name + " " + Format.shortNumber(before) + "\n\u2192 " + Format.shortNumber(after);
                tip += "\n" + i18n.get("graph.updateTip", Format.exact(before), Format.exact(after - before),
                        Format.exact(after));
            } else if (b != null && b.gradWeights() != null) {
                double g = b.gradWeights().get(j, i);
                if (backward) {
                    text = "dE/d" + name + "\n" + Format.shortNumber(g);
                }
                tip += "\ndE/d" + name + " = " + Format.exact(g);
            }
            setText(label, text, tip);
            // beyond a few dozen edges the values would be unreadable: hover shows them instead
            label.setVisible(edges.size() <= 40 && !compact);
            styled(label, "active", forward || backward);
            styled(label, "changed", update != null);
            mark(label, Selection.weight(l, j, i), false);
        }
        for (int l = 0; l < layers; l++) {
            ForwardRecord f = view.forward(l);
            BackwardRecord b = view.backward(l);
            ImmutableMatrix bias = s.parameters().get("b" + (l + 1));
            boolean hasBias = s.biasMode() != org.backproplab.engine.BiasMode.NONE;
            for (int j = 0; j < sizes.get(l + 1); j++) {
                String n = naming.neuron(l, j);
                StackPane node = neurons.get(l).get(j);
                ((Label) ((VBox) node.getChildren().get(1)).getChildren().get(0)).setText(n);
                Label net = netLabels.get(l).get(j);
                Label out = outLabels.get(l).get(j);
                StringBuilder tip = new StringBuilder(n);
                if (f != null) {
                    double z = f.preActivation().get(row, j);
                    double a = f.activation().get(row, j);
                    net.setText("net " + Format.shortNumber(z));
                    out.setText("out " + Format.shortNumber(a));
                    tip.append("\nnet_").append(n).append(" = ").append(Format.exact(z));
                    tip.append("\nout_").append(n).append(" = ").append(Format.exact(a));
                } else {
                    net.setText("net \u2013");
                    out.setText("out \u2013");
                }
                Label delta = deltaLabels.get(l).get(j);
                if (b != null) {
                    double d = b.delta().get(row, j);
                    delta.setText("\u03b4 " + Format.shortNumber(d));
                    delta.setVisible(true);
                    tip.append("\ndelta_").append(n).append(" = ").append(Format.exact(d));
                } else {
                    delta.setVisible(false);
                }
                ((Tooltip) node.getUserData()).setText(tip.toString());
                boolean active = last instanceof ForwardRecord lf && lf.layer() == l
                        || last instanceof BackwardRecord lb && lb.layer() == l
                        || last instanceof LossRecord && l == layers - 1;
                styled(node, "backward", active && last instanceof BackwardRecord);
                styled(node, "active", active && !(last instanceof BackwardRecord));
                styled(delta, "active", last instanceof BackwardRecord lb && lb.layer() == l);
                mark(node, Selection.neuron(l, j), false);

                Label bl = biasLabels.get(l).get(j);
                bl.setVisible(hasBias && !compact);
                if (hasBias) {
                    double bv = bias.get(j, 0);
                    String text = "b " + Format.shortNumber(bv);
                    String btip = naming.bias(l, j) + " = " + Format.exact(bv);
                    if (update != null && update.parameter("b" + (l + 1)).trainable()) {
                        ParameterUpdate p = update.parameter("b" + (l + 1));
                        text = "b " + Format.shortNumber(p.before().get(j, 0)) + "\n\u2192 "
                                + Format.shortNumber(p.after().get(j, 0));
                    } else if (b != null && b.gradBias() != null) {
                        btip += "\ndE/d" + naming.bias(l, j) + " = " + Format.exact(b.gradBias().get(j, 0));
                    }
                    setText(bl, text, btip + (s.biasMode() == org.backproplab.engine.BiasMode.FROZEN
                            ? "\n(" + i18n.get("bias.frozen") + ")" : ""));
                    mark(bl, Selection.bias(l, j), false);
                }
            }
        }
        LossRecord loss = view.loss();
        for (int k = 0; k < targets.size(); k++) {
            targets.get(k).setVisible(showTargets);
            errors.get(k).setVisible(showTargets);
            if (!showTargets) {
                continue;
            }
            double t = s.targets().get(row, k);
            setText(targets.get(k), "t" + (k + 1) + "  " + Format.shortNumber(t), Format.exact(t));
            mark(targets.get(k), Selection.target(k).forSample(row), last instanceof LossRecord);
            Label err = errors.get(k);
            if (loss != null) {
                double e = loss.terms().get(row, k);
                err.setText("E " + Format.shortNumber(e));
                err.setTooltip(new Tooltip("E_" + naming.neuron(layers - 1, k) + " = " + Format.exact(e)));
                err.setVisible(true);
            } else {
                err.setVisible(false);
            }
        }
        requestLayout();
    }

    /** Adds or removes a style class, touching the list only when that changes something. */
    private static void styled(Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }

    private void mark(Node node, Selection sel, boolean active) {
        styled(node, "selected", sel.equals(selected));
        if (node instanceof Label && node.getStyleClass().contains("io-box")) {
            styled(node, "active", active);
        }
    }

    private static void setText(Label label, String text, String tip) {
        label.setText(text);
        label.getTooltip().setText(tip);
    }

    private static double maxAbs(ImmutableMatrix m) {
        double max = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                max = Math.max(max, Math.abs(m.get(r, c)));
            }
        }
        return max;
    }

    /** The records of the iteration, by stage. */
    private static final class ChainView {
        private final List<StageRecord> records;

        ChainView(List<StageRecord> records) {
            this.records = records;
        }

        ForwardRecord forward(int l) {
            for (StageRecord r : records) {
                if (r instanceof ForwardRecord f && f.layer() == l) {
                    return f;
                }
            }
            return null;
        }

        BackwardRecord backward(int l) {
            for (StageRecord r : records) {
                if (r instanceof BackwardRecord b && b.layer() == l) {
                    return b;
                }
            }
            return null;
        }

        LossRecord loss() {
            for (StageRecord r : records) {
                if (r instanceof LossRecord l) {
                    return l;
                }
            }
            return null;
        }
    }

    // ---- layout ----------------------------------------------------------------------------

    /**
     * Lays the graph out at a design size no smaller than the network needs and scales it down
     * to fit a smaller pane, so that a small window shows the same readable layout, only smaller.
     */
    @Override
    protected void layoutChildren() {
        if (sizes.isEmpty()) {
            return;
        }
        int tallest = tallest();
        // wide enough that the widest weight label fits between two neurons; tall enough that
        // the labels near a neuron, a quarter of their sources' spacing apart, do not touch
        double widestLabel = 0;
        for (Label label : weightLabels) {
            if (label.isVisible()) {
                widestLabel = Math.max(widestLabel, label.prefWidth(-1));
            }
        }
        // a label centred at 3/4 of an edge fits on it when the edge is twice the label long
        double neededGap = compact ? 90 * scale : 2 * (widestLabel + 8) + 2 * neuronRadius(22) + 10;
        double minWidth = 2 * 70 * scale + gapWeights().stream().mapToDouble(g -> g).sum() * neededGap / 1.3;
        double minHeight = ((compact ? 62 : 160) * tallest + 90) * scale;
        double w = Math.max(getWidth(), minWidth);
        double h = Math.max(getHeight(), minHeight);
        double fit = Math.min(getWidth() / w, getHeight() / h);
        layoutContent(w, h);
        content.resize(w, h);
        content.getTransforms().setAll(new javafx.scene.transform.Scale(fit, fit, 0, 0));
        content.relocate((getWidth() - w * fit) / 2, (getHeight() - h * fit) / 2);
    }

    /**
     * Relative widths of the gaps between columns: the gaps between layers carry the weight
     * labels and get the most room; the targets sit close to the outputs.
     */
    private List<Double> gapWeights() {
        int columns = sizes.size() + 1;
        List<Double> out = new ArrayList<>();
        for (int c = 0; c < columns - 1; c++) {
            out.add(c == columns - 2 ? 0.75 : 1.3);
        }
        return out;
    }

    /** At least {@code atLeast}, and large enough for every neuron's net and out values. */
    private double neuronRadius(double atLeast) {
        double radius = atLeast;
        for (List<StackPane> col : neurons) {
            for (StackPane node : col) {
                Node text = node.getChildren().get(1);
                radius = Math.max(radius, Math.hypot(text.prefWidth(-1), text.prefHeight(-1)) / 2 + 2);
            }
        }
        return radius;
    }

    /** True when the neurons show heatmaps instead of numbers (the playground). */
    private boolean compact() {
        return compact;
    }

    /**
     * The playground's look: small neurons that show their heatmaps, no bias labels (their values
     * are in the tooltips), for networks of up to 8 layers of 16.
     */
    public void setCompact(boolean compact) {
        this.compact = compact;
        requestLayout();
    }

    /** The most neurons in one column. */
    private int tallest() {
        return sizes.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private void layoutContent(double w, double h) {
        int layers = sizes.size() - 1;
        int columns = layers + 2;
        int tallest = tallest();
        double marginX = 70 * scale;
        double top = 40 * scale;
        double bottom = 40 * scale;
        List<Double> gapWeight = gapWeights();
        double totalWeight = gapWeight.stream().mapToDouble(g -> g).sum();
        double unit = (w - 2 * marginX) / totalWeight;
        double[] colX = new double[columns];
        colX[0] = marginX;
        for (int c = 1; c < columns; c++) {
            colX[c] = colX[c - 1] + gapWeight.get(c - 1) * unit;
        }
        double radius = Math.max(22, Math.min(46 * scale, Math.min(unit * 0.25, (h - top - bottom) / tallest * 0.3)));

        double[][] xs = new double[columns][];
        double[][] ys = new double[columns][];
        for (int c = 0; c < columns; c++) {
            int n = c == 0 ? sizes.get(0) : c == columns - 1 ? sizes.get(layers) : sizes.get(c);
            xs[c] = new double[n];
            ys[c] = new double[n];
            double slot = (h - top - bottom) / n;
            for (int k = 0; k < n; k++) {
                xs[c][k] = colX[c];
                ys[c][k] = top + (k + 0.5) * slot;
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            place(inputs.get(i), xs[0][i], ys[0][i]);
        }
        radius = compact() ? Math.max(12, Math.min(32 * scale, (h - top - bottom) / tallest * 0.36)) : neuronRadius(radius);
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < neurons.get(l).size(); j++) {
                StackPane node = neurons.get(l).get(j);
                ((Circle) node.getChildren().get(0)).setRadius(radius);
                javafx.scene.image.ImageView thumb = thumbnails.get(l).get(j);
                thumb.setFitWidth(radius * 1.4);
                thumb.setFitHeight(radius * 1.4);
                node.resizeRelocate(xs[l + 1][j] - radius, ys[l + 1][j] - radius, 2 * radius, 2 * radius);
                Label bias = biasLabels.get(l).get(j);
                bias.autosize();
                bias.relocate(xs[l + 1][j] - bias.getWidth() / 2, ys[l + 1][j] - radius - bias.getHeight() - 2);
                Label delta = deltaLabels.get(l).get(j);
                delta.autosize();
                // right of the neuron, below its centre: clear of the bias above and of the
                // weight labels, which sit on the incoming edges to the left
                delta.relocate(xs[l + 1][j] + radius * 0.75, ys[l + 1][j] + radius * 0.7);
            }
        }
        for (int k = 0; k < targets.size(); k++) {
            place(targets.get(k), xs[columns - 1][k], ys[columns - 1][k]);
            Label err = errors.get(k);
            err.autosize();
            err.relocate(xs[columns - 1][k] - targets.get(k).getWidth() / 2, ys[columns - 1][k] + 18 * scale);
        }
        for (int e = 0; e < edges.size(); e++) {
            int[] k = edgeKeys.get(e);
            int l = k[0];
            int j = k[1];
            int i = k[2];
            double x1 = xs[l][i] + (l == 0 ? inputs.get(i).getWidth() / 2 : radius);
            double y1 = ys[l][i];
            double x2 = xs[l + 1][j] - radius;
            double y2 = ys[l + 1][j];
            Line line = edges.get(e);
            line.setStartX(x1);
            line.setStartY(y1);
            line.setEndX(x2);
            line.setEndY(y2);
            // labels sit near the neuron they feed: there the edges into one neuron are still a
            // quarter of their sources' spacing apart, and crossing edges are far from their crossing
            double t = 0.75;
            Label label = weightLabels.get(e);
            label.autosize();
            // keep the whole label on its edge, clear of the circles at both ends
            double half = label.getWidth() / 2 + 4;
            double span = x2 - x1;
            if (span > 2 * half) {
                t = Math.max(half / span, Math.min(t, 1 - half / span));
            } else {
                t = 0.5;
            }
            label.relocate(x1 + t * (x2 - x1) - label.getWidth() / 2, y1 + t * (y2 - y1) - label.getHeight() / 2);
        }
    }

    private static void place(Label box, double cx, double cy) {
        box.autosize();
        box.relocate(cx - box.getWidth() / 2, cy - box.getHeight() / 2);
    }
}
