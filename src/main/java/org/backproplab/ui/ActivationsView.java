package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.engine.Activation;

/**
 * The activations and their derivatives side by side, computed by the engine: f(z) in blue, f'(z)
 * in orange, shaded red where a saturating function's gradient is below 5 % of its peak, grey
 * where it is exactly zero (a "dead" ReLU passes no gradient back).
 */
public final class ActivationsView {
    private static final double W = 330;
    private static final double H = 230;
    private static final double Z = 6;
    private static final List<Activation> SHOWN = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.IDENTITY);

    private final I18n i18n;
    private final ScrollPane root;
    private final FlowPane plots = new FlowPane(16, 16);

    public ActivationsView(I18n i18n) {
        this.i18n = i18n;
        Label intro = new Label();
        intro.textProperty().bind(i18n.bind("act.intro"));
        intro.setWrapText(true);
        intro.setId("activations-intro");
        VBox box = new VBox(12, intro, plots);
        box.setPadding(new Insets(12));
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        for (Activation a : SHOWN) {
            Canvas c = new Canvas(W, H);
            c.setId("plot-" + a.id());
            Label caption = new Label();
            caption.setWrapText(true);
            caption.setMaxWidth(W);
            caption.textProperty().bind(i18n.bind("act." + a.id()));
            VBox cell = new VBox(4, c, caption);
            plots.getChildren().add(cell);
            draw(c, a);
        }
        i18n.localeProperty().addListener((o, x, y) -> {
            for (int i = 0; i < SHOWN.size(); i++) {
                draw((Canvas) ((VBox) plots.getChildren().get(i)).getChildren().get(0), SHOWN.get(i));
            }
        });
    }

    public Region root() {
        return root;
    }

    private void draw(Canvas canvas, Activation f) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        double left = 8;
        double right = W - 8;
        double top = 24;
        double bottom = H - 18;
        double lo = f == Activation.TANH ? -1.2 : f == Activation.SIGMOID ? -0.2 : -1.2;
        double hi = f == Activation.SIGMOID ? 1.2 : f == Activation.TANH ? 1.2 : 6;
        if (f == Activation.IDENTITY || f == Activation.LEAKY_RELU) {
            lo = -6;
        }
        double flo = lo;
        double fhi = hi;
        java.util.function.DoubleUnaryOperator px = z -> left + (z + Z) / (2 * Z) * (right - left);
        java.util.function.DoubleUnaryOperator py = v -> bottom - (v - flo) / (fhi - flo) * (bottom - top);
        // where the gradient vanishes (below 5 % of its largest value) or is exactly zero
        int steps = 240;
        double maxD = 0;
        for (int i = 0; i <= steps; i++) {
            double z = -Z + 2 * Z * i / steps;
            maxD = Math.max(maxD, f.derivative(z, f.apply(z)));
        }
        for (int i = 0; i < steps; i++) {
            double z = -Z + 2 * Z * (i + 0.5) / steps;
            double d = f.derivative(z, f.apply(z));
            // leaky ReLU's small slope is the point: gradient keeps flowing, nothing to shade
            boolean saturating = f == Activation.SIGMOID || f == Activation.TANH;
            if (d == 0) {
                g.setFill(Color.gray(0.82));
            } else if (saturating && d < 0.05 * maxD) {
                g.setFill(Color.web("#ffd8d3"));
            } else {
                continue;
            }
            double x0 = px.applyAsDouble(-Z + 2 * Z * i / steps);
            double x1 = px.applyAsDouble(-Z + 2 * Z * (i + 1) / steps);
            g.fillRect(x0, top, x1 - x0 + 0.5, bottom - top);
        }
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeLine(left, py.applyAsDouble(0), right, py.applyAsDouble(0));
        g.strokeLine(px.applyAsDouble(0), top, px.applyAsDouble(0), bottom);
        plot(g, f, false, steps, px, py, Color.web("#0877bd"));
        plot(g, f, true, steps, px, py, Color.web("#f59322"));
        g.setFill(Color.BLACK);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(f.id() + ":  f(z)", left, 2);
        g.setFill(Color.web("#f59322"));
        g.fillText("f'(z)", left + 8 + f.id().length() * 8 + 48, 2);
        g.setFill(Color.gray(0.3));
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        g.fillText("-6", left, bottom + 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("z = 6", right, bottom + 2);
    }

    private static void plot(GraphicsContext g, Activation f, boolean derivative, int steps,
            java.util.function.DoubleUnaryOperator px, java.util.function.DoubleUnaryOperator py, Color color) {
        g.setStroke(color);
        g.setLineWidth(2.2);
        g.setLineDashes(derivative ? new double[] {7, 4} : null);
        g.beginPath();
        for (int i = 0; i <= steps; i++) {
            double z = -Z + 2 * Z * i / steps;
            double a = f.apply(z);
            double v = derivative ? f.derivative(z, a) : a;
            double x = px.applyAsDouble(z);
            double y = py.applyAsDouble(v);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setLineDashes(null);
    }
}
