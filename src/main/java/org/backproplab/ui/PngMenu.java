package org.backproplab.ui;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.backproplab.session.Notice;

/** "Save picture as PNG…" on a picture's context menu (right-click): the node as it is shown, at twice the scale. */
final class PngMenu {
    private PngMenu() {
    }

    static void install(Node node, I18n i18n, ExportDialogs dialogs, Consumer<Notice> say) {
        install(node, node, i18n, dialogs, say);
    }

    /** The menu on {@code target}, saving {@code node}'s picture. */
    static void install(Node target, Node node, I18n i18n, ExportDialogs dialogs, Consumer<Notice> say) {
        MenuItem save = new MenuItem();
        save.textProperty().bind(i18n.bind("png.savePicture"));
        // named after the picture when it is saved: backprop-lab-output-map.png
        save.setOnAction(e -> dialogs.pngFile(node.getScene().getWindow(),
                "backprop-lab-" + (node.getId() != null ? node.getId() : "picture") + ".png").ifPresent(path -> {
            try {
                PngExport.write(PngExport.snapshot(node, 2), path);
                say.accept(new Notice("notice.exported", List.of(path.getFileName().toString()), false));
            } catch (IOException ex) {
                say.accept(new Notice("notice.exportFailed", List.of(path.toString(), String.valueOf(ex.getMessage())),
                        true));
            }
        }));
        ContextMenu menu = new ContextMenu(save);
        // a right press (not every platform sends a context-menu request for it)
        target.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.SECONDARY) {
                menu.show(target, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }
}
