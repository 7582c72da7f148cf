package org.backproplab.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.session.Notice;
import org.backproplab.session.ShowAsCode;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The program of a tab's network, as PyTorch or NumPy, in a window of its own beside the app: to
 * read, copy to the clipboard or save. Built once per tab; it opens when its view-model has a
 * program to show and closes it when the window is closed.
 */
final class CodeWindow {
    private final ShowAsCode model;
    private final I18n i18n;
    private final Node owner;
    private final ExportDialogs dialogs;
    private final java.util.function.Consumer<Notice> say;
    private final ComboBox<String> language = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final Label message = new Label();
    private Stage stage;

    /** {@code say}: where a message goes while the window is closed (the tab's status line). */
    CodeWindow(ShowAsCode model, I18n i18n, Node owner, ExportDialogs dialogs, java.util.function.Consumer<Notice> say) {
        this.model = model;
        this.say = say;
        this.i18n = i18n;
        this.owner = owner;
        this.dialogs = dialogs;
        language.setId("code-language");
        language.getItems().setAll(ShowAsCode.LANGUAGES);
        LocalizedCells.install(language, i18n, id -> i18n.get("code.language." + id));
        language.setOnAction(e -> {
            ShowAsCode.Code shown = model.codeProperty().get();
            if (language.getValue() != null && shown != null && !language.getValue().equals(shown.language())) {
                model.show(language.getValue());
            }
        });
        text.setId("code-text");
        text.setEditable(false);
        text.getStyleClass().add("code-text");
        message.setId("code-message");
        model.codeProperty().addListener((o, a, c) -> showCode(c));
        model.messageProperty().addListener((o, a, n) -> showMessage(n));
    }

    private void showCode(ShowAsCode.Code c) {
        if (c == null) {
            if (stage != null) {
                stage.hide();
            }
            return;
        }
        if (stage == null) {
            stage = build();
        }
        text.setText(c.text());
        language.setValue(c.language());
        stage.setTitle(i18n.get("code.title." + c.language(), c.fileName()));
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
    }

    private void showMessage(Notice n) {
        message.getStyleClass().remove("error");
        if (n == null) {
            message.textProperty().unbind();
            message.setText("");
            return;
        }
        ViewParts.showNotice(message, i18n, n);
        if (stage == null || !stage.isShowing()) {
            say.accept(n);
        }
    }

    private Stage build() {
        Stage s = new Stage();
        Window main = owner.getScene() == null ? null : owner.getScene().getWindow();
        if (main != null) {
            s.initOwner(main);
        }
        Button copy = ViewParts.button(i18n, "code-copy", Material2AL.CONTENT_COPY, "code.copy", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
            model.copied();
        });
        Button save = ViewParts.button(i18n, "code-save", Material2MZ.SAVE, "code.save", () -> {
            ShowAsCode.Code c = model.codeProperty().get();
            if (c != null) {
                dialogs.codeToSave(s, c.fileName()).ifPresent(model::save);
            }
        });
        Button close = ViewParts.button(i18n, "code-close", Material2AL.CLOSE, "code.close", model::close);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, language, copy, save, gap, message, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(text, bar, null, null, null);
        root.getStyleClass().add("app-root");
        Scene scene = new Scene(root, 900, 700);
        if (main != null && main.getScene() != null) {
            scene.getStylesheets().setAll(main.getScene().getStylesheets());
        }
        s.setScene(scene);
        s.setOnHidden(e -> {
            if (model.codeProperty().get() != null) {
                model.close();
            }
        });
        return s;
    }
}
