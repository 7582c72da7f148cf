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

    /**
     * Like {@link #install}, but where the button is too narrow for the whole title it shows the name before the
     * title's colon ("Small CNN" of "Small CNN: conv 10 5x5, sigmoid, pool, dense 128"; a 1280 x 800 projector in
     * presentation mode cut it to "Small CNN: co..."). The list shows every title whole.
     */
    static <T> void installShortening(ComboBox<T> box, I18n i18n, Function<T, String> text) {
        box.setCellFactory(of(i18n, text));
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        box.setButtonCell(new ListCell<>() {
            private final ChangeListener<Locale> relabel = (o, a, b) -> updateItem(getItem(), isEmpty());

            {
                i18n.localeProperty().addListener(new WeakChangeListener<>(relabel));
                // told its width (and its font) when laid out: the text that fits, at once
                widthProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
                fontProperty().addListener((o, a, b) -> updateItem(getItem(), isEmpty()));
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText("");
                    return;
                }
                String whole = text.apply(item);
                probe.setFont(getFont());
                probe.setText(whole);
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                setText(getWidth() <= 0 || probe.getLayoutBounds().getWidth() <= room ? whole : shortName(whole));
            }
        });
    }

    /** The name before a title's first colon (ASCII or full-width), or the whole title when it has none. */
    static String shortName(String title) {
        int colon = title.indexOf(':');
        int wide = title.indexOf('\uff1a');
        int at = colon < 0 ? wide : wide < 0 ? colon : Math.min(colon, wide);
        return at > 0 ? title.substring(0, at) : title;
    }

    /** Uses the cells for both the list and the button of {@code box}. */
    static <T> void install(ComboBox<T> box, I18n i18n, Function<T, String> text) {
        box.setCellFactory(of(i18n, text));
        box.setButtonCell(of(i18n, text).call(null));
    }
}
