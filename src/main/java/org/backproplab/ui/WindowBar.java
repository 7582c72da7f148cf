package org.backproplab.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The window's own buttons beside the tab headers (language, presentation, export, help) and the
 * line that says what the window's export did. The box is in the window from the start; its
 * buttons are made by {@link #fill}, which the app calls with the stepping tab, after the window's
 * first frame: their first style pass (the language box's list, the menu, Ikonli's icon font) was
 * about half of the first frame's (issue 15: the window appears sooner).
 */
final class WindowBar {
    /** What the buttons do. */
    interface Actions {
        void presentation();

        void exportPng();

        void exportMarkdown();

        void showCode(String language);

        void help();
    }

    private final HBox box = new HBox(6);
    private final Label notice = new Label();
    private final ToggleButton presentation = new ToggleButton();

    WindowBar() {
        box.setId("window-bar");
        box.getStyleClass().add("window-bar");
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPickOnBounds(false);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(box, Pos.TOP_RIGHT);
        notice.setId("window-notice");
        notice.getStyleClass().add("notice");
        notice.setMaxWidth(420);
        presentation.setId("presentation");
    }

    /** The box, empty until {@link #fill}. */
    HBox box() {
        return box;
    }

    /** The window's notice line. */
    Label notice() {
        return notice;
    }

    /** The presentation toggle (F5 sets it whether or not the buttons are shown yet). */
    ToggleButton presentation() {
        return presentation;
    }

    boolean filled() {
        return !box.getChildren().isEmpty();
    }

    /**
     * Makes the buttons, once. {@code stepShowing}: whether the stepping tab shows (its handout and
     * code are offered only then).
     */
    void fill(I18n i18n, ObservableBooleanValue stepShowing, Actions actions) {
        if (filled()) {
            return;
        }
        ComboBox<Locale> language = ViewParts.languageBox(i18n, "language");
        language.setTooltip(tooltip(i18n, "control.language"));
        presentation.setGraphic(new FontIcon(Material2MZ.SLIDESHOW));
        presentation.setTooltip(tooltip(i18n, "action.presentation"));
        presentation.setOnAction(e -> actions.presentation());
        MenuItem png = menuItem(i18n, "export-png", "export.png", Material2AL.IMAGE);
        png.setOnAction(e -> actions.exportPng());
        MenuItem markdown = menuItem(i18n, "export-markdown", "export.markdown", Material2AL.DESCRIPTION);
        markdown.setOnAction(e -> actions.exportMarkdown());
        MenuItem pytorch = menuItem(i18n, "export-pytorch", "code.showPytorch", Material2AL.CODE);
        pytorch.setOnAction(e -> actions.showCode("pytorch"));
        MenuItem numpy = menuItem(i18n, "export-numpy", "code.showNumpy", Material2AL.CODE);
        numpy.setOnAction(e -> actions.showCode("numpy"));
        MenuButton export = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), png, markdown, pytorch, numpy);
        export.setId("export");
        export.setTooltip(tooltip(i18n, "export.menu"));
        export.setFocusTraversable(false);
        Button help = new Button();
        help.setId("help");
        help.setGraphic(new FontIcon(Material2AL.HELP_OUTLINE));
        help.setTooltip(tooltip(i18n, "action.help"));
        help.setOnAction(e -> actions.help());
        help.setFocusTraversable(false);
        for (MenuItem stepOnly : List.of(markdown, pytorch, numpy)) {
            stepOnly.visibleProperty().bind(stepShowing);
        }
        box.getChildren().setAll(notice, language, presentation, export, help);
    }

    private static MenuItem menuItem(I18n i18n, String id, String key, Ikon icon) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(i18n.bind(key));
        item.setGraphic(new FontIcon(icon));
        return item;
    }

    private static Tooltip tooltip(I18n i18n, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        return t;
    }
}
