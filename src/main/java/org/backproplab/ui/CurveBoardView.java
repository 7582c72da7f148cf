package org.backproplab.ui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.backproplab.session.CurveBoard;
import org.backproplab.session.CurvePlot;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * A loss chart as TensorBoard shows one: the lines of every kept run ({@link LossCurveView}), a
 * legend naming each run, a log-scale switch, the smoothing slider, Clear runs and Export CSV.
 * The view-model ({@link CurveBoard}) computes every point; this draws them once a frame when the
 * chart changed. Ids start with {@code prefix} ("pg", "step").
 */
final class CurveBoardView {
    private final CurveBoard board;
    private final I18n i18n;
    private final VBox root = new VBox(4);
    private final LossCurveView curve = new LossCurveView();
    /** One run a line (a FlowPane is never narrower than its widest entry, and a run's name can be long). */
    private final VBox legend = new VBox(2);
    private final Label note = new Label();
    private final String prefix;
    private final String axisKey;
    private final String hoverKey;
    private boolean dirty = true;
    private List<Object> legendShown = List.of();

    CurveBoardView(CurveBoard board, I18n i18n, ExportDialogs dialogs, String prefix, String titleKey, String axisKey,
            String hoverKey) {
        this.board = board;
        this.i18n = i18n;
        this.prefix = prefix;
        this.axisKey = axisKey;
        this.hoverKey = hoverKey;
        // the stepping tab's curve keeps its first id
        curve.setId("step".equals(prefix) ? "loss-curve" : prefix + "-loss-curve");
        root.setId(prefix + "-curves");
        legend.setId(prefix + "-legend");
        note.setId(prefix + "-log-note");
        note.getStyleClass().add("notice");
        note.setWrapText(true);
        note.setManaged(false);
        note.setVisible(false);

        CheckBox log = new CheckBox();
        log.setId(prefix + "-log-scale");
        log.textProperty().bind(i18n.bind("curves.log"));
        log.setSelected(board.logScaleProperty().get());
        log.selectedProperty().addListener((o, a, on) -> board.setLogScale(on));
        Slider smoothing = new Slider(0, CurvePlot.MAX_SMOOTHING, board.smoothingProperty().get());
        smoothing.setId(prefix + "-smoothing");
        smoothing.setPrefWidth(110);
        smoothing.setBlockIncrement(0.05);
        smoothing.valueProperty().addListener((o, a, v) -> board.setSmoothing(Math.round(v.doubleValue() * 100) / 100.0));
        Label smoothingValue = new Label();
        smoothingValue.setId(prefix + "-smoothing-value");
        smoothingValue.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.2f", board.smoothingProperty().get()), board.smoothingProperty()));
        Label smoothingLabel = new Label();
        smoothingLabel.textProperty().bind(i18n.bind("curves.smoothing"));
        // a narrow column (the digits tab's) puts the smoothing on a line of its own, its value beside the slider
        HBox smoothingRow = new HBox(6, smoothingLabel, smoothing, smoothingValue);
        smoothingRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane settings = new FlowPane(6, 4, log, smoothingRow);
        settings.setAlignment(Pos.CENTER_LEFT);
        Button clear = ViewParts.button(i18n, prefix + "-clear-runs", Material2AL.DELETE_SWEEP, "curves.clear",
                board::clearRuns);
        Button export = ViewParts.button(i18n, prefix + "-export-curves", Material2AL.GET_APP, "curves.export",
                () -> dialogs.curvesCsvToSave(root.getScene().getWindow()).ifPresent(p -> board.exportCsv(p, i18n::get)));
        HBox actions = new HBox(6, clear, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label title = ViewParts.title(i18n, titleKey);
        title.setWrapText(true);
        root.getChildren().addAll(title, curve, legend, note, settings, actions);

        board.chartProperty().addListener((o, a, b) -> dirty = true);
        i18n.localeProperty().addListener((o, a, b) -> dirty = true);
        ViewParts.eachFrame(root, () -> {
            boolean d = dirty;
            dirty = false;
            return d;
        }, this::render);
    }

    /** "Save picture as PNG…" on the chart, reporting through {@code say}. */
    void offerPng(ExportDialogs dialogs, java.util.function.Consumer<org.backproplab.session.Notice> say) {
        PngMenu.install(curve, i18n, dialogs, say);
    }

    VBox root() {
        return root;
    }

    LossCurveView curve() {
        return curve;
    }

    private void render() {
        CurvePlot.Chart chart = board.chartProperty().get();
        curve.setTexts(i18n.get(axisKey), i18n.get(hoverKey), i18n.get("curves.hoverSmoothed"));
        curve.setChart(chart);
        // the legend changes with the runs and the language, not with every frame of training
        List<Object> key = List.of(chart.legend(), i18n.localeProperty().get());
        if (!key.equals(legendShown)) {
            legendShown = key;
            showLegend(chart);
        }
        boolean hidden = chart.log() && chart.hidden() > 0;
        note.setText(hidden ? i18n.get("curves.logHidden", chart.hidden()) : "");
        note.setVisible(hidden);
        note.setManaged(hidden);
    }

    private void showLegend(CurvePlot.Chart chart) {
        legend.getChildren().clear();
        for (int i = 0; i < chart.legend().size(); i++) {
            CurvePlot.Legend entry = chart.legend().get(i);
            Line swatch = new Line(0, 0, 18, 0);
            swatch.setStrokeWidth(3);
            swatch.setStroke(LossCurveView.color(entry.color()));
            Label l = new Label(entry.label().format(i18n::get), swatch);
            l.setId(prefix + "-legend-" + i);
            // a long run's name ("lr 0.01 · 7-8-8-8-1 tanh · sigmoid + binary cross-entropy · ...") wraps
            // within the column rather than widen it past the window
            ViewParts.wrapped(l);
            legend.getChildren().add(l);
        }
    }
}
