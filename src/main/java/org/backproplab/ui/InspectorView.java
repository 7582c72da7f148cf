package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
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
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.ChainRule;
import org.backproplab.lesson.Naming;
import org.backproplab.session.NumberInput;
import org.backproplab.session.StepSnapshot;

/**
 * The numbers behind what is selected in the graph: its value, the chain rule with the numbers
 * filled in, the finite-difference estimate beside the backpropagated gradient, a field to edit
 * it, and a table of every weight and bias with its gradient at the current stage.
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
    private StepSnapshot snapshot;
    private Selection selection;
    private final BiConsumer<Selection, Double> onEdit;

    public InspectorView(I18n i18n, BiConsumer<Selection, Double> onEdit) {
        this.i18n = i18n;
        this.onEdit = onEdit;
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
            applyEdit();
            if (editError.getText().isEmpty()) {
                getScene().getRoot().requestFocus();
            }
        });
        apply.setId("edit-apply");
        apply.textProperty().bind(i18n.bind("inspector.apply"));
        apply.setOnAction(e -> applyEdit());
        editError.setId("edit-error");
        editError.getStyleClass().add("edit-error");
        editError.setWrapText(true);
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
        table.getColumns().add(column("table.value", r -> Format.shortNumber(r.value())));
        table.getColumns().add(column("table.gradient", r -> Double.isNaN(r.gradient()) ? "" : Format.shortNumber(r.gradient())));
        table.getColumns().add(column("table.numeric", r -> Double.isNaN(r.numeric()) ? "" : Format.shortNumber(r.numeric())));
        table.getColumns().add(column("table.change", r -> Double.isNaN(r.change()) ? "" : Format.shortNumber(r.change())));
        table.getColumns().get(0).setPrefWidth(58);
        table.getColumns().get(1).setPrefWidth(86);
        for (int c = 2; c < 6; c++) {
            table.getColumns().get(c).setPrefWidth(96);
        }
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

    public void show(StepSnapshot s, Selection sel) {
        boolean selectionChanged = sel == null ? selection != null : !sel.equals(selection);
        this.snapshot = s;
        this.selection = sel;
        refresh();
        if (selectionChanged) {
            editError.setText("");
        }
        if (selectionChanged || !editField.isFocused()) {
            editField.setText(sel == null || !sel.editable() ? "" : Format.exact(currentValue(s, sel)));
        }
    }

    /** Focuses the edit field, for a click that means "edit this". */
    public void focusEditor() {
        if (selection != null && selection.editable()) {
            editField.requestFocus();
            editField.selectAll();
        }
    }

    private void applyEdit() {
        if (selection == null || !selection.editable()) {
            return;
        }
        NumberInput.Result r = NumberInput.parameter(editField.getText());
        if (!r.ok()) {
            editError.setText(i18n.get(r.errorKey(), String.valueOf((long) NumberInput.LIMIT)));
            return;
        }
        editError.setText("");
        onEdit.accept(selection, r.value());
    }

    private void refresh() {
        lines.getChildren().clear();
        numeric.setText("");
        if (snapshot == null) {
            return;
        }
        table.setItems(FXCollections.observableList(rows(snapshot)));
        editRow.setVisible(selection != null && selection.editable());
        editRow.setManaged(editRow.isVisible());
        if (selection == null) {
            title.setText(i18n.get("inspector.empty"));
            return;
        }
        Naming naming = snapshot.naming();
        ChainRule chain = new ChainRule(naming, snapshot.records());
        List<String> text = new ArrayList<>();
        int l = selection.layer();
        int j = selection.row();
        switch (selection.kind()) {
            case NEURON -> {
                title.setText(i18n.get("inspector.neuron", naming.neuron(l, j)));
                if (chain.hasForward(l)) {
                    text.addAll(chain.forwardLines(l, j));
                }
                if (chain.hasBackward(l)) {
                    text.addAll(chain.neuron(l, j));
                }
            }
            case WEIGHT -> {
                int i = selection.col();
                String w = naming.weight(l, j, i);
                double value = currentValue(snapshot, selection);
                title.setText(i18n.get("inspector.weight", w, naming.neuron(l - 1, i), naming.neuron(l, j),
                        Format.exact(value)));
                if (chain.hasBackward(l)) {
                    text.addAll(chain.neuron(l, j));
                    text.add(chain.weight(l, j, i));
                    showNumeric(backward(l).gradWeights().get(j, i), "W" + (l + 1), j, i, "dE/d" + w);
                }
                update(text, "W" + (l + 1), j, i, w);
            }
            case BIAS -> {
                String b = naming.bias(l, j);
                title.setText(i18n.get("inspector.bias", b, Format.exact(currentValue(snapshot, selection))));
                if (chain.hasBackward(l) && backward(l).gradBias() != null) {
                    text.addAll(chain.neuron(l, j));
                    text.add(chain.bias(l, j));
                    showNumeric(backward(l).gradBias().get(j, 0), "b" + (l + 1), j, 0, "dE/d" + b);
                }
                update(text, "b" + (l + 1), j, 0, b);
            }
            case INPUT -> title.setText(i18n.get("inspector.input", naming.neuron(-1, selection.col()),
                    Format.exact(currentValue(snapshot, selection))));
            case TARGET -> {
                int k = selection.col();
                title.setText(i18n.get("inspector.target", naming.neuron(naming.layers() - 1, k),
                        Format.exact(currentValue(snapshot, selection))));
                LossRecord loss = loss();
                if (loss != null) {
                    text.add("    E_" + naming.neuron(naming.layers() - 1, k) + " = " + Naming.number(loss.terms().get(0, k)));
                }
            }
        }
        if (text.isEmpty()) {
            text.add(i18n.get("inspector.notYet"));
        }
        for (String line : text) {
            Label label = new Label(line.strip().replace(" x ", " \u00d7 "));
            label.setWrapText(true);
            label.getStyleClass().add("chain-line");
            lines.getChildren().add(label);
        }
    }

    private void showNumeric(double analytic, String parameter, int row, int col, String what) {
        ImmutableMatrix est = snapshot.numericGradients().get(parameter);
        if (est == null) {
            return;
        }
        double n = est.get(row, col);
        double error = Math.abs(analytic - n) / Math.max(Math.abs(analytic) + Math.abs(n), 1e-12);
        numeric.setText(i18n.get("inspector.numeric", what, Naming.number(n), Naming.number(analytic),
                String.format(java.util.Locale.ROOT, "%.1e", error)));
    }

    private void update(List<String> text, String parameter, int row, int col, String name) {
        if (snapshot.lastRecord() instanceof UpdateRecord u) {
            ParameterUpdate p = u.parameter(parameter);
            double before = p.before().get(row, col);
            double after = p.after().get(row, col);
            text.add("    " + i18n.get("inspector.update", name, Naming.number(before), Naming.number(after - before),
                    Naming.number(after)));
        }
    }

    private BackwardRecord backward(int l) {
        for (StageRecord r : snapshot.records()) {
            if (r instanceof BackwardRecord b && b.layer() == l) {
                return b;
            }
        }
        return null;
    }

    private LossRecord loss() {
        for (StageRecord r : snapshot.records()) {
            if (r instanceof LossRecord l) {
                return l;
            }
        }
        return null;
    }

    static double currentValue(StepSnapshot s, Selection sel) {
        return switch (sel.kind()) {
            case WEIGHT -> s.parameters().get("W" + (sel.layer() + 1)).get(sel.row(), sel.col());
            case BIAS -> s.parameters().get("b" + (sel.layer() + 1)).get(sel.row(), 0);
            case INPUT -> s.inputs().get(Math.min(sel.row(), s.inputs().rows() - 1), sel.col());
            case TARGET -> s.targets().get(Math.min(sel.row(), s.targets().rows() - 1), sel.col());
            case NEURON -> Double.NaN;
        };
    }

    /** Every weight and bias with value, gradient (once backward reached it), estimate and change. */
    static List<ParameterRow> rows(StepSnapshot s) {
        Naming naming = s.naming();
        List<ParameterRow> out = new ArrayList<>();
        UpdateRecord update = s.lastRecord() instanceof UpdateRecord u ? u : null;
        for (int l = 0; l < s.layerCount(); l++) {
            BackwardRecord b = null;
            for (StageRecord r : s.records()) {
                if (r instanceof BackwardRecord br && br.layer() == l) {
                    b = br;
                }
            }
            String wName = "W" + (l + 1);
            ImmutableMatrix w = update != null ? update.parameter(wName).before() : s.parameters().get(wName);
            ImmutableMatrix numeric = s.numericGradients().get(wName);
            for (int j = 0; j < w.rows(); j++) {
                for (int i = 0; i < w.cols(); i++) {
                    out.add(new ParameterRow(naming.weight(l, j, i), naming.neuron(l - 1, i) + " \u2192 " + naming.neuron(l, j),
                            w.get(j, i), b == null ? Double.NaN : b.gradWeights().get(j, i),
                            numeric == null ? Double.NaN : numeric.get(j, i),
                            update == null ? Double.NaN : update.parameter(wName).step().get(j, i)));
                }
            }
            if (s.biasMode() != org.backproplab.engine.BiasMode.NONE) {
                String bName = "b" + (l + 1);
                ImmutableMatrix bias = s.parameters().get(bName);
                ImmutableMatrix bNumeric = s.numericGradients().get(bName);
                for (int j = 0; j < bias.rows(); j++) {
                    double value = update != null ? update.parameter(bName).before().get(j, 0) : bias.get(j, 0);
                    out.add(new ParameterRow(naming.bias(l, j), "\u2192 " + naming.neuron(l, j), value,
                            b == null || b.gradBias() == null ? Double.NaN : b.gradBias().get(j, 0),
                            bNumeric == null ? Double.NaN : bNumeric.get(j, 0),
                            update == null ? Double.NaN : update.parameter(bName).step().get(j, 0)));
                }
            }
        }
        return out;
    }
}
