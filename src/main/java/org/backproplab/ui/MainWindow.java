package org.backproplab.ui;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.session.Notice;
import org.backproplab.session.StepSession;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

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
    private final ToggleButton presentation = new ToggleButton();
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
    /** The window's buttons (language, presentation, export, help), shown beside the tab headers. */
    private final HBox windowBar = new HBox(6);
    /** What the window's export did (the tabs keep their own status lines). */
    private final Label windowNotice = new Label();

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
        ComboBox<Locale> language = ViewParts.languageBox(i18n, "language");
        language.setTooltip(tooltip("control.language"));
        presentation.setId("presentation");
        presentation.setGraphic(new FontIcon(Material2MZ.SLIDESHOW));
        presentation.setTooltip(tooltip("action.presentation"));
        presentation.setOnAction(e -> setPresentation(presentation.isSelected()));
        MenuItem png = menuItem("export-png", "export.png", Material2AL.IMAGE);
        png.setOnAction(e -> exportPng());
        MenuItem markdown = menuItem("export-markdown", "export.markdown", Material2AL.DESCRIPTION);
        markdown.setOnAction(e -> exportMarkdown());
        new CodeWindow(session.code(), i18n, root, dialogs, n -> step().showNotice(n));
        MenuItem pytorch = menuItem("export-pytorch", "code.showPytorch", Material2AL.CODE);
        pytorch.setOnAction(e -> session.code().show("pytorch"));
        MenuItem numpy = menuItem("export-numpy", "code.showNumpy", Material2AL.CODE);
        numpy.setOnAction(e -> session.code().show("numpy"));
        MenuButton export = new MenuButton(null, new FontIcon(Material2MZ.SAVE_ALT), png, markdown, pytorch, numpy);
        export.setId("export");
        export.setTooltip(tooltip("export.menu"));
        export.setFocusTraversable(false);
        Button helpButton = new Button();
        helpButton.setId("help");
        helpButton.setGraphic(new FontIcon(Material2AL.HELP_OUTLINE));
        helpButton.setTooltip(tooltip("action.help"));
        helpButton.setOnAction(e -> toggleHelp());
        helpButton.setFocusTraversable(false);
        // the window's own buttons, on every tab: at the right of the tab headers
        windowNotice.setId("window-notice");
        windowNotice.getStyleClass().add("notice");
        windowNotice.setMaxWidth(420);
        windowBar.getChildren().setAll(windowNotice, language, presentation, export, helpButton);
        windowBar.setId("window-bar");
        windowBar.getStyleClass().add("window-bar");
        windowBar.setAlignment(Pos.CENTER_RIGHT);
        windowBar.setPickOnBounds(false);
        windowBar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(windowBar, Pos.TOP_RIGHT);
        // the handout and the code are the stepping tab's: offered while it shows
        for (MenuItem stepOnly : List.of(markdown, pytorch, numpy)) {
            stepOnly.visibleProperty().bind(tabs.getSelectionModel().selectedItemProperty().isEqualTo(stepTab));
        }

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
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.getChildren().addAll(tabs, windowBar, help);
    }

    private Tab tab(String id, String key) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        return t;
    }

    private MenuItem menuItem(String id, String key, org.kordamp.ikonli.Ikon icon) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(i18n.bind(key));
        item.setGraphic(new FontIcon(icon));
        return item;
    }

    private void buildHelp() {
        help.getStyleClass().add("help-overlay");
        help.setMaxSize(520, Region.USE_PREF_SIZE);
        help.setPadding(new Insets(20));
        StackPane.setAlignment(help, Pos.CENTER);
        Label title = label("help.title");
        title.getStyleClass().add("inspector-title");
        help.getChildren().add(title);
        String[][] keys = {
            {"Space", "help.playPause"}, {"\u2192", "help.nextStage"}, {"Shift + \u2192", "help.wholeIteration"},
            {"\u2190", "help.back"}, {"R", "help.reset"}, {"N, 1 2 3", "help.descent"},
            {"F5", "help.presentation"}, {"Ctrl + Shift + E", "help.exportPng"},
            {"F1", "help.help"}, {"Esc", "help.close"}};
        for (String[] k : keys) {
            Label key = new Label(k[0]);
            key.getStyleClass().add("key-cap");
            key.setMinWidth(140);
            Label what = label(k[1]);
            what.setWrapText(true);
            what.setMaxWidth(360);
            what.setMinHeight(Region.USE_PREF_SIZE);
            help.getChildren().add(new HBox(12, key, what));
        }
        Label everywhere = label("help.windowBar");
        everywhere.setWrapText(true);
        help.getChildren().add(everywhere);
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

    // ---- keys, presentation, export ----------------------------------------------------------

    /**
     * F1, Esc, F5 (presentation) and Ctrl+Shift+E (the tab as PNG) work everywhere; the stepping
     * tab has its shortcuts; elsewhere Space plays and
     * pauses the training of the tab that is showing (the activations tab has none).
     */
    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.getTarget() instanceof TextInputControl && code != KeyCode.F1 && code != KeyCode.F5
                && code != KeyCode.ESCAPE) {
            return;
        }
        Tab showing = tabs.getSelectionModel().getSelectedItem();
        if (code == KeyCode.F1) {
            toggleHelp();
            e.consume();
        } else if (code == KeyCode.F5) {
            setPresentation(!presentation.isSelected());
            e.consume();
        } else if (code == KeyCode.E && e.isShortcutDown() && e.isShiftDown()) {
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
        } else if (code == KeyCode.SPACE) {
            if (showing == playTab) {
                playground.view().session().togglePlay();
            } else if (showing == digitsTab) {
                digits.view().session().togglePlay();
            }
            e.consume();
        }
    }

    private void toggleHelp() {
        if (help.getChildren().isEmpty()) {
            buildHelp();
        }
        help.setVisible(!help.isVisible());
    }

    private void setPresentation(boolean on) {
        presentation.setSelected(on);
        settings.setPresentation(on);
        ViewParts.styled(root, "presentation", on);
        scale = on ? PRESENTATION_SCALE : 1.0;
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
        dialogs.pngFile(root.getScene().getWindow()).ifPresent(path -> {
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
        ViewParts.showNotice(windowNotice, i18n, n);
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
            step.setScale(scale, presentation.isSelected());
            // a notice the session gave before the tab was built (it shows later ones itself)
            java.util.Optional.ofNullable(session.noticeProperty().get()).ifPresent(step::showNotice);
        }
        return step;
    }

    /** The session behind the stepping tab (for tests that wait for its worker). */
    public StepSession session() {
        return session;
    }
}
