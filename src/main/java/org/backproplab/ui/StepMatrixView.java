package org.backproplab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.session.StepMatrixSnapshot;

/**
 * The vectorised view of the stepping tab: the layer of the current stage as the tutorial writes
 * it for a batch of m samples (one column per sample), each matrix with its shape, the table of
 * dimensions, and a line saying that the app's own layout is the transpose. Draws the
 * {@link StepMatrixSnapshot} the session made; ids: {@code matrix-Z1} (a block),
 * {@code matrix-Z1-shape}, {@code matrix-Z1-0-2} (row 0, column 2), {@code dims-1-2} (the table).
 */
final class StepMatrixView {
    private final I18n i18n;
    private final ScrollPane root = new ScrollPane();
    private final Label heading = new Label();
    private final Label transpose = new Label();
    private final FlowPane blocks = new FlowPane(18, 14);
    private final GridPane table = new GridPane();
    private StepMatrixSnapshot shown;

    StepMatrixView(I18n i18n) {
        this.i18n = i18n;
        heading.setId("matrix-heading");
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        transpose.setId("matrix-transpose");
        transpose.getStyleClass().add("lesson-text");
        transpose.setWrapText(true);
        blocks.setId("matrix-blocks");
        table.setId("matrix-dims");
        table.getStyleClass().add("dims-table");
        table.setHgap(14);
        table.setVgap(3);
        Label tableTitle = ViewParts.title(i18n, "matrix.table.title"); // wraps: cut at 1280 x 800 in presentation mode
        VBox content = new VBox(8, heading, transpose, blocks, tableTitle, table);
        content.setPadding(new Insets(8));
        root.setContent(content);
        root.setFitToWidth(true);
        blocks.prefWrapLengthProperty().bind(root.widthProperty().subtract(40));
    }

    ScrollPane root() {
        return root;
    }

    /** Rebuilds what is shown from {@code s} (a few small grids). */
    void show(StepMatrixSnapshot s) {
        shown = s;
        blocks.getChildren().clear();
        table.getChildren().clear();
        if (s == null) {
            return;
        }
        if (!s.dense()) {
            heading.setText(i18n.get("matrix.notDense"));
            transpose.setText("");
            return;
        }
        heading.setText(i18n.get("matrix.heading", s.layer(), s.layers(), s.batch()));
        transpose.setText(i18n.get("matrix.transpose", s.batch()));
        for (StepMatrixSnapshot.Block b : s.blocks()) {
            blocks.getChildren().add(block(b));
        }
        header(i18n.get("matrix.table.quantity"), i18n.get("matrix.table.rule"), i18n.get("matrix.table.shape"));
        for (int r = 0; r < s.table().size(); r++) {
            StepMatrixSnapshot.ShapeRow row = s.table().get(r);
            String[] cells = {row.quantities(), row.rule(), row.shape()};
            for (int c = 0; c < cells.length; c++) {
                Label l = new Label(cells[c]);
                l.setId("dims-" + r + "-" + c);
                table.add(l, c, r + 1);
            }
        }
    }

    /** Shows the same snapshot again in the language now chosen. */
    void relabel() {
        show(shown);
    }

    private void header(String... texts) {
        for (int c = 0; c < texts.length; c++) {
            Label l = new Label(texts[c]);
            l.getStyleClass().add("dims-header");
            table.add(l, c, 0);
        }
    }

    static String idOf(StepMatrixSnapshot.Block b) {
        String name = b.name().contains(" = ") ? b.name().substring(0, b.name().indexOf(" = ")) : b.name();
        return "matrix-" + name.replaceAll("[^A-Za-z0-9]", "");
    }

    private VBox block(StepMatrixSnapshot.Block b) {
        String id = idOf(b);
        Label name = new Label(b.formula().isEmpty() ? b.name() : b.name() + " = " + b.formula());
        name.getStyleClass().add("matrix-name");
        Label shape = new Label(b.shape());
        shape.setId(id + "-shape");
        shape.getStyleClass().add("matrix-shape");
        HBox title = new HBox(8, name, shape);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(3, title);
        box.setId(id);
        box.getStyleClass().add("matrix-block");
        if (b.current()) {
            box.getStyleClass().add("matrix-current");
        }
        if (!b.computed()) {
            Label wait = new Label(i18n.get("matrix.notYet"));
            wait.getStyleClass().add("lesson-text");
            box.getChildren().add(wait);
            return box;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix-grid");
        grid.setHgap(10);
        grid.setVgap(1);
        for (int r = 0; r < b.rows(); r++) {
            for (int c = 0; c < b.cols(); c++) {
                Label v = new Label(b.text(r, c));
                v.setId(id + "-" + r + "-" + c);
                v.setAlignment(Pos.CENTER_RIGHT);
                v.setMinWidth(58);
                grid.add(v, c, r);
            }
        }
        box.getChildren().add(grid);
        return box;
    }
}
