package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The legend says the edges the current stage uses are dashed: read along the thickest of them
 * (w8 = 0.55, h2 to o2) on the output layer's forward stage, the line has gaps, forward and backward.
 */
@ExtendWith(ApplicationExtension.class)
class StepEdgesWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    /** The share of the pixels along the middle of the h2 to o2 edge (its label left out) that are background. */
    private double gapsAlongW8(FxRobot robot) throws Exception {
        Node graph = robot.lookup("#step-graph").query();
        Node h2 = robot.lookup("#neuron-0-1").query();
        Node o2 = robot.lookup("#neuron-1-1").query();
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = graph.snapshot(null, null);
            Bounds g = graph.getLayoutBounds();
            Bounds from = graph.sceneToLocal(h2.localToScene(h2.getLayoutBounds()));
            Bounds to = graph.sceneToLocal(o2.localToScene(o2.getLayoutBounds()));
            PixelReader px = image.getPixelReader();
            int y = (int) Math.round(from.getCenterY() - g.getMinY());
            // from the circle's right to well before the weight's label in the middle
            double x0 = from.getMaxX() + 4;
            double x1 = x0 + 0.3 * (to.getMinX() - from.getMaxX());
            int background = 0;
            int all = 0;
            for (double x = x0; x < x1; x++) {
                Color c = px.getColor((int) Math.round(x - g.getMinX()), y);
                all++;
                if (c.getRed() > 0.9 && c.getGreen() > 0.9 && c.getBlue() > 0.9) {
                    background++;
                }
            }
            return all == 0 ? 0 : background / (double) all;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theEdgesAStageUsesAreDashedHoweverThick(FxRobot robot) throws Exception {
        ui.settle();
        double before = gapsAlongW8(robot);
        assertTrue(before < 0.05, "at rest w8 is a solid line: " + before);
        ui.click(robot, "#next-stage"); // forward, hidden layer
        ui.click(robot, "#next-stage"); // forward, output layer: uses w5 to w8
        double forward = gapsAlongW8(robot);
        assertTrue(forward > 0.15, "on the output layer's forward stage w8 is dashed: " + forward);
        ui.click(robot, "#next-stage"); // the loss
        ui.click(robot, "#next-stage"); // backward, output layer
        double backward = gapsAlongW8(robot);
        assertTrue(backward > 0.15, "on the output layer's backward stage w8 is dashed: " + backward);
    }
}
