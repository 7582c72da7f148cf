package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.ActivationsSession;
import org.backproplab.session.ActivationsSession.Plot;
import org.backproplab.session.ActivationsSession.Reading;
import org.backproplab.session.Notice;

/**
 * The activations and their derivatives side by side, as the view-model samples them: f(z) in
 * blue, f'(z) in orange, shaded red where a saturating function's gradient vanishes, grey where
 * it is exactly zero (a "dead" ReLU passes no gradient back); a probe z, typed or clicked, marked
 * on every plot with f(z) and f'(z).
 */
public final class ActivationsView {
    private static final double W = 330;
    private static final double H = 230;
    private static final double LEFT = 8;
    private static final double RIGHT = W - 8;
    private static final double TOP = 24;
    private static final double BOTTOM = H - 18;
    private static final Color BLUE = Color.web("#0877bd");
    private static final Color ORANGE = Color.web("#f59322");

    private final ActivationsSession session;
    private final I18n i18n;
    private final ScrollPane root;
    private final List<Canvas> canvases = new ArrayList<>();
    private final List<VBox> plotBoxes = new ArrayList<>();
    private final List<Label> captions = new ArrayList<>();
    private final TextField probe = new TextField();
    private final Label probeError = new Label();

    /** The tab with a view-model of its own (nothing in it is shared with another tab). */
    public ActivationsView(I18n i18n) {
        this(new ActivationsSession(), i18n);
    }

    /** With "Save picture as PNG…" on each plot, reporting through {@code say}. */
    public ActivationsView(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<Notice> say) {
        this(new ActivationsSession(), i18n);
        for (javafx.scene.Node plot : plotBoxes) {
            PngMenu.install(plot, i18n, dialogs, say);
        }
    }

    public ActivationsView(ActivationsSession session, I18n i18n) {
        this.session = session;
        this.i18n = i18n;
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("act.intro"));
        intro.setWrapText(true);
        intro.setId("activations-intro");
        Label probeLabel = new Label();
        probeLabel.textProperty().bind(i18n.bind("act.probe"));
        probe.setId("activations-probe");
        probe.setPrefColumnCount(6);
        probe.setOnAction(e -> session.setProbe(probe.getText()));
        probe.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                session.setProbe(probe.getText());
            }
        });
        probeError.setId("activations-probe-error");
        probeError.getStyleClass().add("error");
        HBox probeBar = new HBox(8, probeLabel, probe, probeError);
        probeBar.setAlignment(Pos.CENTER_LEFT);
        FlowPane plots = new FlowPane(16, 16);
        for (Plot p : session.plots()) {
            Canvas c = new Canvas(W, H);
            c.setId("plot-" + p.id());
            c.setOnMouseClicked(e -> {
                if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                    return;
                }
                session.select(p.id());
                session.moveProbe(zAt(e.getX()));
            });
            canvases.add(c);
            Label caption = new Label();
            caption.setWrapText(true);
            caption.setMaxWidth(W);
            caption.textProperty().bind(i18n.bind(p.captionKey()));
            captions.add(caption);
            VBox plot = new VBox(4, ViewParts.zoomable(c), caption);
            plot.setId("plot-box-" + p.id());
            plotBoxes.add(plot);
            plots.getChildren().add(plot);
        }
        VBox box = new VBox(12, intro, probeBar, plots);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        session.probeProperty().addListener((o, a, z) -> showProbe());
        session.readingsProperty().addListener((o, a, b) -> drawAll());
        session.selectedProperty().addListener((o, a, b) -> drawAll());
        session.inputErrorProperty().addListener((o, a, n) -> showError(n));
        i18n.localeProperty().addListener((o, a, b) -> {
            drawAll();
            showError(session.inputErrorProperty().get());
        });
        showProbe();
        drawAll();
    }

    public Region root() {
        return root;
    }

    /** 1 normally, larger in presentation mode: the plots grow with the text. */
    public void setScale(double scale) {
        for (Canvas c : canvases) {
            ViewParts.zoom(c, scale);
        }
        for (Label caption : captions) {
            caption.setMaxWidth(W * scale);
        }
    }

    public ActivationsSession session() {
        return session;
    }

    private void showProbe() {
        probe.setText(String.format(Locale.ROOT, "%.2f", session.probeProperty().get()));
    }

    private void showError(Notice n) {
        probeError.setText(n == null ? "" : i18n.get(n.key(), n.args().toArray()));
    }

    private static double zAt(double x) {
        return -ActivationsSession.Z_MAX + (x - LEFT) / (RIGHT - LEFT) * 2 * ActivationsSession.Z_MAX;
    }

    private static double xAt(double z) {
        return LEFT + (z + ActivationsSession.Z_MAX) / (2 * ActivationsSession.Z_MAX) * (RIGHT - LEFT);
    }

    private static double yAt(Plot p, double v) {
        return BOTTOM - (v - p.low()) / (p.high() - p.low()) * (BOTTOM - TOP);
    }

    private void drawAll() {
        List<Plot> plots = session.plots();
        List<Reading> readings = session.readingsProperty().get();
        for (int i = 0; i < plots.size(); i++) {
            draw(canvases.get(i), plots.get(i), readings.get(i), plots.get(i).id().equals(session.selectedProperty().get()));
        }
    }

    private void draw(Canvas canvas, Plot p, Reading r, boolean chosen) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        for (ActivationsSession.Band b : p.bands()) {
            g.setFill(b.dead() ? Color.gray(0.82) : Color.web("#ffd8d3"));
            g.fillRect(xAt(b.from()), TOP, xAt(b.to()) - xAt(b.from()) + 0.5, BOTTOM - TOP);
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeLine(LEFT, yAt(p, 0), RIGHT, yAt(p, 0));
        g.strokeLine(xAt(0), TOP, xAt(0), BOTTOM);
        curve(g, p, p.values(), false, BLUE);
        curve(g, p, p.derivatives(), true, ORANGE);
        // the probe: a vertical line, and where it meets each curve
        g.setStroke(Color.gray(0.35));
        g.setLineWidth(1);
        g.setLineDashes(2, 3);
        g.strokeLine(xAt(r.z()), TOP, xAt(r.z()), BOTTOM);
        g.setLineDashes(null);
        dot(g, xAt(r.z()), yAt(p, r.value()), BLUE);
        dot(g, xAt(r.z()), yAt(p, r.derivative()), ORANGE);
        if (chosen) {
            g.setStroke(BLUE);
            g.setLineWidth(2);
            g.strokeRect(1, 1, W - 2, H - 2);
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        // softmax acts on a vector: its plot is the first probability of (z, 0, 0)
        boolean vector = ActivationsSession.SOFTMAX.equals(p.id());
        g.fillText(p.id() + (vector ? ":  p1" : ":  f(z)"), LEFT, 2);
        g.setFill(ORANGE);
        g.fillText(vector ? "dp1/dz1" : "f'(z)", LEFT + 8 + p.id().length() * 8 + (vector ? 40 : 48), 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(Color.gray(0.2));
        g.setFont(Font.font(11));
        g.fillText(String.format(Locale.ROOT, "f = %.3f   f' = %.3f", r.value(), r.derivative()), RIGHT, 4);
        g.setFill(Color.gray(0.3));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("-6", LEFT, BOTTOM + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("z = 6", RIGHT, BOTTOM + 2);
    }

    private static void dot(GraphicsContext g, double x, double y, Color c) {
        if (y >= TOP - 4 && y <= BOTTOM + 4) {
            g.setFill(c);
            g.fillOval(x - 4, y - 4, 8, 8);
        }
    }

    private static void curve(GraphicsContext g, Plot p, double[] v, boolean dashed, Color color) {
        g.setStroke(color);
        g.setLineWidth(2.2);
        g.setLineDashes(dashed ? new double[] {7, 4} : null);
        g.beginPath();
        double[] z = p.z();
        for (int i = 0; i < z.length; i++) {
            if (i == 0) {
                g.moveTo(xAt(z[i]), yAt(p, v[i]));
            } else {
                g.lineTo(xAt(z[i]), yAt(p, v[i]));
            }
        }
        g.stroke();
        g.setLineDashes(null);
    }
}
