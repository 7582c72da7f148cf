package org.backproplab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window for a UI test, with its own settings and answers for the export dialogs. */
final class UiTestSupport {
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    final org.backproplab.session.Worker.ThreadWorker worker = BackpropLabApp.newWorker();
    final org.backproplab.session.Worker.ThreadWorker playgroundWorker = BackpropLabApp.newWorker();
    final org.backproplab.session.Worker.ThreadWorker digitsWorker = BackpropLabApp.newWorker();
    Path mnistFolder = Path.of("src", "test", "resources", "mnist-tiny");
    Path modelAnswer;
    Path csvAnswer;
    /** Where the loss curves' CSV goes. */
    Path curvesCsvAnswer;
    final Preferences prefs = Preferences.userRoot().node("org/backproplab/test/" + System.nanoTime());
    final Settings settings = new Settings(prefs);
    final I18n i18n;
    Path pngAnswer;
    /** The file names the PNG dialogs suggested. */
    final java.util.List<String> pngNames = new java.util.ArrayList<>();
    Path codeAnswer;
    /** The file Save experiment and Open experiment are given. */
    Path experimentAnswer;
    /** The answer to "save a model with NaN values?", and the files it was asked for. */
    boolean nonFiniteAnswer;
    final java.util.List<Path> nonFiniteQuestions = new java.util.ArrayList<>();
    ExportDialogs.Handout handoutAnswer;
    /** The answer to "replace the points with the imported ones?", and what was asked (header, then text). */
    boolean importAnswer = true;
    final java.util.List<String> importQuestions = new java.util.ArrayList<>();
    /** Set on the FX thread when the window is built (in the app's order, some frames after it is shown). */
    volatile MainWindow window;
    Stage stage;
    /** Whether the tabs other than the stepping one are left to be built when first opened, as in the app. */
    boolean lazyTabs;
    /** Whether the stepping tab's content is built right after the window's first frame, as in the app. */
    boolean stepAfterFirstFrame;

    UiTestSupport(java.util.Locale locale) {
        i18n = new I18n(locale);
        settings.setSize(1400, 860);
    }

    void open(Stage stage) {
        this.stage = stage;
        // the test runner reuses one stage: start every test at the same size
        stage.setWidth(settings.width());
        stage.setHeight(settings.height());
        var digits = new org.backproplab.session.DigitsSession(digitsWorker, javafx.application.Platform::runLater,
                BackpropLabApp::readInBackground,
                mnistFolder, 0, 0);
        BackpropLabApp.open(stage, worker, playgroundWorker, () -> digits, settings, i18n, new ExportDialogs() {
            @Override
            public Optional<Path> modelToOpen(Window owner) {
                return Optional.ofNullable(modelAnswer);
            }

            @Override
            public Optional<Path> modelToSave(Window owner) {
                return Optional.ofNullable(modelAnswer);
            }

            @Override
            public Optional<Path> experimentToOpen(Window owner) {
                return Optional.ofNullable(experimentAnswer);
            }

            @Override
            public Optional<Path> experimentToSave(Window owner) {
                return Optional.ofNullable(experimentAnswer);
            }

            @Override
            public Optional<Path> codeToSave(Window owner, String name) {
                return Optional.ofNullable(codeAnswer);
            }

            @Override
            public Optional<Path> csvToOpen(Window owner) {
                return Optional.ofNullable(csvAnswer);
            }

            @Override
            public Optional<Path> csvToSave(Window owner) {
                return Optional.ofNullable(csvAnswer);
            }

            @Override
            public Optional<Path> curvesCsvToSave(Window owner) {
                return Optional.ofNullable(curvesCsvAnswer);
            }

            @Override
            public Optional<Path> pngFile(Window owner, String name) {
                pngNames.add(name);
                return Optional.ofNullable(pngAnswer);
            }

            @Override
            public Optional<Handout> handout(Window owner) {
                return Optional.ofNullable(handoutAnswer);
            }

            @Override
            public boolean confirmNonFiniteSave(Window owner, Path file) {
                nonFiniteQuestions.add(file);
                return nonFiniteAnswer;
            }

            @Override
            public boolean confirmImport(Window owner, String header, String text) {
                importQuestions.add(header);
                importQuestions.add(text);
                return importAnswer;
            }
        }, stepAfterFirstFrame, built -> {
            window = built;
            if (!lazyTabs) {
                // the window builds the playground and digits tabs when first opened; the tests reach
                // their sessions from the test thread, so they are built here, on the FX thread
                window.playground();
                window.digits();
            }
        });
    }

    /**
     * TestFX keeps every event fired on its registered stage in a list for debugging (its
     * {@code FiredEvents}), and with them the nodes they were fired on: over the whole suite (one
     * stage for every UI test) or an hour of soak, a gigabyte of old windows. Registering the
     * stage again starts an empty list. Call on the FX thread.
     */
    static void forgetFiredEvents() {
        org.testfx.api.FxToolkitContext context = org.testfx.api.FxToolkit.toolkitContext();
        context.setRegisteredStage(context.getRegisteredStage());
    }

    /** Clicks the node {@code query} finds, then waits for the result ({@link #settle()}). */
    void click(FxRobot robot, String query) {
        robot.clickOn(query);
        settle();
    }

    /** Waits until the worker has run every queued command and the window has drawn the result. */
    void settle() {
        window.session().idle().orTimeout(20, TimeUnit.SECONDS).join();
        for (Object built : window.builtTabs()) {
            if (built instanceof PlaygroundView p) {
                p.session().idle().orTimeout(20, TimeUnit.SECONDS).join();
            } else if (built instanceof DigitsView d) {
                d.session().idle().orTimeout(60, TimeUnit.SECONDS).join();
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        // the window redraws on its next animation frame
        WaitForAsyncUtils.sleep(80, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The visible cell with this text in an open popup list, if any. */
    java.util.Optional<javafx.scene.Node> popupCell(FxRobot robot, String item) {
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != stage)
                .filter(n -> item.equals(((javafx.scene.control.Labeled) n).getText()))
                .findFirst();
    }

    /** Opens a combo box and clicks one of its items, as a person does. */
    void choose(FxRobot robot, String combo, String item) {
        // a click that lands while another popup is still closing can be swallowed: open again then
        for (int attempt = 0; attempt < 3 && popupCell(robot, item).isEmpty(); attempt++) {
            robot.clickOn(combo);
            settle();
            // the popup lays its list out over a few pulses; click the item once it has settled
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.clickOn(popupCell(robot, item).orElseThrow(() -> new AssertionError(item + " not offered by " + combo)));
        settle();
        javafx.scene.control.ComboBox<?> box = robot.lookup(combo).queryAs(javafx.scene.control.ComboBox.class);
        if (box.isShowing()) {
            throw new AssertionError(combo + " did not close");
        }
    }

    /** Writes one part of the window as docs/screenshots/NAME.png. */
    void screenshot(String name, javafx.scene.Node node) {
        settle();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            try {
                Files.createDirectories(SCREENSHOTS);
                PngExport.write(PngExport.snapshot(node, 1), SCREENSHOTS.resolve(name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    /** Writes the window as docs/screenshots/NAME.png. */
    void screenshot(String name) {
        screenshot(name, window.root());
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(UiTestSupport::forgetFiredEvents).get(10, TimeUnit.SECONDS);
        worker.close();
        playgroundWorker.close();
        digitsWorker.close();
        Platform.runLater(() -> { });
        prefs.removeNode();
    }

    /** Runs {@code task} on the FX thread and returns its result (10 s at most). */
    static <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }

    /** The nearest parent of {@code n} of that type (the scroll pane or tab pane it sits in). */
    static <T> T enclosing(javafx.scene.Node n, Class<T> type) {
        javafx.scene.Node p = n.getParent();
        while (!type.isInstance(p)) {
            p = p.getParent();
        }
        return type.cast(p);
    }

    /** Whether the node and all its parents are visible (not in an inner tab not chosen), in a scene. */
    static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /**
     * Each shown label, button, cell or header under {@code root} (matching {@code selector}, or all) whose
     * drawn text is not its whole text ("Batch size (0 ..."), as "whole -> drawn"; a line saying so when
     * there was nothing shown to check. Run on the FX thread.
     */
    static java.util.List<String> cutTexts(javafx.scene.Node root, String selector) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int examined = 0;
        for (javafx.scene.Node n : selector == null ? all(root) : root.lookupAll(selector)) {
            if (n instanceof javafx.scene.control.Labeled l && shown(l) && l.getText() != null && !l.getText().isEmpty()
                    && l.getWidth() > 0) {
                examined++;
                javafx.scene.Node drawn = l.lookup(".text");
                String text = drawn instanceof javafx.scene.text.Text t ? t.getText() : "";
                if (!text.equals(l.getText())) {
                    out.add(l.getText() + " -> " + text);
                }
            }
        }
        if (examined == 0) {
            out.add("nothing shown to check under " + root);
        }
        return out;
    }

    /** The node and every node under it, the controls' insides included. */
    static java.util.List<javafx.scene.Node> all(javafx.scene.Node root) {
        java.util.List<javafx.scene.Node> out = new java.util.ArrayList<>(java.util.List.of(root));
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof javafx.scene.Parent p) {
                out.addAll(p.getChildrenUnmodifiable());
            }
        }
        return out;
    }
}
