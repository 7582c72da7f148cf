package org.backproplab.ui;

import static org.backproplab.ui.PlaygroundBindings.combo;
import static org.backproplab.ui.PlaygroundBindings.field;
import static org.backproplab.ui.PlaygroundBindings.follow;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundChoices.LayerRow;
import org.backproplab.session.PlaygroundPoints;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSetup;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The playground's left column: the data (shape, noise, split, points), the hidden layers and
 * the training settings. Every control shows a property of {@link PlaygroundSetup} and calls one
 * command; a refused value is explained in the label under them ({@code pg-input-error}).
 */
final class PlaygroundControls {
    private final PlaygroundSession session;
    private final PlaygroundSetup setup;
    private final I18n i18n;
    private final ExportDialogs dialogs;
    private final ScrollPane root;
    private final ComboBox<Integer> pointClass = new ComboBox<>();
    private final Label pointCount = new Label();
    private final VBox layerRows = new VBox(4);

    PlaygroundControls(PlaygroundSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.setup = session.setup();
        this.i18n = i18n;
        this.dialogs = dialogs;
        VBox left = new VBox(8);
        left.getChildren().addAll(data());
        left.getChildren().addAll(layers());
        left.getChildren().addAll(ViewParts.title(i18n, "pg.training"), training(), inputError());
        left.setPadding(new Insets(8));
        left.setPrefWidth(300);
        root = new ScrollPane(left);
        root.setId("pg-controls");
        root.setFitToWidth(true);
        root.setPrefWidth(320);
    }

    Region root() {
        return root;
    }

    /** The point count label, for the snapshot's numbers. */
    void showPointCount(int train, int test) {
        pointCount.setText(i18n.get("pg.points", train, test));
    }

    /** The class a click on the map adds, or null (regression data). */
    Integer pointClass() {
        return pointClass.getValue();
    }

    /** A setting's name, on two lines where the column is narrow ("Batch size (0 = all)"). */
    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return ViewParts.wrapped(l);
    }

    private ComboBox<String> picker(String id, String keyPrefix, List<String> items) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        LocalizedCells.install(box, i18n, v -> i18n.get(keyPrefix + v));
        return box;
    }

    private List<javafx.scene.Node> data() {
        ComboBox<String> shape = picker("data-shape", "data.", PlaygroundChoices.shapes());
        combo(shape, setup.shapeProperty(), session::setShape);
        Slider noise = slider("noise", 0, 50, 25, v -> session.setNoise(v / 100));
        follow(setup.noiseProperty(), v -> noise.setValue(v.doubleValue() * 100));
        Slider split = slider("train-split", 10, 90, 20, v -> session.setTrainSplit(v / 100));
        follow(setup.trainSplitProperty(), v -> split.setValue(v.doubleValue() * 100));
        Button regenerate = ViewParts.button(i18n, "regenerate", Material2MZ.REFRESH, "pg.regenerate", session::regenerate);
        Button importCsv = ViewParts.button(i18n, "import-csv", Material2AL.FILE_UPLOAD, "pg.import", this::importCsv);
        session.points().pendingImportProperty().addListener((o, a, p) -> {
            if (p != null) {
                askBeforeImport(p);
            }
        });
        Button exportCsv = ViewParts.button(i18n, "export-csv", Material2AL.GET_APP, "pg.export", this::exportCsv);
        pointClass.setId("point-class");
        LocalizedCells.install(pointClass, i18n, c -> i18n.get("pg.class", c));
        // new classes: a click adds the one chosen before if it is still a class, else the last one
        follow(setup.pointClassesProperty(), classes -> {
            Integer before = pointClass.getValue();
            pointClass.getItems().setAll(classes);
            pointClass.setValue(classes.isEmpty() ? null
                    : before != null && classes.contains(before) ? before : classes.get(classes.size() - 1));
        });
        // regression data has no class to add: a click adds nothing, so the choice is not offered
        FlowPane addRow = new FlowPane(6, 4, label("pg.addPoint"), pointClass);
        addRow.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(pointClass.getItems()));
        addRow.managedProperty().bind(addRow.visibleProperty());
        pointCount.setId("point-count");
        ViewParts.wrapped(pointCount);
        return List.of(ViewParts.title(i18n, "pg.data"), shape, label("pg.noise"), noise, label("pg.split"), split,
                new HBox(6, regenerate), new FlowPane(6, 4, importCsv, exportCsv), addRow,
                pointCount);
    }

    /** A slider that sends its value when the user lets go of it (not while it is dragged). */
    private static Slider slider(String id, double min, double max, double tick,
            java.util.function.DoubleConsumer command) {
        Slider s = new Slider(min, max, min);
        s.setId(id);
        s.setShowTickLabels(true);
        s.setMajorTickUnit(tick);
        Runnable send = () -> command.accept(Math.round(s.getValue()));
        s.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                send.run();
            }
        });
        s.setOnMouseReleased(e -> send.run());
        return s;
    }

    private List<javafx.scene.Node> layers() {
        Button add = ViewParts.button(i18n, "add-layer", Material2AL.ADD, "pg.addLayer", session::addLayer);
        Button remove = ViewParts.button(i18n, "remove-layer", Material2MZ.REMOVE, "pg.removeLayer", session::removeLayer);
        follow(setup.layersProperty(), this::showLayers);
        return List.of(ViewParts.title(i18n, "pg.layers"), new HBox(6, add, remove), layerRows);
    }

    private void showLayers(List<LayerRow> rows) {
        if (layerRows.getChildren().size() == rows.size()) {
            // same layers: update the rows in place, so a control in use is not replaced under the mouse
            for (int l = 0; l < rows.size(); l++) {
                HBox row = (HBox) layerRows.getChildren().get(l);
                ((Label) row.getChildren().get(2)).setText(String.valueOf(rows.get(l).size()));
                @SuppressWarnings("unchecked")
                ComboBox<String> act = (ComboBox<String>) row.getChildren().get(4);
                act.setValue(rows.get(l).activation());
            }
            return;
        }
        layerRows.getChildren().clear();
        for (int l = 0; l < rows.size(); l++) {
            int index = l;
            Button minus = new Button("\u2212");
            minus.setId("layer-" + l + "-minus");
            minus.setOnAction(e -> session.resizeLayer(index, -1));
            Button plus = new Button("+");
            plus.setId("layer-" + l + "-plus");
            plus.setOnAction(e -> session.resizeLayer(index, +1));
            Label size = new Label(String.valueOf(rows.get(l).size()));
            size.setId("layer-" + l + "-size");
            size.setMinWidth(24);
            size.setAlignment(Pos.CENTER);
            ComboBox<String> act = new ComboBox<>();
            act.setId("layer-" + l + "-activation");
            act.getItems().setAll(PlaygroundChoices.activations());
            LocalizedCells.install(act, i18n, a -> a);
            act.setValue(rows.get(l).activation());
            act.setOnAction(e -> {
                String a = act.getValue();
                List<LayerRow> now = setup.layersProperty().get();
                if (a != null && index < now.size() && !a.equals(now.get(index).activation())) {
                    session.setActivation(index, a);
                }
            });
            Label name = new Label();
            name.textProperty().bind(i18n.bind("pg.layer", l + 1));
            name.setMinWidth(Region.USE_PREF_SIZE); // "Layer 1" whole; the activation's box gives way
            act.setMinWidth(60);
            HBox row = new HBox(4, name, minus, size, plus, act);
            row.setAlignment(Pos.CENTER_LEFT);
            layerRows.getChildren().add(row);
        }
    }

    private GridPane training() {
        ComboBox<String> output = picker("output-kind", "output.", PlaygroundChoices.outputs());
        combo(output, setup.outputProperty(), session::setOutput);
        ComboBox<String> optimizer = picker("optimizer", "optimizer.", PlaygroundChoices.optimizers());
        combo(optimizer, setup.optimizerProperty(), session::setOptimizer);
        TextField learningRate = textField("pg-learning-rate", 6);
        field(learningRate, setup.learningRateTextProperty(), session::setLearningRate, setup.inputErrorProperty());
        TextField batchSize = textField("batch-size", 5);
        field(batchSize, setup.batchTextProperty(), session::setBatchSize, setup.inputErrorProperty());
        ComboBox<String> regularization = picker("regularization", "reg.", PlaygroundChoices.regularizations());
        combo(regularization, setup.regularizationProperty(), session::setRegularization);
        TextField regularizationRate = textField("reg-rate", 6);
        field(regularizationRate, setup.regularizationRateTextProperty(), session::setRegularizationRate, setup.inputErrorProperty());
        ComboBox<String> init = picker("init", "init.", PlaygroundChoices.inits());
        combo(init, setup.initProperty(), session::setInit);
        TextField seed = textField("seed", 6);
        field(seed, setup.seedTextProperty(), session::setSeed, setup.inputErrorProperty());
        // TensorFlow Playground's loss and initialiser have long names: those two choices get a
        // line of their own, the whole column wide, under their label
        output.setMaxWidth(Double.MAX_VALUE);
        init.setMaxWidth(Double.MAX_VALUE);
        regularization.setMinWidth(Region.USE_PREF_SIZE);
        GridPane training = new GridPane();
        training.setHgap(6);
        training.setVgap(4);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // the names whole, at the text's size (presentation mode too)
        training.getColumnConstraints().add(names);
        training.add(label("pg.output"), 0, 0, 2, 1);
        training.add(output, 0, 1, 2, 1);
        training.addRow(2, label("pg.optimizer"), optimizer);
        training.addRow(3, label("control.learningRate"), learningRate);
        training.addRow(4, label("pg.batch"), batchSize);
        training.addRow(5, label("pg.regularization"), new HBox(4, regularization, regularizationRate));
        training.add(label("pg.init"), 0, 6, 2, 1);
        training.add(init, 0, 7, 2, 1);
        training.addRow(8, label("pg.seed"), seed);
        return training;
    }

    private static TextField textField(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private Label inputError() {
        Label error = new Label();
        error.setId("pg-input-error");
        error.getStyleClass().add("edit-error");
        error.setWrapText(true);
        PlaygroundBindings.notice(error, i18n, setup.inputErrorProperty());
        // the message is seen where it is, below the controls: scrolled to when it comes
        setup.inputErrorProperty().addListener((o, was, is) -> {
            if (is != null) {
                javafx.application.Platform.runLater(() -> {
                    root.layout();
                    PlaygroundBindings.reveal(root, error);
                });
            }
        });
        return error;
    }

    private void importCsv() {
        Optional<Path> file = dialogs.csvToOpen(root.getScene().getWindow());
        file.ifPresent(session.points()::importCsv);
    }

    /** A read file is used only after the user has seen what it holds and said yes. */
    private void askBeforeImport(PlaygroundPoints.PendingImport p) {
        String text = p.regression() ? i18n.get("pg.importConfirm.target", p.points())
                : i18n.get("pg.importConfirm.classes", p.points(), p.classes(), p.classes() - 1);
        if (dialogs.confirmImport(root.getScene().getWindow(), i18n.get("pg.importConfirm.header", p.file()), text)) {
            session.points().confirmImport();
        } else {
            session.points().cancelImport();
        }
    }

    private void exportCsv() {
        Optional<Path> file = dialogs.csvToSave(root.getScene().getWindow());
        file.ifPresent(session.points()::exportCsv);
    }
}
