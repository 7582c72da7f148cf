package org.backproplab.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Java 2D's drawing of a curve, the reference the loss curves' drawing is compared with, and the ink of its columns. */
final class StrokeInk {
    private StrokeInk() {
    }

    /** The polyline through the {@code n} points, black on white, 360 x 120, antialiased, with {@code stroke}. */
    static BufferedImage draw(double[] xs, double[] ys, int n, BasicStroke stroke) {
        BufferedImage image = new BufferedImage(360, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 360, 120);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.setStroke(stroke);
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.draw(path);
        g.dispose();
        return image;
    }

    /** Column {@code px}'s first and last row more than half black (-1 when none) and its ink (0 to 255 a pixel). */
    static int[] column(BufferedImage image, int px) {
        int[] column = {-1, -1, 0};
        for (int py = 0; py < image.getHeight(); py++) {
            add(column, py, 255 - (image.getRGB(px, py) & 0xFF));
        }
        return column;
    }

    /** Adds a pixel's ink (0 to 255) in {@code row} to a column's {first row more than half inked, last such row, ink}. */
    static void add(int[] column, int row, int ink) {
        column[2] += ink;
        if (ink > 128) {
            column[0] = column[0] < 0 ? row : column[0];
            column[1] = row;
        }
    }
}
