package org.backproplab.ui;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backproplab.data.Idx;
import org.backproplab.lesson.Digits;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.session.DigitsSession;
import org.backproplab.session.DigitsSnapshot;
import org.backproplab.session.Notice;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A CNN on handwritten digits: the model summary, training with progress, the first layer's
 * filters, the feature maps of a chosen digit at every layer, class probabilities, saliency and
 * occlusion maps, a confusion matrix, a gallery of misclassified digits, and a canvas to draw a
 * digit on.
 */
public final class DigitsView {
    private static final int DRAW = 224;
    private static final int DRAW_CELLS = 28;

    private final DigitsSession session;
    private final I18n i18n;
    private final ExportDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> preset = new ComboBox<>();
    private final Button play = new Button();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressLabel = new Label();
    private final TableView<Digits.SummaryRow> summary = new TableView<>();
    private final Label totalParameters = new Label();
    private final LossCurveView lossCurve = new LossCurveView();
    private final LossCurveView accuracyCurve = new LossCurveView();
    private final FlowPane filters = new FlowPane(4, 4);
    private final VBox featureMaps = new VBox(6);
    private final VBox probabilities = new VBox(2);
    private final Label prediction = new Label();
    private final ImageView digit = new ImageView();
    private final ImageView saliency = new ImageView();
    private final ImageView occlusion = new ImageView();
    private final GridPane confusion = new GridPane();
    private final FlowPane gallery = new FlowPane(4, 4);
    private final Canvas canvas = new Canvas(DRAW, DRAW);
    private final double[] ink = new double[DRAW_CELLS * DRAW_CELLS];
    private final Label notice = new Label();
    private boolean dirty = true;
    private boolean updating;
    private long shownVersion = -1;
    private long lastSent;

    public DigitsView(DigitsSession session, I18n i18n, ExportDialogs dialogs) {
        this.session = session;
        this.i18n = i18n;
        this.dialogs = dialogs;
        build();
        session.snapshotProperty().addListener((o, a, b) -> dirty = true);
        session.playingProperty().addListener((o, a, b) -> updatePlay());
        session.noticeProperty().addListener((o, a, n) -> showNotice(n));
        i18n.localeProperty().addListener((o, a, b) -> {
            // everything is drawn again, the texts kept from an earlier snapshot included
            shownVersion = -1;
            dirty = true;
        });
        ViewParts.eachFrame(() -> {
            boolean was = dirty;
            dirty = false;
            return was;
        }, this::render);
    }

    public Region root() {
        return root;
    }

    public DigitsSession session() {
        return session;
    }

    private Label title(String key) {
        return ViewParts.title(i18n, key);
    }

    private Button button(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        return ViewParts.button(i18n, id, icon, key, action);
    }

    private void build() {
        preset.setId("digits-preset");
        preset.getItems().setAll(MnistLessons.ids());
        LocalizedCells.install(preset, i18n, id -> i18n.get("digits." + id));
        preset.setOnAction(e -> {
            if (!updating && preset.getValue() != null) {
                session.loadPreset(preset.getValue());
            }
        });
        play.setId("digits-play");
        play.setOnAction(e -> session.togglePlay());
        play.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("digits-progress");
        progress.setPrefWidth(220);
        progressLabel.setId("digits-progress-label");
        Button save = button("digits-save", Material2MZ.SAVE, "digits.save", () ->
                dialogs.modelToSave(root.getScene().getWindow()).ifPresent(session::saveModel));
        Button load = button("digits-load", Material2AL.FOLDER_OPEN, "digits.load", () ->
                dialogs.modelToOpen(root.getScene().getWindow()).ifPresent(session::loadModel));
        HBox bar = new HBox(8, preset, play, progress, progressLabel, save, load);
        bar.setAlignment(Pos.CENTER_LEFT);
        notice.setId("digits-notice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        VBox top = new VBox(6, bar, notice);
        top.setPadding(new Insets(8));

        summary.setId("model-summary");
        summary.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        summary.getColumns().add(column("digits.layer", Digits.SummaryRow::layer));
        summary.getColumns().add(column("digits.shape", Digits.SummaryRow::shape));
        summary.getColumns().add(column("digits.params", r -> String.format(Locale.ROOT, "%,d", r.parameters())));
        summary.setPrefHeight(230);
        totalParameters.setId("total-parameters");
        lossCurve.setId("digits-loss-curve");
        lossCurve.setPrefSize(330, 130);
        accuracyCurve.setId("digits-accuracy-curve");
        accuracyCurve.setPrefSize(330, 130);
        accuracyCurve.setFixedMax(1);
        VBox left = new VBox(6, title("digits.summary"), summary, totalParameters, title("digits.batchLoss"), lossCurve,
                title("digits.testAccuracy"), accuracyCurve);
        left.setPadding(new Insets(8));
        left.setPrefWidth(350);

        filters.setId("filters");
        featureMaps.setId("feature-maps");
        probabilities.setId("probabilities");
        prediction.setId("prediction");
        prediction.getStyleClass().add("stage-label");
        VBox center = new VBox(8, title("digits.filters"), filters, title("digits.featureMaps"), featureMaps);
        center.setPadding(new Insets(8));
        ScrollPane centerScroll = new ScrollPane(center);
        centerScroll.setFitToWidth(true);

        digit.setId("digit-image");
        digit.setFitWidth(112);
        digit.setFitHeight(112);
        digit.setSmooth(false);
        Button prev = button("digit-prev", Material2AL.ARROW_BACK, "digits.prev", () -> session.select(current() - 1));
        Button next = button("digit-next", Material2AL.ARROW_FORWARD, "digits.next", () -> session.select(current() + 1));
        saliency.setId("saliency");
        saliency.setFitWidth(112);
        saliency.setFitHeight(112);
        occlusion.setId("occlusion");
        occlusion.setFitWidth(112);
        occlusion.setFitHeight(112);
        occlusion.setSmooth(false);
        canvas.setId("draw-canvas");
        canvas.setOnMousePressed(e -> paint(e.getX(), e.getY()));
        canvas.setOnMouseDragged(e -> {
            paint(e.getX(), e.getY());
            // the prediction and feature maps follow the pen, at most every 60 ms
            long now = System.nanoTime();
            if (now - lastSent > 60_000_000L) {
                lastSent = now;
                session.draw(ink, DRAW_CELLS);
            }
        });
        canvas.setOnMouseReleased(e -> session.draw(ink, DRAW_CELLS));
        Button clear = button("draw-clear", Material2MZ.REPLAY, "digits.clear", () -> {
            java.util.Arrays.fill(ink, 0);
            drawCanvas();
            session.select(current());
        });
        drawCanvas();
        confusion.setId("confusion");
        confusion.setHgap(1);
        confusion.setVgap(1);
        gallery.setId("misclassified");
        // the gallery sits under the digit it fills when clicked
        VBox right = new VBox(6, title("digits.digit"), new HBox(8, digit, new VBox(4, prev, next), probabilities),
                prediction, title("digits.misclassified"), gallery,
                new HBox(8, new VBox(2, title("digits.saliency"), saliency), new VBox(2, title("digits.occlusion"), occlusion)),
                title("digits.draw"), canvas, clear, title("digits.confusion"), confusion);
        right.setPadding(new Insets(8));
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setPrefWidth(460);

        root.setTop(top);
        root.setLeft(left);
        root.setCenter(centerScroll);
        root.setRight(rightScroll);
        updatePlay();
    }

    private TableColumn<Digits.SummaryRow, String> column(String key,
            java.util.function.Function<Digits.SummaryRow, String> f) {
        TableColumn<Digits.SummaryRow, String> c = new TableColumn<>();
        c.textProperty().bind(i18n.bind(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private int current() {
        DigitsSnapshot s = session.getSnapshot();
        return s == null ? 0 : s.selected();
    }

    /** A thick round brush on a 28 x 28 grid, as a finger or mouse stroke on paper. */
    private void paint(double x, double y) {
        double cell = (double) DRAW / DRAW_CELLS;
        double cx = x / cell;
        double cy = y / cell;
        for (int gy = 0; gy < DRAW_CELLS; gy++) {
            for (int gx = 0; gx < DRAW_CELLS; gx++) {
                double d = Math.hypot(gx + 0.5 - cx, gy + 0.5 - cy);
                double v = Math.max(0, Math.min(1, 1.6 - d));
                ink[gy * DRAW_CELLS + gx] = Math.max(ink[gy * DRAW_CELLS + gx], v);
            }
        }
        drawCanvas();
    }

    private void drawCanvas() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cell = (double) DRAW / DRAW_CELLS;
        for (int y = 0; y < DRAW_CELLS; y++) {
            for (int x = 0; x < DRAW_CELLS; x++) {
                g.setFill(Color.gray(1 - ink[y * DRAW_CELLS + x]));
                g.fillRect(x * cell, y * cell, cell + 0.5, cell + 0.5);
            }
        }
        g.setStroke(Color.gray(0.6));
        g.strokeRect(0.5, 0.5, DRAW - 1, DRAW - 1);
    }

    private void updatePlay() {
        ViewParts.showPlaying(play, i18n, session.isPlaying());
    }

    private void showNotice(org.backproplab.session.Notice n) {
        ViewParts.showNotice(notice, i18n, n);
    }

    // ---- images -----------------------------------------------------------------------------

    /** Grey pixels: 0 white, 1 black (ink), as digits are drawn; values scaled from [lo, hi]. */
    static WritableImage grey(double[] values, int w, int h, double lo, double hi) {
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            double t = hi == lo ? 0 : (values[i] - lo) / (hi - lo);
            int v = 255 - (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
            px[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return img;
    }

    private static double[] range(double[] v, int from, int to) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        return new double[] {lo, hi};
    }

    private static ImageView view(Image img, double size, String id) {
        ImageView v = new ImageView(img);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setSmooth(false);
        if (id != null) {
            v.setId(id);
        }
        return v;
    }

    // ---- drawing a snapshot -----------------------------------------------------------------

    private void render() {
        DigitsSnapshot s = session.getSnapshot();
        if (s == null) {
            return;
        }
        updating = true;
        preset.setValue(s.presetId());
        updating = false;
        double done = s.batchesPerEpoch() == 0 ? 0 : (double) s.batch() / s.batchesPerEpoch();
        progress.setProgress(done);
        progressLabel.setText(i18n.get("digits.progress", s.epoch() + 1, s.batch(), s.batchesPerEpoch(),
                Double.isNaN(s.secondsLeft()) ? "\u2013" : String.valueOf(Math.round(s.secondsLeft()))));
        lossCurve.setTexts(i18n.get("digits.batchAxis"), i18n.get("curve.hover"));
        lossCurve.setCurve(s.batchLoss());
        accuracyCurve.setTexts(i18n.get("pg.epochAxis"), i18n.get("pg.hover"));
        accuracyCurve.setCurve(s.testAccuracy());
        if (s.version() == shownVersion) {
            return;
        }
        shownVersion = s.version();
        summary.setItems(FXCollections.observableList(s.summary()));
        totalParameters.setText(i18n.get("digits.total", String.format(Locale.ROOT, "%,d",
                s.summary().stream().mapToLong(Digits.SummaryRow::parameters).sum())));

        filters.getChildren().clear();
        for (int f = 0; f < s.filters().length; f++) {
            double[] w = s.filters()[f];
            double m = 1e-9;
            for (double v : w) {
                m = Math.max(m, Math.abs(v));
            }
            filters.getChildren().add(view(HeatmapImages.render(toFloats(w), s.kernel(), -m, m, false), 48, "filter-" + f));
        }

        featureMaps.getChildren().clear();
        for (int l = 0; l < s.featureMaps().size() - 1; l++) {
            int[] shape = s.layerShapes().get(l);
            double[] a = s.featureMaps().get(l);
            FlowPane row = new FlowPane(3, 3);
            row.setId("feature-maps-" + l);
            if (shape[1] == 1) {
                // a dense layer: its neurons as a near-square block, one cell per neuron
                int cols = (int) Math.ceil(Math.sqrt(a.length));
                int rows = (a.length + cols - 1) / cols;
                double[] block = java.util.Arrays.copyOf(a, cols * rows);
                double[] r = range(a, 0, a.length);
                row.getChildren().add(view(grey(block, cols, rows, r[0], r[1]), Math.max(40, cols * 6), null));
                ((ImageView) row.getChildren().get(0)).setFitHeight(Math.max(40, rows * 6));
            } else {
                int size = shape[1] * shape[2];
                for (int c = 0; c < shape[0]; c++) {
                    // each map on its own range, so that its pattern shows whatever its level
                    double[] r = range(a, c * size, (c + 1) * size);
                    double[] plane = java.util.Arrays.copyOfRange(a, c * size, (c + 1) * size);
                    row.getChildren().add(view(grey(plane, shape[2], shape[1], r[0], r[1]), shape[1] >= 20 ? 56 : 40,
                            null));
                }
            }
            Label name = new Label(s.summary().get(l + 1).layer() + " \u2192 " + s.summary().get(l + 1).shape());
            featureMaps.getChildren().addAll(name, row);
        }

        digit.setImage(grey(s.image(), 28, 28, 0, 1));
        probabilities.getChildren().clear();
        int predicted = s.prediction();
        for (int k = 0; k < s.probabilities().length; k++) {
            Region bar = new Region();
            bar.setPrefSize(Math.max(1, 140 * s.probabilities()[k]), 10);
            bar.setStyle("-fx-background-color: " + (k == predicted ? "#0877bd" : "#9aa5ae") + ";");
            Label l = new Label(k + "  " + String.format(Locale.ROOT, "%.1f %%", 100 * s.probabilities()[k]));
            l.setMinWidth(70);
            HBox row = new HBox(4, l, bar);
            row.setAlignment(Pos.CENTER_LEFT);
            probabilities.getChildren().add(row);
        }
        prediction.setText(s.label() >= 0 ? i18n.get("digits.predictionLabelled", predicted, s.label())
                : i18n.get("digits.predictionDrawn", predicted));
        double[] sr = range(s.saliency(), 0, s.saliency().length);
        // 0 white, the strongest pixel deep blue
        saliency.setImage(HeatmapImages.render(toFloats(s.saliency()), 28, -sr[1], sr[1], false));
        double m = 1e-9;
        for (double v : s.occlusion()) {
            m = Math.max(m, Math.abs(v));
        }
        occlusion.setImage(HeatmapImages.render(toFloats(s.occlusion()), 7, m, -m, false));

        confusion.getChildren().clear();
        int max = 1;
        for (int[] row : s.confusion()) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        for (int k = 0; k < 10; k++) {
            confusion.add(new Label(String.valueOf(k)), k + 1, 0);
            confusion.add(new Label(String.valueOf(k)), 0, k + 1);
        }
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                int v = s.confusion()[t][p];
                Label cell = new Label(String.valueOf(v));
                cell.setMinSize(30, 20);
                cell.setAlignment(Pos.CENTER);
                double shade = Math.sqrt((double) v / max);
                Color c = (t == p ? Color.web("#0877bd") : Color.web("#f59322")).interpolate(Color.WHITE, 1 - shade);
                cell.setStyle("-fx-background-color: " + toCss(c) + "; -fx-font-size: 0.8em;");
                if (t == 0 && p == 0) {
                    cell.setId("confusion-0-0");
                }
                confusion.add(cell, p + 1, t + 1);
            }
        }
        gallery.getChildren().clear();
        Idx.LabelledImages test = s.testImages();
        for (int index : s.misclassified()) {
            double[] img = new double[784];
            for (int p = 0; p < 784; p++) {
                img[p] = test.images().pixel(index, p) / 255.0;
            }
            ImageView v = view(grey(img, 28, 28, 0, 1), 40, "misclassified-" + index);
            v.setOnMouseClicked(e -> session.select(index));
            v.setStyle("-fx-cursor: hand;");
            gallery.getChildren().add(v);
        }
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static String toCss(Color c) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }
}
