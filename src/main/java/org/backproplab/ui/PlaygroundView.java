package org.backproplab.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.GraphItem;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundChoices.MapPoint;
import org.backproplab.session.PlaygroundEpochs;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSetup;
import org.backproplab.session.PlaygroundSnapshot;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The playground: 2-D data, a network designed by clicking, and its decision regions forming
 * live. The shell holds the run bar and the lesson's text; the controls on the left
 * ({@link PlaygroundControls}) set the data, layers and training; the graph in the centre
 * ({@link PlaygroundGraphPane}) shows every neuron's map; on the right the data map
 * ({@link DataMapView}) and the numbers and curves ({@link PlaygroundCurves}). It redraws at most
 * once a frame, when a new snapshot came.
 */
public final class PlaygroundView {
    private final PlaygroundSession session;
    private final PlaygroundSetup setup;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final PlaygroundControls controls;
    /** The width the network and the run bar keep in the middle. */
    private static final double CENTER_LEAST = 520;
    private ScrollPane rightScroll;
    /** The scale asked for: 1, or presentation mode's. */
    private double scale = 1;
    /** The preset's id and the command line that trains it; not shown in presentation mode. */
    private final Label presetId = new Label();
    private final ExportDialogs dialogs;
    private final PlaygroundGraphPane graph;
    private final DataMapView map;
    private final PlaygroundCurves curves;
    private final Label epochLabel = new Label();
    private final Label notice = new Label();
    private final Button play = new Button();
    private final Button restore = new Button();
    private Runnable onStepPoint = () -> { };
    private GraphItem hovered;
    private boolean dirty = true;
    private final FrameCounter frames = new FrameCounter();

    public PlaygroundView(PlaygroundSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.setup = session.setup();
        this.i18n = i18n;
        this.dialogs = dialogs;
        controls = new PlaygroundControls(session, i18n, dialogs);
        graph = new PlaygroundGraphPane(session, i18n, s -> {
            hovered = s;
            session.showNeuronMap(s);
            dirty = true;
        });
        map = new DataMapView(session, i18n, controls::pointClass, () -> onStepPoint.run(), () -> dirty = true);
        curves = new PlaygroundCurves(i18n, session.curves(), dialogs);
        build();
        java.util.function.Consumer<org.backproplab.session.Notice> say = n -> ViewParts.showNotice(notice, i18n, n);
        graph.offerPng(i18n, dialogs, say);
        map.offerPng(i18n, dialogs, say);
        curves.offerPng(i18n, dialogs, say);
        session.snapshotProperty().addListener((o, a, b) -> dirty = true);
        session.playingProperty().addListener((o, a, b) -> {
            ViewParts.showPlaying(play, i18n, b);
            frames.restart();
        });
        session.noticeProperty().addListener((o, a, n) -> ViewParts.showNotice(notice, i18n, n));
        i18n.localeProperty().addListener((o, a, b) -> dirty = true);
        new FrameTimer(root, now -> {
            // the snapshot made ahead for this frame, if one waits: training keeps in step with these frames
            session.frame();
            boolean drawn = dirty;
            if (dirty) {
                dirty = false;
                render();
            }
            frames.count(now, drawn, session);
        });
    }

    public Region root() {
        return root;
    }

    /**
     * Space plays and pauses, → trains one epoch, R resets the weights; true if the key was one of
     * them. ← is taken too, doing nothing (training is not undone), so that it does not leave the tab.
     */
    boolean handleKey(javafx.scene.input.KeyEvent e) {
        switch (e.getCode()) {
            case SPACE -> session.togglePlay();
            case RIGHT -> session.stepEpoch();
            case R -> session.reset();
            case LEFT -> {
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * 1 normally, larger in presentation mode: the graph, the map and the charts grow with the
     * text, the map as far as the window leaves room for the controls and the network.
     */
    public void setScale(double scale) {
        this.scale = scale;
        graph.setScale(scale);
        presetId.setVisible(scale <= 1); // in presentation mode: the command line is not for a projector
        presetId.setManaged(scale <= 1);
        fitMap();
        dirty = true;
    }

    public PlaygroundSession session() {
        return session;
    }

    /** What the "step through the chosen point" button does (the window opens the stepping tab). */
    public void setOnStepPoint(Runnable action) {
        this.onStepPoint = action;
    }

    /** The point chosen with Shift+click, or null. */
    public MapPoint chosenPoint() {
        return setup.chosenPointProperty().get();
    }

    private void build() {
        root.getStyleClass().add("playground");
        play.setId("pg-play");
        play.setMinWidth(Region.USE_PREF_SIZE);
        play.setOnAction(e -> session.togglePlay());
        ViewParts.showPlaying(play, i18n, session.isPlaying());
        Button step = iconButton("pg-step", Material2MZ.SKIP_NEXT, "pg.step", session::stepEpoch);
        Button reset = iconButton("pg-reset", Material2MZ.REPLAY, "pg.reset", session::reset);
        restore.setId("pg-restore");
        restore.setGraphic(new FontIcon(Material2MZ.UNDO));
        restore.textProperty().bind(i18n.bind("pg.restore"));
        restore.setOnAction(e -> session.restoreLastGood());
        restore.setVisible(false);
        restore.setManaged(false);
        restore.setMinWidth(Region.USE_PREF_SIZE);
        epochLabel.setId("epoch");
        epochLabel.getStyleClass().add("stage-label");
        ComboBox<String> lesson = new ComboBox<>();
        lesson.setId("pg-lesson");
        lesson.getItems().setAll(PlaygroundChoices.lessons());
        LocalizedCells.install(lesson, i18n, id -> i18n.get(PlaygroundChoices.lessonTitleKey(id)));
        lesson.setVisibleRowCount(lesson.getItems().size());
        PlaygroundBindings.combo(lesson, setup.lessonIdProperty(), session::loadLesson);
        Label modified = new Label();
        modified.setId("pg-lesson-modified");
        modified.getStyleClass().add("lesson-modified");
        modified.textProperty().bind(i18n.bind("pg.modified"));
        modified.visibleProperty().bind(setup.modifiedProperty());
        modified.managedProperty().bind(setup.modifiedProperty());
        modified.setMinWidth(Region.USE_PREF_SIZE);
        // two lines kept however short the room (cut to one on a small projector), the whole text in its tooltip
        Label lessonText = ViewParts.keepingLines(2);
        lessonText.setId("pg-lesson-text");
        lessonText.getStyleClass().add("lesson-text");
        lessonText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> setup.lessonTextProperty().get().format(i18n::get), setup.lessonTextProperty(),
                i18n.localeProperty()));
        // the preset's id, so that the command line's train can be typed for it
        presetId.setId("pg-preset-id");
        presetId.getStyleClass().add("lesson-text");
        ViewParts.wrapped(presetId); // the command whole, on a second line where it must be
        presetId.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get("pg.presetId", setup.lessonIdProperty().get()), setup.lessonIdProperty(),
                i18n.localeProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        new CodeWindow(session.code(), i18n, notice, dialogs, n -> ViewParts.showNotice(notice, i18n, n));
        javafx.scene.control.MenuItem pytorch = new javafx.scene.control.MenuItem();
        pytorch.setId("pg-code-pytorch");
        pytorch.textProperty().bind(i18n.bind("code.showPytorch"));
        pytorch.setOnAction(e -> session.code().show("pytorch"));
        javafx.scene.control.MenuItem numpy = new javafx.scene.control.MenuItem();
        numpy.setId("pg-code-numpy");
        numpy.textProperty().bind(i18n.bind("code.showNumpy"));
        numpy.setOnAction(e -> session.code().show("numpy"));
        javafx.scene.control.MenuButton code = new javafx.scene.control.MenuButton(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2AL.CODE), pytorch, numpy);
        code.setId("pg-code");
        code.setTooltip(new javafx.scene.control.Tooltip());
        code.getTooltip().textProperty().bind(i18n.bind("code.menu"));
        Button[] experiment = ExperimentButtons.of(i18n, "pg", dialogs, () -> root.getScene().getWindow(),
                session.experiments()::save, session.experiments()::open);
        // the lesson on a line of its own, as wide as its longest title ("TensorFlow Playgro..." was cut)
        HBox lessonRow = new HBox(8, lesson, modified, gap, code);
        lessonRow.setAlignment(Pos.CENTER_LEFT);
        HBox runBar = new HBox(8, play, step, reset, restore);
        runBar.setAlignment(Pos.CENTER_LEFT);
        Region network = graph.root();
        VBox.setVgrow(network, Priority.ALWAYS);
        notice.setId("pg-notice");
        notice.getStyleClass().add("notice");
        ViewParts.wholeInTooltip(notice);
        // epoch, batch and iteration for the set-up shown (the batch lessons' numbers), folded away at first
        EpochBatchView epochView = new EpochBatchView(i18n, "pg-epochs", new PlaygroundEpochs(session).epochsProperty());
        TitledPane epochs = new TitledPane(null, epochView.root());
        epochs.setId("pg-epochs-pane");
        epochs.textProperty().bind(i18n.bind("pg.epochs.title"));
        epochs.setExpanded(false);
        epochView.showOnlyWhen(epochs.expandedProperty());
        // Save and Open experiment on the epoch's line: the run bar is full
        Region epochGap = new Region();
        HBox.setHgrow(epochGap, Priority.ALWAYS);
        HBox epochLine = new HBox(8, new SteadyBox(epochLabel), epochGap, experiment[0], experiment[1]);
        epochLine.setAlignment(Pos.CENTER_LEFT);
        VBox center = new VBox(8, lessonRow, runBar, epochLine, lessonText, presetId, epochs, network, notice);
        center.setPadding(new Insets(8));

        VBox right = new VBox(6, map.root(), curves.root());
        right.setPadding(new Insets(8));
        ScrollPane rightScroll = ViewParts.liveScrollPane(right);
        rightScroll.setId("pg-right");
        rightScroll.setFitToWidth(true);
        this.rightScroll = rightScroll;
        root.widthProperty().addListener((o, a, b) -> fitMap());
        fitMap();

        root.setLeft(controls.root());
        root.setCenter(center);
        root.setRight(rightScroll);
    }

    /** The map and the charts at the scale asked for, or less where the window is narrow. */
    private void fitMap() {
        // the controls' larger text takes some more width where there is room (their labels are cut short otherwise)
        double left = scale > 1 ? Math.max(320, Math.min(384, root.getWidth() - CENTER_LEAST - DataMapView.SIZE - 40)) : 320;
        controls.root().setPrefWidth(left);
        double room = root.getWidth() - left - CENTER_LEAST - 40;
        double s = root.getWidth() <= 0 ? scale : ViewParts.fitted(scale, room, DataMapView.SIZE);
        map.setScale(s);
        curves.setScale(s);
        rightScroll.setPrefWidth(DataMapView.SIZE * s + 40);
        dirty = true;
    }

    /** A button with an icon and a tooltip only, for the crowded run bar. */
    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind(key));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private void render() {
        PlaygroundSnapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        epochLabel.setText(i18n.get("pg.epoch", s.epoch(), s.iteration()) + (session.isPlaying()
                && frames.perSecond() > 0 ? i18n.get("pg.fps", Math.round(frames.perSecond())) : ""));
        controls.showPointCount(s.trainCount(), s.testCount());
        restore.setVisible(s.diverged());
        restore.setManaged(s.diverged());
        graph.draw(s);
        // the large map: the hovered neuron's once the snapshots carry it (the same pixels while its
        // maps are kept, so that it is not drawn again), else the output's
        int[] big = null;
        String name = null;
        if (s.neuronMap() != null && s.neuronMap().shows(hovered)) {
            big = s.neuronMap().picture();
            name = s.graph().neurons().get(hovered.layer()).get(hovered.row()).name();
        }
        map.draw(s, big, name);
        curves.draw(s);
    }

    /**
     * Frames drawn per second over the last second, shown while training runs; with
     * -Dbackproplab.fps=true, printed each second with the frames missed (pulses that drew nothing new).
     */
    private static final class FrameCounter {
        private long windowStart;
        private int inWindow;
        private int missed;
        private double perSecond;

        /** Training starts: a new second begins (else the first reading would count the idle time). */
        void restart() {
            windowStart = 0;
            inWindow = 0;
            missed = 0;
            perSecond = 0;
        }

        double perSecond() {
            return perSecond;
        }

        /** A pulse at {@code now} that drew a new picture, or ({@code drawn} false) drew nothing new. */
        void count(long now, boolean drawn, PlaygroundSession session) {
            if (!drawn) {
                // while playing, a pulse without a new snapshot is a frame missed
                missed += windowStart != 0 && session.isPlaying() ? 1 : 0;
                return;
            }
            if (windowStart == 0) {
                windowStart = now;
            }
            inWindow++;
            if (now - windowStart >= 1_000_000_000L) {
                perSecond = inWindow * 1e9 / (now - windowStart);
                inWindow = 0;
                windowStart = now;
                if (Boolean.getBoolean("backproplab.fps") && session.isPlaying()) {
                    PlaygroundSnapshot s = session.getSnapshot();
                    System.err.printf(Locale.ROOT, "fps %.1f epoch %d missed %d%n", perSecond, s == null ? 0 : s.epoch(), missed);
                }
                missed = 0;
            }
        }
    }
}
