package org.backproplab.ui;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.session.Notice;
import org.backproplab.session.StepSession;

/**
 * The application shell: the tabs (stepping, playground, activations, descent, digits), the help overlay,
 * the keyboard shortcuts (each acting on the tab that is showing), presentation mode and the
 * export menu. Each tab is its own view with its own view-model.
 */
public final class MainWindow {
    private static final double PRESENTATION_SCALE = 1.6;

    private final StepSession session;
    private final I18n i18n;
    private final Settings settings;
    private final ExportDialogs dialogs;
    private final StackPane root = new StackPane();
    /** The stepping tab's view: built by {@link #step()}, at once or right after the window's first frame. */
    private StepView step;
    private final LazyTab<PlaygroundView> playground;
    private final LazyTab<DigitsView> digits;
    private final VBox help = new VBox(8);
    private final TabPane tabs = new TabPane();
    private final Tab stepTab;
    private final Tab playTab;
    private final Tab activationsTab;
    private final Tab descentTab;
    private final LazyTab<DescentView> descent;
    private final Tab digitsTab;
    private final LazyTab<ActivationsView> activations;
    private double scale = 1.0;
    /** The help's descriptions of the keys (built with it). */
    private final List<Label> helpTexts = new java.util.ArrayList<>();
    /** The window's buttons (language, presentation, export, help) beside the tab headers, and its notice line. */
    private final WindowBar windowBar = new WindowBar();

    /**
     * The window with its tabs; every tab but the stepping one is built when first opened (or asked
     * for), from {@code playground} and {@code digits}.
     */
    public MainWindow(StepSession session, Supplier<PlaygroundView> playground, Supplier<DigitsView> digits,
            I18n i18n, Settings settings, ExportDialogs dialogs) {
        this.session = session;
        this.i18n = i18n;
        this.settings = settings;
        this.dialogs = dialogs;
        this.stepTab = tab("tab-step", "tab.step");
        this.playTab = tab("tab-playground", "tab.playground");
        this.activationsTab = tab("tab-activations", "tab.activations");
        this.descentTab = tab("tab-descent", "tab.descent");
        this.digitsTab = tab("tab-digits", "tab.digits");
        this.playground = new LazyTab<>(playTab, playground, PlaygroundView::root, v -> {
            v.setScale(scale);
            // the playground's "step through this point": its lesson, paused at the start, on this tab
            v.setOnStepPoint(() -> session.stepChosenPointOf(v.session(),
                    () -> tabs.getSelectionModel().select(stepTab)));
        });
        this.activations = new LazyTab<>(activationsTab, () -> new ActivationsView(i18n, dialogs, this::showNotice),
                ActivationsView::root, v -> v.setScale(scale));
        this.descent = new LazyTab<>(descentTab, () -> new DescentView(i18n, dialogs, this::showNotice),
                DescentView::root, v -> v.setScale(scale));
        this.digits = new LazyTab<>(digitsTab, digits, DigitsView::root, v -> v.setScale(scale));
        // remembered whichever tab's picker chose it
        i18n.localeProperty().addListener((o, a, b) -> {
            settings.setLanguage(b);
            applyFont();
            ViewParts.refitChoices(root); // the choice boxes as wide as their items in this language
        });
        build();
    }

    /** The window's content. */
    public Region root() {
        return root;
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void install(Scene scene) {
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        ExperimentDrop.install(scene, this::openExperiment);
        applyFont();
        setPresentation(settings.presentation());
    }

    // ---- building ------------------------------------------------------------------------

    private void build() {
        root.getStyleClass().add("app-root");
        new CodeWindow(session.code(), i18n, root, dialogs, n -> step().showNotice(n));
        help.setId("help-overlay");
        help.setVisible(false); // its keys and texts are built the first time it is shown
        Label opening = label("window.opening");
        opening.setId("step-opening");
        stepTab.setContent(new StackPane(opening));
        // the digits (60,000 images) are loaded the first time the tab is opened
        digitsTab.setOnSelectionChanged(e -> {
            if (digitsTab.isSelected()) {
                digits.view().session().open();
            }
        });
        tabs.getTabs().setAll(stepTab, playTab, activationsTab, descentTab, digitsTab);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getChildren().addAll(tabs, windowBar.box(), help);
    }

    private Tab tab(String id, String key) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        return t;
    }

    private void buildHelp() {
        help.getStyleClass().add("help-overlay");
        help.setPadding(new Insets(20));
        StackPane.setAlignment(help, Pos.CENTER);
        Label title = label("help.title");
        title.getStyleClass().add("inspector-title");
        help.getChildren().add(title);
        String[][] keys = {
            {"Space", "help.playPause"}, {"\u2192", "help.nextStage"}, {"Shift + \u2192", "help.wholeIteration"},
            {"\u2190", "help.back"}, {"R", "help.reset"}, {"Space, \u2192, R", "help.playground"},
            {"N, 1, 2, 3", "help.descent"}, {"Space, \u2190, \u2192", "help.digits"}, {"Ctrl + Tab", "help.tabs"},
            {"F5", "help.presentation"}, {"Ctrl + Shift + E", "help.exportPng"},
            {"F1", "help.help"}, {"Esc", "help.close"}};
        // a grid: the key caps line up however wide the widest is (in presentation mode too)
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        for (String[] k : keys) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("key-cap");
            key.setMinWidth(Region.USE_PREF_SIZE);
            key.setMaxWidth(Double.MAX_VALUE);
            Label what = ViewParts.wrapped(label(k[1]));
            helpTexts.add(what);
            javafx.scene.layout.GridPane.setValignment(key, javafx.geometry.VPos.TOP);
            grid.addRow(grid.getRowCount(), key, what);
        }
        help.getChildren().add(grid);
        for (String key : new String[] {"help.windowBar", "help.click"}) {
            Label text = ViewParts.wrapped(label(key));
            help.getChildren().add(text);
        }
        help.setOnMouseClicked(e -> help.setVisible(false));
        scaleHelp();
    }

    /** The help as wide as its larger text needs in presentation mode, so that it stays about as tall. */
    private void scaleHelp() {
        help.setMaxSize(600 * scale, Region.USE_PREF_SIZE);
        for (Label what : helpTexts) {
            what.setMaxWidth(360 * scale);
        }
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    // ---- keys, presentation, export ----------------------------------------------------------

    /**
     * F1, Esc, F5 (presentation) and Ctrl+Shift+E (the tab as PNG) work everywhere, in text fields
     * too; the other keys are the showing tab's (the activations tab has none), unless the control
     * that has them uses them ({@link LessonKeys}).
     */
    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean window = LessonKeys.windowKey(e);
        if (!window && LessonKeys.forControl(e)) {
            return;
        }
        Tab showing = tabs.getSelectionModel().getSelectedItem();
        if (code == KeyCode.F1) {
            toggleHelp();
            e.consume();
        } else if (code == KeyCode.F5) {
            setPresentation(!windowBar.presentation().isSelected());
            e.consume();
        } else if (code == KeyCode.E && window) {
            exportPng();
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            help.setVisible(false);
            if (showing == stepTab) {
                e.consume();
            }
        } else if (showing == stepTab) {
            if (step().handleKey(e)) {
                e.consume();
            }
        } else if (showing == descentTab) {
            if (descent.view().handleKey(e)) {
                e.consume();
            }
        } else if (showing == playTab) {
            if (playground.view().handleKey(e)) {
                e.consume();
            }
        } else if (showing == digitsTab) {
            if (digits.view().handleKey(e)) {
                e.consume();
            }
        }
    }

    private void toggleHelp() {
        if (help.getChildren().isEmpty()) {
            buildHelp();
        }
        help.setVisible(!help.isVisible());
    }

    private void setPresentation(boolean on) {
        windowBar.presentation().setSelected(on);
        settings.setPresentation(on);
        ViewParts.styled(root, "presentation", on);
        scale = on ? PRESENTATION_SCALE : 1.0;
        scaleHelp();
        ViewParts.refitChoices(root);
        if (step != null) {
            step.setScale(scale, on);
        }
        digits.ifBuilt(v -> v.setScale(scale));
        playground.ifBuilt(v -> v.setScale(scale));
        activations.ifBuilt(v -> v.setScale(scale));
        descent.ifBuilt(v -> v.setScale(scale));
    }

    private void applyFont() {
        if (i18n.isChinese()) {
            // the shipped font before any text asks for it (it may still be loading in the background)
            Fonts.load();
        }
        ViewParts.styled(root, "zh", i18n.isChinese());
    }

    /** The tab that is showing, as it is shown, as a PNG file. */
    private void exportPng() {
        Tab showing = tabs.getSelectionModel().getSelectedItem();
        // named after the tab: backprop-lab-playground.png
        String name = "backprop-lab-" + showing.getId().replaceFirst("^tab-", "") + ".png";
        dialogs.pngFile(root.getScene().getWindow(), name).ifPresent(path -> {
            try {
                PngExport.write(PngExport.snapshot(showing.getContent(), 1), path);
                showNotice(new Notice("notice.exported", List.of(path.getFileName().toString()), false));
            } catch (IOException e) {
                showNotice(new Notice("notice.exportFailed", List.of(path.toString(),
                        String.valueOf(e.getMessage())), true));
            }
        });
    }

    /** A notice of the window's own commands (exports): on the stepping tab's status line, and beside the buttons. */
    private void showNotice(Notice n) {
        step().showNotice(n);
        ViewParts.showNotice(windowBar.notice(), i18n, n);
    }

    private void exportMarkdown() {
        dialogs.handout(root.getScene().getWindow()).ifPresent(h -> session.exportHandout(h.file(), h.iterations(),
                i18n.get("export.handoutTitle", step().lessonTitle()), i18n::get));
    }

    /** Opens an experiment file (dropped onto the window) in its tab; the Step-by-step tab says why if none can. */
    public void openExperiment(java.nio.file.Path file) {
        String tab = org.backproplab.session.StepExperiments.tabOf(file);
        if ("playground".equals(tab)) {
            tabs.getSelectionModel().select(playTab);
            this.playground.view().session().experiments().open(file);
        } else if ("digits".equals(tab)) {
            tabs.getSelectionModel().select(digitsTab); // opening the tab the first time reads the digits
            digits.view().session().experiments().open(file);
        } else {
            tabs.getSelectionModel().select(stepTab);
            session.experiments().open(file);
        }
    }

    /** Shows the playground with a lesson (for the lesson list and tests). */
    public void openPlayground(String lessonId) {
        tabs.getSelectionModel().select(playTab);
        playground.view().session().loadLesson(lessonId);
    }

    /** The playground tab's view, built now if it was not yet. */
    public PlaygroundView playground() {
        return playground.view();
    }

    /** The playground and digits tabs' views that have been built (opened or asked for) so far. */
    java.util.List<Object> builtTabs() {
        java.util.List<Object> built = new java.util.ArrayList<>();
        playground.built().ifPresent(built::add);
        digits.built().ifPresent(built::add);
        activations.built().ifPresent(built::add);
        descent.built().ifPresent(built::add);
        return built;
    }

    /** The digits tab's view, built now if it was not yet. */
    public DigitsView digits() {
        return digits.view();
    }

    /** The descent tab (gradient descent, local minima, softmax), shown. */
    public DescentView openDescent() {
        tabs.getSelectionModel().select(descentTab);
        return descent.view();
    }

    /** The stepping tab's view, built now if it was not yet (the app: right after the first frame). */
    StepView step() {
        if (step == null) {
            step = new StepView(session, i18n, dialogs);
            stepTab.setContent(step.root());
            step.setScale(scale, windowBar.presentation().isSelected());
            // a notice the session gave before the tab was built (it shows later ones itself)
            java.util.Optional.ofNullable(session.noticeProperty().get()).ifPresent(step::showNotice);
        }
        return step;
    }

    /** Makes the window's buttons (the app: with the stepping tab, after the first frame). */
    void windowBar() {
        windowBar.fill(i18n, tabs.getSelectionModel().selectedItemProperty().isEqualTo(stepTab), new WindowBar.Actions() {
            @Override
            public void presentation() {
                setPresentation(windowBar.presentation().isSelected());
            }

            @Override
            public void exportPng() {
                MainWindow.this.exportPng();
            }

            @Override
            public void exportMarkdown() {
                MainWindow.this.exportMarkdown();
            }

            @Override
            public void showCode(String language) {
                session.code().show(language);
            }

            @Override
            public void help() {
                toggleHelp();
            }
        });
    }

    /** The session behind the stepping tab (for tests that wait for its worker). */
    public StepSession session() {
        return session;
    }
}
