package org.backproplab.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A tab's Save experiment and Open experiment buttons: icons with a tooltip, asking for the file. */
final class ExperimentButtons {
    private ExperimentButtons() {
    }

    /** {@code prefix}-save-experiment and {@code prefix}-open-experiment. */
    static Button[] of(I18n i18n, String prefix, ExportDialogs dialogs, Supplier<Window> owner, Consumer<Path> save,
            Consumer<Path> open) {
        return of(i18n, prefix, new String[] {"experiment.save", "experiment.open"}, dialogs, owner, save, open);
    }

    /** As {@link #of(I18n, String, ExportDialogs, Supplier, Consumer, Consumer)}, with the two tooltips' keys. */
    static Button[] of(I18n i18n, String prefix, String[] keys, ExportDialogs dialogs, Supplier<Window> owner,
            Consumer<Path> save, Consumer<Path> open) {
        return new Button[] {
            button(i18n, prefix + "-save-experiment", Material2MZ.SAVE, keys[0],
                    () -> dialogs.experimentToSave(owner.get()).ifPresent(save)),
            button(i18n, prefix + "-open-experiment", Material2AL.FOLDER_OPEN, keys[1],
                    () -> dialogs.experimentToOpen(owner.get()).ifPresent(open))
        };
    }

    private static Button button(I18n i18n, String id, Ikon icon, String key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        b.setTooltip(t);
        b.setOnAction(e -> action.run());
        return b;
    }
}
