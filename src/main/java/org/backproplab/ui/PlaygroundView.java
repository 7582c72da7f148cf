package org.backproplab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.data.Task;
import org.backproplab.engine.Activation;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Heatmaps;
import org.backproplab.lesson.InitKind;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.OutputKind;
import org.backproplab.lesson.PlaygroundSpec;
import org.backproplab.session.NumberInput;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;
import org.backproplab.session.StepSnapshot;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The playground: 2-D data, a network designed by clicking, and its decision regions forming
 * live. The controls on the left set the data, inputs, layers and training; the graph in the
 * centre (the same view as the stepping window's) shows every neuron's heatmap; on the right
 * the output map with the data points, and the train and test curves.
 */
public final class PlaygroundView {
    private static final double MAP_SIZE = 380;

    private final PlaygroundSession session;
    private final I18n i18n;
    private final ExportDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final NetworkGraphView graph;
    private final VBox featureColumn = new VBox(6);
    private final ImageView outputImage = new ImageView();
    private final Canvas points = new Canvas(MAP_SIZE, MAP_SIZE);
    private final Label mapTitle = new Label();
    private final LossCurveView lossCurve = new LossCurveView();
    private final LandscapeView landscape = new LandscapeView(MAP_SIZE * 0.8);
    private final VBox landscapeBox = new VBox(4);
    private final LossCurveView accuracyCurve = new LossCurveView();
    private final Label epochLabel = new Label();
    private final Label trainLoss = new Label();
    private final Label testLoss = new Label();
    private final Label trainAccuracy = new Label();
    private final Label testAccuracy = new Label();
    private final Label pointCount = new Label();
    private final Label notice = new Label();
    private final ComboBox<String> lesson = new ComboBox<>();
    private final Label lessonText = new Label();
    private final Button play = new Button();
    private final Button restore = new Button();
    private final ComboBox<DataShape> shape = new ComboBox<>();
    private final Slider noise = new Slider(0, 50, 0);
    private final Slider split = new Slider(10, 90, 50);
    private final ComboBox<Integer> pointClass = new ComboBox<>();
    private final VBox layerRows = new VBox(4);
    private final ComboBox<OutputKind> output = new ComboBox<>();
    private final ComboBox<String> optimizer = new ComboBox<>();
    private final TextField learningRate = new TextField();
    private final TextField batchSize = new TextField();
    private final ComboBox<Regularization.Kind> regularization = new ComboBox<>();
    private final TextField regularizationRate = new TextField();
    private final ComboBox<InitKind> init = new ComboBox<>();
    private final TextField seed = new TextField();
    private final Label inputError = new Label();
    private final CheckBox discretize = new CheckBox();
    private final CheckBox showTest = new CheckBox();
    private PlaygroundSnapshot shown;
    private DataPoint chosen;
    private java.util.function.Consumer<DataPoint> onStepPoint = p -> { };
    private Selection hovered;
    private boolean dirty = true;
    private boolean updating;
    private long frameWindowStart;
    private int framesInWindow;
    private double framesPerSecond;

    public PlaygroundView(PlaygroundSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.graph = new NetworkGraphView(i18n, s -> { });
        build();
        session.snapshotProperty().addListener((o, a, b) -> dirty = true);
        session.playingProperty().addListener((o, a, b) -> updatePlay());
        session.noticeProperty().addListener((o, a, n) -> showNotice(n));
        i18n.localeProperty().addListener((o, a, b) -> dirty = true);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) {
                    dirty = false;
                    render();
                    countFrame(now);
                }
            }
        }.start();
    }

    public Region root() {
        return root;
    }

    public PlaygroundSession session() {
        return session;
    }

    // ---- building ------------------------------------------------------------------------

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    private Label title(String key) {
        return ViewParts.title(i18n, key);
    }

    private <T> void cellsFor(ComboBox<T> box, Function<T, String> text) {
        LocalizedCells.install(box, i18n, text);
    }

    private Button button(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        return ViewParts.button(i18n, id, icon, key, action);
    }

    /** A button with an icon and a tooltip only, for the crowded run bar. */
    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.setGraphic(new FontIcon(icon));
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(i18n.bind(key));
        b.setTooltip(tip);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private void build() {
        root.getStyleClass().add("playground");
        // ---- left: data, layers, training
        shape.setId("data-shape");
        shape.getItems().setAll(DataShape.values());
        cellsFor(shape, s -> i18n.get("data." + s.id()));
        shape.setOnAction(e -> {
            if (!updating && shape.getValue() != null) {
                DataShape d = shape.getValue();
                session.update(s -> s.withData(d, s.points(), s.noise(), s.trainFraction(), s.dataSeed()));
            }
        });
        noise.setId("noise");
        noise.setShowTickLabels(true);
        noise.setMajorTickUnit(25);
        noise.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                applyData();
            }
        });
        noise.setOnMouseReleased(e -> applyData());
        split.setId("train-split");
        split.setShowTickLabels(true);
        split.setMajorTickUnit(20);
        split.setOnMouseReleased(e -> applyData());
        split.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                applyData();
            }
        });
        Button regenerate = button("regenerate", Material2MZ.REFRESH, "pg.regenerate", session::regenerate);
        Button importCsv = button("import-csv", Material2AL.FILE_UPLOAD, "pg.import", this::importCsv);
        Button exportCsv = button("export-csv", Material2AL.GET_APP, "pg.export", this::exportCsv);
        pointClass.setId("point-class");
        cellsFor(pointClass, c -> i18n.get("pg.class", c));
        pointCount.setId("point-count");

        Button addLayer = button("add-layer", Material2AL.ADD, "pg.addLayer", () -> session.update(s -> {
            if (s.hidden().size() >= PlaygroundSpec.MAX_LAYERS) {
                return s;
            }
            List<PlaygroundSpec.Hidden> h = new ArrayList<>(s.hidden());
            Activation a = h.isEmpty() ? Activation.TANH : h.get(h.size() - 1).activation();
            h.add(new PlaygroundSpec.Hidden(4, a));
            return s.withHidden(h);
        }));
        Button removeLayer = button("remove-layer", Material2MZ.REMOVE, "pg.removeLayer", () -> session.update(s -> {
            if (s.hidden().isEmpty()) {
                return s;
            }
            return s.withHidden(s.hidden().subList(0, s.hidden().size() - 1));
        }));
        output.setId("output-kind");
        output.getItems().setAll(OutputKind.values());
        cellsFor(output, o -> i18n.get("output." + o.id()));
        output.setOnAction(e -> {
            OutputKind o = output.getValue();
            if (!updating && o != null) {
                session.update(s -> o.suits(s.task()) ? s.withOutput(o) : s);
            }
        });
        optimizer.setId("optimizer");
        optimizer.getItems().setAll("sgd", "momentum", "adam");
        cellsFor(optimizer, o -> i18n.get("optimizer." + o));
        optimizer.setOnAction(e -> {
            if (!updating && optimizer.getValue() != null) {
                String o = optimizer.getValue();
                session.update(s -> s.withOptimizer(optimizerOf(o, s.optimizer().learningRate())));
            }
        });
        learningRate.setId("pg-learning-rate");
        learningRate.setPrefColumnCount(6);
        learningRate.setOnAction(e -> applyTraining());
        batchSize.setId("batch-size");
        batchSize.setPrefColumnCount(5);
        batchSize.setOnAction(e -> applyTraining());
        regularization.setId("regularization");
        regularization.getItems().setAll(Regularization.Kind.values());
        cellsFor(regularization, k -> i18n.get("reg." + k.name().toLowerCase(Locale.ROOT)));
        regularization.setOnAction(e -> {
            if (!updating) {
                applyTraining();
            }
        });
        regularizationRate.setId("reg-rate");
        regularizationRate.setPrefColumnCount(6);
        regularizationRate.setOnAction(e -> applyTraining());
        init.setId("init");
        init.getItems().setAll(InitKind.values());
        cellsFor(init, k -> i18n.get("init." + k.id()));
        init.setOnAction(e -> {
            if (!updating) {
                applyTraining();
            }
        });
        seed.setId("seed");
        seed.setPrefColumnCount(6);
        seed.setOnAction(e -> applyTraining());
        inputError.setId("pg-input-error");
        inputError.getStyleClass().add("edit-error");
        inputError.setWrapText(true);

        GridPane training = new GridPane();
        training.setHgap(6);
        training.setVgap(4);
        training.addRow(0, label("pg.output"), output);
        training.addRow(1, label("pg.optimizer"), optimizer);
        training.addRow(2, label("control.learningRate"), learningRate);
        training.addRow(3, label("pg.batch"), batchSize);
        training.addRow(4, label("pg.regularization"), new HBox(4, regularization, regularizationRate));
        training.addRow(5, label("pg.init"), init);
        training.addRow(6, label("pg.seed"), seed);

        VBox left = new VBox(8, title("pg.data"), shape, label("pg.noise"), noise, label("pg.split"), split,
                new HBox(6, regenerate), new HBox(6, importCsv, exportCsv), new HBox(6, label("pg.addPoint"), pointClass),
                pointCount, title("pg.layers"), new HBox(6, addLayer, removeLayer), layerRows, title("pg.training"),
                training, inputError);
        left.setPadding(new Insets(8));
        left.setPrefWidth(300);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(320);

        // ---- centre: run controls, inputs and the graph
        play.setId("pg-play");
        // the first play of a lesson stops after its epochs (e.g. 50 for two circles); play again to go on
        play.setOnAction(e -> {
            PlaygroundSnapshot s = session.getSnapshot();
            if (!session.isPlaying() && s != null && s.epoch() < s.spec().epochs()) {
                session.playUntil(s.spec().epochs());
            } else {
                session.togglePlay();
            }
        });
        Button step = iconButton("pg-step", Material2MZ.SKIP_NEXT, "pg.step", session::stepEpoch);
        Button reset = iconButton("pg-reset", Material2MZ.REPLAY, "pg.reset", session::reset);
        restore.setId("pg-restore");
        restore.setGraphic(new FontIcon(Material2MZ.UNDO));
        restore.textProperty().bind(i18n.bind("pg.restore"));
        restore.setOnAction(e -> session.restoreLastGood());
        restore.setVisible(false);
        restore.setManaged(false);
        epochLabel.setId("epoch");
        epochLabel.getStyleClass().add("stage-label");
        lesson.setId("pg-lesson");
        lesson.getItems().setAll(org.backproplab.lesson.PlaygroundLessons.all().keySet());
        cellsFor(lesson, id -> i18n.get(Lesson.titleKey(id)));
        lesson.setPrefWidth(300);
        lesson.setVisibleRowCount(lesson.getItems().size());
        lesson.setOnAction(e -> {
            if (!updating && lesson.getValue() != null) {
                session.loadLesson(lesson.getValue());
            }
        });
        lessonText.setId("pg-lesson-text");
        lessonText.getStyleClass().add("lesson-text");
        lessonText.setWrapText(true);
        ComboBox<Locale> language = ViewParts.languageBox(i18n, "pg-language");
        language.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        play.setMinWidth(Region.USE_PREF_SIZE);
        restore.setMinWidth(Region.USE_PREF_SIZE);
        HBox runBar = new HBox(8, lesson, play, step, reset, restore, gap, language);
        runBar.setAlignment(Pos.CENTER_LEFT);
        featureColumn.setId("features");
        featureColumn.setAlignment(Pos.CENTER);
        graph.setIdPrefix("pg-");
        graph.setShowTargets(false);
        graph.setCompact(true);
        graph.setOnHover(s -> {
            hovered = s;
            dirty = true;
        });
        HBox.setHgrow(graph, Priority.ALWAYS);
        HBox network = new HBox(8, featureColumn, graph);
        VBox.setVgrow(network, Priority.ALWAYS);
        notice.setId("pg-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        VBox center = new VBox(8, runBar, epochLabel, lessonText, network, notice);
        center.setPadding(new Insets(8));

        // ---- right: output map and curves
        outputImage.setFitWidth(MAP_SIZE);
        outputImage.setFitHeight(MAP_SIZE);
        outputImage.setSmooth(true);
        StackPane map = new StackPane(outputImage, points);
        map.setId("output-map");
        map.setMaxSize(MAP_SIZE, MAP_SIZE);
        points.setOnMouseClicked(e -> {
            double x1 = -Heatmaps.RANGE + e.getX() / MAP_SIZE * 2 * Heatmaps.RANGE;
            double x2 = Heatmaps.RANGE - e.getY() / MAP_SIZE * 2 * Heatmaps.RANGE;
            if (e.getButton() == MouseButton.SECONDARY) {
                session.removePoint(x1, x2, 0.4);
            } else if (e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
                chosen = nearest(x1, x2);
                dirty = true;
            } else if (e.getButton() == MouseButton.PRIMARY && pointClass.getValue() != null) {
                session.addPoint(x1, x2, pointClass.getValue());
            }
        });
        mapTitle.setId("map-title");
        mapTitle.getStyleClass().add("section-title");
        Label legend = label("pg.legend");
        legend.setId("map-legend");
        legend.setWrapText(true);
        legend.setMaxWidth(MAP_SIZE);
        discretize.setId("discretize");
        discretize.textProperty().bind(i18n.bind("pg.discretize"));
        discretize.setOnAction(e -> dirty = true);
        showTest.setId("show-test");
        showTest.textProperty().bind(i18n.bind("pg.showTest"));
        showTest.setSelected(true);
        showTest.setOnAction(e -> dirty = true);
        trainLoss.setId("train-loss");
        testLoss.setId("test-loss");
        trainAccuracy.setId("train-accuracy");
        testAccuracy.setId("test-accuracy");
        GridPane metrics = new GridPane();
        metrics.setHgap(12);
        metrics.addRow(0, new Label(), label("pg.train"), label("pg.test"));
        metrics.addRow(1, label("pg.loss"), trainLoss, testLoss);
        metrics.addRow(2, label("pg.accuracy"), trainAccuracy, testAccuracy);
        lossCurve.setId("pg-loss-curve");
        lossCurve.setPrefSize(MAP_SIZE, 130);
        accuracyCurve.setId("pg-accuracy-curve");
        accuracyCurve.setPrefSize(MAP_SIZE, 130);
        accuracyCurve.setFixedMax(1);
        Button stepPoint = button("step-point", Material2MZ.SKIP_NEXT, "pg.stepPoint", () -> {
            if (chosen != null) {
                onStepPoint.accept(chosen);
            } else {
                notice.getStyleClass().remove("error");
                notice.setText(i18n.get("pg.choosePoint"));
            }
        });
        Label landscapeText = label("pg.landscapeText");
        landscapeText.setWrapText(true);
        landscapeText.setMaxWidth(MAP_SIZE);
        landscapeBox.getChildren().addAll(title("pg.landscape"), landscape, landscapeText);
        landscapeBox.setVisible(false);
        landscapeBox.setManaged(false);
        VBox right = new VBox(6, mapTitle, map, stepPoint, legend, new HBox(12, discretize, showTest), metrics, landscapeBox,
                label("pg.lossCurve"), lossCurve, label("pg.accuracyCurve"), accuracyCurve);
        right.setPadding(new Insets(8));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefWidth(MAP_SIZE + 40);

        root.setLeft(leftScroll);
        root.setCenter(center);
        root.setRight(rightScroll);
        updatePlay();
    }

    private static OptimizerSpec optimizerOf(String id, double lr) {
        return switch (id) {
            case "momentum" -> new OptimizerSpec.Momentum(lr, 0.9);
            case "adam" -> new OptimizerSpec.Adam(lr);
            default -> new OptimizerSpec.Sgd(lr);
        };
    }

    private void applyData() {
        if (updating) {
            return;
        }
        double n = Math.round(noise.getValue()) / 100.0;
        double t = Math.round(split.getValue()) / 100.0;
        session.update(s -> s.withData(s.shape(), s.points(), n, t, s.dataSeed()));
    }

    /** Reads the training fields; a bad one is refused with a message and nothing changes. */
    private void applyTraining() {
        NumberInput.Result lr = NumberInput.learningRate(learningRate.getText());
        if (!lr.ok()) {
            inputError.setText(i18n.get(lr.errorKey(), "1000"));
            return;
        }
        Integer batch = wholeNumber(batchSize.getText(), 0, 100_000);
        if (batch == null) {
            inputError.setText(i18n.get("pg.error.batch"));
            return;
        }
        NumberInput.Result rate = NumberInput.parameter(regularizationRate.getText());
        if (!rate.ok() || rate.value() < 0) {
            inputError.setText(i18n.get("pg.error.regRate"));
            return;
        }
        Long newSeed;
        try {
            newSeed = Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            inputError.setText(i18n.get("pg.error.seed"));
            return;
        }
        inputError.setText("");
        Regularization.Kind kind = regularization.getValue() == null ? Regularization.Kind.NONE : regularization.getValue();
        InitKind initKind = init.getValue() == null ? InitKind.AUTO : init.getValue();
        session.update(s -> s.withOptimizer(s.optimizer().withLearningRate(lr.value())).withBatchSize(batch)
                .withRegularization(new Regularization(kind, kind == Regularization.Kind.NONE ? 0 : rate.value()))
                .withInit(initKind, newSeed));
    }

    private static Integer wholeNumber(String text, int lo, int hi) {
        try {
            int v = Integer.parseInt(text.strip());
            return v >= lo && v <= hi ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void importCsv() {
        Optional<Path> file = dialogs.csvToOpen(root.getScene().getWindow());
        file.ifPresent(session::importCsv);
    }

    private void exportCsv() {
        Optional<Path> file = dialogs.csvToSave(root.getScene().getWindow());
        file.ifPresent(session::exportCsv);
    }

    private void updatePlay() {
        ViewParts.showPlaying(play, i18n, session.isPlaying());
    }

    private void showNotice(org.backproplab.session.Notice n) {
        ViewParts.showNotice(notice, i18n, n);
    }

    // ---- drawing ---------------------------------------------------------------------------

    /** Frames drawn per second over the last second, shown while training runs. */
    private void countFrame(long now) {
        if (frameWindowStart == 0) {
            frameWindowStart = now;
        }
        framesInWindow++;
        if (now - frameWindowStart >= 1_000_000_000L) {
            framesPerSecond = framesInWindow * 1e9 / (now - frameWindowStart);
            framesInWindow = 0;
            frameWindowStart = now;
            if (Boolean.getBoolean("backproplab.fps") && session.isPlaying()) {
                PlaygroundSnapshot s = session.getSnapshot();
                System.err.printf(Locale.ROOT, "fps %.1f epoch %d%n", framesPerSecond, s == null ? 0 : s.epoch());
            }
        }
    }

    private void render() {
        PlaygroundSnapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        boolean newSpec = shown == null || !shown.spec().equals(s.spec());
        shown = s;
        PlaygroundSpec spec = s.spec();
        if (newSpec) {
            updateControls(spec);
        }
        epochLabel.setText(i18n.get("pg.epoch", s.epoch(), s.iteration())
                + (session.isPlaying() && framesPerSecond > 0 ? i18n.get("pg.fps", Math.round(framesPerSecond)) : ""));
        updating = true;
        lesson.setValue(s.lessonId());
        updating = false;
        lessonText.setText(i18n.get(Lesson.textKey(s.lessonId())));
        trainLoss.setText(Format.shortNumber(s.trainLossNow()));
        testLoss.setText(Double.isNaN(s.testLossNow()) ? "\u2013" : Format.shortNumber(s.testLossNow()));
        trainAccuracy.setText(percent(s.trainAccuracyNow()));
        testAccuracy.setText(percent(s.testAccuracyNow()));
        pointCount.setText(i18n.get("pg.points", s.data().train().size(), s.data().test().size()));
        restore.setVisible(s.diverged());
        restore.setManaged(s.diverged());

        // the graph: the same view as the stepping window's, its neurons showing their maps
        List<Integer> sizes = new ArrayList<>();
        sizes.add(spec.features().size());
        List<String> activations = new ArrayList<>();
        for (PlaygroundSpec.Hidden h : spec.hidden()) {
            sizes.add(h.size());
            activations.add(h.activation().id());
        }
        sizes.add(spec.outputs());
        activations.add(spec.output().activation().id());
        ImmutableMatrix zeros = ImmutableMatrix.of(new double[1][spec.features().size()]);
        StepSnapshot graphView = new StepSnapshot(s.lessonId(), sizes, activations, s.epoch(), s.iteration(), List.of(),
                null, s.parameters(), zeros, ImmutableMatrix.of(new double[1][spec.outputs()]),
                spec.optimizer().learningRate(), spec.bias(), "", spec.output().loss().id(), java.util.Map.of(),
                org.backproplab.session.LossHistory.Curve.EMPTY, false, s.version());
        graph.setInputNames(spec.features().stream().map(Feature::label).toList());
        graph.render(graphView, null);
        boolean discrete = discretize.isSelected();
        Image[][] thumbs = new Image[s.maps().length][];
        for (int l = 0; l < s.maps().length; l++) {
            boolean softmaxLayer = l == s.maps().length - 1 && spec.output() == OutputKind.SOFTMAX_CE;
            thumbs[l] = new Image[s.maps()[l].length];
            for (int j = 0; j < s.maps()[l].length; j++) {
                float[] m = s.maps()[l][j];
                double[] r = softmaxLayer ? new double[] {0, 1} : HeatmapImages.range(activations.get(l), m);
                thumbs[l][j] = HeatmapImages.render(m, s.resolution(), r[0], r[1], false);
            }
        }
        graph.setThumbnails(thumbs);

        // the large map: the hovered neuron's, or the output's
        Image big;
        if (hovered != null && hovered.kind() == Selection.Kind.NEURON && hovered.layer() < s.maps().length
                && hovered.row() < s.maps()[hovered.layer()].length) {
            big = thumbs[hovered.layer()][hovered.row()];
            mapTitle.setText(i18n.get("pg.neuronMap", s.maps().length - 1 == hovered.layer() ? "o" + (hovered.row() + 1)
                    : "h" + (hovered.layer() + 1) + "_" + (hovered.row() + 1)));
        } else {
            big = outputMap(s, discrete);
            mapTitle.setText(i18n.get("pg.outputMap"));
        }
        outputImage.setImage(big);
        drawPoints(s);
        landscapeBox.setVisible(s.landscape() != null);
        landscapeBox.setManaged(s.landscape() != null);
        landscape.draw(s.landscape());
        lossCurve.setTexts(i18n.get("pg.epochAxis"), i18n.get("pg.hover"));
        lossCurve.setCurves(s.trainLoss(), s.testLoss());
        accuracyCurve.setTexts(i18n.get("pg.epochAxis"), i18n.get("pg.hover"));
        accuracyCurve.setCurves(s.trainAccuracy(), s.testAccuracy());
    }

    private Image outputMap(PlaygroundSnapshot s, boolean discrete) {
        PlaygroundSpec spec = s.spec();
        float[][] out = s.outputMaps();
        return switch (spec.output()) {
            case SOFTMAX_CE -> HeatmapImages.renderClasses(out, s.resolution(), discrete);
            case SIGMOID_BCE -> HeatmapImages.render(out[0], s.resolution(), 0, 1, discrete);
            case TANH_MSE -> HeatmapImages.render(out[0], s.resolution(), -1, 1, discrete);
            case LINEAR_MSE -> HeatmapImages.render(out[0], s.resolution(), -1, 1, discrete);
        };
    }

    private Object pointsDrawnFor;

    private void drawPoints(PlaygroundSnapshot s) {
        // the points change far less often than the frames: draw them again only when they do
        List<Object> key = java.util.Arrays.asList(s.data(), showTest.isSelected(), chosen);
        if (key.equals(pointsDrawnFor)) {
            return;
        }
        pointsDrawnFor = key;
        GraphicsContext g = points.getGraphicsContext2D();
        g.clearRect(0, 0, MAP_SIZE, MAP_SIZE);
        Task task = s.spec().task();
        drawPoints(g, s.data().train(), task, false);
        if (showTest.isSelected()) {
            drawPoints(g, s.data().test(), task, true);
        }
        if (chosen != null) {
            double x = (chosen.x1() + Heatmaps.RANGE) / (2 * Heatmaps.RANGE) * MAP_SIZE;
            double y = (Heatmaps.RANGE - chosen.x2()) / (2 * Heatmaps.RANGE) * MAP_SIZE;
            g.setStroke(Color.web("#bf8700"));
            g.setLineWidth(3);
            g.strokeOval(x - 8, y - 8, 16, 16);
        }
    }

    private static void drawPoints(GraphicsContext g, List<DataPoint> pts, Task task, boolean test) {
        for (DataPoint p : pts) {
            double x = (p.x1() + Heatmaps.RANGE) / (2 * Heatmaps.RANGE) * MAP_SIZE;
            double y = (Heatmaps.RANGE - p.x2()) / (2 * Heatmaps.RANGE) * MAP_SIZE;
            Color c = switch (task) {
                case MULTICLASS -> HeatmapImages.CLASSES[(int) p.label() % HeatmapImages.CLASSES.length];
                case BINARY -> p.label() > 0.5 ? HeatmapImages.HIGH : HeatmapImages.LOW;
                case REGRESSION -> HeatmapImages.color(p.label(), -1, 1, false);
            };
            g.setFill(c);
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            g.setStroke(test ? Color.BLACK : Color.WHITE);
            g.setLineWidth(test ? 1.5 : 1);
            g.strokeOval(x - 3.5, y - 3.5, 7, 7);
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    /** Puts the set-up into the controls without sending it back. */
    private void updateControls(PlaygroundSpec spec) {
        updating = true;
        try {
            shape.setValue(spec.custom() == null ? spec.shape() : null);
            noise.setValue(spec.noise() * 100);
            split.setValue(spec.trainFraction() * 100);
            List<Integer> classes = new ArrayList<>();
            int count = spec.task() == Task.REGRESSION ? 0 : Math.max(2, spec.classes());
            for (int c = 0; c < count; c++) {
                classes.add(c);
            }
            pointClass.getItems().setAll(classes);
            if (!classes.isEmpty() && (pointClass.getValue() == null || !classes.contains(pointClass.getValue()))) {
                pointClass.setValue(classes.get(classes.size() - 1));
            }
            output.setValue(spec.output());
            optimizer.setValue(spec.optimizer().getClass().getSimpleName().toLowerCase(Locale.ROOT));
            learningRate.setText(org.backproplab.lesson.Naming.number(spec.optimizer().learningRate()));
            batchSize.setText(String.valueOf(spec.batchSize()));
            regularization.setValue(spec.regularization().kind());
            regularizationRate.setText(org.backproplab.lesson.Naming.number(spec.regularization().rate()));
            init.setValue(spec.init());
            seed.setText(String.valueOf(spec.seed()));
            buildLayerRows(spec);
            buildFeatures(spec);
        } finally {
            updating = false;
        }
    }

    private void buildLayerRows(PlaygroundSpec spec) {
        if (layerRows.getChildren().size() == spec.hidden().size()) {
            // same layers: update the rows in place, so a control in use is not replaced under the mouse
            for (int l = 0; l < spec.hidden().size(); l++) {
                HBox row = (HBox) layerRows.getChildren().get(l);
                ((Label) row.getChildren().get(2)).setText(String.valueOf(spec.hidden().get(l).size()));
                @SuppressWarnings("unchecked")
                ComboBox<Activation> act = (ComboBox<Activation>) row.getChildren().get(4);
                act.setValue(spec.hidden().get(l).activation());
            }
            return;
        }
        layerRows.getChildren().clear();
        for (int l = 0; l < spec.hidden().size(); l++) {
            int index = l;
            PlaygroundSpec.Hidden h = spec.hidden().get(l);
            Button minus = new Button("\u2212");
            minus.setId("layer-" + l + "-minus");
            minus.setOnAction(e -> resize(index, -1));
            Button plus = new Button("+");
            plus.setId("layer-" + l + "-plus");
            plus.setOnAction(e -> resize(index, +1));
            Label size = new Label(String.valueOf(h.size()));
            size.setId("layer-" + l + "-size");
            size.setMinWidth(24);
            size.setAlignment(Pos.CENTER);
            ComboBox<Activation> act = new ComboBox<>();
            act.setId("layer-" + l + "-activation");
            act.getItems().setAll(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
                    Activation.LEAKY_RELU);
            cellsFor(act, Activation::id);
            act.setValue(h.activation());
            act.setOnAction(e -> {
                Activation a = act.getValue();
                if (!updating && a != null) {
                    session.update(s -> {
                        List<PlaygroundSpec.Hidden> hs = new ArrayList<>(s.hidden());
                        hs.set(index, new PlaygroundSpec.Hidden(hs.get(index).size(), a));
                        return s.withHidden(hs);
                    });
                }
            });
            Label name = new Label();
            name.textProperty().bind(i18n.bind("pg.layer", l + 1));
            name.setMinWidth(60);
            HBox row = new HBox(4, name, minus, size, plus, act);
            row.setAlignment(Pos.CENTER_LEFT);
            layerRows.getChildren().add(row);
        }
    }

    private void resize(int layer, int change) {
        session.update(s -> {
            List<PlaygroundSpec.Hidden> hs = new ArrayList<>(s.hidden());
            int size = Math.max(1, Math.min(PlaygroundSpec.MAX_NEURONS, hs.get(layer).size() + change));
            hs.set(layer, new PlaygroundSpec.Hidden(size, hs.get(layer).activation()));
            return s.withHidden(hs);
        });
    }

    private void buildFeatures(PlaygroundSpec spec) {
        EnumSet<Feature> on = EnumSet.noneOf(Feature.class);
        on.addAll(spec.features());
        if (!featureColumn.getChildren().isEmpty()) {
            for (Feature f : Feature.values()) {
                ((ToggleButton) featureColumn.getChildren().get(f.ordinal())).setSelected(on.contains(f));
            }
            return;
        }
        for (Feature f : Feature.values()) {
            ToggleButton t = new ToggleButton(f.label());
            t.setId("feature-" + f.id());
            t.setSelected(on.contains(f));
            t.setMinWidth(74);
            t.getStyleClass().add("feature-toggle");
            t.setOnAction(e -> {
                if (updating) {
                    return;
                }
                session.update(s -> {
                    List<Feature> next = new ArrayList<>();
                    for (Feature g : Feature.values()) {
                        boolean selected = g == f ? t.isSelected() : s.features().contains(g);
                        if (selected) {
                            next.add(g);
                        }
                    }
                    return next.isEmpty() ? s : s.withFeatures(next);
                });
            });
            featureColumn.getChildren().add(t);
        }
    }

    /** What to do when the learner asks to step through the chosen point (the window opens the stepping tab). */
    public void setOnStepPoint(java.util.function.Consumer<DataPoint> action) {
        this.onStepPoint = action;
    }

    /** The point chosen with Shift+click, or null. */
    public DataPoint chosenPoint() {
        return chosen;
    }

    private DataPoint nearest(double x1, double x2) {
        PlaygroundSnapshot s = session.getSnapshot();
        if (s == null) {
            return null;
        }
        DataPoint best = null;
        double bestD = Double.POSITIVE_INFINITY;
        List<DataPoint> all = new ArrayList<>(s.data().train());
        all.addAll(s.data().test());
        for (DataPoint p : all) {
            double d = (p.x1() - x1) * (p.x1() - x1) + (p.x2() - x2) * (p.x2() - x2);
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }
}
