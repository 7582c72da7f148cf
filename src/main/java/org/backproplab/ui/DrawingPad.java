package org.backproplab.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.backproplab.session.DigitsSession;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * A canvas to draw a digit on with the mouse: each point of a stroke goes to the view-model, in
 * cells of its 28 x 28 grid, and the canvas shows the ink the view-model keeps.
 */
final class DrawingPad extends Canvas {
    private static final double SIZE = 224;
    private static final int CELLS = 28;
    private final DigitsSession session;
    private WritableImage image;

    DrawingPad(DigitsSession session) {
        super(SIZE, SIZE);
        this.session = session;
        setId("draw-canvas");
        setOnMousePressed(this::stroke);
        setOnMouseDragged(this::stroke);
        setOnMouseReleased(e -> session.endStroke());
        session.drawingProperty().addListener((o, a, p) -> draw(p));
        draw(session.drawingProperty().get());
    }

    private void stroke(MouseEvent e) {
        double cell = SIZE / CELLS;
        double x = e.getX() / cell;
        double y = e.getY() / cell;
        // a drag may leave the canvas; only the points on it ink
        if (x >= 0 && x < CELLS && y >= 0 && y < CELLS) {
            session.drawAt(x, y);
        }
    }

    private void draw(Picture p) {
        image = DigitsImages.write(image, p);
        GraphicsContext g = getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, SIZE, SIZE);
        g.setStroke(Color.gray(0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, SIZE - 1, SIZE - 1);
    }
}
