package org.backproplab.ui;

import java.util.List;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.backproplab.session.DescentSession;
import org.backproplab.session.DescentSession.Snapshot;
import org.backproplab.session.DescentSession.Step;
import org.backproplab.session.Notice;
import org.backproplab.session.Numbers;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Gradient descent on one variable, drawn: the curve, the tangent at the current point (orange),
 * every point visited joined by arrows, the last step's move along the x axis, and the step's
 * numbers (x, f(x), f'(x), η, the new x) beside it. Play steps every 0.3 s until the run stops.
 */
final class GradientDescentView {
    private static final double W = 640;
    private static final double H = 430;
    private static final double PAD = 28;
    private static final Color BLUE = Color.web("#0877bd");
    private static final Color ORANGE = Color.web("#f59322");
    private static final Color RED = Color.web("#c62828");

    private final DescentSession session;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final Canvas canvas = new Canvas(W, H);
    private double textScale = 1;
    private Snapshot shown;
    private final TextField start = field("descent-start");
    private final TextField rate = field("descent-rate-field");
    private final Slider slider = new Slider(0.001, 1.2, 0.1);
    private final Label error = new Label();
    private final Label status = new Label();
    private final Label stepTitle = value("descent-step");
    private final Label x = value("descent-x");
    private final Label fx = value("descent-fx");
    private final Label slope = value("descent-slope");
    private final Label eta = value("descent-eta");
    private final Label next = value("descent-new");
    private final Button play;
    private final Timeline timer;
    private boolean updating;

    GradientDescentView(DescentSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
        ComboBox<String> function = new ComboBox<>();
        function.setId("descent-function");
        function.getItems().setAll(session.functions());
        LocalizedCells.install(function, i18n, id -> i18n.get("descent.function." + id));
        function.setValue(session.functions().get(0));
        function.setOnAction(e -> session.selectFunction(function.getValue()));
        start.setOnAction(e -> session.setStart(start.getText()));
        rate.setOnAction(e -> session.setLearningRate(rate.getText()));
        slider.setId("descent-rate");
        slider.setPrefWidth(200);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                session.setLearningRate(Math.round(b.doubleValue() * 1000) / 1000.0);
            }
        });
        Button step = ViewParts.button(i18n, "descent-step-button", Material2MZ.SKIP_NEXT, "descent.step",
                session::step);
        play = ViewParts.button(i18n, "descent-play", Material2MZ.PLAY_ARROW, "action.play", session::togglePlay);
        Button reset = ViewParts.button(i18n, "descent-reset", Material2MZ.REPLAY, "descent.reset", session::reset);
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(8, 6, label("descent.functionLabel"), function, label("descent.startLabel"), start,
                label("descent.rateLabel"), slider, rate, step, play, reset);
        controls.setAlignment(Pos.CENTER_LEFT);
        error.setId("descent-error");
        error.getStyleClass().add("error");
        status.setId("descent-status");
        status.setWrapText(true);
        Label intro = wrapped("descent.intro");
        Label lesson = wrapped("descent.lesson");
        next.setWrapText(true);
        VBox readout = new VBox(6, ViewParts.title(i18n, "descent.readoutTitle"), stepTitle, x, fx, slope, eta, next,
                status, lesson);
        readout.setPrefWidth(480);
        readout.setMinWidth(300);
        HBox.setHgrow(readout, javafx.scene.layout.Priority.ALWAYS);
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                session.setStart(xAt(session.snapshotProperty().get(), e.getX()));
            }
        });
        canvas.setId("descent-canvas");
        root.getChildren().addAll(intro, controls, error, new HBox(16, ViewParts.zoomable(canvas), readout));
        root.setPadding(new Insets(12));
        timer = new Timeline(new KeyFrame(Duration.millis(300), e -> session.step()));
        timer.setCycleCount(Animation.INDEFINITE);
        session.playingProperty().addListener((o, a, on) -> {
            ViewParts.showPlaying(play, i18n, on);
            if (on) {
                timer.play();
            } else {
                timer.stop();
            }
        });
        session.snapshotProperty().addListener((o, a, s) -> show(s));
        session.inputErrorProperty().addListener((o, a, n) -> showError(n));
        i18n.localeProperty().addListener((o, a, b) -> {
            show(session.snapshotProperty().get());
            showError(session.inputErrorProperty().get());
        });
        show(session.snapshotProperty().get());
    }

    /** The lesson's picture (for presentation mode and "Save picture as PNG…"). */
    javafx.scene.Node picture() {
        return canvas;
    }

    Region root() {
        return root;
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(5);
        return f;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("mono");
        return l;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label wrapped(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setWrapText(true);
        return l;
    }

    private void showError(Notice n) {
        error.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private void show(Snapshot s) {
        start.setText(Numbers.shortNumber(s.path().get(0)));
        rate.setText(Numbers.shortNumber(s.rate()));
        if (!slider.isValueChanging() && !slider.isPressed()) {
            updating = true;
            slider.setValue(Math.min(slider.getMax(), s.rate()));
            updating = false;
        }
        Step st = s.last() == null ? s.next() : s.last();
        stepTitle.setText(i18n.get(s.last() == null ? "descent.readout.next" : "descent.readout.step", st.k()));
        x.setText("x = " + Numbers.shortNumber(st.x()));
        fx.setText("f(x) = " + Numbers.shortNumber(st.fx()));
        slope.setText("f'(x) = " + Numbers.shortNumber(st.slope()));
        eta.setText("\u03b7 = " + Numbers.shortNumber(st.rate()));
        next.setText(i18n.get("descent.readout.new", Numbers.shortNumber(st.x()), Numbers.shortNumber(st.rate()),
                paren(st.slope()), Numbers.shortNumber(st.newX())));
        Notice n = s.status();
        ViewParts.styled(status, "error", n != null && n.error());
        status.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
        draw(s);
    }

    private static String paren(double v) {
        String t = Numbers.shortNumber(v);
        return v < 0 ? "(" + t + ")" : t;
    }

    private static double xAt(Snapshot s, double px) {
        var f = s.function();
        return f.xLow() + (px - PAD) / (W - 2 * PAD) * (f.xHigh() - f.xLow());
    }

    private static double px(Snapshot s, double x) {
        var f = s.function();
        return PAD + (x - f.xLow()) / (f.xHigh() - f.xLow()) * (W - 2 * PAD);
    }

    private static double py(Snapshot s, double y) {
        var f = s.function();
        return H - PAD - (y - f.yLow()) / (f.yHigh() - f.yLow()) * (H - 2 * PAD);
    }

    /** The top line's font: 13 px times the text scale, smaller if the formula and the tangent would not fit side by side. */
    private Font topLine(String formula, String tangent) {
        double size = 13 * textScale;
        javafx.scene.text.Text probe = new javafx.scene.text.Text(formula + tangent);
        probe.setFont(Font.font(size));
        double room = W - 2 * PAD - 24;
        double wide = probe.getLayoutBounds().getWidth();
        return Font.font(wide > room ? Math.max(11, size * room / wide) : size);
    }

    /**
     * How much larger than their design size the picture's texts are drawn: presentation mode's scale over the
     * picture's zoom, at least 1 (at 1280 x 800 the picture has no room to grow, so its texts grow instead).
     */
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
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.save();
        g.beginPath();
        g.rect(PAD, PAD, W - 2 * PAD, H - 2 * PAD);
        g.clip();
        g.setStroke(Color.gray(0.7));
        g.setLineWidth(1);
        g.strokeLine(PAD, py(s, 0), W - PAD, py(s, 0));
        g.strokeLine(px(s, 0), PAD, px(s, 0), H - PAD);
        g.setStroke(BLUE);
        g.setLineWidth(2.2);
        g.beginPath();
        for (int i = 0; i < s.xs().length; i++) {
            if (i == 0) {
                g.moveTo(px(s, s.xs()[i]), py(s, s.ys()[i]));
            } else {
                g.lineTo(px(s, s.xs()[i]), py(s, s.ys()[i]));
            }
        }
        g.stroke();
        g.setStroke(ORANGE);
        g.setLineWidth(2);
        g.strokeLine(px(s, s.t0()), py(s, s.y0()), px(s, s.t1()), py(s, s.y1()));
        List<Double> path = s.path();
        List<Double> values = s.values();
        for (int i = 0; i + 1 < path.size(); i++) {
            double a = path.get(i);
            double b = path.get(i + 1);
            if (Double.isFinite(b)) {
                arrow(g, px(s, a), py(s, values.get(i)), px(s, b), py(s, values.get(i + 1)),
                        Color.gray(0.25, 0.35 + 0.65 * (i + 1) / path.size()));
            }
        }
        for (int i = 0; i < path.size(); i++) {
            double a = path.get(i);
            g.setFill(i == path.size() - 1 ? RED : Color.gray(0.2, 0.6));
            double r = i == path.size() - 1 ? 5 : 3.5;
            g.fillOval(px(s, a) - r, py(s, values.get(i)) - r, 2 * r, 2 * r);
        }
        Step last = s.last();
        if (last != null && Double.isFinite(last.newX())) {
            // the move itself, along the x axis: x -> x - eta f'(x)
            double y = H - PAD - 10;
            arrow(g, px(s, last.x()), y, px(s, last.newX()), y, RED);
        }
        g.restore();
        g.setFill(Color.gray(0.3));
        g.setFont(Font.font(11 * textScale));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(Numbers.shortNumber(s.function().xLow()), PAD, H - PAD + 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("x = " + Numbers.shortNumber(s.function().xHigh()), W - PAD, H - PAD + 4);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.BLACK);
        String formula = i18n.get("descent.formula." + s.function().id());
        String tangent = i18n.get("descent.tangent", String.format(Locale.ROOT, "%.3g", s.slope()));
        g.setFont(topLine(formula, tangent));
        g.fillText(formula, PAD, 6);
        g.setFill(ORANGE);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(tangent, W - PAD, 6);
    }

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color c) {
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(1.6);
        g.strokeLine(x0, y0, x1, y1);
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 4) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(9, len / 2);
        g.fillPolygon(new double[] {x1, x1 - head * ux + head * 0.45 * uy, x1 - head * ux - head * 0.45 * uy},
                new double[] {y1, y1 - head * uy - head * 0.45 * ux, y1 - head * uy + head * 0.45 * ux}, 3);
    }
}
