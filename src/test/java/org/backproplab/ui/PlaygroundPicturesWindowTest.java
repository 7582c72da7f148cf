package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playground's pictures drawn at the pixels they are shown at (issue 15, frames): the data
 * map as large as on the screen, in presentation mode, and in a PNG export at twice the scale.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundPicturesWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        // the window the app opens on a 1600 x 1000 screen: the right column does not fit
        ui.settings.setSize(1280, 800);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private PlaygroundSession session() {
        return ui.window.playground().session();
    }

    /** How many of every 97th pixel of {@code shown} (side x side) away from the points match Java 2D's scaling of the output map. */
    private static int matchesTheScaledMap(Image shown, PlaygroundSnapshot s) {
        int side = (int) shown.getWidth();
        int[] expected = MapPictureTest.java2d(s.outputPicture(), PlaygroundSession.RESOLUTION, side);
        double range = PlaygroundChoices.RANGE;
        int compared = 0;
        for (int i = 0; i < expected.length; i += 97) {
            double x = (i % side + 0.5) / side * DataMapView.SIZE;
            double y = (i / side + 0.5) / side * DataMapView.SIZE;
            boolean near = s.points().stream().anyMatch(p -> Math.hypot((p.x1() + range) / (2 * range) * DataMapView.SIZE - x,
                    (range - p.x2()) / (2 * range) * DataMapView.SIZE - y) < 6);
            if (near) {
                continue;
            }
            int got = shown.getPixelReader().getArgb(i % side, i / side);
            assertTrue(MapPictureTest.channelDifference(expected[i], got) <= 3, "pixel " + i % side + ", " + i / side + " of "
                    + side + ": " + Integer.toHexString(got) + " for " + Integer.toHexString(expected[i]));
            compared++;
        }
        return compared;
    }

    @Test
    void theGraphShowsTheEdgesTheWorkerDrewWhereTheGraphPutThem(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.settle();
        // Step: a new snapshot, its edges drawn on the worker for the geometry the graph reported when laid out
        ui.click(robot, "#pg-step");
        ui.settle();
        GraphView graph = robot.lookup("#pg-graph").queryAs(GraphView.class);
        PlaygroundSnapshot s = session().getSnapshot();
        org.backproplab.session.EdgePicture p = s.edgePicture();
        assertTrue(p != null, "the snapshot brings the edges drawn");
        int[] inked = {0};
        assertTrue(UiTestSupport.onFx(() -> {
            EdgeCanvas edges = graph.edges();
            double scale = graph.getScene().getWindow().getOutputScaleX();
            int width = p.geometry().width();
            int height = p.geometry().height();
            assertEquals((int) Math.ceil(graph.getWidth() * scale), width, "as wide as the graph, in pixels");
            // the pixels the image shows, read back from it in the pictures' own format
            int[] shown = new int[width * height];
            edges.rasterView().getImage().getPixelReader().getPixels(0, 0, width, height,
                    javafx.scene.image.PixelFormat.getIntArgbPreInstance(), shown, 0, width);
            for (int i = 0; i < shown.length; i++) {
                assertEquals(p.pixels()[i], shown[i], "pixel " + i % width + ", " + i / width);
                inked[0] += shown[i] != 0 ? 1 : 0;
            }
            return edges.showedDrawn();
        }), "the graph showed the worker's picture instead of drawing its own");
        assertTrue(inked[0] > 1000, "the edges are drawn: " + inked[0] + " pixels");
    }

    @Test
    void aLongEpochLineLeavesTheMapWhole(FxRobot robot) {
        robot.interact(() -> ui.window.openPlayground("spiral"));
        ui.settle();
        Node map = robot.lookup("#output-map").query();
        Node right = robot.lookup("#pg-right").query();
        double left = map.localToScene(map.getBoundsInLocal()).getMinX();
        double edge = right.localToScene(right.getBoundsInLocal()).getMaxX();
        assertTrue(map.localToScene(map.getBoundsInLocal()).getMaxX() <= edge, "the map fits at first");
        // the epoch line after hours of training, six-digit counts: the line gives way, not the map
        robot.interact(() -> ((javafx.scene.control.Label) robot.lookup("#epoch").query())
                .setText("Epoch 123,456 \u00b7 3,086,400 updates \u00b7 60 frames/s"));
        ui.settle();
        javafx.geometry.Bounds after = map.localToScene(map.getBoundsInLocal());
        assertEquals(left, after.getMinX(), 0.5, "the map stays where it was");
        assertEquals(edge, right.localToScene(right.getBoundsInLocal()).getMaxX(), 0.5, "the right column too");
        assertTrue(after.getMaxX() <= edge, after + " within " + edge);
    }

    @Test
    void theMapIsDrawnAtTheScreensPixelsInPresentationModeAndInAnExport(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.settle();
        Node map = robot.lookup("#output-map").query();
        ImageView view = (ImageView) map.lookup(".image-view");
        assertEquals(DataMapView.SIZE, view.getImage().getWidth());
        assertTrue(matchesTheScaledMap(view.getImage(), session().getSnapshot()) > 500);

        // the export at twice the scale draws the map at its pixels, then the screen's again
        Image exported = WaitForAsyncUtils.asyncFx(() -> PngExport.snapshot(map, 2)).get();
        assertEquals(2 * DataMapView.SIZE, exported.getWidth());
        assertTrue(matchesTheScaledMap(exported, session().getSnapshot()) > 2000);
        assertEquals(DataMapView.SIZE, view.getImage().getWidth(), "back at the screen's size");

        // presentation mode in a window with room for it enlarges the map by 1.6: its picture has as many more pixels
        WaitForAsyncUtils.asyncFx(() -> ui.stage.setWidth(1800)).get();
        robot.push(KeyCode.F5);
        ui.settle();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.6, map.getScaleX(), 1e-9);
        assertEquals(Math.round(DataMapView.SIZE * 1.6), view.getImage().getWidth());
        assertTrue(matchesTheScaledMap(view.getImage(), session().getSnapshot()) > 1000);
    }

    /** How many pixels of {@code image} are about {@code color} (each channel within 60). */
    private static int inked(Image image, javafx.scene.paint.Color color) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                javafx.scene.paint.Color c = image.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - color.getRed()) < 0.24 && Math.abs(c.getGreen() - color.getGreen()) < 0.24
                        && Math.abs(c.getBlue() - color.getBlue()) < 0.24) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aChartOutOfViewIsDrawnWhenScrolledIntoViewOrExported(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.settle();
        javafx.scene.control.ScrollPane right = robot.lookup("#pg-right").query();
        LossCurveView accuracy = robot.lookup("#pg-accuracy-curve").queryAs(LossCurveView.class);
        robot.interact(() -> right.setVvalue(0));
        ui.settle();
        assertFalse(InView.isShown(accuracy), "under the loss chart: out of view in a window 800 pixels high, at "
                + accuracy.localToScene(accuracy.getLayoutBounds()) + " in " + accuracy.getScene().getHeight());
        for (int i = 0; i < 5; i++) {
            ui.click(robot, "#pg-step");
        }
        ui.settle();
        assertFalse(accuracy.getChart().isEmpty());
        assertTrue(accuracy.isStale(), "not drawn while out of view");

        // scrolled into view: drawn on the next frame, the training accuracy's blue line in it
        robot.interact(() -> right.setVvalue(1));
        ui.settle();
        assertTrue(InView.isShown(accuracy));
        assertFalse(accuracy.isStale());
        Image shown = WaitForAsyncUtils.asyncFx(() -> PngExport.snapshot(accuracy, 1)).get();
        assertTrue(inked(shown, LossCurveView.color(0)) > 20);

        // out of view again while training: a PNG export still gets the chart drawn
        robot.interact(() -> right.setVvalue(0));
        ui.settle();
        for (int i = 0; i < 5; i++) {
            ui.click(robot, "#pg-step");
        }
        ui.settle();
        assertTrue(accuracy.isStale());
        assertEquals(10, accuracy.getChart().xMax(), "ten epochs");
        Image exported = WaitForAsyncUtils.asyncFx(() -> PngExport.snapshot(accuracy, 2)).get();
        assertFalse(accuracy.isStale());
        assertTrue(inked(exported, LossCurveView.color(0)) > 40);
    }
}
