package org.backproplab.ui;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.backproplab.session.Notice;

/** How the playground's controls follow the view-model's read-only properties and call its commands. */
final class PlaygroundBindings {
    private PlaygroundBindings() {
    }

    /** Runs {@code apply} with the value now and whenever it changes. */
    static <T> void follow(ObservableValue<T> value, Consumer<T> apply) {
        apply.accept(value.getValue());
        value.addListener((o, a, b) -> apply.accept(b));
    }

    /**
     * A picker that shows {@code value} and sends what the user picks to {@code command}; a pick
     * the view-model refuses springs back to the value it keeps.
     */
    static void combo(ComboBox<String> box, ObservableValue<String> value, Consumer<String> command) {
        follow(value, box::setValue);
        box.setOnAction(e -> {
            String picked = box.getValue();
            if (picked != null && !picked.equals(value.getValue())) {
                command.accept(picked);
            }
            if (!Objects.equals(box.getValue(), value.getValue()) && value.getValue() != null) {
                box.setValue(value.getValue());
            }
        });
    }

    /**
     * A text field that shows {@code value} and sends what is typed on Enter or when it loses the
     * focus. A refused text stays while {@code error} explains it; once the error is gone (another
     * command was taken) the field shows the value the view-model keeps again. The refused field is
     * framed in red meanwhile.
     */
    static void field(TextField field, ObservableValue<String> value, Consumer<String> command,
            ObservableValue<Notice> error) {
        follow(value, field::setText);
        error.addListener((o, was, is) -> {
            if (is == null) {
                field.setText(value.getValue());
            }
            // the field holding the refused text is framed in red until the error goes
            field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER,
                    is != null && !Objects.equals(field.getText(), value.getValue()));
        });
        field.setOnAction(e -> command.accept(field.getText()));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && !Objects.equals(field.getText(), value.getValue())) {
                command.accept(field.getText());
            }
        });
    }

    /**
     * Scrolls {@code pane} as little as it takes to show {@code node} (one of its content's
     * descendants) whole, or its top if it is taller than the view.
     */
    static void reveal(javafx.scene.control.ScrollPane pane, javafx.scene.Node node) {
        javafx.scene.Node content = pane.getContent();
        double extra = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        if (extra <= 0) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double offset = pane.getVvalue() * extra;
        double view = pane.getViewportBounds().getHeight();
        if (b.getMaxY() > offset + view) {
            offset = b.getMaxY() - view;
        }
        if (b.getMinY() < offset) {
            offset = b.getMinY();
        }
        pane.setVvalue(Math.max(0, Math.min(1, offset / extra)));
    }

    /** Shows a notice's text in {@code label}, or nothing for null; follows the language. */
    static void notice(Label label, I18n i18n, ObservableValue<Notice> notice) {
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Notice n = notice.getValue();
            return n == null ? "" : i18n.get(n.key(), n.args().toArray());
        }, notice, i18n.localeProperty()));
    }
}
