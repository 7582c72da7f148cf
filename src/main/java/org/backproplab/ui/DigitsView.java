package org.backproplab.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.DigitsSession;
import org.backproplab.session.DigitsTexts;
import org.backproplab.session.DigitsSnapshot;
import org.backproplab.session.Notice;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A CNN on handwritten digits: the tab's shell with its tool bar (preset, precision, play, save and
 * load the model, save and open an experiment) and the progress below it, the model summary and
 * the curves on the left, and what the network sees ({@link DigitsInsideView}) in the centre and
 * on the right. Controls call the view-model's commands and follow its properties; a new snapshot
 * is drawn once, on the next frame.
 */
public final class DigitsView {
    /** The model summary's width out of presentation mode (app.css gives it more in it). */
    private static final double SUMMARY_WIDTH = 420;
    private final DigitsSession session;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> preset = new ComboBox<>();
    private final ComboBox<String> precision = new ComboBox<>();
    private final Button play = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final Label inputError = new Label();
    private final TableView<DigitsSnapshot.SummaryRow> summary = new TableView<>();
    private final Label totalParameters = new Label();
    private final CurveBoardView lossCurve;
    private final LossCurveView accuracyCurve = new LossCurveView();
    private final Label notice = new Label();
    private final Label about = new Label();
    private final DigitsInsideView inside;
    private final TabPane center = new TabPane();
    private final ModelDiagram diagram = new ModelDiagram();
    /** The snapshot drawn last; a different one is drawn on the next frame. */
    private DigitsSnapshot shown;

    public DigitsView(DigitsSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.i18n = i18n;
        this.lossCurve = new CurveBoardView(session.curves(), i18n, dialogs, "digits", "curves.titleBatches",
                "digits.batchAxis", "curve.hover");
        this.inside = new DigitsInsideView(session, i18n, dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        build(dialogs);
        lossCurve.offerPng(dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        session.playingProperty().addListener((o, a, b) -> showPlaying());
        session.noticeProperty().addListener((o, a, n) -> ViewParts.showNotice(notice, i18n, n));
        session.inputErrorProperty().addListener((o, a, n) -> showInputError(n));
        session.presetProperty().addListener((o, a, id) -> preset.setValue(id));
        // the texts drawn from the snapshot shown follow the language at once
        i18n.localeProperty().addListener((o, a, b) -> {
            if (shown != null) {
                showTexts(shown);
                summary.refresh(); // the layers' names, in the new language
                diagram.show(shown.summary(), i18n::get);
            }
            showInputError(session.inputErrorProperty().get());
        });
        ViewParts.eachFrame(root, () -> session.getSnapshot() != shown, this::render);
    }

    public Region root() {
        return root;
    }

    /** 1 normally, larger in presentation mode (the canvases' text does not follow the CSS). */
    public void setScale(double scale) {
        inside.setScale(scale);
        lossCurve.curve().setScale(scale);
    }

    public DigitsSession session() {
        return session;
    }

    /** Space trains and pauses, ← and → show the previous and next test digit; true if the key was one of them. */
    boolean handleKey(javafx.scene.input.KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> session.togglePlay();
            case RIGHT -> session.selectAfter(1);
            case LEFT -> session.selectAfter(-1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void build(ExportDialogs dialogs) {
        preset.setId("digits-preset");
        preset.getItems().setAll(session.presets());
        LocalizedCells.installShortening(preset, i18n, id -> i18n.get(DigitsTexts.titleKey(id)));
        preset.setOnAction(e -> {
            // the session setting its own preset comes back here: only a person's choice loads
            String id = preset.getValue();
            if (id != null && !id.equals(session.presetProperty().get())) {
                session.loadPreset(id);
            }
        });
        precision.setId("digits-precision");
        precision.setMinWidth(Region.USE_PREF_SIZE);
        precision.getItems().setAll(session.precision().choices());
        LocalizedCells.install(precision, i18n, id -> i18n.get(id.equals("float") ? "digits.precisionFloat"
                : "digits.precisionDouble"));
        precision.setValue(session.precision().precisionProperty().get());
        Tooltip precisionTip = new Tooltip();
        precisionTip.textProperty().bind(i18n.bind("digits.precisionTip"));
        precision.setTooltip(precisionTip);
        // a refused choice leaves the precision as it was: the box shows it again
        precision.setOnAction(e -> {
            String id = precision.getValue();
            // the box set back to the precision kept comes here too: only a different one is a choice
            if (id != null && !id.equals(session.precision().precisionProperty().get())) {
                session.precision().choose(id);
                precision.setValue(session.precision().precisionProperty().get());
            }
        });
        session.precision().precisionProperty().addListener((o, a, id) -> precision.setValue(id));
        play.setId("digits-play");
        play.setOnAction(e -> session.togglePlay());
        play.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("digits-progress");
        progress.setPrefWidth(220);
        progress.setMinWidth(100);
        progressLabel.setId("digits-progress-label");
        // the progress is read whole; the preset's long names may be cut instead
        progressLabel.setMinWidth(Region.USE_PREF_SIZE);
        preset.setMinWidth(160);
        Button save = ViewParts.button(i18n, "digits-save", Material2MZ.SAVE, "digits.save", () ->
                dialogs.modelToSave(root.getScene().getWindow()).ifPresent(f -> session.saveModel(f, false)));
        // a diverged network (NaN or infinite values) is saved only after a yes
        session.unconfirmedSaveProperty().addListener((o, a, file) -> {
            if (file != null) {
                boolean yes = dialogs.confirmNonFiniteSave(root.getScene().getWindow(), file);
                if (yes) {
                    session.saveModel(file, true);
                } else {
                    session.cancelSave();
                }
            }
        });
        Button fresh = ViewParts.button(i18n, "digits-fresh", Material2AL.AUTORENEW, "digits.fresh",
                session::trainFromRandom);
        fresh.setTooltip(new Tooltip());
        fresh.getTooltip().textProperty().bind(i18n.bind("digits.freshTip"));
        Button load = ViewParts.button(i18n, "digits-load", Material2AL.FOLDER_OPEN, "digits.load", () ->
                dialogs.modelToOpen(root.getScene().getWindow()).ifPresent(session::loadModel));
        inputError.setId("digits-input-error");
        inputError.getStyleClass().add("error");
        Button[] experiment = ExperimentButtons.of(i18n, "digits",
                new String[] {"digits.experimentSave", "digits.experimentOpen"}, dialogs, () -> root.getScene().getWindow(),
                session.experiments()::save, session.experiments()::open);
        HBox bar = new HBox(8, preset, precision, play, fresh, save, load, new Separator(Orientation.VERTICAL),
                experiment[0], experiment[1], inputError);
        // the progress on a line of its own: the tool bar is full
        HBox progressLine = new HBox(8, progress, progressLabel);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        bar.setAlignment(Pos.CENTER_LEFT);
        notice.setId("digits-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        about.setId("digits-about");
        about.setWrapText(true);
        about.textProperty().bind(i18n.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> DigitsTexts.aboutKey(session.presetProperty().get()), session.presetProperty())));
        VBox top = new VBox(6, bar, progressLine, about, notice);
        top.setPadding(new Insets(8));

        summary.setId("model-summary");
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        summary.getColumns().add(column("digits.layer", r -> r.layer().format(i18n::get)));
        summary.getColumns().add(column("digits.shape", DigitsSnapshot.SummaryRow::shape));
        summary.getColumns().add(column("digits.params", DigitsSnapshot.SummaryRow::parameters));
        // shares of the width as the texts need them (equal shares cut "conv 5x5, sigmoid" in presentation mode)
        double[] shares = {0.4, 0.3, 0.3};
        for (int c = 0; c < shares.length; c++) {
            summary.getColumns().get(c).setPrefWidth(SUMMARY_WIDTH * shares[c]);
        }
        totalParameters.setId("total-parameters");
        lossCurve.curve().setPrefSize(260, 130);
        accuracyCurve.setId("digits-accuracy-curve");
        accuracyCurve.setPrefSize(260, 130);
        accuracyCurve.setFixedMax(1);
        VBox left = new VBox(6, lossCurve.root(),
                ViewParts.title(i18n, "digits.testAccuracy"), accuracyCurve);
        left.setPadding(new Insets(8));
        left.setPrefWidth(280);

        root.setTop(top);
        root.setLeft(left);
        diagram.setId("model-diagram");
        PngMenu.install(diagram, i18n, dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        summary.setPrefSize(SUMMARY_WIDTH, 370);
        HBox structure = new HBox(16, new VBox(6, ViewParts.title(i18n, "digits.summary"), summary, totalParameters),
                new VBox(6, ViewParts.title(i18n, "digits.diagram"), diagram));
        structure.setPadding(new Insets(8));
        ScrollPane structurePane = new ScrollPane(structure);
        ExplainView why = new ExplainView(session.explain(), i18n, dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        Tab whyTab = tab("digits-explain-tab", "explain.tab", why.root());
        CellsView numbers = new CellsView(session.cells(), i18n, dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        Tab cellsTab = tab("digits-cells-tab", "cells.tab", numbers.root());
        center.getTabs().setAll(tab("digits-inside-tab", "digits.insideTab", inside.center()),
                tab("digits-structure-tab", "digits.structureTab", structurePane), whyTab, cellsTab);
        cellsTab.selectedProperty().addListener((o, a, on) -> session.cells().setActive(on));
        // the maps are computed only while they are shown
        whyTab.selectedProperty().addListener((o, a, on) -> session.explain().setActive(on));
        center.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(center);
        root.setRight(inside.right());
        showPlaying();
    }

    private Tab tab(String id, String key, javafx.scene.Node content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        // the whole name and what the view shows (the tabs' own names are short, to fit a 1280 x 800 projector)
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(i18n.bind(key + ".tip"));
        t.setTooltip(tip);
        t.setContent(content);
        return t;
    }

    private TableColumn<DigitsSnapshot.SummaryRow, String> column(String key,
            Function<DigitsSnapshot.SummaryRow, String> f) {
        TableColumn<DigitsSnapshot.SummaryRow, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private void showPlaying() {
        ViewParts.showPlaying(play, i18n, session.isPlaying());
    }

    private void showInputError(Notice n) {
        inputError.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private void render() {
        DigitsSnapshot s = session.getSnapshot();
        DigitsSnapshot before = shown;
        shown = s;
        if (s == null) {
            return;
        }
        progress.setProgress(s.progress());
        accuracyCurve.setCurve(s.testAccuracy());
        if (before == null || !before.summary().equals(s.summary())) {
            summary.getItems().setAll(s.summary());
            diagram.show(s.summary(), i18n::get);
        }
        inside.show(s);
        showTexts(s);
    }

    private void showTexts(DigitsSnapshot s) {
        // a network not trained here (shipped or loaded) has no epoch to tell of
        progressLabel.setText(s.batchesPerEpoch() == 0 ? "" : i18n.get("digits.progress", s.epoch() + 1, s.batch(), s.batchesPerEpoch(),
                Double.isNaN(s.secondsLeft()) ? "\u2013" : String.valueOf(Math.round(s.secondsLeft()))));
        accuracyCurve.setTexts(i18n.get("pg.epochAxis"), i18n.get("pg.hover"));
        totalParameters.setText(i18n.get("digits.total", s.totalParameters()));
        inside.showTexts(s);
    }
}
