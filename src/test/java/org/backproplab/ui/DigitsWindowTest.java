package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import org.backproplab.session.DigitsSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The digits tab on the tiny MNIST subset, driven through its controls. */
@ExtendWith(ApplicationExtension.class)
class DigitsWindowTest {
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

    private DigitsSnapshot snapshot() {
        return ui.window.digits().session().getSnapshot();
    }

    @Test
    void trainBrieflySeeFiltersAndFeatureMapsAndDrawADigit(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        assertTrue(snapshot() != null, "the digits were loaded: " + ui.text(robot, "#digits-notice"));
        ui.click(robot, "#digits-structure-tab");
        @SuppressWarnings("unchecked")
        TableView<Object> summary = robot.lookup("#model-summary").queryAs(TableView.class);
        assertEquals(5, summary.getItems().size(), "input, conv, pool, dense, dense");
        assertTrue(ui.text(robot, "#total-parameters").contains("185,998"), ui.text(robot, "#total-parameters"));

        ui.click(robot, "#digits-inside-tab");
        ui.click(robot, "#digits-play");
        WaitForAsyncUtils.sleep(2500, TimeUnit.MILLISECONDS);
        ui.click(robot, "#digits-play");
        assertFalse(ui.window.digits().session().isPlaying());
        assertTrue(snapshot().batchLoss().size() > 5, "batches trained: " + snapshot().batchLoss().size());
        assertTrue(ui.text(robot, "#digits-progress-label").startsWith("epoch"));
        assertEquals(10, robot.lookup("#filters-0").queryAs(PictureGrid.class).count(), "10 filters");
        PictureGrid conv = robot.lookup("#feature-maps-0").queryAs(PictureGrid.class);
        assertEquals(10, conv.count(), "one 24x24 map per filter");
        assertEquals(10, robot.lookup("#feature-maps-1").queryAs(PictureGrid.class).count(), "pooled 12x12");
        assertTrue(ui.text(robot, "#prediction").startsWith("Predicted"), ui.text(robot, "#prediction"));
        assertTrue(robot.lookup("#saliency").query().isVisible());
        ui.screenshot("digits-trained");

        // draw a "1": a vertical stroke with the robot's mouse (the canvas is further down the column)
        robot.moveTo("#digit-image").scroll(5, javafx.geometry.VerticalDirection.DOWN);
        ui.settle();
        Node canvas = robot.lookup("#draw-canvas").query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.drag(new Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.15))
                .dropTo(new Point2D(b.getMinX() + b.getWidth() * 0.52, b.getMinY() + b.getHeight() * 0.85));
        ui.settle();
        assertEquals(-1, snapshot().label(), "the drawing is shown");
        double ink = 0;
        for (double v : snapshot().image()) {
            ink += v;
        }
        assertTrue(ink > 5, "the stroke reached the network: " + ink);
        assertTrue(ui.text(robot, "#prediction").startsWith("Your digit looks like a "), ui.text(robot, "#prediction"));
        ui.screenshot("digits-drawing");
    }

    @Test
    void galleryAndConfusionMatrixAndDigitChooser(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        int first = snapshot().selected();
        ui.click(robot, "#digit-next");
        assertEquals(first + 1, snapshot().selected());
        int total = 0;
        for (int[] row : snapshot().confusion()) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(200, total, "the tiny test set's 200 digits");
        PictureGrid gallery = robot.lookup("#misclassified").queryAs(PictureGrid.class);
        assertTrue(gallery.count() > 0, "an untrained network gets many wrong");
        int index = snapshot().gallery().get(0).index();
        robot.clickOn(gallery.localToScreen(gallery.center(0)));
        ui.settle();
        assertEquals(index, snapshot().selected());
        var matrix = robot.lookup("#confusion").queryAs(ConfusionCanvas.class);
        int drawn = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                drawn += matrix.count(t, p);
            }
        }
        assertEquals(200, drawn, "the counts drawn are the snapshot's");
        ui.screenshot("digits-confusion", matrix);

        // presentation mode (a toggle on the stepping tab's tool bar) enlarges the canvases' text too
        var bars = robot.lookup("#probabilities").queryAs(ProbabilityBars.class);
        double matrixWidth = matrix.getWidth();
        double barsWidth = bars.getWidth();
        ui.click(robot, "#tab-step");
        ui.click(robot, "#presentation");
        ui.click(robot, "#tab-digits");
        // the matrix as far as its column has room (it was wider than the column, cut at its edge)
        double room = UiTestSupport.enclosing(matrix, javafx.scene.control.ScrollPane.class).getViewportBounds().getWidth();
        assertTrue(matrix.getWidth() > 1.2 * matrixWidth && matrix.getWidth() <= room, matrixWidth + " -> "
                + matrix.getWidth() + " in a column " + room + " wide");
        assertTrue(bars.getWidth() > 1.5 * barsWidth, barsWidth + " -> " + bars.getWidth());
        assertEquals(200, drawn(matrix), "and draws the same counts");
        ui.click(robot, "#tab-step");
        ui.click(robot, "#presentation");
        assertEquals(matrixWidth, matrix.getWidth(), 1e-9);
    }

    private static int drawn(ConfusionCanvas matrix) {
        int drawn = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                drawn += matrix.count(t, p);
            }
        }
        return drawn;
    }

    @Test
    void aModelIsSavedAndLoadedAndABrokenFileIsRefused(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.click(robot, "#tab-digits");
        ui.choose(robot, "#digits-preset", "MLP: 784-128-64-10, ReLU");
        ui.click(robot, "#digits-play");
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        ui.click(robot, "#digits-play");
        var trained = snapshot().probabilities().clone();
        ui.modelAnswer = dir.resolve("model.json");
        ui.click(robot, "#digits-save");
        assertTrue(Files.readString(ui.modelAnswer).contains("\"format\" : \"backprop-lab-model\""));
        ui.choose(robot, "#digits-preset", "LeNet-5: two conv and pool, dense 120, 84");
        ui.click(robot, "#digits-load");
        assertEquals("mnist-mlp", snapshot().presetId());
        assertEquals(trained[0], snapshot().probabilities()[0], 1e-12, "the same network again");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"backprop-lab-model\", \"version\": 1, \"preset\": \"mnist-mlp\",\n\"parameters\": {\"W1\": [[1, 2], [3");
        ui.modelAnswer = broken;
        ui.click(robot, "#digits-load");
        String notice = ui.text(robot, "#digits-notice");
        assertTrue(notice.startsWith("The model was not loaded: broken.json, line 2, column "), notice);
        assertEquals("mnist-mlp", snapshot().presetId(), "nothing changed");
    }

    @Test
    void aDivergedModelIsSavedOnlyAfterTheWindowAskedAndTheAnswerWasYes(FxRobot robot, @TempDir Path dir)
            throws Exception {
        ui.click(robot, "#tab-digits");
        ui.choose(robot, "#digits-preset", "MLP: 784-128-64-10, ReLU");
        Path good = dir.resolve("good.json");
        ui.modelAnswer = good;
        ui.click(robot, "#digits-save");
        String goodText = Files.readString(good);
        // weights of 1e300 load, and the first batch overflows them to NaN
        ui.modelAnswer = dir.resolve("huge.json");
        Files.writeString(ui.modelAnswer, goodText.replaceAll("-?\\d\\.\\d+(E-?\\d+)?", "1e300"));
        ui.click(robot, "#digits-load");
        ui.click(robot, "#digits-play");
        WaitForAsyncUtils.sleep(800, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ui.text(robot, "#digits-notice").contains("NaN") || ui.text(robot, "#digits-notice").contains("Infinity"),
                ui.text(robot, "#digits-notice"));

        ui.modelAnswer = good;
        ui.nonFiniteAnswer = false;
        ui.click(robot, "#digits-save");
        assertEquals(java.util.List.of(good), ui.nonFiniteQuestions, "asked once, for that file");
        assertEquals(goodText, Files.readString(good), "no: the good model is still there");

        ui.nonFiniteAnswer = true;
        ui.click(robot, "#digits-save");
        assertEquals(java.util.List.of(good, good), ui.nonFiniteQuestions);
        assertTrue(Files.readString(good).contains("null"), "yes: saved, NaN written as null");
        assertEquals("Saved good.json.", ui.text(robot, "#digits-notice"));
    }

    @Test
    void switchingTheLanguageRetranslatesTheWholeTab(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        assertTrue(labelStartingWith(robot, "Total parameters: "));
        ui.click(robot, "#tab-step");
        ui.choose(robot, "#language", "\u4e2d\u6587");
        ui.click(robot, "#tab-digits");
        // no new snapshot came: the texts drawn from the old one must follow the language too
        assertTrue(labelStartingWith(robot, "\u53c2\u6570\u603b\u6570"), "total parameters in Chinese");
        assertFalse(labelStartingWith(robot, "Total parameters: "));
        ui.click(robot, "#tab-step");
        ui.choose(robot, "#language", "English");
    }

    private static boolean labelStartingWith(FxRobot robot, String start) {
        return robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith(start));
    }
}
