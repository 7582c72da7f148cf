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
    private static final double BAR = 140;

    ProbabilityBars() {
        super(LABEL + BAR + 4, 10 * ROW);
    }

    void draw(double[] probabilities, int predicted) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < probabilities.length; k++) {
            double y = k * ROW + ROW / 2;
            g.setFill(Color.BLACK);
            g.fillText(k + "  " + String.format(Locale.ROOT, "%.1f %%", 100 * probabilities[k]), 0, y);
            g.setFill(Color.web(k == predicted ? "#0877bd" : "#9aa5ae"));
            g.fillRect(LABEL, y - 5, Math.max(1, BAR * probabilities[k]), 10);
        }
    }
}
