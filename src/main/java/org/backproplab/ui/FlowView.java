package org.backproplab.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.StepFlowSnapshot;

/**
 * The forward and backward flow of the stepping tab's network as a diagram: the forward row
 * (X, Z[l], A[l], E), what each layer caches, the backward rows (dA, dZ, then dW and db) and the
 * update, with arrows from each quantity to those computed from it; the current stage's part
 * lit, what it reads from the cache outlined. Draws the {@link StepFlowSnapshot} the session
 * made; each box has the id {@code flow-ID} ({@code flow-Z1}, {@code flow-dW2}).
 */
final class FlowView {
    private static final String[] ROWS = {"flow.row.forward", "flow.row.cache", "flow.row.backward",
        "flow.row.gradients", "flow.row.update"};

    private final I18n i18n;
    private final ScrollPane root = new ScrollPane();
    private final Label stage = new Label();
    private final FlowDiagram diagram = new FlowDiagram();
    private StepFlowSnapshot shown;

    FlowView(I18n i18n) {
        this.i18n = i18n;
        stage.setId("flow-stage");
        stage.getStyleClass().add("section-title");
        stage.setWrapText(true);
        Label legend = new Label();
        legend.textProperty().bind(i18n.bind("flow.legend"));
        legend.getStyleClass().add("lesson-text");
        legend.setWrapText(true);
        diagram.setId("flow-diagram");
        // a wide network's diagram is scaled down to the width there is, never up
        Group scaled = new Group(diagram);
        VBox content = new VBox(8, stage, legend, scaled);
        content.setPadding(new Insets(8));
        root.setContent(content);
        root.setFitToWidth(true);
        root.widthProperty().addListener((o, a, b) -> fit());
        // the boxes are sized in their font: a larger text (presentation mode) makes a wider diagram
        diagram.layoutBoundsProperty().addListener((o, a, b) -> fit());
    }

    private void fit() {
        double width = diagram.prefWidth(-1);
        double room = root.getWidth() - 30;
        double scale = width <= 0 || room <= 0 ? 1 : Math.max(0.5, Math.min(1, room / width));
        diagram.setScaleX(scale);
        diagram.setScaleY(scale);
    }

    ScrollPane root() {
        return root;
    }

    /** Redraws the diagram from {@code s} (a few dozen nodes). */
    void show(StepFlowSnapshot s) {
        shown = s;
        if (s == null) {
            diagram.clear(List.of());
            return;
        }
        stage.setText(s.stage().format(i18n::get));
        List<Label> captions = new ArrayList<>();
        for (String row : ROWS) {
            Label caption = new Label(i18n.get(row));
            caption.getStyleClass().add("flow-caption");
            captions.add(caption);
        }
        diagram.clear(captions);
        Map<String, Label> boxes = new HashMap<>();
        for (StepFlowSnapshot.Node n : s.nodes()) {
            Label box = box(n);
            boxes.put(n.id(), box);
            diagram.box(box, n.column(), n.row());
        }
        for (StepFlowSnapshot.Edge e : s.edges()) {
            Label from = boxes.get(e.from());
            Label to = boxes.get(e.to());
            if (from != null && to != null) {
                diagram.arrow(from, to, e.lit() ? "flow-edge-lit" : "flow-edge-idle");
            }
        }
        fit();
    }

    void relabel() {
        show(shown);
    }

    private static Label box(StepFlowSnapshot.Node n) {
        // the two sides of a definition or an update on two lines, so that the boxes stay narrow
        String formula = n.formula().replaceFirst(" = ", " =\n").replace(" \u2190 ", " \u2190\n");
        Label l = new Label(n.shape().isEmpty() ? formula : formula + "\n" + n.shape());
        l.setId("flow-" + n.id());
        l.getStyleClass().addAll("flow-node", "flow-" + n.state().name().toLowerCase(Locale.ROOT));
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(TextAlignment.CENTER);
        return l;
    }
}
