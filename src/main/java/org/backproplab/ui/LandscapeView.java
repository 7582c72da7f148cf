package org.backproplab.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.session.Landscape;

/**
 * The loss over a neuron's two weights as contour bands (darker = lower loss, on a log scale) with
 * the path gradient descent took across them: a start circle, a dot per epoch, the end in red.
 */
public final class LandscapeView extends Canvas {
    private WritableImage image;
    private int[] pictureShown;

    public LandscapeView(double size) {
        super(size, size);
        setId("landscape");
    }

    public void draw(Landscape l) {
        GraphicsContext g = getGraphicsContext2D();
        double size = getWidth();
        g.clearRect(0, 0, size, getHeight());
        if (l == null) {
            return;
        }
        // the bands, computed on the worker; written again only when the grid changed
        int res = l.resolution();
        if (l.picture() != pictureShown) {
            if (image == null || image.getWidth() != res) {
                image = new WritableImage(res, res);
            }
            image.getPixelWriter().setPixels(0, 0, res, res, PixelFormat.getIntArgbInstance(), l.picture(), 0, res);
            pictureShown = l.picture();
        }
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, size, size);
        // axes through the origin
        g.setStroke(Color.gray(0.5, 0.6));
        g.setLineWidth(1);
        g.strokeLine(size / 2, 0, size / 2, size);
        g.strokeLine(0, size / 2, size, size / 2);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("w1", size - 4, size / 2 - 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("w2", size / 2 + 4, 2);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("\u00b1" + (int) l.range(), 4, size - 2);

        double[] xs = l.pathX();
        double[] ys = l.pathY();
        g.setStroke(Color.web("#f59322"));
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < xs.length; i++) {
            double px = toPixel(xs[i], l.range(), size);
            double py = toPixel(-ys[i], l.range(), size);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        g.setFill(Color.web("#f59322"));
        for (int i = 1; i < xs.length; i++) {
            g.fillOval(toPixel(xs[i], l.range(), size) - 2.5, toPixel(-ys[i], l.range(), size) - 2.5, 5, 5);
        }
        if (xs.length > 0) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2.5);
            g.strokeOval(toPixel(xs[0], l.range(), size) - 6, toPixel(-ys[0], l.range(), size) - 6, 12, 12);
            int last = xs.length - 1;
            g.setFill(Color.web("#cf222e"));
            g.fillOval(toPixel(xs[last], l.range(), size) - 5, toPixel(-ys[last], l.range(), size) - 5, 10, 10);
        }
    }

    private static double toPixel(double w, double range, double size) {
        double p = (w + range) / (2 * range) * size;
        // keep points that left the plot at its edge, so a diverging path still shows its direction
        return Math.max(-4, Math.min(size + 4, p));
    }
}
