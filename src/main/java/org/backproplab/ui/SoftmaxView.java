package org.backproplab.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.Notice;
import org.backproplab.session.SoftmaxSession;
import org.backproplab.session.SoftmaxSession.Snapshot;

/**
 * Three logits on sliders, a temperature slider and the target class; the probabilities as bars
 * and a table (z, z / T, p, the one-hot y, dL/dz), and the cross-entropy written out.
 */
final class SoftmaxView {
    private static final int N = SoftmaxSession.CLASSES;
    private static final double BW = 420;
    private static final double BH = 220;
    private static final Color BLUE = Color.web("#0877bd");
    private static final Color ORANGE = Color.web("#f59322");

    private final SoftmaxSession session;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final Slider[] logits = new Slider[N];
    private final Label[] logitValues = new Label[N];
    private final Slider temperature = new Slider(SoftmaxSession.T_MIN, SoftmaxSession.T_MAX, 1);
    private final Label temperatureValue = new Label();
    private final ToggleGroup targetGroup = new ToggleGroup();
    private final RadioButton[] targets = new RadioButton[N];
    private final Label[][] cells = new Label[N][6];
    private final Label loss = new Label();
    private final Label error = new Label();
    private final Canvas bars = new Canvas(BW, BH);
    private double scale = 1;
    private boolean updating;

    SoftmaxView(SoftmaxSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("softmax.intro"));
        intro.setWrapText(true);
        GridPane sliders = new GridPane();
        sliders.setHgap(10);
        sliders.setVgap(6);
        for (int i = 0; i < N; i++) {
            int k = i;
            logits[i] = new Slider(-SoftmaxSession.LOGIT_MAX, SoftmaxSession.LOGIT_MAX, 0);
            logits[i].setId("softmax-z" + (i + 1));
            logits[i].setPrefWidth(280);
            logits[i].valueProperty().addListener((o, a, b) -> {
                if (!updating) {
                    session.setLogit(k, Math.round(b.doubleValue() * 100) / 100.0);
                }
            });
            logitValues[i] = mono("softmax-z" + (i + 1) + "-value");
            targets[i] = new RadioButton();
            targets[i].setId("softmax-target" + (i + 1));
            targets[i].textProperty().bind(i18n.bind("softmax.target", i + 1));
            targets[i].setToggleGroup(targetGroup);
            targets[i].setOnAction(e -> session.setTarget(k));
            sliders.addRow(i, new Label("z" + (i + 1)), logits[i], logitValues[i], targets[i]);
        }
        temperature.setId("softmax-temperature");
        temperature.setPrefWidth(280);
        temperature.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                session.setTemperature(Math.round(b.doubleValue() * 100) / 100.0);
            }
        });
        temperatureValue.setId("softmax-temperature-value");
        sliders.addRow(N, new Label("T"), temperature, temperatureValue);
        GridPane table = new GridPane();
        table.setId("softmax-table");
        table.setHgap(16);
        table.setVgap(4);
        String[] heads = {"softmax.col.class", "z", "z / T", "p", "y", "dL/dz"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            if (c == 0) {
                h.textProperty().bind(i18n.bind(heads[c]));
            }
            h.setStyle("-fx-font-weight: bold");
            table.add(h, c, 0);
        }
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < 6; c++) {
                cells[r][c] = mono("softmax-cell-" + r + "-" + c);
                table.add(cells[r][c], c, r + 1);
            }
        }
        loss.setId("softmax-loss");
        loss.getStyleClass().add("mono");
        error.setId("softmax-error");
        error.getStyleClass().add("error");
        Label lesson = new Label();
        lesson.textProperty().bind(i18n.bind("softmax.lesson"));
        lesson.setWrapText(true);
        bars.setId("softmax-bars");
        VBox left = new VBox(10, sliders, error, bars);
        VBox right = new VBox(10, ViewParts.title(i18n, "softmax.tableTitle"), table, loss, lesson);
        right.setPrefWidth(520);
        HBox body = new HBox(20, left, right);
        body.setAlignment(Pos.TOP_LEFT);
        root.getChildren().addAll(intro, body);
        root.setPadding(new Insets(12));
        session.snapshotProperty().addListener((o, a, s) -> show(s));
        session.inputErrorProperty().addListener((o, a, n) -> showError(n));
        i18n.localeProperty().addListener((o, a, b) -> {
            show(session.snapshotProperty().get());
            showError(session.inputErrorProperty().get());
        });
        show(session.snapshotProperty().get());
    }

    /** 1 normally, larger in presentation mode: the bars are drawn larger (sharp, not a scaled bitmap). */
    void setScale(double scale) {
        this.scale = scale;
        bars.setWidth(BW * scale);
        bars.setHeight(BH * scale);
        drawBars(session.snapshotProperty().get());
    }

    /** The lesson's picture (for "Save picture as PNG…"). */
    javafx.scene.Node picture() {
        return bars;
    }

    Region root() {
        return root;
    }

    private static Label mono(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("mono");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private void showError(Notice n) {
        error.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private void show(Snapshot s) {
        updating = true;
        for (int i = 0; i < N; i++) {
            logits[i].setValue(s.z()[i]);
            logitValues[i].setText(String.format(Locale.ROOT, "%.2f", s.z()[i]));
            cells[i][0].setText(Integer.toString(i + 1));
            cells[i][1].setText(f(s.z()[i]));
            cells[i][2].setText(f(s.scaled()[i]));
            cells[i][3].setText(f(s.p()[i]));
            cells[i][4].setText(i == s.target() ? "1" : "0");
            cells[i][5].setText(f(s.gradient()[i]));
        }
        targets[s.target()].setSelected(true);
        temperature.setValue(s.temperature());
        temperatureValue.setText(String.format(Locale.ROOT, "%.2f", s.temperature()));
        updating = false;
        loss.setText(i18n.get("softmax.loss", s.target() + 1, f(s.p()[s.target()]), f(s.loss())));
        drawBars(s);
    }

    private void drawBars(Snapshot s) {
        GraphicsContext g = bars.getGraphicsContext2D();
        // drawn in the canvas's own units, enlarged in presentation mode
        g.setTransform(scale, 0, 0, scale, 0, 0);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, BW, BH);
        double top = 24;
        double bottom = BH - 26;
        double slot = BW / N;
        g.setStroke(Color.gray(0.6));
        g.strokeLine(0, bottom, BW, bottom);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        for (int i = 0; i < N; i++) {
            double h = s.p()[i] * (bottom - top);
            double x = i * slot + slot * 0.2;
            g.setFill(i == s.target() ? ORANGE : BLUE);
            g.fillRect(x, bottom - h, slot * 0.6, h);
            g.setFill(Color.BLACK);
            g.fillText("p" + (i + 1) + " = " + f(s.p()[i]), i * slot + slot / 2, bottom - h - 2);
            g.setTextBaseline(VPos.TOP);
            g.fillText(i18n.get("softmax.target", i + 1), i * slot + slot / 2, bottom + 4);
            g.setTextBaseline(VPos.BOTTOM);
        }
    }
}
