package org.backproplab.ui;

import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.backproplab.session.Notice;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The small pieces every tab builds the same way. */
final class ViewParts {
    private ViewParts() {
    }

    /** A bold section heading in the UI language. */
    static Label title(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.getStyleClass().add("section-title");
        // a long heading in a narrow column goes on to a second line rather than end in "..."
        return wrapped(l);
    }

    /**
     * A label whose long text goes on to further lines, every one of them shown: where room is
     * short the lines keep it, the text does not end in "...".
     */
    static <T extends javafx.scene.control.Labeled> T wrapped(T label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * A text that wraps and may be given fewer lines than it needs (the window is small, the text
     * is large): its whole text in a tooltip too, in the language it is shown in.
     */
    static <T extends javafx.scene.control.Labeled> T wholeInTooltip(T label) {
        label.setWrapText(true);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(label.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(560);
        label.setTooltip(whole);
        return label;
    }

    /**
     * A label that keeps up to {@code lines} lines however short the room (a lesson's instructions
     * over the view they are about), beyond that as many as there is room for, and its whole text
     * in a tooltip. Its least height is worked out at each layout, for the width and font it has then.
     */
    static Label keepingLines(int lines) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        Label label = new Label() {
            @Override
            protected double computeMinHeight(double width) {
                double pref = computePrefHeight(width);
                double insets = snappedTopInset() + snappedBottomInset();
                // the text on one line, in the fonts its glyphs are drawn in: the height of a line
                probe.setFont(getFont());
                probe.setText(getText() == null ? "X" : getText().replace('\n', ' '));
                double line = probe.getLayoutBounds().getHeight();
                long shown = line <= 0 ? 1 : Math.max(1, Math.round((pref - insets) / line));
                return shown <= lines ? pref : insets + (pref - insets) * lines / shown;
            }
        };
        return wholeInTooltip(label);
    }

    /** A control with its label in front, kept together when a row of them wraps. */
    static javafx.scene.layout.HBox pair(I18n i18n, String key, Region control) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        control.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, l, control);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    /** 0, 1, ..., n - 1: the items of a chooser of positions. */
    static java.util.List<Integer> indices(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    /** A button with an icon and a text in the UI language. */
    static Button button(I18n i18n, String id, Ikon icon, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.textProperty().bind(i18n.bind(key));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A play button shows pause while training runs. */
    static void showPlaying(Button play, I18n i18n, boolean playing) {
        play.setGraphic(new FontIcon(playing ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW));
        play.textProperty().unbind();
        play.textProperty().bind(i18n.bind(playing ? "action.pause" : "action.play"));
    }

    /** A session's notice in a status label, in red when it reports an error. */
    static void showNotice(Label label, I18n i18n, Notice n) {
        if (n == null) {
            return;
        }
        styled(label, "error", n.error());
        // in the language shown, now and after a switch
        label.textProperty().unbind();
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get(n.key(), n.args().toArray()), i18n.localeProperty()));
    }

    /**
     * Draws at most once per frame: {@code render} runs on a frame after {@code dirty} reported a
     * change, while {@code owner} is in a window that is showing ({@link FrameTimer}).
     */
    static void eachFrame(javafx.scene.Node owner, java.util.function.BooleanSupplier takeDirty, Runnable render) {
        new FrameTimer(owner, now -> {
            if (takeDirty.getAsBoolean()) {
                render.run();
            }
        });
    }

    /**
     * A language picker: English or Chinese (each named in its own language), switching
     * {@code i18n}, and showing the language whichever picker changed it.
     */
    static ComboBox<Locale> languageBox(I18n i18n, String id) {
        ComboBox<Locale> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(I18n.LANGUAGES);
        LocalizedCells.install(box, i18n, l -> l.getLanguage().equals("zh") ? "\u4e2d\u6587" : "English");
        box.setValue(i18n.getLocale());
        box.setOnAction(e -> {
            if (box.getValue() != null) {
                i18n.setLocale(box.getValue());
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> box.setValue(b));
        return box;
    }

    /**
     * A fixed-size picture (a canvas) in a group, so that {@link #zoom} enlarges it for presentation
     * mode and the layout makes room for it; mouse positions stay in the picture's own coordinates.
     */
    static javafx.scene.Group zoomable(javafx.scene.Node picture) {
        return new javafx.scene.Group(picture);
    }

    /** A picture's property: how much larger than their design size its texts are drawn (before its zoom). */
    static final String TEXT_SCALE = "backproplab.textScale";

    /** 1 normally, larger in presentation mode (a picture put in {@link #zoomable}). */
    static void zoom(javafx.scene.Node picture, double scale) {
        picture.setScaleX(scale);
        picture.setScaleY(scale);
    }

    /**
     * The scale of a picture {@code natural} wide: {@code wanted}, or less so that it fits in
     * {@code room}, never below 1 (the window scrolls then, as it does without presentation mode).
     */
    static double fitted(double wanted, double room, double natural) {
        return natural <= 0 ? wanted : Math.max(1, Math.min(wanted, room / natural));
    }

    /**
     * After the text size changed (presentation mode): every choice box and tab pane under
     * {@code root} is measured afresh. A ComboBox's list is at least as wide as the box is now
     * (ComboBoxListViewSkin), so without this the boxes stay as wide as the larger text made them.
     */
    static void refitChoices(javafx.scene.Parent root) {
        javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Node n : root.lookupAll(".combo-box")) {
                if (n instanceof javafx.scene.control.ComboBox<?> box) {
                    box.resize(0, box.getHeight());
                    box.requestLayout();
                }
            }
            // a tab pane's header keeps the larger text's height until the pane is laid out again
            root.lookupAll(".tab-pane").forEach(n -> ((javafx.scene.Parent) n).requestLayout());
        });
    }

    /** Adds or removes a style class, touching the list only when that changes something. */
    static void styled(javafx.scene.Node node, String styleClass, boolean on) {
        boolean has = node.getStyleClass().contains(styleClass);
        if (on && !has) {
            node.getStyleClass().add(styleClass);
        } else if (!on && has) {
            node.getStyleClass().remove(styleClass);
        }
    }

    /**
     * A scroll pane around pictures drawn anew every frame: JavaFX's ScrollPane skin keeps its
     * viewport as a bitmap (ScrollPaneSkin's viewRect.setCache(true)), which pays for still content
     * but makes the renderer draw changing content twice, into the cache and out of it.
     */
    static javafx.scene.control.ScrollPane liveScrollPane(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.skinProperty().addListener((o, a, skin) -> {
            javafx.scene.Node viewport = pane.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        return pane;
    }
}
