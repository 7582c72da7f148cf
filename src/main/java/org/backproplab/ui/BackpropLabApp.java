package org.backproplab.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backproplab.session.DigitsSession;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.Presets;
import org.backproplab.session.StepSession;
import org.backproplab.session.Worker;

/** The desktop app: one window that steps through a lesson. */
public class BackpropLabApp extends Application {
    public static final String TITLE = "Backprop Lab";

    private Worker.ThreadWorker worker;
    private Worker.ThreadWorker playgroundWorker;
    private Worker.ThreadWorker digitsWorker;

    @Override
    public void start(Stage stage) {
        StartLog.mark("start");
        worker = newWorker();
        playgroundWorker = newWorker();
        digitsWorker = newWorker();
        Settings settings = Settings.user();
        I18n i18n = new I18n(settings.language());
        String mnist = System.getProperty("backproplab.mnist");
        // made when the digits tab is first opened
        Supplier<DigitsSession> digits = () -> new DigitsSession(digitsWorker, Platform::runLater,
                BackpropLabApp::readInBackground, mnist == null ? null : java.nio.file.Path.of(mnist),
                Integer.getInteger("backproplab.mnist.limit", 0), 0);
        open(stage, worker, playgroundWorker, digits, settings, i18n, new FileExportDialogs(i18n), true, w -> { });
    }

    /** Gives the playground {@code layers} ("8x16": 8 hidden layers of 16) as a person would with the editor. */
    private static void playLayers(PlaygroundSession playground, String layers) {
        if (layers == null) {
            return;
        }
        String[] parts = layers.split("x");
        int count = Integer.parseInt(parts[0].strip());
        int size = Integer.parseInt(parts[1].strip());
        // the editor refuses what it does not allow (more than 8 layers, more than 16 neurons): a
        // refused layer leaves the count as it was, and the loop ends after count tries
        for (int tries = 0; tries < count && playground.setup().layersProperty().get().size() < count; tries++) {
            playground.addLayer();
        }
        while (playground.setup().layersProperty().get().size() > count) {
            playground.removeLayer();
        }
        for (int i = 0; i < playground.setup().layersProperty().get().size(); i++) {
            playground.resizeLayer(i, size - playground.setup().layersProperty().get().get(i).size());
        }
    }

    /** Runs {@code task} on a daemon thread of its own (reading the digits while the network answers). */
    public static void readInBackground(Runnable task) {
        Thread t = new Thread(task, "digits-reader");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (worker != null) {
            worker.close();
            playgroundWorker.close();
            digitsWorker.close();
        }
    }

    /** The single thread that runs the engine, so the FX thread never waits for training. */
    public static Worker.ThreadWorker newWorker() {
        return Worker.newThread("backprop-lab-engine");
    }

    /**
     * Builds the window on {@code stage}, shows it and hands it to {@code built}; used by the app and
     * by the UI tests (with their own settings and export dialogs). Without {@code afterFirstFrame}
     * everything is built before the window is shown, and {@code built} runs before this returns.
     * With it (issue 15: the window appears sooner) the window is shown empty, in the scene's own
     * white; two frames later its shell (the tab headers, the look, the keys) replaces that, and ten
     * frames after that the window's buttons and the stepping tab's content, then {@code built} runs.
     * The digits tab's session is made when the tab is first opened.
     */
    public static void open(Stage stage, Worker worker, Worker playgroundWorker, Supplier<DigitsSession> digits,
            Settings settings, I18n i18n, ExportDialogs dialogs, boolean afterFirstFrame, Consumer<MainWindow> built) {
        StartLog.mark("open");
        // an English window's first frame needs no Chinese font: the stepping tab waits for it, and a
        // Chinese window (MainWindow.applyFont) before its first text
        Fonts.loadInBackground();
        StepSession session = new StepSession(worker, Platform::runLater);
        session.predict().keepProgressIn(settings.predictProgress());
        // the worker computes the first lesson while this thread builds and styles the window
        session.loadLesson(Presets.FIRST_STEP_LESSON);
        // the other tabs are built when first opened: the window appears with the stepping tab only
        Supplier<MainWindow> shell = () -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Supplier<PlaygroundView> playground = () -> {
                PlaygroundView view = new PlaygroundView(new PlaygroundSession(playgroundWorker, Platform::runLater),
                        i18n, dialogs);
                view.session().loadLesson(Presets.FIRST_PLAYGROUND_LESSON);
                return view;
            };
            return new MainWindow(session, playground, () -> new DigitsView(digits.get(), i18n, dialogs), i18n,
                    settings, dialogs);
        };
        // the UI tests: everything built before the window shows
        MainWindow before = afterFirstFrame ? null : shell.get();
        // the app: an empty pane, not a control, needs no stylesheet and no CSS pass to speak of
        Scene scene = new Scene(before == null ? new StackPane() : before.root(), settings.width(), settings.height());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.bind("app.title"));
        stage.setOnHidden(e -> {
            settings.setSize(scene.getWidth(), scene.getHeight());
            settings.flush();
        });
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        if (before != null) {
            before.install(scene);
            before.windowBar();
            Fonts.load();
            before.step();
            stage.show();
            whenBuilt(scene, session, before, built);
            return;
        }
        stage.show();
        StartLog.mark("shown");
        // the first pulse lays out the window as shown; the software pipeline hands its pixels to the
        // window on this thread once the renderer has drawn them, so the shell is built two frames
        // later, and the window's buttons and the stepping tab ten frames (about 170 ms) after that
        StartLog.afterLayout(scene, () -> true, () -> {
            StartLog.mark("laid out");
            StartLog.afterFrames(2, () -> {
                MainWindow window = shell.get();
                window.install(scene);
                scene.setRoot(window.root());
                StartLog.mark("shell");
                StartLog.afterFrames(10, () -> {
                    window.windowBar();
                    Fonts.load();
                    window.step();
                    StartLog.mark("step built");
                    whenBuilt(scene, session, window, built);
                });
            });
        });
    }

    /** What follows the window's building: the start's last mark, and the ways of measuring it. */
    private static void whenBuilt(Scene scene, StepSession session, MainWindow window, Consumer<MainWindow> built) {
        StartLog.markWhenLaidOut(scene, "content", () -> session.getSnapshot() != null && scene.lookup("#step-graph") != null);
        built.accept(window);
        // -Dbackproplab.play=LESSON opens the playground on a lesson and trains it: for measuring
        // the frame rate in a real window (see docs/PERFORMANCE.md)
        String demo = System.getProperty("backproplab.play");
        if (Presets.isPlayground(demo)) {
            window.openPlayground(demo);
            // -Dbackproplab.playLayers=8x16: the lesson with that many hidden layers of that many
            // neurons, set with the editor's commands (8 x 16 is the largest set-up it allows)
            playLayers(window.playground().session(), System.getProperty("backproplab.playLayers"));
            window.playground().session().play();
        }
        // -Dbackproplab.exitWhenShown=true closes the app a second after the stepping tab's lesson is
        // shown: for listing the classes a start loads, the class-data-sharing archive's list (docs/PERFORMANCE.md)
        if (Boolean.getBoolean("backproplab.exitWhenShown")) {
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            pause.setOnFinished(e -> Platform.exit());
            StartLog.afterLayout(scene, () -> session.getSnapshot() != null && scene.lookup("#step-graph") != null, pause::play);
        }
    }
}
