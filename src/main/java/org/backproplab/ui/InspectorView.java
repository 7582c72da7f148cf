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
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
    /** Marks the header label whose font is listened to (the skin makes it, after the constructor). */
    private static final String FITS = "backproplab.fitsColumns";
    private final I18n i18n;
    private final Label title = new Label();
    private final VBox lines = new VBox(2);
    private final Label numeric = new Label();
    private final TextField editField = new TextField();
    private final Button apply = new Button();
    private final Label editError = new Label();
    private final HBox editRow;
    private final TableView<ParameterRow> table = new TableView<>();
    /** The chain rule, shown only when something is selected: until then the table has its room. */
    private final ScrollPane chainScroll = new ScrollPane();
    private final Button copy = new Button();
    private final StepSession session;
    private InspectorSnapshot snapshot;
    /** What each column shows of a row, to make the column as wide as its widest text. */
    private final List<Function<ParameterRow, String>> cellTexts = new ArrayList<>();

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
        ViewParts.wrapped(numeric);
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
        // empty lines take no room: the table below has it
        editError.managedProperty().bind(editError.textProperty().isNotEmpty());
        numeric.managedProperty().bind(numeric.textProperty().isNotEmpty());
        editRow = new HBox(6, editField, apply);
        VBox editBox = new VBox(2, editRow, editError);

        chainScroll.setContent(lines);
        chainScroll.setFitToWidth(true);
        chainScroll.setPrefViewportHeight(150);
        chainScroll.setMinHeight(Region.USE_PREF_SIZE); // the chain rule before the table, when room is short
        chainScroll.getStyleClass().add("edge-to-edge");

        table.setId("parameter-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        // "w1 (i1 → h1)" as the inspector's title writes it: one column where two cut the numbers at 1280 x 800
        table.getColumns().add(column("table.name", r -> r.name() + " (" + text(r.connection()) + ")"));
        table.getColumns().add(column("table.value", r -> Numbers.shortNumber(r.value())));
        table.getColumns().add(column("table.gradient", r -> Double.isNaN(r.gradient()) ? "" : Numbers.shortNumber(r.gradient())));
        table.getColumns().add(column("table.numeric", r -> Double.isNaN(r.numeric()) ? "" : Numbers.shortNumber(r.numeric())));
        table.getColumns().add(column("table.change", r -> Double.isNaN(r.change()) ? "" : Numbers.shortNumber(r.change())));
        // presentation mode enlarges the text: the columns with it, once the table's text has its new size
        copy.fontProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fitColumns));
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fitColumns));
        // an empty table says why in the UI's language (JavaFX's own placeholder is English only)
        Label none = new Label();
        none.textProperty().bind(i18n.bind("inspector.tableEmpty"));
        none.setWrapText(true);
        table.setPlaceholder(none);
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
        // the button goes below the heading where both do not fit on one line (presentation mode)
        javafx.scene.layout.FlowPane tableHeader = new javafx.scene.layout.FlowPane(8, 4, tableTitle, copy);
        tableHeader.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(title, chainScroll, numeric, editBox, tableHeader, table);
        i18n.localeProperty().addListener((o, a, b) -> refresh());
    }

    private TableColumn<ParameterRow, String> column(String key, Function<ParameterRow, String> f) {
        TableColumn<ParameterRow, String> c = new TableColumn<>();
        cellTexts.add(f);
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
            sb.append(r.toTsv(i18n::get)).append('\n');
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

    /**
     * Each column as wide as its header and its widest number, so that no number is cut
     * ("0.0004385..."); where they do not all fit, the table scrolls sideways. Measured in the
     * table's own font (its header's; presentation mode gives tables a size of their own, app.css),
     * a button's until the table has its header; headers are bold. A map lesson's hundreds of rows:
     * the first 300 are measured.
     */
    private void fitColumns() {
        Font measured = copy.getFont();
        if (table.lookup(".column-header .label") instanceof javafx.scene.control.Labeled header) {
            measured = header.getFont();
            // the header's text may get its new size after this ran (a later pulse): measured again then
            if (!header.getProperties().containsKey(FITS)) {
                header.getProperties().put(FITS, Boolean.TRUE);
                header.fontProperty().addListener((o, a, b) -> fitColumns());
            }
        }
        Font font = Font.font(measured.getFamily(), FontWeight.NORMAL, measured.getSize());
        Font bold = Font.font(measured.getFamily(), FontWeight.BOLD, measured.getSize());
        Text probe = new Text();
        double padding = 0.6 * font.getSize() + 3; // 0.3em a side (app.css), a border, a little air
        for (int c = 0; c < cellTexts.size(); c++) {
            TableColumn<ParameterRow, ?> column = table.getColumns().get(c);
            probe.setFont(bold);
            probe.setText(column.getText());
            double width = probe.getLayoutBounds().getWidth();
            probe.setFont(font);
            for (ParameterRow row : table.getItems().subList(0, Math.min(300, table.getItems().size()))) {
                probe.setText(cellTexts.get(c).apply(row));
                width = Math.max(width, probe.getLayoutBounds().getWidth());
            }
            column.setMinWidth(Math.ceil(width + padding));
            column.setPrefWidth(column.getMinWidth());
        }
        // tall enough for every row (up to 12: a map lesson's hundreds scroll); a row is 2em (dense), the header 40 px
        table.setPrefHeight(42 + 2 * font.getSize() * Math.max(3, Math.min(12, table.getItems().size())));
    }

    private String text(Phrase p) {
        return p == null ? "" : p.format(i18n::get);
    }

    private void refresh() {
        lines.getChildren().clear();
        chainScroll.setVisible(false);
        chainScroll.setManaged(false);
        numeric.setText("");
        if (snapshot == null) {
            return;
        }
        table.setItems(FXCollections.observableList(snapshot.rows()));
        fitColumns();
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
        chainScroll.setVisible(!lines.getChildren().isEmpty());
        chainScroll.setManaged(chainScroll.isVisible());
    }
}
