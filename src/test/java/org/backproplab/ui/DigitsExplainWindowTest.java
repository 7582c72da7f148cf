package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.backproplab.session.DigitsExplain;
import org.backproplab.session.ExplainSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The digits tab opens on a trained network; "Why this class?" driven through its controls. */
@ExtendWith(ApplicationExtension.class)
class DigitsExplainWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1600, 1000);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private DigitsExplain explain() {
        return ui.window.digits().session().explain();
    }

    private ExplainSnapshot snapshot() {
        return explain().snapshotProperty().get();
    }

    /** Draws a "3" with the robot's mouse: two bows one over the other, as a person writes it. */
    private void drawThree(FxRobot robot) {
        Node canvas = robot.lookup("#draw-canvas").query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        double[][] path = {{0.30, 0.22}, {0.42, 0.15}, {0.58, 0.15}, {0.68, 0.24}, {0.66, 0.36}, {0.55, 0.45},
            {0.45, 0.48}, {0.58, 0.51}, {0.70, 0.60}, {0.70, 0.72}, {0.60, 0.82}, {0.44, 0.85}, {0.30, 0.80}};
        robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * path[0][0], b.getMinY() + b.getHeight() * path[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (double[] p : path) {
            robot.moveTo(new Point2D(b.getMinX() + b.getWidth() * p[0], b.getMinY() + b.getHeight() * p[1]));
        }
        robot.release(MouseButton.PRIMARY);
        ui.settle();
    }

    @Test
    void aDrawnThreeIsReadAsAThreeRightAfterTheStart(FxRobot robot) {
        // no training, no waiting for the digits: the shipped trained network answers
        robot.clickOn("#tab-digits");
        robot.moveTo("#digit-image").scroll(5, javafx.geometry.VerticalDirection.DOWN);
        drawThree(robot);
        assertEquals("Your digit looks like a 3", ui.text(robot, "#prediction"));
        assertTrue(ui.text(robot, "#digits-notice").startsWith("The trained network of this preset"),
                ui.text(robot, "#digits-notice"));
        // the maps explain the drawing too: its predicted class first
        ui.click(robot, "#digits-explain-tab");
        assertEquals(3, snapshot().shownClass());
        assertEquals(10, snapshot().row().size());
        ui.screenshot("digits-drawn-three");
    }

    @Test
    void everyMethodShowsTenMapsAndTheChosenClassLarge(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        ui.click(robot, "#digits-explain-tab");
        assertEquals(10, robot.lookup("#explain-row").queryAs(PictureGrid.class).count(), "a map per class");
        int label = ui.window.digits().session().getSnapshot().label();
        assertEquals(label, snapshot().shownClass(), "the digit's own class first");
        assertTrue(ui.text(robot, "#explain-about").startsWith("|dy_c/dx| per pixel"), ui.text(robot, "#explain-about"));
        assertTrue(ui.text(robot, "#explain-legend").startsWith("white 0 to deep blue"));
        ui.screenshot("digits-saliency-row");

        PictureGrid row = robot.lookup("#explain-row").queryAs(PictureGrid.class);
        robot.clickOn(row.localToScreen(row.center(4)));
        ui.settle();
        assertEquals(4, snapshot().shownClass(), "a click on class 4's map");
        assertEquals("Class 4, over the digit", ui.text(robot, "#explain-shown"));
        robot.type(KeyCode.DIGIT7); // the maps have the keyboard after the click
        ui.settle();
        assertEquals(7, snapshot().shownClass(), "the 7 key");

        choose(robot, "#explain-method", "Grad-CAM");
        assertEquals("gradcam", snapshot().method());
        assertTrue(ui.text(robot, "#explain-second-title").startsWith("Grad-CAM at conv 1"),
                ui.text(robot, "#explain-second-title"));
        ui.screenshot("digits-gradcam");

        choose(robot, "#explain-method", "Guided backpropagation");
        assertTrue(ui.text(robot, "#explain-notes").contains("no ReLU"), "the small CNN is sigmoid: "
                + ui.text(robot, "#explain-notes"));

        choose(robot, "#explain-method", "Occlusion");
        choose(robot, "#explain-patch", "7 x 7");
        assertEquals("The class that wins while each 7 x 7 patch is hidden", ui.text(robot, "#explain-second-title"));
        assertTrue(robot.lookup("#explain-class-key").query().isVisible());
        assertTrue(ui.text(robot, "#explain-legend").startsWith("orange -"));
        assertEquals("probability", robot.lookup("#explain-target").queryAs(ComboBox.class).getValue(),
                "occlusion shows the drop of p_c");
        ui.screenshot("digits-occlusion");
    }

    @Test
    void theTenClassesAreMaximisedWithProgressAndTheNetworkIsSureOfEach(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-digits");
        ui.click(robot, "#digits-explain-tab");
        choose(robot, "#explain-method", "Activation maximisation");
        assertTrue(ui.text(robot, "#explain-notes").startsWith("Press a Maximise button"));
        ui.click(robot, "#explain-max-classes");
        assertTrue(explain().maximizingProperty().get() || snapshot().row().size() == 10);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !explain().maximizingProperty().get());
        ui.settle();
        List<String> captions = snapshot().rowCaptions();
        assertEquals(10, captions.size());
        for (int c = 0; c < 10; c++) {
            double p = Double.parseDouble(captions.get(c).substring(captions.get(c).indexOf('p') + 2));
            assertTrue(captions.get(c).startsWith(c + ": ") && p > 0.9, "class " + c + ": " + captions.get(c));
        }
        ui.screenshot("digits-maximized");
        // each caption stays under its own picture: the 6 px between two pictures are blank below them too
        PictureGrid grid = robot.lookup("#explain-row").queryAs(PictureGrid.class);
        javafx.scene.image.Image shot = UiTestSupport.onFx(() -> grid.snapshot(null, null));
        for (int k = 1; k < 10; k++) {
            for (int x = k * 70 - 6; x < k * 70; x++) {
                for (int y = 66; y < 64 + 16 && y < shot.getHeight(); y++) {
                    javafx.scene.paint.Color c = shot.getPixelReader().getColor(x, y);
                    assertTrue(c.getBrightness() > 0.8 || c.getOpacity() < 0.2, "caption ink between pictures " + k
                            + " and " + (k + 1) + " at " + x + ", " + y + ": " + c);
                }
            }
        }
        choose(robot, "#explain-method", "Saliency (vanilla gradient)");
        assertFalse(snapshot().method().equals("maximize"));
    }

    @Test
    void anyPictureIsSavedAsPngFromItsContextMenuAndTheStructureIsDrawn(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ui.click(robot, "#tab-digits");
        choose(robot, "#digits-preset", "LeNet-5: two conv and pool, dense 120, 84");
        var banks = ui.window.digits().session().getSnapshot().filters();
        assertEquals(16 * 6, banks.get(1).kernels().size(), "LeNet's second layer: 16 x 6 kernels");
        assertEquals(96, robot.lookup("#filters-1").queryAs(PictureGrid.class).count());
        ui.screenshot("digits-lenet-filters");
        ui.pngAnswer = dir.resolve("filters.png");
        robot.rightClickOn("#filters-1");
        robot.clickOn("Save picture as PNG\u2026");
        ui.settle();
        javafx.scene.image.Image png = new javafx.scene.image.Image(ui.pngAnswer.toUri().toString());
        PictureGrid grid = robot.lookup("#filters-1").queryAs(PictureGrid.class);
        assertEquals(2 * grid.getWidth(), png.getWidth(), 1, "the grid at twice its size");
        assertEquals("Saved filters.png.", ui.text(robot, "#digits-notice"));

        ui.click(robot, "#digits-structure-tab");
        assertEquals(8, ui.window.digits().session().getSnapshot().summary().size());
        assertTrue(robot.lookup("#model-diagram").query().isVisible());
        ui.screenshot("digits-structure");
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String query, String text) {
        ComboBox<Object> box = robot.lookup(query).queryAs(ComboBox.class);
        ui.click(robot, query);
        // the item in the open list (the same words may be a title elsewhere: "Occlusion")
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText())).queryAs(Node.class));
        ui.settle();
        assertTrue(box.getValue() != null);
    }
}
