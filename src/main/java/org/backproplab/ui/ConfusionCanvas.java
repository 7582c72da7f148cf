package org.backproplab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The confusion matrix on a canvas: rows the true class, columns the predicted one, each count
 * in a cell shaded by the square root of its share of the largest count (blue on the diagonal,
 * orange off it).
 */
final class ConfusionCanvas extends Canvas {
    private static final double HEAD = 20;
    private static final double CELL_W = 31;
    private static final double CELL_H = 21;
    private static final Color RIGHT = Color.web("#0877bd");
    private static final Color WRONG = Color.web("#f59322");
    private int[][] shown = new int[10][10];
    private double scale = 1;

    ConfusionCanvas() {
        super(HEAD + 10 * CELL_W, HEAD + 10 * CELL_H);
        draw(shown);
    }

    /** 1 normally, larger in presentation mode: cells and numbers grow together. */
    /** The width the matrix takes at {@code scale}. */
    static double widthAt(double scale) {
        return (HEAD + 10 * CELL_W) * scale;
    }

    void setScale(double scale) {
        this.scale = scale;
        setWidth((HEAD + 10 * CELL_W) * scale);
        setHeight((HEAD + 10 * CELL_H) * scale);
        draw(shown);
    }

    /** The counts drawn last, [true][predicted]. */
    int count(int actual, int predicted) {
        return shown[actual][predicted];
    }

    void draw(int[][] counts) {
        shown = counts;
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double head = HEAD * scale;
        double cellW = CELL_W * scale;
        double cellH = CELL_H * scale;
        g.setFont(Font.font(12 * scale));
        g.setFill(Color.gray(0.25));
        for (int k = 0; k < 10; k++) {
            g.fillText(String.valueOf(k), head + (k + 0.5) * cellW, head / 2);
            g.fillText(String.valueOf(k), head / 2, head + (k + 0.5) * cellH);
        }
        int max = 1;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        g.setFont(Font.font(11 * scale));
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts[t].length; p++) {
                int v = counts[t][p];
                double shade = Math.sqrt((double) v / max);
                g.setFill((t == p ? RIGHT : WRONG).interpolate(Color.WHITE, 1 - shade));
                double x = head + p * cellW;
                double y = head + t * cellH;
                g.fillRect(x, y, cellW - 1, cellH - 1);
                g.setFill(shade > 0.6 ? Color.WHITE : Color.BLACK);
                g.fillText(String.valueOf(v), x + (cellW - 1) / 2, y + (cellH - 1) / 2);
            }
        }
    }
}
