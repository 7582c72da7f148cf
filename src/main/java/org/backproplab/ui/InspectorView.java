package org.backproplab.ui;

import org.backproplab.session.Numbers;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.GraphItem;
import org.backproplab.session.InspectorSnapshot;
import org.backproplab.session.ParameterRow;
import org.backproplab.session.Phrase;
import org.backproplab.session.StepSession;

/**
 * The numbers behind what is selected in the graph: its value, the chain rule with the numbers
 * filled in, the finite-difference estimate beside the backpropagated gradient, a field to edit
 * it, and a table of every weight and bias with its gradient at the current stage. Shows an
 * {@link InspectorSnapshot} the session made; a typed value goes to {@link StepSession#edit}.
 */
public final class InspectorView extends VBox {
    private final I18n i18n;
    private final Label title = new Label();
    private final VBox lines = new VBox(2);
    private final Label numeric = new Label();
    private final TextField editField = new TextField();
    private final Button apply = new Button();
    private final Label editError = new Label();
    private final HBox editRow;
    private final TableView<ParameterRow> table = new TableView<>();
    private final Button copy = new Button();
    private final StepSession session;
    private InspectorSnapshot snapshot;

    public InspectorView(I18n i18n, StepSession session) {
        this.i18n = i18n;
        this.session = session;
        getStyleClass().add("inspector");
        setSpacing(6);
        setPadding(new Insets(8));
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        title.setWrapText(true);
        lines.setId("chain-rule");
        lines.getStyleClass().add("chain-rule");
        numeric.setId("numeric-estimate");
        numeric.getStyleClass().add("numeric-estimate");
        numeric.setWrapText(true);
        numeric.setMinHeight(Region.USE_PREF_SIZE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        editError.setMinHeight(Region.USE_PREF_SIZE);
        editField.setId("edit-field");
        editField.setPrefColumnCount(12);
        editField.setOnAction(e -> {
            if (session.edit(editField.getText())) {
                getScene().getRoot().requestFocus();
            }
        });
        apply.setId("edit-apply");
        apply.textProperty().bind(i18n.bind("inspector.apply"));
        apply.setOnAction(e -> session.edit(editField.getText()));
        editError.setId("edit-error");
        editError.getStyleClass().add("edit-error");
        editError.setWrapText(true);
        editError.textProperty().bind(Bindings.createStringBinding(() -> text(session.editErrorProperty().get()),
                session.editErrorProperty(), i18n.localeProperty()));
        editRow = new HBox(6, editField, apply);
        VBox editBox = new VBox(2, editRow, editError);

        ScrollPane chainScroll = new ScrollPane(lines);
        chainScroll.setFitToWidth(true);
        chainScroll.setPrefViewportHeight(150);
        chainScroll.getStyleClass().add("edge-to-edge");

        table.setId("parameter-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(column("table.name", r -> r.name()));
        table.getColumns().add(column("table.connection", r -> r.connection()));
        table.getColumns().add(column("table.value", r -> Numbers.shortNumber(r.value())));
        table.getColumns().add(column("table.gradient", r -> Double.isNaN(r.gradient()) ? "" : Numbers.shortNumber(r.gradient())));
        table.getColumns().add(column("table.numeric", r -> Double.isNaN(r.numeric()) ? "" : Numbers.shortNumber(r.numeric())));
        table.getColumns().add(column("table.change", r -> Double.isNaN(r.change()) ? "" : Numbers.shortNumber(r.change())));
        table.getColumns().get(0).setPrefWidth(58);
        table.getColumns().get(1).setPrefWidth(86);
        for (int c = 2; c < 6; c++) {
            table.getColumns().get(c).setPrefWidth(96);
        }
        // an empty table says why in the UI's language (JavaFX's own placeholder is English only)
        Label none = new Label();
        none.textProperty().bind(i18n.bind("inspector.tableEmpty"));
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.setPrefHeight(220);
        table.setMinWidth(200);
        VBox.setVgrow(table, Priority.ALWAYS);
        copy.setId("copy-table");
        copy.textProperty().bind(i18n.bind("inspector.copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(tableAsText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label tableTitle = new Label();
        tableTitle.textProperty().bind(i18n.bind("inspector.table"));
        tableTitle.getStyleClass().add("section-title");
        tableTitle.setWrapText(true);
        tableTitle.setMinWidth(0);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(tableTitle, Priority.ALWAYS);
        HBox tableHeader = new HBox(8, tableTitle, copy);
        getChildren().addAll(title, chainScroll, numeric, editBox, tableHeader, table);
        i18n.localeProperty().addListener((o, a, b) -> refresh());
    }

    private TableColumn<ParameterRow, String> column(String key, java.util.function.Function<ParameterRow, String> f) {
        TableColumn<ParameterRow, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** The table as tab-separated text with a header line, numbers in full precision. */
    public String tableAsText() {
        StringBuilder sb = new StringBuilder(String.join("\t", i18n.get("table.name"), i18n.get("table.connection"),
                i18n.get("table.value"), i18n.get("table.gradient"), i18n.get("table.numeric"),
                i18n.get("table.change"))).append('\n');
        for (ParameterRow r : table.getItems()) {
            sb.append(r.toTsv()).append('\n');
        }
        return sb.toString();
    }

    /** Shows what the session made of the selection; the edit field keeps what is being typed. */
    public void show(InspectorSnapshot s) {
        GraphItem before = snapshot == null ? null : snapshot.item();
        boolean selectionChanged = s.item() == null ? before != null : !s.item().equals(before);
        this.snapshot = s;
        refresh();
        if (selectionChanged || !editField.isFocused()) {
            editField.setText(s.value());
        }
    }

    /** Focuses the edit field, for a click that means "edit this". */
    public void focusEditor() {
        GraphItem item = session.selectionProperty().get();
        if (item != null && item.editable()) {
            editField.requestFocus();
            editField.selectAll();
        }
    }

    private String text(Phrase p) {
        return p == null ? "" : p.format(i18n::get);
    }

    private void refresh() {
        lines.getChildren().clear();
        numeric.setText("");
        if (snapshot == null) {
            return;
        }
        table.setItems(FXCollections.observableList(snapshot.rows()));
        editRow.setVisible(snapshot.editable());
        editRow.setManaged(editRow.isVisible());
        title.setText(text(snapshot.title()));
        numeric.setText(text(snapshot.numeric()));
        if (snapshot.item() == null) {
            return;
        }
        for (Phrase line : snapshot.lines()) {
            Label label = new Label(text(line));
            label.setWrapText(true);
            label.getStyleClass().add("chain-line");
            lines.getChildren().add(label);
        }
    }
}
