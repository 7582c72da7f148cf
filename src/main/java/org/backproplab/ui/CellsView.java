package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.session.DigitsCells;
import org.backproplab.session.DigitsCellsSnapshot;
import org.backproplab.session.Notice;
import org.backproplab.session.Phrase;

/**
 * "Numbers inside": the controls of {@link DigitsCells} (layer, map, input channel), the layer's
 * input and output map (click a cell; the arrow keys move it), the window and the kernel as grids
 * of numbers (click a weight or the bias) and the sums written out. Built once; a snapshot is drawn
 * into it.
 */
final class CellsView {
    /** Grid cells made once: the largest kernel of any preset is 5 x 5. */
    private static final int MAX_SIDE = 5;
    private static final double PICTURE = 224;

    private final DigitsCells cells;
    private final I18n i18n;
    private final ComboBox<Integer> layer = new ComboBox<>();
    private final ComboBox<Integer> map = new ComboBox<>();
    private final ComboBox<Integer> channel = new ComboBox<>();
    private final Label digit = new Label();
    private final Label error = new Label();
    private final Label inputTitle = new Label();
    private final Label outputTitle = new Label();
    private final ImageView input = DigitsImages.view("cells-input", PICTURE, false);
    private final ImageView output = DigitsImages.view("cells-output", PICTURE, false);
    private final StackPane outputBox = new StackPane(output);
    private final GridPane window = new GridPane();
    private final GridPane kernel = new GridPane();
    private final List<Label> windowCells = new ArrayList<>();
    private final List<Button> kernelCells = new ArrayList<>();
    private final Label kernelTitle = new Label();
    private final Button bias = new Button();
    private final Label winnerNote = new Label();
    private final Label inspectorTitle = new Label();
    private final VBox lines = new VBox(2);
    private final Label numeric = new Label();
    private final VBox kernelBox;
    private final FlowPane pictures;
    private final ScrollPane root;
    private DigitsCellsSnapshot shown;
    /** While a snapshot is drawn, the choosers' changes are the snapshot's, not a person's. */
    private boolean rendering;

    CellsView(DigitsCells cells, I18n i18n, ExportDialogs dialogs, Consumer<Notice> say) {
        this.cells = cells;
        this.i18n = i18n;
        layer.setId("cells-layer");
        layer.setOnAction(e -> {
            if (!rendering && layer.getValue() != null && shown != null && layer.getValue() != shown.layer()) {
                cells.chooseLayer(layer.getValue());
            }
        });
        map.setId("cells-map");
        map.setOnAction(e -> {
            if (!rendering && map.getValue() != null && shown != null && map.getValue() != shown.map()) {
                cells.chooseMap(map.getValue());
            }
        });
        LocalizedCells.install(map, i18n, m -> String.valueOf(m));
        channel.setId("cells-channel");
        channel.setOnAction(e -> {
            if (!rendering && channel.getValue() != null && shown != null && channel.getValue() != shown.channel()) {
                cells.chooseChannel(channel.getValue());
            }
        });
        LocalizedCells.install(channel, i18n, c -> String.valueOf(c));
        layer.setPrefWidth(420);
        FlowPane choices = new FlowPane(14, 6, ViewParts.pair(i18n, "cells.layer", layer),
                ViewParts.pair(i18n, "cells.map", map), ViewParts.pair(i18n, "cells.channel", channel));
        Label about = new Label();
        about.textProperty().bind(i18n.bind("cells.about"));
        about.setWrapText(true);
        ViewParts.wrapped(digit).setId("cells-digit"); // "... backward (no update)." was cut at 1280 x 800
        error.setId("cells-error");
        error.getStyleClass().add("error");
        cells.inputErrorProperty().addListener((o, a, n) -> showError(n));

        input.setCursor(Cursor.HAND);
        input.setOnMouseClicked(e -> {
            if (shown != null) {
                cells.selectInputCell(cellAt(e.getY(), shown.inHeight()), cellAt(e.getX(), shown.inWidth()));
            }
        });
        outputBox.setId("cells-output-box");
        outputBox.setFocusTraversable(true);
        LessonKeys.ownArrows(outputBox); // not the digits tab's previous and next digit
        outputBox.setCursor(Cursor.HAND);
        outputBox.setOnMouseClicked(e -> {
            outputBox.requestFocus(); // then the arrow keys move the cell
            if (shown != null) {
                cells.selectCell(cellAt(e.getY() - output.getBoundsInParent().getMinY(), shown.outHeight()),
                        cellAt(e.getX() - output.getBoundsInParent().getMinX(), shown.outWidth()));
            }
        });
        outputBox.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case UP -> cells.moveCell(-1, 0);
                case DOWN -> cells.moveCell(1, 0);
                case LEFT -> cells.moveCell(0, -1);
                case RIGHT -> cells.moveCell(0, 1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        inputTitle.setId("cells-input-title");
        outputTitle.setId("cells-output-title");
        window.setId("cells-window");
        kernel.setId("cells-kernel");
        for (int i = 0; i < MAX_SIDE * MAX_SIDE; i++) {
            int r = i / MAX_SIDE;
            int c = i % MAX_SIDE;
            Label w = new Label();
            w.getStyleClass().add("cells-number");
            windowCells.add(w);
            window.add(w, c, r);
            Button k = new Button();
            k.setId("cells-weight-" + r + "-" + c);
            k.getStyleClass().add("cells-number");
            k.setOnAction(e -> cells.selectWeight(r, c));
            kernelCells.add(k);
            kernel.add(k, c, r);
        }
        window.setHgap(2);
        window.setVgap(2);
        kernel.setHgap(2);
        kernel.setVgap(2);
        bias.setId("cells-bias");
        bias.setOnAction(e -> cells.selectBias());
        winnerNote.textProperty().bind(i18n.bind("cells.poolWinner"));
        kernelBox = new VBox(4, kernelTitle, kernel, bias);
        inspectorTitle.setId("cells-inspector-title");
        inspectorTitle.getStyleClass().add("section-title");
        lines.setId("cells-lines");
        lines.getStyleClass().add("chain-rule");
        numeric.setId("cells-numeric");
        numeric.setWrapText(true);
        pictures = new FlowPane(18, 12, new VBox(4, inputTitle, input), new VBox(4, outputTitle, outputBox),
                new VBox(4, ViewParts.title(i18n, "cells.window"), window, winnerNote), kernelBox);
        for (javafx.scene.Node n : List.of(input, output)) {
            PngMenu.install(n, i18n, dialogs, say);
        }
        VBox box = new VBox(8, about, choices, digit, error, pictures, inspectorTitle, lines, numeric);
        box.setPadding(new Insets(8));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        i18n.localeProperty().addListener((o, a, b) -> {
            showTexts();
            showError(cells.inputErrorProperty().get());
        });
        ViewParts.eachFrame(root, () -> cells.snapshotProperty().get() != shown, this::render);
    }

    Region root() {
        return root;
    }

    /** The cell under a click at {@code at} pixels along a picture of {@code cells} cells. */
    private static int cellAt(double at, int cells) {
        return (int) Math.floor(at / PICTURE * cells);
    }

    private void showError(Notice n) {
        error.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private String text(Phrase p) {
        return p == null ? "" : p.format(i18n::get);
    }

    private void render() {
        DigitsCellsSnapshot s = cells.snapshotProperty().get();
        shown = s;
        if (s == null) {
            return;
        }
        rendering = true;
        try {
            renderChoices(s);
        } finally {
            rendering = false;
        }
        pictures.setVisible(!s.empty());
        DigitsImages.show(input, s.input());
        DigitsImages.show(output, s.output());
        for (int i = 0; i < MAX_SIDE * MAX_SIDE; i++) {
            int r = i / MAX_SIDE;
            int c = i % MAX_SIDE;
            boolean in = r < s.size() && c < s.size();
            int k = r * s.size() + c;
            Label w = windowCells.get(i);
            w.setVisible(in);
            w.setManaged(in);
            if (in) {
                w.setText(s.window().get(k));
                w.setStyle(background(s.windowArgb().get(k), k == s.winner()));
            }
            Button b = kernelCells.get(i);
            boolean weight = in && s.conv();
            b.setVisible(weight);
            b.setManaged(weight);
            if (weight) {
                b.setText(s.weights().get(k));
                b.setStyle(background(s.weightArgb().get(k), k == s.chosen()));
            }
        }
        kernelBox.setVisible(s.conv());
        kernelBox.setManaged(s.conv());
        winnerNote.setVisible(s.winner() >= 0);
        bias.setStyle(s.chosen() == -2 ? "-fx-border-color: #00a040; -fx-border-width: 2;" : "");
        showTexts();
    }

    private void renderChoices(DigitsCellsSnapshot s) {
        List<Integer> layers = ViewParts.indices(s.layers().size());
        if (!layer.getItems().equals(layers) || !s.layers().equals(layer.getUserData())) {
            layer.getItems().setAll(layers);
            layer.setUserData(s.layers());
            LocalizedCells.install(layer, i18n, i -> i < s.layers().size() ? text(s.layers().get(i)) : "");
        }
        layer.setValue(s.empty() ? null : s.layer());
        setItems(map, s.maps(), s.map());
        setItems(channel, s.channels(), s.channel());
        channel.setDisable(!s.conv());
    }

    private static void setItems(ComboBox<Integer> box, int count, int value) {
        List<Integer> items = ViewParts.indices(count);
        if (!box.getItems().equals(items)) {
            box.getItems().setAll(items);
        }
        box.setValue(count == 0 ? null : value);
    }

    /** A number's colour behind it, framed in green when it is the one chosen or the pooling winner. */
    private static String background(int argb, boolean framed) {
        String colour = String.format("#%06x", argb & 0xFFFFFF);
        return "-fx-background-color: " + colour + "; -fx-text-fill: #111;"
                + (framed ? " -fx-border-color: #00a040; -fx-border-width: 2;" : "");
    }

    private void showTexts() {
        DigitsCellsSnapshot s = shown;
        if (s == null) {
            return;
        }
        digit.setText(text(s.digit()));
        inputTitle.setText(s.empty() ? "" : i18n.get("cells.inputTitle", s.channel()));
        outputTitle.setText(s.empty() ? "" : i18n.get("cells.outputTitle", s.map(), s.y(), s.x()));
        kernelTitle.setText(s.conv() ? i18n.get("cells.kernel", s.map(), s.channel()) : "");
        bias.setText(s.conv() ? i18n.get("cells.bias", s.map(), s.bias()) : "");
        lines.getChildren().clear();
        numeric.setText("");
        if (s.inspector() == null) {
            inspectorTitle.setText("");
            return;
        }
        inspectorTitle.setText(text(s.inspector().title()));
        numeric.setText(text(s.inspector().numeric()));
        for (Phrase line : s.inspector().lines()) {
            Label label = new Label(text(line));
            label.setWrapText(true);
            label.getStyleClass().add("chain-line");
            lines.getChildren().add(label);
        }
    }
}
