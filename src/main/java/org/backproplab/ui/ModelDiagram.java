package org.backproplab.ui;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.DigitsSnapshot.SummaryRow;

/**
 * The model as a diagram, as Keras' {@code plot_model} draws it: one box per layer, top to bottom,
 * with its kind, its description and its output shape, and an arrow to the next.
 */
final class ModelDiagram extends Region {
    private static final double BOX_W = 250;
    private static final double BOX_H = 46;
    private static final double GAP = 22;
    private final Canvas canvas = new Canvas(BOX_W + 2, 0);
    private List<SummaryRow> rows = List.of();
    private List<String> names = List.of();

    ModelDiagram() {
        getChildren().add(canvas);
    }

    /** The rows, their names in the language {@code text} gives (drawn again when it changes). */
    void show(List<SummaryRow> rows, org.backproplab.session.Phrase.Translator text) {
        List<String> names = rows.stream().map(r -> r.layer().format(text)).toList();
        if (!rows.equals(this.rows) || !names.equals(this.names)) {
            this.rows = List.copyOf(rows);
            this.names = names;
            canvas.setHeight(height());
            requestLayout();
            draw();
        }
    }

    private double height() {
        return rows.isEmpty() ? 0 : rows.size() * (BOX_H + GAP) - GAP + 2;
    }

    @Override
    protected double computePrefWidth(double height) {
        return BOX_W + 2;
    }

    @Override
    protected double computePrefHeight(double width) {
        return height();
    }

    @Override
    protected double computeMinHeight(double width) {
        return height();
    }

    private static Color fill(String kind) {
        return switch (kind) {
            case "conv" -> Color.web("#dbe9f6");
            case "maxpool", "subsampling" -> Color.web("#dff0d8");
            case "dense" -> Color.web("#fbe5d0");
            default -> Color.web("#eeeeee");
        };
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double x = 1;
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow r = rows.get(i);
            double y = 1 + i * (BOX_H + GAP);
            g.setFill(fill(r.kind()));
            g.fillRoundRect(x, y, BOX_W, BOX_H, 8, 8);
            g.setStroke(Color.web("#6b7785"));
            g.setLineWidth(1);
            g.strokeRoundRect(x, y, BOX_W, BOX_H, 8, 8);
            g.setFill(Color.web("#1f2933"));
            // a Chinese name in the shipped CJK font (it has no bold face), an English one in the system's bold
            String family = names.get(i).chars().anyMatch(ch -> ch >= 0x2E80) ? Fonts.CJK_FAMILY : null;
            g.setFont(Font.font(family, FontWeight.BOLD, 13));
            g.fillText(names.get(i), x + BOX_W / 2, y + 14);
            g.setFont(Font.font(null, FontWeight.NORMAL, 12));
            g.fillText("\u2192 " + r.shape() + (r.parameters().equals("0") ? "" : "   (" + r.parameters() + ")"),
                    x + BOX_W / 2, y + 32);
            if (i + 1 < rows.size()) {
                double ax = x + BOX_W / 2;
                double top = y + BOX_H;
                double bottom = top + GAP;
                g.strokeLine(ax, top, ax, bottom - 1);
                g.setFill(Color.web("#6b7785"));
                g.fillPolygon(new double[] {ax - 5, ax + 5, ax}, new double[] {bottom - 7, bottom - 7, bottom - 1}, 3);
            }
        }
    }
}
