package org.backproplab.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.backproplab.session.EpochBatch;

/**
 * Epoch, batch and iteration beside the numbers of the set-up shown: the three definitions, N,
 * B and ⌈N/B⌉ updates per epoch, where the updates done stand, the three kinds of gradient
 * descent as a table, and why N/B + 1 is wrong when B divides N. Ids (after {@code prefix}):
 * {@code -numbers}, {@code -progress}, {@code -naive}, {@code -table-R-C}.
 */
final class EpochBatchView {
    private final I18n i18n;
    private final String prefix;
    private final VBox root = new VBox(6);
    private final Label numbers = new Label();
    private final Label progress = new Label();
    private final Label naive = new Label();
    private final GridPane table = new GridPane();
    private final ObservableValue<EpochBatch> value;
    /** The table's labels (a header row, then one row a kind of descent), made once for its shape. */
    private Label[][] cells = new Label[0][];
    /** Whether the view is on the screen: while it is not, the numbers wait (they change every frame). */
    private javafx.beans.value.ObservableBooleanValue shown = new javafx.beans.property.SimpleBooleanProperty(true);

    EpochBatchView(I18n i18n, String prefix, ObservableValue<EpochBatch> value) {
        this.i18n = i18n;
        this.prefix = prefix;
        this.value = value;
        root.setId(prefix);
        root.setPadding(new Insets(8));
        Label definitions = new Label();
        definitions.textProperty().bind(i18n.bind("epochs.definitions"));
        ViewParts.wrapped(definitions);
        numbers.setId(prefix + "-numbers");
        numbers.getStyleClass().add("section-title");
        ViewParts.wrapped(numbers);
        progress.setId(prefix + "-progress");
        ViewParts.wrapped(progress);
        naive.setId(prefix + "-naive");
        naive.getStyleClass().add("lesson-text");
        ViewParts.wrapped(naive);
        table.setHgap(16);
        table.setVgap(3);
        table.getStyleClass().add("dims-table");
        Label tableTitle = new Label();
        tableTitle.textProperty().bind(i18n.bind("epochs.table.title"));
        tableTitle.getStyleClass().add("section-title");
        root.getChildren().addAll(definitions, numbers, progress, tableTitle, table, naive);
        value.addListener((o, a, b) -> show());
        i18n.localeProperty().addListener((o, a, b) -> show());
        show();
    }

    VBox root() {
        return root;
    }

    /** Shows the numbers only while {@code shown} is true (a collapsed pane's numbers would only cost layout). */
    void showOnlyWhen(javafx.beans.value.ObservableBooleanValue shown) {
        this.shown = shown;
        shown.addListener((o, a, b) -> show());
        show();
    }

    private void show() {
        if (!shown.get()) {
            return;
        }
        EpochBatch e = value.getValue();
        if (e == null) {
            table.getChildren().clear();
            cells = new Label[0][];
            return;
        }
        numbers.setText(i18n.get("epochs.numbers", e.samples(), e.batch(), e.updatesPerEpoch(), e.lastBatch()));
        progress.setText(i18n.get("epochs.progress", e.iterations(), e.epochsDone(), e.updatesIntoEpoch()));
        naive.setText(i18n.get(e.naiveIsWrong() ? "epochs.naive.wrong" : "epochs.naive.right", e.samples(), e.batch(),
                e.naiveCount(), e.updatesPerEpoch()));
        String[] header = {i18n.get("epochs.table.kind"), i18n.get("epochs.table.batch"),
            i18n.get("epochs.table.rule"), i18n.get("epochs.table.updates")};
        if (cells.length != e.table().size() + 1) {
            build(e.table().size() + 1, header.length);
        }
        for (int c = 0; c < header.length; c++) {
            cells[0][c].setText(header[c]);
        }
        String[] rules = {"1", "N", "\u2308N/B\u2309"};
        for (int r = 0; r < e.table().size(); r++) {
            EpochBatch.Row row = e.table().get(r);
            String[] texts = {i18n.get(row.key()) + (row.current() ? " \u25c0" : ""),
                Integer.toString(row.batchSize()), rules[r], Integer.toString(row.updates())};
            for (int c = 0; c < texts.length; c++) {
                Label l = cells[r + 1][c];
                l.setText(texts[c]);
                ViewParts.styled(l, "dims-current", row.current());
            }
        }
    }

    private void build(int rows, int columns) {
        table.getChildren().clear();
        cells = new Label[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Label l = new Label();
                if (r == 0) {
                    l.getStyleClass().add("dims-header");
                } else {
                    l.setId(prefix + "-table-" + (r - 1) + "-" + c);
                }
                cells[r][c] = l;
                table.add(l, c, r);
            }
        }
    }
}
