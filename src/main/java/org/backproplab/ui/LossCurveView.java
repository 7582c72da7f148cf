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
import org.backproplab.session.CurvePlot;
import org.backproplab.session.LossHistory;

/**
 * The loss of every iteration so far, on a canvas redrawn at most once a frame (the window calls
 * {@link #setCurve} or {@link #setChart} from its frame timer): the lines of a
 * {@link CurvePlot.Chart}, computed by the view-model (smoothing, log scale, runs), drawn as they
 * come. The value under the mouse is shown in a label.
 */
public final class LossCurveView extends Region {
    /** The runs' colours, in order: the first run blue, the second orange, as before runs existed. */
    static final Color[] PALETTE = {Color.web("#0969da"), Color.web("#e8590c"), Color.web("#1a7f37"),
        Color.web("#8250df"), Color.web("#cf222e"), Color.web("#9a6700"), Color.web("#1b7c83"), Color.web("#bf3989"),
        Color.web("#57606a"), Color.web("#0550ae")};

    private final Canvas canvas = new Canvas();
    private final CurveRaster raster = new CurveRaster();
    private final Label hover = new Label();
    private CurvePlot.Chart chart = CurvePlot.Chart.EMPTY;
    private double fixedMax = Double.NaN;
    private double scale = 1.0;
    private double mouseX = Double.NaN;
    private String axisLabel = "";
    private String hoverFormat = "{0}: {1}";
    private String smoothedFormat = "{0} ({1})";
    /** Whether the chart changed while it could not be seen: drawn when it can, or is snapshotted. */
    private boolean stale;
    /** Drawing for a snapshot: whether it can be seen or not. */
    private boolean forSnapshot;

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
        // a chart scrolled out of view (the playground's accuracy under its loss) is drawn when it comes back
        new FrameTimer(this, now -> {
            if (stale && InView.isShown(this)) {
                draw();
            }
        });
        PngExport.beforeSnapshot(this, pixels -> {
            if (pixels > 0 && stale) {
                forSnapshot = true;
                draw();
                forSnapshot = false;
            }
        });
    }

    static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    public void setScale(double scale) {
        this.scale = scale;
        draw();
    }

    /** The axis caption and the hover text pattern ({0} = iteration, {1} = loss), in the UI language. */
    public void setTexts(String axisLabel, String hoverFormat) {
        setTexts(axisLabel, hoverFormat, smoothedFormat);
    }

    /** As {@link #setTexts(String, String)}, with the pattern of a smoothed value ({0} = raw, {1} = smoothed). */
    public void setTexts(String axisLabel, String hoverFormat, String smoothedFormat) {
        if (axisLabel.equals(this.axisLabel) && hoverFormat.equals(this.hoverFormat)
                && smoothedFormat.equals(this.smoothedFormat)) {
            // the views set them on every frame, just before the curve (which draws)
            return;
        }
        this.axisLabel = axisLabel;
        this.hoverFormat = hoverFormat;
        this.smoothedFormat = smoothedFormat;
        draw();
    }

    public void setCurve(LossHistory.Curve curve) {
        setCurves(curve, LossHistory.Curve.EMPTY);
    }

    /** Two series on one axis: {@code main} (blue, e.g. training) and {@code other} (orange, e.g. test). */
    public void setCurves(LossHistory.Curve main, LossHistory.Curve other) {
        setChart(CurvePlot.plain(main, other, fixedMax));
    }

    /** The chart the view-model computed, drawn as it is. */
    public void setChart(CurvePlot.Chart c) {
        this.chart = c;
        draw();
    }

    /** A fixed top of the y axis (1 for accuracy), or NaN to fit the data. */
    public void setFixedMax(double max) {
        this.fixedMax = max;
    }

    /** The chart drawn now. */
    public CurvePlot.Chart getChart() {
        return chart;
    }

    /** Whether the chart changed while it could not be seen, and is not drawn yet. */
    boolean isStale() {
        return stale;
    }

    /** The series the mouse reads (the current run's training loss), raw. */
    public LossHistory.Curve getCurve() {
        return new LossHistory.Curve(chart.hover().xs(), chart.hover().raw());
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

    /** Draws {@code line} into the raster at {@code k} device pixels a pixel, and its lone point, if it has one, on the canvas. */
    private void stroke(GraphicsContext g, CurvePlot.Line line, double left, double right, double top, double bottom,
            double k) {
        Color c = color(line.color());
        int n = line.xs().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double y = line.ys()[i];
            xs[i] = px(line.xs()[i], left, right) * k;
            // a value the scale cannot show breaks the line
            ys[i] = Double.isFinite(y) ? py(Math.min(y, chart.yMax()), top, bottom) * k : Double.NaN;
        }
        double width = (line.faint() ? 1.5 : 2) * scale * k;
        double[] dashes = line.dashed() ? new double[] {6 * scale * k, 4 * scale * k} : null;
        int rgb = (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
        // thinned to four points a device pixel column first (the same stroke within a row: ColumnThinningTest)
        int kept = ColumnThinning.thin(xs, ys, n, xs, ys);
        raster.draw(xs, ys, kept, width / 2, dashes, rgb, line.faint() ? 0.25 : 1);
        if (n == 1 && Double.isFinite(line.ys()[0]) && !line.faint()) {
            g.setFill(c);
            g.fillOval(px(line.xs()[0], left, right) - 3 * scale, py(line.ys()[0], top, bottom) - 3 * scale,
                    6 * scale, 6 * scale);
        }
    }

    private double px(long x, double left, double right) {
        return left + (double) (x - chart.xMin()) / (chart.xMax() - chart.xMin()) * (right - left);
    }

    private double py(double y, double top, double bottom) {
        return bottom - (y - chart.yMin()) / (chart.yMax() - chart.yMin()) * (bottom - top);
    }

    private void draw() {
        if (!forSnapshot && !InView.isShown(this)) {
            stale = true;
            return;
        }
        stale = false;
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
        if (chart.isEmpty()) {
            hover.setVisible(false);
            return;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (CurvePlot.Tick t : chart.yTicks()) {
            double y = py(t.at(), top, bottom);
            g.fillText(t.text(), left - 4 * scale, y);
            if (chart.log()) {
                g.setStroke(Color.gray(0.9));
                g.strokeLine(left + 1, y, right, y);
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.valueOf(chart.xMin()), left, bottom + 8 * scale);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.valueOf(chart.xMax()), right, bottom + 8 * scale);
        // the curves as one picture at the screen's pixels (CurveRaster), not stroked on the canvas
        double k = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int rw = (int) Math.ceil(w * k);
        int rh = (int) Math.ceil(h * k);
        raster.clear(rw, rh);
        for (CurvePlot.Line line : chart.lines()) {
            stroke(g, line, left, right, top, bottom, k);
        }
        g.drawImage(raster.image(), 0, 0, rw / k, rh / k);
        drawHover(g, left, right, top, bottom);
    }

    private void drawHover(GraphicsContext g, double left, double right, double top, double bottom) {
        CurvePlot.Hover hv = chart.hover();
        long[] xs = hv.xs();
        if (xs.length == 0 || Double.isNaN(mouseX) || mouseX < left || mouseX > right) {
            hover.setVisible(false);
            return;
        }
        double target = chart.xMin() + (mouseX - left) / (right - left) * (chart.xMax() - chart.xMin());
        int best = 0;
        for (int i = 1; i < xs.length; i++) {
            if (Math.abs(xs[i] - target) < Math.abs(xs[best] - target)) {
                best = i;
            }
        }
        double px = px(xs[best], left, right);
        g.setStroke(Color.gray(0.5));
        g.setLineWidth(1);
        g.strokeLine(px, top, px, bottom);
        if (Double.isFinite(hv.ys()[best])) {
            double py = py(Math.min(hv.ys()[best], chart.yMax()), top, bottom);
            g.setFill(Color.web("#cf222e"));
            g.fillOval(px - 4 * scale, py - 4 * scale, 8 * scale, 8 * scale);
        }
        String value = Numbers.number(hv.raw()[best]);
        if (!Double.isNaN(hv.smoothed()[best])) {
            value = java.text.MessageFormat.format(smoothedFormat, value, Numbers.number(hv.smoothed()[best]));
        }
        String text = java.text.MessageFormat.format(hoverFormat, String.valueOf(xs[best]), value);
        if (!Double.isNaN(hv.other()[best])) {
            text += " / " + Numbers.number(hv.other()[best]);
        }
        hover.setText(text);
        hover.setVisible(true);
        hover.autosize();
        double hx = Math.min(px + 8, getWidth() - hover.getWidth() - 4);
        hover.relocate(Math.max(left, hx), top);
    }
}
