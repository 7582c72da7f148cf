package org.backproplab.ui;

import org.backproplab.session.Numbers;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.LossHistory;

/**
 * The loss of every iteration so far, on a canvas redrawn at most once a frame (the window calls
 * {@link #setCurve} from its frame timer). The value under the mouse is shown in a label.
 */
public final class LossCurveView extends Region {
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private LossHistory.Curve curve = LossHistory.Curve.EMPTY;
    private LossHistory.Curve second = LossHistory.Curve.EMPTY;
    private double fixedMax = Double.NaN;
    private double scale = 1.0;
    private double mouseX = Double.NaN;
    private String axisLabel = "";
    private String hoverFormat = "{0}: {1}";

    public LossCurveView() {
        getStyleClass().add("loss-curve");
        // each curve's hover label is named after the curve: loss-curve -> loss-hover
        idProperty().addListener((o, a, id) -> hover.setId(id == null ? null : id.replace("-curve", "-hover")));
        setId("loss-curve");
        hover.getStyleClass().add("curve-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);
        setMinSize(200, 140);
        setPrefSize(380, 220);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            draw();
        });
        setOnMouseExited(e -> {
            mouseX = Double.NaN;
            draw();
        });
    }

    public void setScale(double scale) {
        this.scale = scale;
        draw();
    }

    /** The axis caption and the hover text pattern ({0} = iteration, {1} = loss), in the UI language. */
    public void setTexts(String axisLabel, String hoverFormat) {
        if (axisLabel.equals(this.axisLabel) && hoverFormat.equals(this.hoverFormat)) {
            // the views set them on every frame, just before the curve (which draws)
            return;
        }
        this.axisLabel = axisLabel;
        this.hoverFormat = hoverFormat;
        draw();
    }

    public void setCurve(LossHistory.Curve curve) {
        setCurves(curve, LossHistory.Curve.EMPTY);
    }

    /** Two series on one axis: {@code main} (blue, e.g. training) and {@code other} (orange, e.g. test). */
    public void setCurves(LossHistory.Curve main, LossHistory.Curve other) {
        this.curve = main;
        this.second = other == null ? LossHistory.Curve.EMPTY : other;
        draw();
    }

    /** A fixed top of the y axis (1 for accuracy), or NaN to fit the data. */
    public void setFixedMax(double max) {
        this.fixedMax = max;
        draw();
    }

    public LossHistory.Curve getCurve() {
        return curve;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double left() {
        return 56 * scale;
    }

    private void stroke(GraphicsContext g, LossHistory.Curve c, Color color, double minX, double maxX, double minY,
            double maxY, double left, double right, double top, double bottom) {
        g.setStroke(color);
        g.setLineWidth(2 * scale);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < c.size(); i++) {
            double y = Math.min(c.losses()[i], maxY);
            if (!Double.isFinite(y)) {
                continue;
            }
            double px = left + (c.iterations()[i] - minX) / (maxX - minX) * (right - left);
            double py = bottom - (y - minY) / (maxY - minY) * (bottom - top);
            if (started) {
                g.lineTo(px, py);
            } else {
                g.moveTo(px, py);
                started = true;
            }
        }
        g.stroke();
    }

    private static String axisNumber(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toString();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double left = left();
        double right = w - 12 * scale;
        double top = 12 * scale;
        double bottom = h - 28 * scale;
        g.setStroke(Color.gray(0.75));
        g.setLineWidth(1);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, right, bottom);
        g.setFill(Color.gray(0.35));
        // the axis caption may be Chinese: draw it in the shipped CJK font, which has Latin letters too
        g.setFont(Font.font(Fonts.CJK_FAMILY, 11 * scale));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(axisLabel, (left + right) / 2, bottom + 8 * scale);
        int n = curve.size();
        if (n == 0) {
            hover.setVisible(false);
            return;
        }
        long[] xs = curve.iterations();
        double[] ys = curve.losses();
        double minX = xs[0];
        double maxX = Math.max(xs[n - 1], minX + 1);
        double minY = 0;
        double maxY = 0;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                maxY = Math.max(maxY, y);
            }
        }
        for (double y : second.losses()) {
            if (Double.isFinite(y)) {
                maxY = Math.max(maxY, y);
            }
        }
        if (!Double.isNaN(fixedMax)) {
            maxY = fixedMax;
        }
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(axisNumber(maxY), left - 4 * scale, top);
        g.fillText("0", left - 4 * scale, bottom);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.valueOf(xs[0]), left, bottom + 8 * scale);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.valueOf(xs[n - 1]), right, bottom + 8 * scale);

        stroke(g, second, Color.web("#e8590c"), minX, maxX, minY, maxY, left, right, top, bottom);
        stroke(g, curve, Color.web("#0969da"), minX, maxX, minY, maxY, left, right, top, bottom);
        if (n == 1) {
            double py = bottom - (ys[0] - minY) / (maxY - minY) * (bottom - top);
            g.setFill(Color.web("#0969da"));
            g.fillOval(left - 3 * scale, py - 3 * scale, 6 * scale, 6 * scale);
        }

        if (Double.isNaN(mouseX) || mouseX < left || mouseX > right) {
            hover.setVisible(false);
            return;
        }
        double target = minX + (mouseX - left) / (right - left) * (maxX - minX);
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(xs[i] - target) < Math.abs(xs[best] - target)) {
                best = i;
            }
        }
        double px = left + (xs[best] - minX) / (maxX - minX) * (right - left);
        double py = bottom - (ys[best] - minY) / (maxY - minY) * (bottom - top);
        g.setStroke(Color.gray(0.5));
        g.setLineWidth(1);
        g.strokeLine(px, top, px, bottom);
        g.setFill(Color.web("#cf222e"));
        g.fillOval(px - 4 * scale, py - 4 * scale, 8 * scale, 8 * scale);
        String text = java.text.MessageFormat.format(hoverFormat, String.valueOf(xs[best]),
                Numbers.number(ys[best]));
        if (second.size() > best && second.iterations()[best] == xs[best]) {
            text += " / " + Numbers.number(second.losses()[best]);
        }
        hover.setText(text);
        hover.setVisible(true);
        hover.autosize();
        double hx = Math.min(px + 8, getWidth() - hover.getWidth() - 4);
        hover.relocate(Math.max(left, hx), top);
    }
}
