package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playground, driven through its controls. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundWindowTest {
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

    private PlaygroundSession session() {
        return ui.window.playground().session();
    }

    private void choose(FxRobot robot, String combo, String item) {
        ui.choose(robot, combo, item);
    }

    private void type(FxRobot robot, String field, String value) {
        robot.doubleClickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(value);
    }

    /** Waits until training has paused by itself or {@code epochs} epochs are done. */
    private void waitForEpochs(int epochs) {
        WaitForAsyncUtils.waitForFxEvents();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            PlaygroundSnapshot s = session().getSnapshot();
            if (s != null && (s.epoch() >= epochs || !session().isPlaying())) {
                break;
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        ui.settle();
    }

    private static double percent(String text) {
        Matcher m = Pattern.compile("([0-9.]+) %").matcher(text);
        assertTrue(m.find(), text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theNeuronMapsAreMadeAsLargeAsTheGraphShowsThem(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.settle();
        // the graph tells the session the size it shows a map at; the snapshots after it have it
        WaitForAsyncUtils.asyncFx(() -> session().stepEpoch());
        ui.settle();
        javafx.scene.layout.StackPane neuron = robot.lookup("#pg-neuron-0-0").query();
        javafx.scene.image.ImageView thumb = (javafx.scene.image.ImageView) neuron.getChildren().get(2);
        javafx.geometry.Bounds place = thumb.localToScene(thumb.getLayoutBounds());
        PlaygroundSnapshot s = session().getSnapshot();
        int size = s.thumbnailSize();
        assertEquals(place.getWidth(), size, 0.5, "pixels on the screen (output scale 1)");
        assertTrue(size < PlaygroundSession.RESOLUTION);
        assertEquals(size * size, s.thumbnails()[0][0].length);
        // the map as drawn in the graph's picture of its neurons: pixel for pixel, where the neuron shows it
        javafx.scene.image.ImageView sheet = (javafx.scene.image.ImageView) neuron.getParent().getParent()
                .lookup(".neuron-sheet");
        assertTrue(sheet.isVisible());
        javafx.geometry.Point2D at = sheet.sceneToLocal(place.getMinX(), place.getMinY());
        javafx.scene.image.PixelReader shown = sheet.getImage().getPixelReader();
        boolean found = false;
        for (int dy = -1; dy <= 1 && !found; dy++) {
            for (int dx = -1; dx <= 1 && !found; dx++) {
                boolean same = true;
                for (int k = 0; k < size * size && same; k++) {
                    same = shown.getArgb((int) Math.round(at.getX()) + dx + k % size,
                            (int) Math.round(at.getY()) + dy + k / size) == s.thumbnails()[0][0][k];
                }
                found = same;
            }
        }
        assertTrue(found, "the map's " + size + " x " + size + " pixels within a pixel of " + at);
    }

    @Test
    void theLargeMapShowsTheHoveredNeuronAtTheGridsResolution(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.settle();
        robot.moveTo("#pg-neuron-0-1");
        ui.settle();
        PlaygroundSnapshot s = session().getSnapshot();
        javafx.scene.control.Label title = robot.lookup("#map-title").query();
        assertEquals("Neuron " + s.graph().neurons().get(0).get(1).name(), title.getText());
        Node map = robot.lookup("#output-map").query();
        javafx.scene.image.Image image = ((javafx.scene.image.ImageView) map.lookup(".image-view")).getImage();
        // one picture at the screen's pixels: the neuron's map over the whole grid, scaled, the points over it
        int side = (int) image.getWidth();
        assertEquals(DataMapView.SIZE, side, "as large as shown (output scale 1 here)");
        assertTrue(s.neuronMap().shows(org.backproplab.session.GraphItem.neuron(0, 1)), "the snapshots carry the hovered neuron's map");
        int[] grid = s.neuronMap().picture();
        assertFalse(java.util.Arrays.equals(grid, s.outputPicture()));
        int[] expected = MapPictureTest.java2d(grid, PlaygroundSession.RESOLUTION, side);
        int compared = 0;
        for (int i = 0; i < expected.length; i += 97) {
            int x = i % side;
            int y = i / side;
            if (nearAPoint(s.points(), x + 0.5, y + 0.5, 6)) {
                continue;
            }
            int shown = image.getPixelReader().getArgb(x, y);
            assertTrue(MapPictureTest.channelDifference(expected[i], shown) <= 3,
                    "pixel " + x + ", " + y + ": " + Integer.toHexString(shown) + " for " + Integer.toHexString(expected[i]));
            compared++;
        }
        assertTrue(compared > 500, compared + " pixels away from the points");
        // the last point drawn (nothing over it): its colour at its centre
        var last = s.points().get(s.points().size() - 1);
        double range = org.backproplab.session.PlaygroundChoices.RANGE;
        int cx = (int) ((last.x1() + range) / (2 * range) * side);
        int cy = (int) ((range - last.x2()) / (2 * range) * side);
        assertTrue(MapPictureTest.channelDifference(0xFF000000 | last.argb(), image.getPixelReader().getArgb(cx, cy)) <= 1,
                Integer.toHexString(image.getPixelReader().getArgb(cx, cy)));
    }

    /** Whether (x, y), in pixels of the map, is within {@code distance} of a point's centre. */
    private static boolean nearAPoint(java.util.List<org.backproplab.session.PlaygroundChoices.MapPoint> points, double x,
            double y, double distance) {
        double range = org.backproplab.session.PlaygroundChoices.RANGE;
        for (var p : points) {
            double px = (p.x1() + range) / (2 * range) * DataMapView.SIZE;
            double py = (range - p.x2()) / (2 * range) * DataMapView.SIZE;
            if (Math.hypot(px - x, py - y) < distance) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aNetworkBuiltInTheEditorLearnsTwoCirclesTo98Percent(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        // the map and curves change every frame: their scroll pane draws them without a bitmap cache
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node viewport = robot.lookup("#pg-right").query().lookup(".viewport");
        assertFalse(viewport.isCache());
        choose(robot, "#pg-lesson", "TensorFlow Playground's default");
        // hidden layers 4-6-6-4, ReLU, from the 4-2 default
        ui.click(robot, "#add-layer");
        ui.click(robot, "#add-layer");
        for (int i = 0; i < 4; i++) {
            ui.click(robot, "#layer-1-plus");
        }
        ui.click(robot, "#layer-2-plus");
        ui.click(robot, "#layer-2-plus");
        for (int l = 0; l < 4; l++) {
            choose(robot, "#layer-" + l + "-activation", "relu");
        }
        assertEquals("6", ui.text(robot, "#layer-1-size"));
        assertEquals("4", ui.text(robot, "#layer-3-size"));
        choose(robot, "#output-kind", "sigmoid + binary cross-entropy");
        choose(robot, "#optimizer", "Adam");
        choose(robot, "#init", "He");
        type(robot, "#pg-learning-rate", "0.01");
        type(robot, "#batch-size", "16");
        type(robot, "#seed", "1");
        robot.push(KeyCode.ENTER);
        ui.settle();
        PlaygroundSnapshot s = session().getSnapshot();
        assertEquals(4, session().setup().layersProperty().get().size());
        assertEquals("adam", session().setup().optimizerProperty().get());
        assertEquals("0.01", session().setup().learningRateTextProperty().get());
        assertEquals("16", session().setup().batchTextProperty().get());
        assertEquals(0, s.epoch());
        // the set-up is no longer the lesson's, and the window says so and what it now is
        assertTrue(robot.lookup("#pg-lesson-modified").query().isVisible());
        assertTrue(ui.text(robot, "#pg-lesson-text").contains("2-4-6-6-4-1 relu"), ui.text(robot, "#pg-lesson-text"));

        // the first play stops by itself after the lesson's epochs (100 for this set-up)
        ui.click(robot, "#pg-play");
        waitForEpochs(100);
        assertFalse(session().isPlaying());
        assertEquals(100, session().getSnapshot().epoch());
        assertTrue(ui.text(robot, "#epoch").startsWith("Epoch 100"), ui.text(robot, "#epoch"));
        double accuracy = percent(ui.text(robot, "#test-accuracy"));
        assertTrue(accuracy >= 98, "test accuracy shown: " + accuracy);
        ui.screenshot("playground-circle");
    }

    @Test
    void aBrokenCsvNamesTheLineAndChangesNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.click(robot, "#tab-playground");
        PlaygroundSnapshot before = session().getSnapshot();
        Path bad = dir.resolve("points.csv");
        Files.writeString(bad, "x1,x2,label\n1,2,0\n3,oops,1\n");
        ui.csvAnswer = bad;
        ui.click(robot, "#import-csv");
        String notice = ui.text(robot, "#pg-notice");
        assertTrue(notice.contains("points.csv, line 3, column 2 (x2): 'oops' is not a number"), notice);
        assertEquals(before.points(), session().getSnapshot().points(), "nothing changed");

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x1,x2,label\n1,2,0\n3,4,1\n-1,-2,0\n2,2,1\n");
        ui.csvAnswer = good;
        ui.importAnswer = false;
        ui.click(robot, "#import-csv");
        assertEquals(List.of("Replace the points with those of good.csv?", "4 points, 2 classes (labels 0 to 1). "
                + "The points shown now and the training so far will be replaced."), ui.importQuestions);
        assertEquals("Nothing was imported from good.csv.", ui.text(robot, "#pg-notice"));
        assertEquals(before.points(), session().getSnapshot().points(), "no: nothing changed");
        ui.importAnswer = true;
        ui.click(robot, "#import-csv");
        assertEquals("Imported 4 points from good.csv: 2 classes.", ui.text(robot, "#pg-notice"));
        assertEquals(4, session().getSnapshot().trainCount() + session().getSnapshot().testCount());
    }

    @Test
    void aDivergingLearningRatePausesWithAMessageAndOneClickGoesBack(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        choose(robot, "#pg-lesson", "Learning rate too large: divergence");
        type(robot, "#pg-learning-rate", "5");
        robot.push(KeyCode.ENTER);
        ui.settle();
        // the first play stops after the lesson's 40 epochs; the second goes on until it diverges
        ui.click(robot, "#pg-play");
        waitForEpochs(100_000);
        if (!session().getSnapshot().diverged()) {
            ui.click(robot, "#pg-play");
            waitForEpochs(100_000);
        }
        assertFalse(session().isPlaying(), "paused by itself");
        String notice = ui.text(robot, "#pg-notice");
        assertTrue(notice.startsWith("Training diverged in epoch"), notice);
        assertTrue(robot.lookup("#pg-restore").query().isVisible());
        ui.screenshot("playground-diverged");
        ui.click(robot, "#pg-restore");
        assertTrue(ui.text(robot, "#pg-notice").startsWith("Back at epoch"), ui.text(robot, "#pg-notice"));
        assertTrue(Double.isFinite(session().getSnapshot().trainLossNow()));
        assertFalse(robot.lookup("#pg-restore").query().isVisible());
    }

    @Test
    void aRefusedValueIsExplainedBesideTheControlsAndChangesNothing(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        choose(robot, "#pg-lesson", "TensorFlow Playground's default");
        type(robot, "#pg-learning-rate", "abc");
        robot.push(KeyCode.ENTER);
        ui.settle();
        assertEquals("That is not a number.", ui.text(robot, "#pg-input-error"));
        assertEquals("0.03", session().setup().learningRateTextProperty().get(), "nothing changed");
        assertFalse(robot.lookup("#pg-lesson-modified").query().isVisible());
        // another command is taken: the message goes, and the field shows the rate in force again
        ui.click(robot, "#add-layer");
        assertEquals("", ui.text(robot, "#pg-input-error"));
        assertEquals("0.03", robot.lookup("#pg-learning-rate").queryAs(javafx.scene.control.TextField.class).getText());
        ui.click(robot, "#remove-layer");
        type(robot, "#pg-learning-rate", "0.1");
        robot.push(KeyCode.ENTER);
        ui.settle();
        assertEquals("", ui.text(robot, "#pg-input-error"));
        assertTrue(robot.lookup("#pg-lesson-modified").query().isVisible(), "modified");
        assertTrue(ui.text(robot, "#pg-lesson-text").contains("learning rate 0.1"), ui.text(robot, "#pg-lesson-text"));
        // the last input feature cannot be switched off: the toggle stays on and the message says why
        ui.click(robot, "#feature-x1");
        ui.click(robot, "#feature-x2");
        assertTrue(robot.lookup("#feature-x2").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertEquals("Keep at least one input feature.", ui.text(robot, "#pg-input-error"));
        assertEquals(java.util.List.of("x2"), session().setup().featuresProperty().get());
    }

    @Test
    void aClickOnTheMapAddsAPointAndARightClickRemovesIt(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        int before = session().getSnapshot().trainCount();
        Node map = robot.lookup("#output-map").query();
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        Point2D spot = new Point2D(b.getMinX() + b.getWidth() * 0.9, b.getMinY() + b.getHeight() * 0.1);
        robot.clickOn(spot);
        ui.settle();
        PlaygroundSnapshot s = session().getSnapshot();
        assertEquals(before + 1, s.trainCount());
        var added = s.points().get(s.trainCount() - 1);
        // the top right of the map is (x1, x2) near (4.8, 4.8)
        assertEquals(4.8, added.x1(), 0.2);
        assertEquals(4.8, added.x2(), 0.2);
        assertTrue(ui.text(robot, "#point-count").startsWith((before + 1) + " training"));
        robot.rightClickOn(spot);
        ui.settle();
        assertEquals(before, session().getSnapshot().trainCount());
    }

    @Test
    void aChosenPointCanBeSteppedThroughInTheSteppingWindow(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        choose(robot, "#pg-lesson", "XOR: a hidden layer adds lines");
        Node map = robot.lookup("#output-map").query();
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        robot.press(KeyCode.SHIFT).clickOn(new Point2D(b.getMinX() + b.getWidth() * 0.75, b.getMinY() + b.getHeight() * 0.25))
                .release(KeyCode.SHIFT);
        ui.settle();
        var point = ui.window.playground().chosenPoint();
        assertTrue(point != null && point.x1() > 0 && point.x2() > 0, String.valueOf(point));
        int before = session().getSnapshot().trainCount();
        ui.click(robot, "#step-point");
        assertEquals(before, session().getSnapshot().trainCount(), "choosing a point adds none");
        ui.settle();
        assertTrue(robot.lookup("#tab-step").query() != null);
        ui.click(robot, "#next-stage");
        // the hidden layer of 4 tanh neurons computed on the chosen point's features
        var s = ui.window.session().getSnapshot();
        assertEquals(java.util.List.of(2, 4, 1), s.layerSizes());
        var forward = (org.backproplab.engine.ForwardRecord) s.lastRecord();
        assertEquals(point.x1(), forward.input().get(0, 0), 0);
        assertEquals(point.x2(), forward.input().get(0, 1), 0);
        assertTrue(ui.text(robot, "#lesson-text").contains("XOR: a hidden layer adds lines"), ui.text(robot, "#lesson-text"));
        assertTrue(ui.text(robot, "#out-0-0").startsWith("out "), ui.text(robot, "#out-0-0"));
    }

    @Test
    void learningRateLessonsDrawTheLossOverTheTwoWeightsWithThePath(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        for (String id : new String[] {"lr-too-small", "lr-right", "lr-overshoot"}) {
            robot.interact(() -> session().loadLesson(id));
            ui.settle();
            ui.click(robot, "#pg-play");
            waitForEpochs(40);
            PlaygroundSnapshot s = session().getSnapshot();
            assertEquals(40, s.epoch(), id);
            var l = s.landscape();
            assertTrue(l != null && robot.lookup("#landscape").query().isVisible(), id);
            assertEquals(41, l.pathX().length, "one point per epoch and the start");
            double endDistance = Math.hypot(l.pathX()[40] - 1.0 / 12, l.pathY()[40] - 1.0 / 12);
            double startDistance = Math.hypot(l.pathX()[0] - 1.0 / 12, l.pathY()[0] - 1.0 / 12);
            switch (id) {
                case "lr-right" -> assertTrue(endDistance < 1e-6, id + " ends at the bottom: " + endDistance);
                case "lr-too-small" -> assertTrue(endDistance > 0.05 && endDistance < startDistance, id + ": " + endDistance);
                default -> {
                    // overshoot: every step jumps past the bottom, so w1 alternates around 1/12
                    double before = l.pathX()[20] - 1.0 / 12;
                    double after = l.pathX()[21] - 1.0 / 12;
                    assertTrue(before * after < 0, "zigzag: " + before + ", " + after);
                }
            }
            ui.screenshot("playground-" + id);
        }
    }

    @Test
    void activationsAndTheirDerivativesAreShownSideBySide(FxRobot robot) {
        ui.click(robot, "#tab-activations");
        for (String id : new String[] {"sigmoid", "tanh", "relu", "leaky-relu", "identity"}) {
            assertTrue(robot.lookup("#plot-" + id).query().isVisible(), id);
        }
        assertTrue(ui.text(robot, "#activations-intro").contains("vanishes"));
        ui.screenshot("activations");
    }

    @Test
    void heatmapsOfEveryLessonMatchTheirData(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        String[][] lessons = {{"xor-hidden-layer", "100", "playground-xor"}, {"spiral", "300", "playground-spiral"},
            {"three-classes", "50", "playground-three-classes"}, {"regression", "200", "playground-regression"},
            {"neuron-no-bias", "100", "playground-neuron-no-bias"}};
        for (String[] l : lessons) {
            robot.interact(() -> session().loadLesson(l[0]));
            ui.settle();
            robot.interact(() -> session().playUntil(Integer.parseInt(l[1])));
            waitForEpochs(Integer.parseInt(l[1]));
            PlaygroundSnapshot s = session().getSnapshot();
            assertEquals(Integer.parseInt(l[1]), s.epoch(), l[0]);
            if (!l[0].equals("regression") && !l[0].equals("neuron-no-bias")) {
                assertTrue(s.testAccuracyNow() >= 0.95, l[0] + ": " + s.testAccuracyNow());
            }
            ui.screenshot(l[2]);
            boolean regression = l[0].equals("regression");
            assertEquals(regression ? "Output: the predicted value at each place" : "Output: the decision regions",
                    ui.text(robot, "#map-title"), l[0]);
            assertEquals(!regression, robot.lookup("#point-class").query().getParent().isVisible(),
                    l[0] + ": a class to add only where there are classes");
            // the runs' legend (three and more lessons long) wraps instead of widening the panel past the window
            javafx.scene.control.ScrollPane right = robot.lookup("#pg-right").queryAs(javafx.scene.control.ScrollPane.class);
            double content = right.getContent().getLayoutBounds().getWidth();
            double view = right.getViewportBounds().getWidth();
            assertTrue(content <= view + 0.5, l[0] + ": the right panel " + content + " wide in a view " + view + " wide");
        }
    }

    @Test
    void theLanguageChosenInThePlaygroundIsRememberedAndShownInTheOtherTab(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        assertTrue(robot.lookup("#pg-language").tryQuery().isEmpty(), "one language box, the window's");
        ui.choose(robot, "#language", "\u4e2d\u6587");
        assertEquals(Locale.SIMPLIFIED_CHINESE, ui.settings.language(), "remembered for the next start");
        // the layer editor's rows (built before the switch) follow it
        assertTrue(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> "\u7b2c 1 \u5c42".equals(l.getText())), "layer 1 in Chinese");
        ui.click(robot, "#tab-step");
        assertEquals(Locale.SIMPLIFIED_CHINESE, robot.lookup("#language").queryComboBox().getValue());
        ui.choose(robot, "#language", "English");
        assertEquals(Locale.ENGLISH, ui.settings.language());
    }
}
