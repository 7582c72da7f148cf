package org.backproplab.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.backproplab.session.DigitsExplain;
import org.backproplab.session.ExplainSnapshot;
import org.backproplab.session.Notice;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Why this class?": the controls of {@link DigitsExplain} (method, score, layer, patch, fill,
 * maximisation with its progress), the row of ten maps one per class, the chosen class's map over
 * the digit with its legend, and the method's second picture. Built once; a snapshot is drawn into it.
 */
final class ExplainView {
    private final DigitsExplain explain;
    private final I18n i18n;
    private final ComboBox<String> method = new ComboBox<>();
    private final ComboBox<String> target = new ComboBox<>();
    private final ComboBox<Integer> layer = new ComboBox<>();
    private final ComboBox<Integer> patch = new ComboBox<>();
    private final ComboBox<Double> fill = new ComboBox<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label about = new Label();
    private final Label notes = new Label();
    private final Label error = new Label();
    private final Label rowTitle = new Label();
    private final PictureGrid row = new PictureGrid(6);
    private final Label shownTitle = new Label();
    private final ImageView map = DigitsImages.view("explain-map", 224, false);
    private final Label legend = new Label();
    private final ImageView legendBar = new ImageView();
    private final Label secondTitle = new Label();
    private final ImageView second = DigitsImages.view("explain-second", 224, false);
    private final FlowPane classKey = new FlowPane(6, 2);
    private final ScrollPane root;
    private ExplainSnapshot shown;

    ExplainView(DigitsExplain explain, I18n i18n, ExportDialogs dialogs, Consumer<Notice> say) {
        this.explain = explain;
        this.i18n = i18n;
        method.setId("explain-method");
        method.getItems().setAll(DigitsExplain.METHODS);
        LocalizedCells.install(method, i18n, id -> i18n.get("explain.method." + id));
        method.setValue(explain.method());
        method.setOnAction(e -> {
            if (method.getValue() != null && !method.getValue().equals(explain.method())) {
                explain.setMethod(method.getValue());
            }
        });
        target.setId("explain-target");
        target.getItems().setAll(DigitsExplain.TARGETS);
        LocalizedCells.install(target, i18n, id -> i18n.get("explain.target." + id));
        target.setValue(explain.target());
        target.setOnAction(e -> {
            if (target.getValue() != null && !target.getValue().equals(explain.target())) {
                explain.setTarget(target.getValue());
            }
        });
        layer.setId("explain-layer");
        layer.setOnAction(e -> {
            if (layer.getValue() != null && (shown == null || layer.getValue() != shown.layer())) {
                explain.setLayer(layer.getValue());
            }
        });
        patch.setId("explain-patch");
        patch.getItems().setAll(DigitsExplain.PATCHES);
        LocalizedCells.install(patch, i18n, p -> p + " x " + p);
        patch.setValue(explain.patch());
        patch.setOnAction(e -> explain.setPatch(patch.getValue()));
        fill.setId("explain-fill");
        fill.getItems().setAll(0.5, 0.0, 1.0);
        LocalizedCells.install(fill, i18n, v -> String.format(Locale.ROOT, "%.1f", v));
        fill.setValue(explain.fill());
        fill.setOnAction(e -> explain.setFill(fill.getValue()));
        Button classes = ViewParts.button(i18n, "explain-max-classes", Material2MZ.PLAY_ARROW, "explain.maximizeClasses",
                () -> explain.maximize(false));
        Button filters = ViewParts.button(i18n, "explain-max-filters", Material2MZ.PLAY_ARROW,
                "explain.maximizeFilters", () -> explain.maximize(true));
        Button cancel = ViewParts.button(i18n, "explain-cancel", Material2AL.CLOSE, "explain.cancel",
                explain::cancelMaximize);
        progress.setId("explain-progress");
        progress.progressProperty().bind(explain.progressProperty());
        progress.visibleProperty().bind(explain.maximizingProperty());
        cancel.visibleProperty().bind(explain.maximizingProperty());
        classes.disableProperty().bind(explain.maximizingProperty());
        filters.disableProperty().bind(explain.maximizingProperty());
        // as wide as their longest choice in the text's size (a fixed width cut "logit y_c (softmax 之前)" in presentation mode)
        FlowPane choices = new FlowPane(14, 6, ViewParts.pair(i18n, "explain.method", method),
                ViewParts.pair(i18n, "explain.target", target), ViewParts.pair(i18n, "explain.layer", layer),
                ViewParts.pair(i18n, "explain.patch", patch), ViewParts.pair(i18n, "explain.fill", fill));
        FlowPane maximize = new FlowPane(8, 6, classes, filters, progress, cancel);
        about.setId("explain-about");
        about.setWrapText(true);
        notes.setId("explain-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add("notice");
        error.setId("explain-error");
        error.getStyleClass().add("error");
        explain.inputErrorProperty().addListener((o, a, n) -> showError(n));
        ViewParts.wrapped(rowTitle).getStyleClass().add("section-title"); // cut in Chinese in presentation mode
        row.setId("explain-row");
        row.setCursor(Cursor.HAND);
        row.setFocusTraversable(true);
        row.setOnMouseClicked(e -> {
            row.requestFocus(); // then 0 to 9 choose the class
            int i = row.indexAt(e.getX(), e.getY());
            if (i >= 0) {
                explain.chooseClass(Math.min(i, 9));
            }
        });
        legend.setId("explain-legend");
        legendBar.setId("explain-legend-bar");
        legendBar.setFitWidth(224);
        legendBar.setFitHeight(12);
        legendBar.setSmooth(false);
        shownTitle.setId("explain-shown");
        shownTitle.getStyleClass().add("section-title");
        secondTitle.setId("explain-second-title");
        secondTitle.getStyleClass().add("section-title");
        classKey.setId("explain-class-key");
        for (int c = 0; c < 10; c++) {
            Rectangle swatch = new Rectangle(12, 12, Color.rgb((ExplainSnapshot.classColor(c) >> 16) & 0xFF,
                    (ExplainSnapshot.classColor(c) >> 8) & 0xFF, ExplainSnapshot.classColor(c) & 0xFF));
            classKey.getChildren().add(new HBox(3, swatch, new Label(String.valueOf(c))));
        }
        classKey.setPrefWrapLength(224);
        VBox secondBox = new VBox(4, secondTitle, second, classKey);
        secondBox.visibleProperty().bind(secondTitle.textProperty().isNotEmpty());
        // side by side when there is room, one under the other in a narrow window
        FlowPane large = new FlowPane(24, 12, new VBox(4, shownTitle, map, legendBar, legend), secondBox);
        for (javafx.scene.Node n : List.of(row, map, second)) {
            PngMenu.install(n, i18n, dialogs, say);
        }
        VBox box = new VBox(8, choices, maximize, about, error, notes, rowTitle, row, large);
        box.setPadding(new Insets(8));
        row.setOnKeyPressed(e -> {
            if (e.getCode().isDigitKey()) {
                explain.chooseClass(e.getCode().getCode() - (e.getCode().isKeypadKey() ? KeyCode.NUMPAD0.getCode()
                        : KeyCode.DIGIT0.getCode()));
                e.consume();
            }
        });
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        i18n.localeProperty().addListener((o, a, b) -> {
            showTexts();
            showError(explain.inputErrorProperty().get());
        });
        ViewParts.eachFrame(root, () -> explain.snapshotProperty().get() != shown, this::render);
    }

    Region root() {
        return root;
    }

    private void showError(Notice n) {
        error.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private void render() {
        ExplainSnapshot s = explain.snapshotProperty().get();
        shown = s;
        if (s == null) {
            return;
        }
        if (!layer.getItems().equals(ViewParts.indices(s.layers().size()))) {
            layer.getItems().setAll(ViewParts.indices(s.layers().size()));
            LocalizedCells.install(layer, i18n, i -> i < s.layers().size() ? s.layers().get(i) : "");
        }
        layer.setValue(s.layers().isEmpty() ? null : s.layer());
        target.setValue(s.target()); // occlusion turns it to the probability
        method.setValue(s.method());
        layer.setDisable(s.layers().isEmpty());
        boolean occlusion = s.method().equals("occlusion");
        patch.setDisable(!occlusion);
        fill.setDisable(!occlusion);
        row.setCaptions(s.rowCaptions());
        row.show(s.row(), 64, 64);
        DigitsImages.show(map, s.map());
        boolean maximize = s.method().equals("maximize");
        legendBar.setVisible(!maximize);
        if (!maximize) {
            DigitsImages.show(legendBar, s.legendBar());
        }
        if (s.second() != null) {
            DigitsImages.show(second, s.second());
        }
        classKey.setVisible("explain.winners".equals(s.secondKey()));
        showTexts();
    }

    private void showTexts() {
        ExplainSnapshot s = shown;
        if (s == null) {
            return;
        }
        boolean max = s.method().equals("maximize");
        about.setText(i18n.get("explain.about." + s.method()));
        rowTitle.setText(i18n.get(max ? "explain.rowMaximized" : "explain.row"));
        shownTitle.setText(i18n.get(max ? "explain.shownMaximized" : "explain.shown", s.shownClass()));
        legend.setText(max ? "" : s.legendLo() < 0
                ? i18n.get("explain.legend.signed", fmt(s.legendLo()), fmt(s.legendHi()))
                : i18n.get("explain.legend.positive", fmt(s.legendHi())));
        secondTitle.setText(s.secondKey() == null ? "" : i18n.get(s.secondKey(), s.secondArgs().toArray()));
        StringBuilder b = new StringBuilder();
        for (Notice n : s.notes()) {
            b.append(b.length() == 0 ? "" : " ").append(i18n.get(n.key(), n.args().toArray()));
        }
        notes.setText(b.toString());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
