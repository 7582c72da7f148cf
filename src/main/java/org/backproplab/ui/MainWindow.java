package org.backproplab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.io.MarkdownHandout;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.backproplab.session.NumberInput;
import org.backproplab.session.Speed;
import org.backproplab.session.StepSession;
import org.backproplab.session.StepSnapshot;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The stepping window: a toolbar (lesson, play/pause, next stage, whole iteration, back, reset,
 * speed, bias, learning rate, language, presentation, export, help), the network graph in the
 * centre, the inspector and the loss curve at the side, and a status line for messages.
 *
 * <p>It reads only the session's snapshots and sends it commands; a frame timer redraws at most
 * once a frame, and only when a new snapshot arrived.
 */
public final class MainWindow {
    private static final double PRESENTATION_SCALE = 1.6;

    private final StepSession session;
    private final I18n i18n;
    private final Settings settings;
    private final ExportDialogs dialogs;
    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final NetworkGraphView graph;
    private final InspectorView inspector;
    private final LossCurveView curve = new LossCurveView();
    private final Label stageLabel = new Label();
    private final Label lessonText = new Label();
    private final Label notice = new Label();
    private final Button play = new Button();
    private final TextField learningRate = new TextField();
    private final Label learningRateError = new Label();
    private final ComboBox<BiasMode> biasMode = new ComboBox<>();
    private final ComboBox<String> lessonPicker = new ComboBox<>();
    private final ComboBox<Speed> speed = new ComboBox<>();
    private final ComboBox<Locale> language;
    private final ToggleButton presentation = new ToggleButton();
    /** Which sample of a several-sample lesson the graph shows (the 3-4-1 lesson has four). */
    private final ComboBox<Integer> sample = new ComboBox<>();
    private final VBox help = new VBox(8);
    private final SplitPane split = new SplitPane();
    private Selection selection;
    private boolean dirty = true;
    private boolean updatingControls;

    private final PlaygroundView playground;
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();

    private final DigitsView digits;

    public MainWindow(StepSession session, PlaygroundView playground, DigitsView digits, I18n i18n, Settings settings,
            ExportDialogs dialogs) {
        this.session = session;
        this.playground = playground;
        this.digits = digits;
        this.i18n = i18n;
        this.settings = settings;
        this.dialogs = dialogs;
        this.graph = new NetworkGraphView(i18n, this::select);
        this.inspector = new InspectorView(i18n, this::edit);
        this.language = ViewParts.languageBox(i18n, "language");
        // remembered whichever tab's picker chose it
        i18n.localeProperty().addListener((o, a, b) -> settings.setLanguage(b));
        build();
        session.snapshotProperty().addListener((o, a, b) -> dirty = true);
        session.playingProperty().addListener((o, a, b) -> updatePlayButton());
        session.noticeProperty().addListener((o, a, n) -> showNotice(n));
        i18n.localeProperty().addListener((o, a, b) -> {
            applyFont();
            dirty = true;
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    render();
                }
            }
        }.start();
    }

    /** The window's content. */
    public Region root() {
        return root;
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void install(Scene scene) {
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        applyFont();
        setPresentation(settings.presentation());
    }

    // ---- building ------------------------------------------------------------------------

    private void build() {
        root.getStyleClass().add("app-root");
        ToolBar toolbar = new ToolBar();
        toolbar.setId("toolbar");

        lessonPicker.setId("lesson-picker");
        lessonPicker.setPrefWidth(240);
        lessonPicker.getItems().setAll(Lessons.ids().stream().filter(id -> !Lessons.isPlayground(id)).toList());
        LocalizedCells.install(lessonPicker, i18n, id -> i18n.get(Lesson.titleKey(id)));
        lessonPicker.setOnAction(e -> {
            if (!updatingControls && lessonPicker.getValue() != null) {
                selection = null;
                session.loadLesson(lessonPicker.getValue());
            }
        });

        configure(play, "play", Material2MZ.PLAY_ARROW, "action.play", session::togglePlay);
        Button next = button("next-stage", Material2MZ.SKIP_NEXT, "action.nextStage", session::nextStage);
        Button whole = button("whole-iteration", Material2AL.FAST_FORWARD, "action.wholeIteration",
                session::wholeIteration);
        Button back = button("back", Material2MZ.UNDO, "action.back", session::back);
        Button reset = button("reset", Material2MZ.REPLAY, "action.reset", () -> {
            session.reset();
        });

        speed.setId("speed");
        speed.setPrefWidth(160);
        speed.getItems().setAll(Speed.values());
        speed.setValue(session.getSpeed());
        LocalizedCells.install(speed, i18n, s -> i18n.get(s.key()));
        speed.setOnAction(e -> session.setSpeed(speed.getValue()));
        speed.setTooltip(tooltip("control.speed"));

        biasMode.setId("bias-mode");
        biasMode.getItems().setAll(BiasMode.values());
        LocalizedCells.install(biasMode, i18n, m -> i18n.get("bias." + m.id()));
        biasMode.setOnAction(e -> {
            if (!updatingControls && biasMode.getValue() != null) {
                session.setBiasMode(biasMode.getValue());
            }
        });
        Label biasLabel = label("control.bias");

        learningRate.setId("learning-rate");
        learningRate.setPrefColumnCount(5);
        learningRate.setOnAction(e -> {
            applyLearningRate();
            // hand the keys back to the shortcuts once the value is in
            if (learningRateError.getText().isEmpty()) {
                root.requestFocus();
            }
        });
        learningRate.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                applyLearningRate();
            }
        });
        learningRateError.setId("learning-rate-error");
        learningRateError.getStyleClass().add("edit-error");
        Label lrLabel = label("control.learningRate");

        language.setTooltip(tooltip("control.language"));

        presentation.setId("presentation");
        presentation.setGraphic(new FontIcon(Material2MZ.SLIDESHOW));
        presentation.setTooltip(tooltip("action.presentation"));
        presentation.setOnAction(e -> setPresentation(presentation.isSelected()));

        MenuItem png = new MenuItem();
        png.setId("export-png");
        png.textProperty().bind(i18n.bind("export.png"));
        png.setGraphic(new FontIcon(Material2AL.IMAGE));
        png.setOnAction(e -> exportPng());
        MenuItem markdown = new MenuItem();
        markdown.setId("export-markdown");
        markdown.textProperty().bind(i18n.bind("export.markdown"));
        markdown.setGraphic(new FontIcon(Material2AL.DESCRIPTION));
        markdown.setOnAction(e -> exportMarkdown());
        MenuButton export = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), png, markdown);
        export.setId("export");
        export.setTooltip(tooltip("export.menu"));
        export.setFocusTraversable(false);
        Button helpButton = button("help", Material2AL.HELP_OUTLINE, "action.help", this::toggleHelp);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        toolbar.getItems().addAll(lessonPicker, new Separator(Orientation.VERTICAL), play, next, whole, back, reset,
                speed, spacer, language, presentation, export, helpButton);

        stageLabel.setId("stage-label");
        stageLabel.getStyleClass().add("stage-label");
        lessonText.setId("lesson-text");
        lessonText.getStyleClass().add("lesson-text");
        lessonText.setWrapText(true);
        sample.setId("sample");
        LocalizedCells.install(sample, i18n, k -> i18n.get("control.sampleN", k + 1));
        sample.setOnAction(e -> {
            if (!updatingControls && sample.getValue() != null) {
                graph.setSample(sample.getValue());
                if (selection != null) {
                    selection = selection.forSample(sample.getValue());
                }
                dirty = true;
            }
        });
        HBox settingsRow = new HBox(8, biasLabel, biasMode, lrLabel, learningRate, learningRateError, sample);
        settingsRow.setAlignment(Pos.CENTER_LEFT);
        settingsRow.setId("settings-row");
        Label legend = label("graph.legend");
        legend.setId("graph-legend");
        legend.getStyleClass().add("lesson-text");
        legend.setWrapText(true);
        VBox center = new VBox(4, stageLabel, lessonText, settingsRow, graph, legend);
        center.setPadding(new Insets(8, 8, 8, 12));
        VBox.setVgrow(graph, Priority.ALWAYS);

        Label curveTitle = label("curve.title");
        curveTitle.getStyleClass().add("section-title");
        VBox side = new VBox(6, inspector, curveTitle, curve);
        side.setPadding(new Insets(4));
        side.setMinWidth(260);
        side.setPrefWidth(460);
        inspector.setMinWidth(240);
        center.setMinWidth(320);
        VBox.setVgrow(inspector, Priority.ALWAYS);

        split.getItems().setAll(center, side);
        split.setDividerPositions(0.6);

        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        HBox status = new HBox(notice);
        status.setPadding(new Insets(4, 10, 4, 10));
        status.getStyleClass().add("status-bar");

        main.setTop(toolbar);
        main.setCenter(split);
        main.setBottom(status);

        buildHelp();
        javafx.scene.control.Tab stepTab = new javafx.scene.control.Tab();
        stepTab.setId("tab-step");
        stepTab.textProperty().bind(i18n.bind("tab.step"));
        stepTab.setContent(main);
        javafx.scene.control.Tab playTab = new javafx.scene.control.Tab();
        playTab.setId("tab-playground");
        playTab.textProperty().bind(i18n.bind("tab.playground"));
        playTab.setContent(playground.root());
        javafx.scene.control.Tab activationsTab = new javafx.scene.control.Tab();
        activationsTab.setId("tab-activations");
        activationsTab.textProperty().bind(i18n.bind("tab.activations"));
        activationsTab.setContent(new ActivationsView(i18n).root());
        javafx.scene.control.Tab digitsTab = new javafx.scene.control.Tab();
        digitsTab.setId("tab-digits");
        digitsTab.textProperty().bind(i18n.bind("tab.digits"));
        digitsTab.setContent(digits.root());
        // the digits (60,000 images) are loaded the first time the tab is opened
        digitsTab.setOnSelectionChanged(e -> {
            if (digitsTab.isSelected() && digits.session().getSnapshot() == null) {
                digits.session().loadPreset(org.backproplab.lesson.MnistLessons.ids().get(0));
            }
        });
        tabs.getTabs().setAll(stepTab, playTab, activationsTab, digitsTab);
        playground.setOnStepPoint(() -> playground.session().lessonForChosenPoint().thenAccept(found -> found.ifPresent(lesson ->
                Platform.runLater(() -> {
                    selection = null;
                    session.loadLesson(lesson);
                    tabs.getSelectionModel().select(0);
                }))));
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getChildren().addAll(tabs, help);
        updatePlayButton();
    }

    private void buildHelp() {
        help.setId("help-overlay");
        help.getStyleClass().add("help-overlay");
        help.setVisible(false);
        help.setMaxSize(520, Region.USE_PREF_SIZE);
        help.setPadding(new Insets(20));
        StackPane.setAlignment(help, Pos.CENTER);
        Label title = label("help.title");
        title.getStyleClass().add("inspector-title");
        help.getChildren().add(title);
        String[][] keys = {
            {"Space", "help.playPause"}, {"\u2192", "help.nextStage"}, {"Shift + \u2192", "help.wholeIteration"},
            {"\u2190", "help.back"}, {"R", "help.reset"}, {"F1", "help.help"}, {"Esc", "help.close"}};
        for (String[] k : keys) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("key-cap");
            key.setMinWidth(110);
            Label what = label(k[1]);
            help.getChildren().add(new HBox(12, key, what));
        }
        Label click = label("help.click");
        click.setWrapText(true);
        help.getChildren().add(click);
        help.setOnMouseClicked(e -> help.setVisible(false));
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private Tooltip tooltip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        return t;
    }

    private Button button(String id, Ikon icon, String key, Runnable action) {
        Button b = new Button();
        configure(b, id, icon, key, action);
        return b;
    }

    private void configure(Button b, String id, Ikon icon, String key, Runnable action) {
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        b.setTooltip(tooltip(key));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
    }

    // ---- actions ---------------------------------------------------------------------------

    private void select(Selection s) {
        selection = s.forSample(sample.getValue() == null ? 0 : sample.getValue());
        dirty = true;
        Platform.runLater(inspector::focusEditor);
    }

    private void edit(Selection s, double value) {
        switch (s.kind()) {
            case WEIGHT -> session.editParameter("W" + (s.layer() + 1), s.row(), s.col(), value);
            case BIAS -> session.editParameter("b" + (s.layer() + 1), s.row(), 0, value);
            case INPUT -> session.editInput(s.row(), s.col(), value);
            case TARGET -> session.editTarget(s.row(), s.col(), value);
            case NEURON -> { }
        }
    }

    private void applyLearningRate() {
        StepSnapshot s = session.getSnapshot();
        NumberInput.Result r = NumberInput.learningRate(learningRate.getText());
        if (!r.ok()) {
            learningRateError.setText(i18n.get(r.errorKey(), "1000"));
            return;
        }
        learningRateError.setText("");
        if (s == null || s.learningRate() != r.value()) {
            session.setLearningRate(r.value());
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl && e.getCode() != KeyCode.F1 && e.getCode() != KeyCode.ESCAPE) {
            return;
        }
        if (tabs.getSelectionModel().getSelectedIndex() != 0) {
            // the playground: Space plays and pauses, F1 and Esc work everywhere
            if (e.getCode() == KeyCode.SPACE) {
                playground.session().togglePlay();
                e.consume();
            } else if (e.getCode() == KeyCode.F1) {
                toggleHelp();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                help.setVisible(false);
            }
            return;
        }
        boolean handled = true;
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
            case F1 -> toggleHelp();
            case ESCAPE -> help.setVisible(false);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    private void setPresentation(boolean on) {
        presentation.setSelected(on);
        settings.setPresentation(on);
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
        }
        double scale = on ? PRESENTATION_SCALE : 1.0;
        graph.setScale(scale);
        curve.setScale(scale);
        split.setDividerPositions(on ? 0.7 : 0.6);
        dirty = true;
    }

    private void applyFont() {
        root.getStyleClass().remove("zh");
        if (i18n.isChinese()) {
            root.getStyleClass().add("zh");
        }
    }

    private void exportPng() {
        dialogs.pngFile(root.getScene().getWindow()).ifPresent(path -> {
            try {
                PngExport.write(PngExport.snapshot(root, 1), path);
                showInfo("notice.exported", path.getFileName().toString());
            } catch (IOException e) {
                showError("notice.exportFailed", path.toString(), e.getMessage());
            }
        });
    }

    private void exportMarkdown() {
        dialogs.handout(root.getScene().getWindow()).ifPresent(h -> {
            String title = i18n.get("export.handoutTitle", i18n.get(Lesson.titleKey(session.getSnapshot().lessonId())));
            session.withLesson(lesson -> {
                Path path = h.file();
                try {
                    org.backproplab.io.AtomicFiles.writeString(path, MarkdownHandout.of(lesson, h.iterations(), title));
                    Platform.runLater(() -> showInfo("notice.exported", path.getFileName().toString()));
                } catch (IOException e) {
                    Platform.runLater(() -> showError("notice.exportFailed", path.toString(), e.getMessage()));
                }
            });
        });
    }

    private void showInfo(String key, Object... args) {
        notice.getStyleClass().remove("error");
        notice.setText(i18n.get(key, args));
    }

    private void showError(String key, Object... args) {
        notice.getStyleClass().remove("error");
        notice.getStyleClass().add("error");
        notice.setText(i18n.get(key, args));
    }

    private void showNotice(org.backproplab.session.Notice n) {
        if (n == null) {
            return;
        }
        if (n.error()) {
            showError(n.key(), n.args().toArray());
        } else {
            showInfo(n.key(), n.args().toArray());
        }
    }

    private void updatePlayButton() {
        boolean playing = session.isPlaying();
        ((FontIcon) play.getGraphic()).setIconCode(playing ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW);
        play.getTooltip().textProperty().unbind();
        play.getTooltip().textProperty().bind(i18n.bind(playing ? "action.pause" : "action.play"));
    }

    // ---- drawing ---------------------------------------------------------------------------

    private void render() {
        StepSnapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        updatingControls = true;
        try {
            lessonPicker.setValue(Lessons.isPlayground(s.lessonId()) ? null : s.lessonId());
            biasMode.setValue(s.biasMode());
            int samples = s.inputs().rows();
            if (sample.getItems().size() != samples) {
                sample.getItems().setAll(java.util.stream.IntStream.range(0, samples).boxed().toList());
                sample.setValue(0);
                graph.setSample(0);
            }
            sample.setVisible(samples > 1);
            if (!learningRate.isFocused()) {
                learningRate.setText(org.backproplab.lesson.Naming.number(s.learningRate()));
            }
        } finally {
            updatingControls = false;
        }
        lessonText.setText(Lessons.isPlayground(s.lessonId())
                ? i18n.get("stage.playgroundPoint", i18n.get(Lesson.titleKey(s.lessonId())))
                : i18n.get(Lesson.textKey(s.lessonId())));
        stageLabel.setText(stageText(s));
        graph.render(s, selection);
        inspector.show(s, selection);
        curve.setTexts(i18n.get("curve.axis"), i18n.get("curve.hover"));
        curve.setCurve(s.curve());
    }

    private String stageText(StepSnapshot s) {
        StageRecord last = s.lastRecord();
        String iteration = i18n.get("stage.iteration", s.iteration());
        String what;
        if (last == null) {
            what = i18n.get("stage.start");
        } else if (last instanceof ForwardRecord f) {
            what = i18n.get("stage.forward", layerName(f.layer(), s.layerCount()));
        } else if (last instanceof LossRecord l) {
            what = i18n.get("stage.loss", org.backproplab.lesson.Naming.number(l.total()));
        } else if (last instanceof BackwardRecord b) {
            what = i18n.get("stage.backward", layerName(b.layer(), s.layerCount()));
        } else if (last instanceof UpdateRecord u) {
            what = i18n.get("stage.update", org.backproplab.lesson.Naming.number(u.learningRate()));
        } else {
            what = "";
        }
        return iteration + " \u00b7 " + what;
    }

    private String layerName(int l, int layers) {
        return l == layers - 1 ? i18n.get("layer.output") : i18n.get("layer.hidden", l + 1);
    }

    /** Shows the playground with a lesson (for the lesson list and tests). */
    public void openPlayground(String lessonId) {
        tabs.getSelectionModel().select(1);
        playground.session().loadLesson(lessonId);
    }

    public PlaygroundView playground() {
        return playground;
    }

    public DigitsView digits() {
        return digits;
    }

    /** The session behind the window (for tests that wait for its worker). */
    public StepSession session() {
        return session;
    }
}
