package org.backproplab.ui;

import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.session.Notice;
import org.backproplab.session.Phrase;
import org.backproplab.session.Speed;
import org.backproplab.session.StepScreen;
import org.backproplab.session.StepSession;
import org.backproplab.session.StepSnapshot;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The stepping tab: a toolbar (lesson, play/pause, next stage, whole iteration, back, reset,
 * speed), the stage, the lesson's text, the bias and learning-rate settings, the network graph,
 * the inspector and the loss curve at the side, and a status line for messages. Controls send
 * {@link StepSession} commands and follow its properties; a frame timer draws the newest
 * snapshot at most once a frame.
 */
public final class StepView {
    private final StepSession session;
    private final I18n i18n;
    private final ExportDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final ToolBar toolbar = new ToolBar();
    private final GraphView graph;
    /** Drawn instead of the graph for a network with maps (convolution, pooling). */
    private final MapGraphView maps;
    private final InspectorView inspector;
    /** Predict, then reveal: the panel above the inspector, its toggle in the toolbar. */
    private final PredictView predict;
    private final CurveBoardView curves;
    private final LossCurveView curve;
    private final Label stageLabel = new Label();
    /** Three lines of it kept however short the room (cut to one in Chinese at 1280 x 800 in presentation mode). */
    private final Label lessonText = ViewParts.keepingLines(3);
    private final Label notice = new Label();
    private final Button play = new Button();
    private final TextField learningRate = new TextField();
    private final ComboBox<String> biasMode = new ComboBox<>();
    private final ComboBox<String> optimizer = new ComboBox<>();
    /** The lesson's preset id, so the command line's trace and train can be typed for it. */
    private final Label presetId = new Label();
    private final ComboBox<String> lessonPicker = new ComboBox<>();
    private final ComboBox<Speed> speed = new ComboBox<>();
    /** Which sample of a several-sample lesson the graph shows (the 3-4-1 lesson has four). */
    private final ComboBox<Integer> sample = new ComboBox<>();
    private final SplitPane split = new SplitPane();
    private StepLessonTabs lessonTabs;
    private boolean dirty = true;
    private boolean presentation;

    public StepView(StepSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.curves = new CurveBoardView(session.curves(), i18n, dialogs, "step", "curves.titleRuns", "curve.axis",
                "curve.hover");
        this.curve = curves.curve();
        this.graph = new GraphView(i18n, item -> {
            session.select(item);
            Platform.runLater(this::focusEditor);
        });
        this.maps = new MapGraphView(i18n, item -> {
            session.select(item);
            Platform.runLater(this::focusEditor);
        });
        this.inspector = new InspectorView(i18n, session);
        this.predict = new PredictView(session, i18n, dialogs, this::lessonTitle);
        session.predict().snapshotProperty().addListener((o, a, b) -> dirty = true);
        build();
        // every panel leaves the app: "Save picture as PNG…" on its right-click menu
        graph.setId("step-graph");
        for (Node panel : new Node[] {graph, maps, inspector}) {
            PngMenu.install(panel, i18n, dialogs, this::showNotice);
        }
        curves.offerPng(dialogs, this::showNotice);
        lessonTabs.offerPng(i18n, dialogs, this::showNotice);
        session.snapshotProperty().addListener((o, a, b) -> dirty = true);
        session.playingProperty().addListener((o, a, b) -> updatePlayButton());
        session.noticeProperty().addListener((o, a, n) -> showNotice(n));
        i18n.localeProperty().addListener((o, a, b) -> dirty = true);
        ViewParts.eachFrame(root, () -> {
            boolean was = dirty;
            dirty = false;
            return was;
        }, this::render);
    }

    /** The tab's content. */
    public BorderPane root() {
        return root;
    }

    private void build() {
        toolbar.setId("toolbar");
        lessonPicker.setId("lesson-picker");
        lessonPicker.getItems().setAll(StepSession.lessonIds());
        LocalizedCells.install(lessonPicker, i18n, id -> i18n.get(StepSession.lessonTitleKey(id)));
        follow(lessonPicker, session.lessonIdProperty().get());
        session.lessonIdProperty().addListener((o, a, id) -> follow(lessonPicker, id));
        lessonPicker.setOnAction(e -> {
            String id = lessonPicker.getValue();
            if (id != null && !id.equals(session.lessonIdProperty().get())) {
                session.loadLesson(id);
            }
        });

        configure(play, "play", Material2MZ.PLAY_ARROW, "action.play", session::togglePlay);
        Button next = button("next-stage", Material2MZ.SKIP_NEXT, "action.nextStage", session::nextStage);
        Button whole = button("whole-iteration", Material2AL.FAST_FORWARD, "action.wholeIteration",
                session::wholeIteration);
        Button back = button("back", Material2MZ.UNDO, "action.back", session::back);
        Button reset = button("reset", Material2MZ.REPLAY, "action.reset", session::reset);

        speed.setId("speed");
        speed.getItems().setAll(Speed.values());
        LocalizedCells.install(speed, i18n, s -> i18n.get(s.key()));
        speed.setValue(session.getSpeed());
        speed.setOnAction(e -> session.setSpeed(speed.getValue()));
        session.speedProperty().addListener((o, a, s) -> follow(speed, s));
        speed.setTooltip(tooltip("control.speed"));
        Button saveExperiment = button("step-save-experiment", Material2MZ.SAVE, "experiment.save", () ->
                dialogs.experimentToSave(root.getScene().getWindow()).ifPresent(session.experiments()::save));
        Button openExperiment = button("step-open-experiment", Material2AL.FOLDER_OPEN, "experiment.open", () ->
                dialogs.experimentToOpen(root.getScene().getWindow()).ifPresent(session.experiments()::open));
        toolbar.getItems().addAll(lessonPicker, new Separator(Orientation.VERTICAL), play, next, whole, back, reset,
                speed, saveExperiment, openExperiment, predict.toggle());

        biasMode.setId("bias-mode");
        biasMode.getItems().setAll(StepSession.biasModes());
        LocalizedCells.install(biasMode, i18n, m -> i18n.get("bias." + m));
        session.biasModeProperty().addListener((o, a, m) -> follow(biasMode, m));
        biasMode.setOnAction(e -> {
            String m = biasMode.getValue();
            if (m != null && !m.equals(session.biasModeProperty().get())) {
                session.setBiasMode(m);
            }
        });

        optimizer.setId("step-optimizer");
        optimizer.getItems().setAll(StepSession.optimizers());
        LocalizedCells.install(optimizer, i18n, m -> i18n.get("optimizer." + m));
        session.optimizerProperty().addListener((o, a, m) -> follow(optimizer, m));
        optimizer.setOnAction(e -> {
            String m = optimizer.getValue();
            if (m != null && !m.equals(session.optimizerProperty().get())) {
                session.setOptimizer(m);
            }
        });
        optimizer.setTooltip(tooltip("step.optimizer.tooltip"));
        optimizer.setPrefWidth(170);
        presetId.setId("preset-id");
        presetId.getStyleClass().add("lesson-text");

        learningRate.setId("learning-rate");
        learningRate.setPrefColumnCount(5);
        session.learningRateProperty().addListener((o, a, text) -> {
            if (!learningRate.isFocused()) {
                learningRate.setText(text);
            }
        });
        learningRate.setOnAction(e -> {
            // hand the keys back to the shortcuts once the value is in
            if (session.setLearningRate(learningRate.getText())) {
                root.requestFocus();
            }
        });
        learningRate.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                session.setLearningRate(learningRate.getText());
            }
        });
        Label learningRateError = new Label();
        learningRateError.setId("learning-rate-error");
        learningRateError.getStyleClass().add("edit-error");
        learningRateError.textProperty().bind(phrase(session.learningRateErrorProperty()));

        sample.setId("sample");
        LocalizedCells.install(sample, i18n, k -> i18n.get("control.sampleN", k + 1));
        session.sampleCountProperty().addListener((o, a, n) -> updateSamples());
        session.sampleProperty().addListener((o, a, k) -> follow(sample, k.intValue()));
        updateSamples();
        sample.setOnAction(e -> {
            Integer k = sample.getValue();
            if (k != null && k != session.sampleProperty().get()) {
                session.chooseSample(k);
            }
        });

        stageLabel.setId("stage-label");
        ViewParts.wrapped(stageLabel).getStyleClass().add("stage-label"); // "(layer 2)" was cut in presentation mode
        lessonText.setId("lesson-text");
        lessonText.getStyleClass().add("lesson-text");
        // in a narrow window the settings wrap onto a second line instead of squeezing the controls
        javafx.scene.layout.FlowPane settingsRow = new javafx.scene.layout.FlowPane(8, 4, label("control.bias"),
                biasMode, label("step.optimizer"), optimizer, label("control.learningRate"), learningRate,
                learningRateError, sample);
        settingsRow.setAlignment(Pos.CENTER_LEFT);
        settingsRow.setPrefWrapLength(420);
        settingsRow.setId("settings-row");
        Label legend = label("graph.legend");
        legend.setId("graph-legend");
        Label mapLegend = label("map.legend");
        mapLegend.getStyleClass().add("lesson-text");
        ViewParts.wrapped(mapLegend).setId("step-map-legend"); // every line ("δ = ..." was cut)
        // the legend that goes with what is drawn: the graph's or the maps'
        legend.visibleProperty().bind(graph.visibleProperty());
        legend.managedProperty().bind(graph.visibleProperty());
        mapLegend.visibleProperty().bind(maps.visibleProperty());
        mapLegend.managedProperty().bind(maps.visibleProperty());
        legend.getStyleClass().add("lesson-text");
        legend.setWrapText(true);
        maps.setVisible(false);
        maps.setManaged(false);
        VBox network = new VBox(4, graph, maps, legend, mapLegend);
        VBox.setVgrow(maps, Priority.ALWAYS);
        VBox.setVgrow(graph, Priority.ALWAYS);
        // the network, and beside it the same stage as matrices, as a flow, and in epochs and batches
        lessonTabs = new StepLessonTabs(session, i18n, network);
        Node views = lessonTabs.root();
        VBox.setVgrow(views, Priority.ALWAYS);
        VBox center = new VBox(4, stageLabel, lessonText, presetId, settingsRow, views);
        center.setPadding(new Insets(8, 8, 8, 12));

        Node inspectorArea = predict.above(inspector);
        VBox side = new VBox(6, inspectorArea, curves.root());
        side.setPadding(new Insets(4));
        side.setMinWidth(260);
        side.setPrefWidth(460);
        inspector.setMinWidth(240);
        center.setMinWidth(320);
        VBox.setVgrow(inspectorArea, Priority.ALWAYS);
        split.getItems().setAll(center, side);
        split.setDividerPositions(0.59);

        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        HBox status = new HBox(notice);
        status.setPadding(new Insets(4, 10, 4, 10));
        status.getStyleClass().add("status-bar");

        root.setTop(toolbar);
        root.setCenter(split);
        root.setBottom(status);
        updatePlayButton();
    }

    /** Shows {@code value} in a control without sending its command again. */
    private static <T> void follow(ComboBox<T> box, T value) {
        if (value == null ? box.getValue() != null : !value.equals(box.getValue())) {
            box.setValue(value);
        }
    }

    private void updateSamples() {
        int n = session.sampleCountProperty().get();
        if (sample.getItems().size() != n) {
            sample.getItems().setAll(IntStream.range(0, n).boxed().toList());
        }
        follow(sample, Math.min(session.sampleProperty().get(), n - 1));
        sample.setVisible(n > 1);
        sample.setManaged(n > 1); // hidden, no room taken either (it wrapped the settings onto an empty line)
    }

    private javafx.beans.binding.StringBinding phrase(javafx.beans.value.ObservableValue<Phrase> p) {
        return Bindings.createStringBinding(() -> p.getValue() == null ? "" : p.getValue().format(i18n::get), p,
                i18n.localeProperty());
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private javafx.scene.control.Tooltip tooltip(String key) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
        t.textProperty().bind(i18n.bind(key));
        return t;
    }

    private Button button(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button();
        configure(b, id, icon, key, action);
        return b;
    }

    private void configure(Button b, String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(tooltip(key));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
    }

    /** A click means "edit this": the inspector's field takes the keys. */
    private void focusEditor() {
        inspector.focusEditor();
    }

    // ---- keys, scale, messages -------------------------------------------------------------

    /** The stepping shortcuts (Space, arrows, R); returns whether the key was one of them. */
    public boolean handleKey(KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> session.togglePlay();
            case RIGHT -> {
                if (e.isShiftDown()) {
                    session.wholeIteration();
                } else {
                    session.nextStage();
                }
            }
            case LEFT -> session.back();
            case R -> session.reset();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** 1 normally, larger in presentation mode. */
    public void setScale(double scale, boolean presentation) {
        graph.setScale(scale);
        maps.setScale(scale);
        curve.setScale(scale);
        split.setDividerPositions(presentation ? 0.7 : 0.59);
        this.presentation = presentation;
        dirty = true;
    }

    /** Shows a message (info or error) in the status line. */
    public void showNotice(Notice n) {
        ViewParts.showNotice(notice, i18n, n);
    }

    private void updatePlayButton() {
        boolean playing = session.isPlaying();
        ((FontIcon) play.getGraphic()).setIconCode(playing ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW);
        play.getTooltip().textProperty().unbind();
        play.getTooltip().textProperty().bind(i18n.bind(playing ? "action.pause" : "action.play"));
    }

    private void render() {
        StepSnapshot s = session.getSnapshot();
        if (s == null || s.screen() == null) {
            return;
        }
        StepScreen screen = s.screen();
        if (!learningRate.isFocused()) {
            learningRate.setText(screen.learningRate());
        }
        follow(biasMode, screen.biasMode());
        follow(optimizer, screen.optimizer());
        presetId.setText(screen.lessonId() == null ? "" : i18n.get("step.presetId", screen.lessonId()));
        presetId.setVisible(screen.lessonId() != null && !presentation); // the command line is not for a projector
        presetId.setManaged(presetId.isVisible());
        lessonText.setText(screen.lessonText().format(i18n::get));
        stageLabel.setText(session.predict().text(screen.stage().format(i18n::get)));
        boolean hasMaps = screen.maps() != null;
        graph.setVisible(!hasMaps);
        graph.setManaged(!hasMaps);
        maps.setVisible(hasMaps);
        maps.setManaged(hasMaps);
        if (hasMaps) {
            maps.render(session.predict().maps(screen.maps()));
        } else {
            graph.render(session.predict().graph(screen.graph()));
        }
        inspector.show(session.predict().inspector(screen.inspector()));
    }

    /** The title of the lesson shown, in the language shown (for the handout). */
    public String lessonTitle() {
        StepSnapshot s = session.getSnapshot();
        return s == null || s.screen() == null ? "" : s.screen().lessonTitle().format(i18n::get);
    }
}
