package org.backproplab.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

/** List cells whose text comes from the bundles and follows the language. */
final class LocalizedCells {
    private LocalizedCells() {
    }

    static <T> Callback<ListView<T>, ListCell<T>> of(I18n i18n, Function<T, String> text) {
        return list -> new ListCell<>() {
            // held by the cell, registered weakly: the language outlives the cells (a combo box of
            // the playground's layer editor is replaced whenever a layer is added or removed)
            private final ChangeListener<Locale> relabel = (o, a, b) -> updateItem(getItem(), isEmpty());

            {
                i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : text.apply(item));
            }
        };
    }

    /** Uses the cells for both the list and the button of {@code box}. */
    static <T> void install(ComboBox<T> box, I18n i18n, Function<T, String> text) {
        box.setCellFactory(of(i18n, text));
        box.setButtonCell(of(i18n, text).call(null));
    }
}
