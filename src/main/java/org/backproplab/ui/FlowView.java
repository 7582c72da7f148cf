package org.backproplab.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.backproplab.session.StepFlowSnapshot;

/**
 * The forward and backward flow of the stepping tab's network as a diagram: the forward row
 * (X, Z[l], A[l], E), what each layer caches, the backward rows (dA, dZ, then dW and db) and the
 * update, with arrows from each quantity to those computed from it; the current stage's part
 * lit, what it reads from the cache outlined. Draws the {@link StepFlowSnapshot} the session
 * made; each box has the id {@code flow-ID} ({@code flow-Z1}, {@code flow-dW2}).
 */
final class FlowView {
    private static final double CELL_W = 168;
    private static final double CELL_H = 70;
    private static final double BOX_W = 152;
    private static final double BOX_H = 54;
    private static final double CAPTION_W = 120;
    private static final String[] ROWS = {"flow.row.forward", "flow.row.cache", "flow.row.backward",
        "flow.row.gradients", "flow.row.update"};

    private final I18n i18n;
    private final ScrollPane root = new ScrollPane();
    private final Label stage = new Label();
    private final Pane diagram = new Pane();
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
        diagram.getChildren().clear();
        if (s == null) {
            return;
        }
        stage.setText(s.stage().format(i18n::get));
        for (int r = 0; r < ROWS.length; r++) {
            Label caption = new Label(i18n.get(ROWS[r]));
            caption.getStyleClass().add("flow-caption");
            caption.setWrapText(true);
            caption.setPrefWidth(CAPTION_W - 10);
            caption.relocate(0, r * CELL_H + 8);
            diagram.getChildren().add(caption);
        }
        Map<String, StepFlowSnapshot.Node> byId = new HashMap<>();
        s.nodes().forEach(n -> byId.put(n.id(), n));
        for (StepFlowSnapshot.Edge e : s.edges()) {
            StepFlowSnapshot.Node from = byId.get(e.from());
            StepFlowSnapshot.Node to = byId.get(e.to());
            if (from != null && to != null) {
                arrow(from, to, e.lit());
            }
        }
        for (StepFlowSnapshot.Node n : s.nodes()) {
            diagram.getChildren().add(box(n));
        }
        fit();
    }

    void relabel() {
        show(shown);
    }

    private static double centerX(StepFlowSnapshot.Node n) {
        return CAPTION_W + n.column() * CELL_W + BOX_W / 2;
    }

    private static double centerY(StepFlowSnapshot.Node n) {
        return n.row() * CELL_H + BOX_H / 2;
    }

    private Label box(StepFlowSnapshot.Node n) {
        Label l = new Label(n.shape().isEmpty() ? n.formula() : n.formula() + "\n" + n.shape());
        l.setId("flow-" + n.id());
        l.getStyleClass().addAll("flow-node", "flow-" + n.state().name().toLowerCase(java.util.Locale.ROOT));
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setMinSize(BOX_W, BOX_H);
        l.setPrefSize(BOX_W, BOX_H);
        l.setMaxSize(BOX_W, BOX_H);
        l.relocate(CAPTION_W + n.column() * CELL_W, n.row() * CELL_H);
        return l;
    }

    /** A line from one box to the edge of the other, with a head where it meets it. */
    private void arrow(StepFlowSnapshot.Node from, StepFlowSnapshot.Node to, boolean lit) {
        double x0 = centerX(from);
        double y0 = centerY(from);
        double x1 = centerX(to);
        double y1 = centerY(to);
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return;
        }
        // where the segment enters the target box
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : (BOX_W / 2 + 2) / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : (BOX_H / 2 + 2) / Math.abs(dy));
        double ex = x1 - t * dx;
        double ey = y1 - t * dy;
        Line line = new Line(x0, y0, ex, ey);
        line.getStyleClass().addAll("flow-edge", lit ? "flow-edge-lit" : "flow-edge-idle");
        double ux = dx / len;
        double uy = dy / len;
        double size = 8;
        Polygon head = new Polygon(ex, ey, ex - size * ux + size / 2 * uy, ey - size * uy - size / 2 * ux,
                ex - size * ux - size / 2 * uy, ey - size * uy + size / 2 * ux);
        head.getStyleClass().addAll("flow-head", lit ? "flow-edge-lit" : "flow-edge-idle");
        diagram.getChildren().addAll(line, head);
    }
}
