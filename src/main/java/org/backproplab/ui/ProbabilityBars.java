package org.backproplab.ui;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The ten class probabilities as bars on a canvas, the predicted class in blue. */
final class ProbabilityBars extends Canvas {
    private static final double ROW = 19;
    private static final double LABEL = 72;
    private static final double BAR = 100;
    private double scale = 1;
    private double[] shown = new double[0];
    private int shownPredicted;

    ProbabilityBars() {
        super(LABEL + BAR + 4, 10 * ROW);
    }

    /** 1 normally, larger in presentation mode: the canvas, its text and bars grow together. */
    void setScale(double scale) {
        this.scale = scale;
        setWidth((LABEL + BAR + 4) * scale);
        setHeight(10 * ROW * scale);
        draw(shown, shownPredicted);
    }

    void draw(double[] probabilities, int predicted) {
        shown = probabilities;
        shownPredicted = predicted;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFont(Font.font(12 * scale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < probabilities.length; k++) {
            double y = (k * ROW + ROW / 2) * scale;
            g.setFill(Color.BLACK);
            g.fillText(k + "  " + String.format(Locale.ROOT, "%.1f %%", 100 * probabilities[k]), 0, y);
            g.setFill(Color.web(k == predicted ? "#0877bd" : "#9aa5ae"));
            g.fillRect(LABEL * scale, y - 5 * scale, Math.max(1, BAR * scale * probabilities[k]), 10 * scale);
        }
    }
}
