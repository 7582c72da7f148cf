package org.backproplab.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.GraphItem;
import org.backproplab.session.GraphSnapshot;
import org.backproplab.session.Phrase;
import org.backproplab.session.PlaygroundEditor;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Under the playground's graph: what the mouse points at with its exact value (a weight, a bias,
 * a neuron), and the field for the weight or bias clicked: its name, the number to type (Enter
 * sets it, training keeps it), and why a text was refused.
 */
final class PlaygroundEditPane {
    private final I18n i18n;
    private final VBox root;
    private final Label hover = new Label();
    private GraphItem hovered;

    PlaygroundEditPane(PlaygroundEditor editor, I18n i18n) {
        this.i18n = i18n;
        hover.setId("pg-hover");
        hover.getStyleClass().add("graph-hover");
        hover.setWrapText(true);
        Label title = new Label();
        title.setId("pg-edit-title");
        title.getStyleClass().add("edit-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("pg.edit.title", editor.titleProperty().get().format(i18n::get)),
                editor.titleProperty(), i18n.localeProperty()));
        title.setMinWidth(Region.USE_PREF_SIZE);
        TextField field = new TextField();
        field.setId("pg-edit-field");
        field.setPrefColumnCount(14);
        PlaygroundBindings.follow(editor.valueProperty(), field::setText);
        field.setOnAction(e -> editor.edit(field.getText()));
        Label error = new Label();
        error.setId("pg-edit-error");
        error.getStyleClass().add("edit-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            Phrase p = editor.errorProperty().get();
            return p == null ? "" : p.format(i18n::get);
        }, editor.errorProperty(), i18n.localeProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.bind("pg.edit.enter"));
        hint.getStyleClass().add("lesson-text");
        hint.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button();
        close.setId("pg-edit-close");
        close.setGraphic(new FontIcon(Material2AL.CLOSE));
        close.setOnAction(e -> editor.clear());
        HBox row = new HBox(8, title, field, hint, close, error);
        row.setId("pg-edit-row");
        row.setAlignment(Pos.CENTER_LEFT);
        // the row keeps its place while hidden: the graph must not move under the mouse that clicked it
        row.visibleProperty().bind(editor.selectionProperty().isNotNull());
        row.setMinHeight(Region.USE_PREF_SIZE);
        editor.selectionProperty().addListener((o, a, b) -> {
            if (b != null) {
                field.requestFocus();
                field.selectAll();
            }
        });
        root = new VBox(4, hover, row);
    }

    Region root() {
        return root;
    }

    /** The mouse entered an edge, a bias or a neuron (null: it left). */
    void hover(GraphItem item) {
        this.hovered = item;
    }

    /** Shows the hovered item's exact value in this snapshot, or how to get one. */
    void draw(GraphSnapshot graph) {
        Phrase tip = graph.tip(hovered);
        hover.setText(hovered == null || tip.parts().isEmpty() ? i18n.get("pg.edit.hint")
                : tip.format(i18n::get).replace('\n', ' '));
    }
}
