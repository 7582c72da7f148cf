package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.session.GraphItem;
import org.backproplab.session.GraphSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The graph view alone, as the playground uses it: a plain network, compact, with heatmaps. */
@ExtendWith(ApplicationExtension.class)
class GraphViewTest {
    private GraphView graph;
    private final List<GraphItem> clicked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        graph = new GraphView(new I18n(Locale.ENGLISH), clicked::add);
        graph.setIdPrefix("pg-");
        graph.setShowTargets(false);
        graph.setCompact(true);
        Map<String, ImmutableMatrix> p = Map.of("W1", ImmutableMatrix.of(new double[][] {{0.5, -2}, {1, 1}}),
                "b1", ImmutableMatrix.of(new double[][] {{0.1}, {0.2}}),
                "W2", ImmutableMatrix.of(new double[][] {{1, -1}}), "b2", ImmutableMatrix.of(new double[][] {{0}}));
        graph.render(GraphSnapshot.ofNetwork(List.of(2, 2, 1), List.of("X1", "X2"), p, true, false));
        // the runner reuses one stage: drop what an earlier test's window left on it
        stage.titleProperty().unbind();
        stage.setOnHidden(null);
        stage.setScene(new Scene(new StackPane(graph), 600, 400));
        stage.show();
    }

    private static int[][][] pictures(int argb) {
        int[] pixels = new int[4 * 4];
        Arrays.fill(pixels, argb);
        return new int[][][] {{pixels, pixels}, {pixels}};
    }

    private ImageView thumb(FxRobot robot, String id) {
        return (ImageView) robot.lookup(id).queryAs(StackPane.class).getChildren().get(2);
    }

    /** The sheet's pixel (premultiplied ARGB) at the centre of the node {@code id}, moved by (dx, dy) pixels. */
    private static int sheetPixel(FxRobot robot, String id, double dx, double dy) {
        ImageView sheet = robot.lookup(".neuron-sheet").queryAs(ImageView.class);
        Node node = robot.lookup(id).query();
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        javafx.geometry.Point2D p = sheet.sceneToLocal(b.getCenterX(), b.getCenterY());
        double perUnit = sheet.getImage().getWidth() / sheet.getFitWidth();
        return sheet.getImage().getPixelReader().getArgb((int) Math.floor(p.getX() * perUnit + dx),
                (int) Math.floor(p.getY() * perUnit + dy));
    }

    @Test
    void heatmapsAreDrawnWithTheirCirclesIntoOnePictureWrittenEachFrame(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(pictures(0xffff0000), 4)).get();
        ImageView sheet = robot.lookup(".neuron-sheet").queryAs(ImageView.class);
        StackPane h1 = robot.lookup("#pg-neuron-0-0").queryAs(StackPane.class);
        Image first = sheet.getImage();
        assertTrue(sheet.isVisible());
        assertFalse(h1.getChildren().get(0).isVisible(), "its circle is in the picture");
        assertFalse(thumb(robot, "#pg-neuron-0-0").isVisible(), "and its heatmap");
        for (String id : List.of("#pg-neuron-0-0", "#pg-neuron-0-1", "#pg-neuron-1-0")) {
            assertEquals(0xffff0000, sheetPixel(robot, id, 0, 0), id);
        }
        // the circle round the heatmap (no style sheet here: a black disc), and nothing between the neurons
        Node circle = h1.getChildren().get(0);
        double radius = circle.localToScene(circle.getLayoutBounds()).getWidth() / 2
                * sheet.getImage().getWidth() / sheet.getFitWidth();
        assertEquals(0xff000000, sheetPixel(robot, "#pg-neuron-0-0", 0, -radius * 0.9), "inside the circle, above the map");
        assertEquals(0, sheetPixel(robot, "#pg-neuron-0-0", 0, -radius * 1.3) >>> 24, "outside it");
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(pictures(0xff0000ff), 4)).get();
        assertSame(first, sheet.getImage(), "the picture is reused");
        assertEquals(0xff0000ff, sheetPixel(robot, "#pg-neuron-1-0", 0, 0));
        // no heatmaps: each neuron draws its own circle again, its lines in it
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(null, 4)).get();
        assertFalse(sheet.isVisible());
        assertTrue(h1.getChildren().get(0).isVisible());
        assertTrue(h1.getChildren().get(1).isVisible());
        assertFalse(thumb(robot, "#pg-neuron-0-0").isVisible());
    }

    @Test
    void aSelectedNeuronDrawsItsOwnCircleAndHeatmapOverThePicture(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(pictures(0xffff0000), 4)).get();
        GraphSnapshot s = withOutputLines("net = 1.0", "out = 0.73");
        List<List<GraphSnapshot.Neuron>> neurons = new ArrayList<>(s.neurons());
        GraphSnapshot.Neuron o = s.neurons().get(1).get(0);
        neurons.set(1, List.of(new GraphSnapshot.Neuron(o.name(), o.net(), o.out(), o.delta(), o.tip(), o.active(),
                o.backward(), o.deltaActive(), true)));
        GraphSnapshot selected = new GraphSnapshot(s.layerSizes(), s.inputs(), neurons, s.biases(), s.edges(),
                s.targets(), s.errors(), s.showTargets());
        WaitForAsyncUtils.asyncFx(() -> {
            graph.render(selected);
            graph.setThumbnails(pictures(0xff00ff00), 4);
        }).get();
        StackPane chosen = robot.lookup("#pg-neuron-1-0").queryAs(StackPane.class);
        assertTrue(chosen.getChildren().get(0).isVisible(), "its own circle, styled as selected");
        ImageView own = thumb(robot, "#pg-neuron-1-0");
        assertTrue(own.isVisible());
        assertEquals(0xff00ff00, own.getImage().getPixelReader().getArgb(2, 2));
        assertFalse(robot.lookup("#pg-neuron-0-0").queryAs(StackPane.class).getChildren().get(0).isVisible());
        assertEquals(0xff00ff00, sheetPixel(robot, "#pg-neuron-0-0", 0, 0), "the others in the picture");
        // unselected, with new maps: back in the picture, with the new map
        WaitForAsyncUtils.asyncFx(() -> {
            graph.render(s);
            graph.setThumbnails(pictures(0xffff00ff), 4);
        }).get();
        assertFalse(chosen.getChildren().get(0).isVisible());
        assertFalse(own.isVisible());
        assertEquals(0xffff00ff, sheetPixel(robot, "#pg-neuron-1-0", 0, 0));
        // selected again with newer maps: its own image shows the newest, not the one it showed before
        WaitForAsyncUtils.asyncFx(() -> {
            graph.render(selected);
            graph.setThumbnails(pictures(0xff00ffff), 4);
        }).get();
        assertTrue(own.isVisible());
        assertEquals(0xff00ffff, own.getImage().getPixelReader().getArgb(2, 2));
    }

    @Test
    void theNeuronsAtTheEditedWeightsEndsDrawThemselvesOverItsEdge(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(pictures(0xffff0000), 4)).get();
        // the weight from h2 (layer 0, neuron 1) to the output (layer 1, neuron 0), drawn with a glow
        WaitForAsyncUtils.asyncFx(() -> graph.setMarked(GraphItem.weight(1, 0, 1))).get();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#pg-neuron-0-1", "#pg-neuron-1-0")) {
            StackPane end = robot.lookup(id).queryAs(StackPane.class);
            assertTrue(end.getChildren().get(0).isVisible(), id + " draws its own circle");
            assertEquals(0xffff0000, thumb(robot, id).getImage().getPixelReader().getArgb(1, 1), id);
        }
        assertFalse(robot.lookup("#pg-neuron-0-0").queryAs(StackPane.class).getChildren().get(0).isVisible());
        WaitForAsyncUtils.asyncFx(() -> graph.setMarked(null)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#pg-neuron-1-0").queryAs(StackPane.class).getChildren().get(0).isVisible());
    }

    /** The network of {@link #start} with neuron (1, 0)'s net and out lines set, as a stepping snapshot has them. */
    private static GraphSnapshot withOutputLines(String net, String out) {
        Map<String, ImmutableMatrix> p = Map.of("W1", ImmutableMatrix.of(new double[][] {{0.5, -2}, {1, 1}}),
                "b1", ImmutableMatrix.of(new double[][] {{0.1}, {0.2}}),
                "W2", ImmutableMatrix.of(new double[][] {{1, -1}}), "b2", ImmutableMatrix.of(new double[][] {{0}}));
        GraphSnapshot s = GraphSnapshot.ofNetwork(List.of(2, 2, 1), List.of("X1", "X2"), p, true, false);
        List<List<GraphSnapshot.Neuron>> neurons = new ArrayList<>(s.neurons());
        GraphSnapshot.Neuron o = s.neurons().get(1).get(0);
        neurons.set(1, List.of(new GraphSnapshot.Neuron(o.name(), net, out, o.delta(), o.tip(), o.active(),
                o.backward(), o.deltaActive(), o.selected())));
        return new GraphSnapshot(s.layerSizes(), s.inputs(), neurons, s.biases(), s.edges(), s.targets(), s.errors(),
                s.showTargets());
    }

    @Test
    void aNeuronsLinesHiddenBehindItsHeatmapShowTheNewestSnapshotWhenTheHeatmapGoes(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> graph.render(withOutputLines("net = 1.0", "out = 0.73"))).get();
        Label net = robot.lookup("#pg-net-1-0").queryAs(Label.class);
        Label out = robot.lookup("#pg-out-1-0").queryAs(Label.class);
        assertEquals("net = 1.0", net.getText());
        // behind the heatmaps, two frames go by with other values: the hidden lines are not written
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(pictures(0xffff0000), 4)).get();
        WaitForAsyncUtils.asyncFx(() -> graph.render(withOutputLines("net = 2.0", "out = 0.88"))).get();
        WaitForAsyncUtils.asyncFx(() -> graph.render(withOutputLines("net = -3.0", "out = 0.047"))).get();
        assertFalse(net.getParent().isVisible(), "hidden behind the map");
        assertEquals("net = 1.0", net.getText(), "not written while hidden");
        // the maps go: the lines come back with the newest snapshot's values, not the ones last written
        WaitForAsyncUtils.asyncFx(() -> graph.setThumbnails(null, 4)).get();
        assertTrue(net.getParent().isVisible());
        assertEquals("net = -3.0", net.getText());
        assertEquals("out = 0.047", out.getText());
    }

    /** The tooltip showing now (waits for it). */
    private static javafx.scene.control.Tooltip shownTooltip(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing()));
        return (javafx.scene.control.Tooltip) robot.listWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing()).findFirst().get();
    }

    @Test
    void aHiddenWeightsTooltipIsWrittenWhenItShows() throws Exception {
        javafx.scene.control.Tooltip tip = WaitForAsyncUtils.asyncFx(GraphNodes::tooltip).get();
        tip.setText("w = 1");
        GraphNodes.textWhenShown(tip, () -> "w = 2");
        assertEquals("w = 1", tip.getText(), "not shown: not written yet");
        // showing it writes the newest text, once
        WaitForAsyncUtils.asyncFx(() -> tip.getOnShowing().handle(null)).get();
        assertEquals("w = 2", tip.getText());
        tip.setText("w = 3");
        WaitForAsyncUtils.asyncFx(() -> tip.getOnShowing().handle(null)).get();
        assertEquals("w = 3", tip.getText(), "nothing left to write");
    }

    /** The point a fraction {@code t} along the edge of weight (l, j, i) from its start, on the screen. */
    private javafx.geometry.Point2D onEdge(int l, int j, int i, double t) {
        return graph.edgeHits().onScreen(GraphItem.weight(l, j, i), t);
    }

    /** Moves well away from the edge of weight (l, j, i) and waits until no tooltip shows. */
    private void awayFrom(FxRobot robot, int l, int j, int i) throws Exception {
        robot.moveTo(onEdge(l, j, i, 0).add(-60, -60));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .noneMatch(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing()));
    }

    /**
     * The colour painted a quarter along the edge of weight (l, j, i): of the pixels around that point in
     * the edges' picture, the most opaque (the line's centre), as ARGB.
     */
    private int paintedOn(int l, int j, int i) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ImageView raster = graph.edges().rasterView();
            javafx.geometry.Point2D at = raster.screenToLocal(onEdge(l, j, i, 0.25));
            Image image = raster.getImage();
            double px = image.getWidth() / raster.getLayoutBounds().getWidth();
            int best = 0;
            for (int dx = -2; dx <= 2; dx++) {
                for (int dy = -2; dy <= 2; dy++) {
                    int argb = image.getPixelReader().getArgb((int) (at.getX() * px) + dx, (int) (at.getY() * px) + dy);
                    best = (argb >>> 24) > (best >>> 24) ? argb : best;
                }
            }
            return best;
        }).get();
    }

    /** Whether an ARGB colour is the positive weights' blue rather than the negative ones' orange. */
    private static boolean blue(int argb) {
        return (argb & 0xFF) > (argb >> 16 & 0xFF);
    }

    /** Hovers a quarter along the edge of weight (l, j, i) and reads its tooltip, then moves away so that it hides. */
    private String hoverEdge(FxRobot robot, int l, int j, int i) throws Exception {
        robot.moveTo(onEdge(l, j, i, 0.25));
        String text = shownTooltip(robot).getText();
        awayFrom(robot, l, j, i);
        return text;
    }

    @Test
    void theEdgeUnderTheMouseIsFoundFromWhereTheEdgesGo(FxRobot robot) throws Exception {
        List<GraphItem> hovered = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> graph.setOnHover(hovered::add)).get();
        // a quarter along X2 -> h1, then onto h1 -> out: each edge told as the mouse enters it
        robot.moveTo(onEdge(0, 0, 1, 0.25));
        robot.moveTo(onEdge(1, 0, 0, 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hovered.contains(GraphItem.weight(0, 0, 1)), hovered.toString());
        assertEquals(GraphItem.weight(1, 0, 0), hovered.get(hovered.size() - 1), hovered.toString());
        // off the edges (above and left of the first input): nothing hovered
        robot.moveTo(onEdge(0, 0, 0, 0).add(-60, -60));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(hovered.get(hovered.size() - 1), hovered.toString());
        // a click on an edge selects its weight
        robot.clickOn(onEdge(1, 0, 1, 0.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(GraphItem.weight(1, 0, 1)), clicked);
        awayFrom(robot, 1, 0, 1);
    }

    @Test
    void aNewSnapshotsWeightsAreWhatTheEdgesTooltipsTell(FxRobot robot) throws Exception {
        assertEquals("w1 (X1 \u2192 h1) = 0.5", hoverEdge(robot, 0, 0, 0));
        // the next frame: w2 (X2 -> h1) turns from -2.0 to 3.5, every other weight keeps its sign
        Map<String, ImmutableMatrix> p = Map.of("W1", ImmutableMatrix.of(new double[][] {{0.75, 3.5}, {1.5, 2}}),
                "b1", ImmutableMatrix.of(new double[][] {{0.1}, {0.2}}),
                "W2", ImmutableMatrix.of(new double[][] {{2, -0.5}}), "b2", ImmutableMatrix.of(new double[][] {{0}}));
        assertFalse(blue(paintedOn(0, 0, 1)), Integer.toHexString(paintedOn(0, 0, 1)));
        WaitForAsyncUtils.asyncFx(() -> graph.render(GraphSnapshot.ofNetwork(List.of(2, 2, 1), List.of("X1", "X2"), p,
                true, false))).get();
        // w2 is painted blue now; w6 (h2 -> out, -0.5) stays orange
        int turned = paintedOn(0, 0, 1);
        assertTrue(blue(turned) && (turned >>> 24) > 0, Integer.toHexString(turned));
        int kept = paintedOn(1, 0, 1);
        assertTrue(!blue(kept) && (kept >>> 24) > 0, Integer.toHexString(kept));
        assertEquals("w2 (X2 \u2192 h1) = 3.5", hoverEdge(robot, 0, 0, 1));
        // an edge whose tooltip was shown before: shown again, it tells the new value
        assertEquals("w1 (X1 \u2192 h1) = 0.75", hoverEdge(robot, 0, 0, 0));
    }

    /** The test's network with w1 (X1 -> h1) = {@code w1}, drawn as the next frame. */
    private void renderWith(double w1) throws Exception {
        Map<String, ImmutableMatrix> p = Map.of("W1", ImmutableMatrix.of(new double[][] {{w1, -2}, {1, 1}}),
                "b1", ImmutableMatrix.of(new double[][] {{0.1}, {0.2}}),
                "W2", ImmutableMatrix.of(new double[][] {{2, -0.5}}), "b2", ImmutableMatrix.of(new double[][] {{0}}));
        WaitForAsyncUtils.asyncFx(() -> graph.render(GraphSnapshot.ofNetwork(List.of(2, 2, 1), List.of("X1", "X2"), p,
                true, false))).get();
    }

    @Test
    void aWeightsTooltipShownWhileFramesCameTellsTheNewestValueWhenShownAgain(FxRobot robot) throws Exception {
        robot.moveTo(onEdge(0, 0, 0, 0.25));
        assertEquals("w1 (X1 \u2192 h1) = 0.5", shownTooltip(robot).getText());
        // a frame while it shows: it tells the new value at once
        renderWith(0.75);
        assertEquals("w1 (X1 \u2192 h1) = 0.75", shownTooltip(robot).getText());
        // hidden, then two frames, the second with no tooltip shown or hidden since the first (which
        // skips the tooltips): shown again, it tells the last frame's value, not the one it showed
        awayFrom(robot, 0, 0, 0);
        renderWith(1.25);
        renderWith(1.5);
        assertEquals("w1 (X1 \u2192 h1) = 1.5", hoverEdge(robot, 0, 0, 0));
        renderWith(1.75);
        assertEquals("w1 (X1 \u2192 h1) = 1.75", hoverEdge(robot, 0, 0, 0));
    }

    @Test
    void aCompactPlainNetworkShowsNamesAndHidesValues(FxRobot robot) throws Exception {
        assertEquals("X1", robot.lookup("#pg-input-0").queryAs(Label.class).getText());
        // compact: no weight labels at all; a weight's value is in its edge's tooltip, written when it shows
        assertTrue(robot.lookup("#pg-weight-0-0-1").tryQuery().isEmpty(), "compact: no weight labels");
        // a quarter along the edge from X2 (its middle crosses X1 -> h2's)
        robot.moveTo(onEdge(0, 0, 1, 0.25));
        assertEquals("w2 (X2 \u2192 h1) = -2.0", shownTooltip(robot).getText());
        assertFalse(robot.lookup("#pg-bias-0-0").query().isVisible());
        assertFalse(robot.lookup("#pg-target-0").query().isVisible(), "no targets");
        int w2 = paintedOn(0, 0, 1);
        assertTrue(!blue(w2) && (w2 >>> 24) > 0, "w2 = -2.0 painted orange: " + Integer.toHexString(w2));
        robot.clickOn("#pg-neuron-1-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(GraphItem.neuron(1, 0)), clicked);
    }

    @Test
    void biasSquaresSitOnEveryNeuronAndTellTheirItem(FxRobot robot) throws Exception {
        List<GraphItem> hovered = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            graph.setOnHover(hovered::add);
            graph.setBiasColors(new int[][] {{0xff0877bd, 0xfff59322}, {0xffe8eaeb}});
        }).get();
        javafx.scene.shape.Rectangle output = robot.lookup("#pg-bias-square-1-0").queryAs(
                javafx.scene.shape.Rectangle.class);
        assertTrue(output.isVisible(), "the output neuron's bias too");
        assertEquals(javafx.scene.paint.Color.rgb(0x08, 0x77, 0xbd),
                robot.lookup("#pg-bias-square-0-0").queryAs(javafx.scene.shape.Rectangle.class).getFill());
        robot.moveTo("#pg-bias-square-0-1");
        robot.clickOn("#pg-bias-square-0-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hovered.contains(GraphItem.bias(0, 1)), hovered.toString());
        assertEquals(GraphItem.bias(0, 1), clicked.get(clicked.size() - 1));
        WaitForAsyncUtils.asyncFx(() -> graph.setMarked(GraphItem.bias(0, 1))).get();
        assertTrue(robot.lookup("#pg-bias-square-0-1").query().getStyleClass().contains("selected"));
        WaitForAsyncUtils.asyncFx(() -> graph.setBiasColors(null)).get();
        assertFalse(output.isVisible(), "no biases, no squares");
    }
}
