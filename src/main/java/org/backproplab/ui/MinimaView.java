package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.MinimaSession;
import org.backproplab.session.MinimaSession.Run;
import org.backproplab.session.MinimaSession.Snapshot;
import org.backproplab.session.Notice;
import org.backproplab.session.Numbers;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The loss over two weights as a heat map with contour lines (the view-model's pixels), the
 * wells labelled, and each random start's gradient-descent path from its circle to its cross;
 * beside it the seed, "new starts" and a table of where each start ended.
 */
final class MinimaView {
    private static final double SIDE = 480;
    private static final Color[] COLORS = {Color.web("#e53935"), Color.web("#fdd835"), Color.web("#43a047"),
        Color.web("#00bcd4"), Color.web("#fb8c00"), Color.web("#8e24aa")};

    private final MinimaSession session;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final Canvas canvas = new Canvas(SIDE, SIDE);
    private double textScale = 1;
    private Snapshot shown;
    private final WritableImage image = new WritableImage(MinimaSession.SIZE, MinimaSession.SIZE);
    private final TextField seed = new TextField();
    private long shownSeed = Long.MIN_VALUE;
    private final Label error = new Label();
    private final GridPane table = new GridPane();
    private final Label[][] cells = new Label[MinimaSession.STARTS][6];
    private final javafx.animation.Timeline timer;

    MinimaView(MinimaSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
        timer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(40),
                e -> session.advance()));
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("minima.intro"));
        intro.setWrapText(true);
        seed.setId("minima-seed");
        seed.setPrefColumnCount(8);
        seed.setOnAction(e -> session.setSeed(seed.getText()));
        Label seedLabel = new Label();
        seedLabel.textProperty().bind(i18n.bind("minima.seedLabel"));
        Button again = ViewParts.button(i18n, "minima-new", Material2AL.AUTORENEW, "minima.newStarts",
                session::newStarts);
        error.setId("minima-error");
        error.getStyleClass().add("error");
        Button replay = ViewParts.button(i18n, "minima-replay", org.kordamp.ikonli.material2.Material2MZ.REPLAY,
                "minima.replay", session::replay);
        Button ends = ViewParts.button(i18n, "minima-ends", Material2AL.FAST_FORWARD, "minima.ends",
                session::showEnds);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 6, seedLabel, seed, again, replay, ends, error);
        controls.setAlignment(Pos.CENTER_LEFT);
        table.setId("minima-table");
        table.setHgap(14);
        table.setVgap(4);
        String[] heads = {"minima.col.start", "minima.col.from", "minima.col.to", "minima.col.loss",
            "minima.col.steps", "minima.col.well"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label();
            h.textProperty().bind(i18n.bind(heads[c]));
            h.setStyle("-fx-font-weight: bold");
            h.setMinWidth(Region.USE_PREF_SIZE);
            table.add(h, c, 0);
        }
        for (int r = 0; r < MinimaSession.STARTS; r++) {
            for (int c = 0; c < 6; c++) {
                Label l = new Label();
                l.setId("minima-cell-" + r + "-" + c);
                l.getStyleClass().add("mono");
                l.setMinWidth(Region.USE_PREF_SIZE);
                if (c == 0) {
                    l.setTextFill(COLORS[r].darker());
                    l.setStyle("-fx-font-weight: bold");
                }
                cells[r][c] = l;
                table.add(l, c, r + 1);
            }
        }
        Label lesson = new Label();
        lesson.textProperty().bind(i18n.bind("minima.lesson"));
        lesson.setWrapText(true);
        Label function = new Label();
        function.textProperty().bind(i18n.bind("minima.function"));
        function.setWrapText(true);
        VBox side = new VBox(10, ViewParts.title(i18n, "minima.tableTitle"), table, function, lesson);
        side.setPrefWidth(520);
        side.setMinWidth(300);
        HBox.setHgrow(side, javafx.scene.layout.Priority.ALWAYS);
        canvas.setId("minima-canvas");
        root.getChildren().addAll(intro, controls, new HBox(16, ViewParts.zoomable(canvas), side));
        root.setPadding(new Insets(12));
        timer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        session.playingProperty().addListener((o, a, on) -> {
            if (on) {
                timer.play();
            } else {
                timer.stop();
            }
        });
        if (session.playingProperty().get()) {
            timer.play();
        }
        session.snapshotProperty().addListener((o, a, s) -> show(s));
        session.inputErrorProperty().addListener((o, a, n) -> showError(n));
        i18n.localeProperty().addListener((o, a, b) -> showError(session.inputErrorProperty().get()));
        show(session.snapshotProperty().get());
    }

    /** The width the table of the starts needs, every column whole. */
    double readoutWidth() {
        return table.prefWidth(-1);
    }

    /** The lesson's picture (for presentation mode and "Save picture as PNG…"). */
    javafx.scene.Node picture() {
        return canvas;
    }

    Region root() {
        return root;
    }

    private void showError(Notice n) {
        error.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private static String pair(double a, double b) {
        return "(" + String.format(java.util.Locale.ROOT, "%.3f", a) + ", "
                + String.format(java.util.Locale.ROOT, "%.3f", b) + ")";
    }

    private void show(Snapshot s) {
        // only a new seed is written into the field: the frames of the paths' animation must not
        // overwrite what a person is typing there
        if (s.seed() != shownSeed) {
            shownSeed = s.seed();
            seed.setText(Long.toString(s.seed()));
        }
        List<Run> runs = s.runs();
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            cells[r][0].setText("#" + run.index());
            cells[r][1].setText(pair(run.w1(), run.w2()));
            cells[r][2].setText(pair(run.end1(), run.end2()));
            cells[r][3].setText(String.format(java.util.Locale.ROOT, "%.4f", run.loss()));
            cells[r][4].setText(Integer.toString(run.steps()));
            cells[r][5].setText(run.well());
        }
        draw(s);
    }

    private static double px(double w) {
        return (w + MinimaSession.EXTENT) / (2 * MinimaSession.EXTENT) * SIDE;
    }

    /** How much larger than their design size the picture's texts are drawn (see GradientDescentView's). */
    void setTextScale(double t) {
        if (t != textScale) {
            textScale = t;
            canvas.getProperties().put(ViewParts.TEXT_SCALE, t);
            if (shown != null) {
                draw(shown);
            }
        }
    }

    private void draw(Snapshot s) {
        shown = s;
        int n = MinimaSession.SIZE;
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), s.pixels(), 0, n);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, SIDE, SIDE);
        g.setFont(Font.font(null, FontWeight.BOLD, 15 * textScale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (MinimaSession.Well w : MinimaSession.WELLS) {
            g.setFill(Color.WHITE);
            g.fillText(w.label(), px(w.c1()) + 14, SIDE - px(w.c2()) - 14);
        }
        List<Run> runs = s.runs();
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            double[] p = run.path();
            g.setStroke(COLORS[r]);
            g.setLineWidth(2);
            g.beginPath();
            g.moveTo(px(p[0]), SIDE - px(p[1]));
            int last = Math.min(p.length / 2 - 1, s.shown());
            for (int i = 2; i <= 2 * last; i += 2) {
                g.lineTo(px(p[i]), SIDE - px(p[i + 1]));
            }
            g.stroke();
            g.setFill(COLORS[r]);
            g.fillOval(px(run.w1()) - 5, SIDE - px(run.w2()) - 5, 10, 10);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeOval(px(run.w1()) - 5, SIDE - px(run.w2()) - 5, 10, 10);
            double ex = px(p[2 * last]);
            double ey = SIDE - px(p[2 * last + 1]);
            if (last < run.steps()) {
                // still on its way down
                g.setFill(COLORS[r]);
                g.fillOval(ex - 4, ey - 4, 8, 8);
            } else {
                g.setStroke(COLORS[r]);
                g.setLineWidth(3);
                g.strokeLine(ex - 6, ey - 6, ex + 6, ey + 6);
                g.strokeLine(ex - 6, ey + 6, ex + 6, ey - 6);
            }
            g.setFill(Color.BLACK);
            g.setFont(Font.font(null, FontWeight.BOLD, 12 * textScale));
            g.fillText(Integer.toString(run.index()), px(run.w1()), SIDE - px(run.w2()) - 14);
        }
        g.setFill(Color.gray(0.15));
        g.setFont(Font.font(12 * textScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("w1 \u2192", 6, SIDE - 3);
        g.setTextBaseline(VPos.TOP);
        g.fillText("\u2191 w2  [\u2212" + Numbers.shortNumber(MinimaSession.EXTENT) + ", "
                + Numbers.shortNumber(MinimaSession.EXTENT) + "]\u00b2", 6, 3);
    }
}
