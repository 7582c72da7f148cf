package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every view leaves the app: the window's buttons (language, presentation, export, help) on every
 * tab, the tab shown as PNG, a panel as PNG from its right-click menu, presentation mode enlarging
 * each tab's pictures, and the Markdown handout of the state shown (an edited weight) in English
 * and in Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class EveryViewWindowTest {
    private static final String[] TABS = {"step", "playground", "activations", "descent", "digits"};
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private Image exportTab(FxRobot robot, Path file, String item) throws Exception {
        ui.pngAnswer = file;
        robot.clickOn("#export");
        ui.click(robot, item);
        byte[] png = Files.readAllBytes(file);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        return new Image(file.toUri().toString());
    }

    @Test
    void theExportMenuWritesWhicheverTabIsShowingAsPng(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        for (String tab : TABS) {
            ui.click(robot, "#tab-" + tab);
            Path file = dir.resolve(tab + ".png");
            Image image = exportTab(robot, file, "Export the view as PNG");
            // the tab's content: the window's width, its height less the tab headers
            assertEquals(1400, image.getWidth(), 2, tab);
            assertTrue(image.getHeight() > 600 && image.getHeight() < ui.window.root().getHeight(),
                    tab + ": " + image.getHeight());
            assertTrue(Files.size(file) > 10_000, tab + ": " + Files.size(file) + " bytes");
            assertEquals("Saved " + tab + ".png.", ui.text(robot, "#window-notice"), tab);
        }
        // the handout and the code belong to the stepping tab: not offered on the others
        var export = robot.lookup("#export").queryAs(javafx.scene.control.MenuButton.class);
        for (String item : new String[] {"export-markdown", "export-pytorch", "export-numpy"}) {
            assertFalse(export.getItems().stream().filter(i -> item.equals(i.getId())).findFirst().orElseThrow()
                    .isVisible(), item);
        }
        // the keyboard: Ctrl+Shift+E exports the tab showing (here the digits tab)
        ui.pngAnswer = dir.resolve("by-key.png");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        ui.settle();
        assertTrue(Files.size(ui.pngAnswer) > 10_000);
        ui.click(robot, "#tab-step");
    }

    /** Right-clicks {@code query}, saves its picture, and returns it. */
    private Image savePanel(FxRobot robot, String query, Path file) throws Exception {
        ui.pngAnswer = file;
        robot.clickOn(query, MouseButton.SECONDARY);
        ui.settle();
        ui.click(robot, "Save picture as PNG\u2026");
        return new Image(file.toUri().toString());
    }

    @Test
    void everyPanelSavesItsPictureFromItsRightClickMenu(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        ui.click(robot, "#next-stage");
        // a picture is saved at twice the scale it is shown at
        Node graph = robot.lookup("#step-graph").query();
        Image g = savePanel(robot, "#step-graph", dir.resolve("graph.png"));
        assertEquals(2 * graph.getLayoutBounds().getWidth(), g.getWidth(), 2);
        Node inspector = robot.lookup("#inspector-title").query().getParent();
        assertTrue(savePanel(robot, "#inspector-title", dir.resolve("inspector.png")).getWidth() > 200);
        assertTrue(inspector.isVisible());
        assertTrue(savePanel(robot, "#loss-curve", dir.resolve("loss.png")).getWidth() > 200);
        // the same stage as matrices: the whole panel, from a right click on its heading
        ui.click(robot, "#step-tab-matrices");
        Node matrices = robot.lookup("#matrix-heading").query().getParent();
        Image m = savePanel(robot, "#matrix-heading", dir.resolve("matrices.png"));
        assertEquals(2 * matrices.getLayoutBounds().getWidth(), m.getWidth(), 2);
        ui.click(robot, "#step-tab-network");

        ui.click(robot, "#tab-playground");
        Image map = savePanel(robot, "#map-legend", dir.resolve("map.png"));
        assertEquals(2 * DataMapView.SIZE, map.getWidth(), 2, "the map itself, from its legend's menu");
        assertTrue(savePanel(robot, "#pg-graph", dir.resolve("pg-graph.png")).getWidth() > 200);

        ui.click(robot, "#tab-activations");
        Image plot = savePanel(robot, "#plot-sigmoid", dir.resolve("sigmoid.png"));
        assertTrue(plot.getWidth() > 2 * robot.lookup("#plot-sigmoid").query().getLayoutBounds().getWidth() - 2);
        assertEquals("Saved sigmoid.png.", ui.text(robot, "#window-notice"));

        ui.click(robot, "#tab-descent");
        Node canvas = robot.lookup("#descent-canvas").query();
        Image d = savePanel(robot, "#descent-canvas", dir.resolve("descent.png"));
        assertEquals(2 * canvas.getLayoutBounds().getWidth(), d.getWidth(), 2);
        ui.click(robot, "#tab-step");
    }

    private double font(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getFont().getSize();
    }

    @Test
    void presentationModeEnlargesEveryTabAndItsPictures(FxRobot robot) {
        ui.settle();
        // the playground: its labels and its map
        ui.click(robot, "#tab-playground");
        double label = font(robot, "#map-title");
        ui.click(robot, "#presentation");
        // read once the window has settled (a lookup while the FX thread was still laying it out failed once)
        ui.settle();
        assertTrue(font(robot, "#map-title") > 1.3 * label, label + " -> " + font(robot, "#map-title"));
        // the map as large as the window leaves room for beside the controls and the network
        assertTrue(robot.lookup("#output-map").query().getScaleX() > 1.15, "" + robot.lookup("#output-map").query().getScaleX());
        assertTrue(ui.settings.presentation());
        ui.screenshot("presentation-playground");
        // the activations: the plots
        ui.click(robot, "#tab-activations");
        assertEquals(1.6, robot.lookup("#plot-sigmoid").query().getScaleX(), 1e-9);
        assertTrue(robot.lookup("#plot-sigmoid").query().getBoundsInParent().getWidth() > 1.5
                * robot.lookup("#plot-sigmoid").query().getLayoutBounds().getWidth());
        ui.screenshot("presentation-activations");
        // the descent: each lesson's picture
        ui.click(robot, "#tab-descent");
        // as large as the window's height leaves room for (1.6 would reach below a 1400 x 860 window)
        javafx.scene.Node descent = robot.lookup("#descent-canvas").query();
        assertTrue(descent.getScaleX() > 1.2 && descent.getScaleX() <= 1.6, "" + descent.getScaleX());
        assertTrue(descent.localToScene(descent.getLayoutBounds()).getMaxY() <= descent.getScene().getHeight() + 0.5,
                "the descent's picture ends above the window's bottom");
        ui.click(robot, "#descent-tab-softmax");
        // the softmax bars are drawn larger (a canvas of 420 x 220 at scale 1)
        assertEquals(420 * 1.6, robot.lookup("#softmax-bars").queryAs(javafx.scene.canvas.Canvas.class).getWidth(), 1e-9);
        ui.screenshot("presentation-softmax");
        ui.click(robot, "#descent-tab-gd");
        // the digits: the probability bars are drawn larger
        ui.click(robot, "#tab-digits");
        double bars = robot.lookup("#probabilities").queryAs(ProbabilityBars.class).getWidth();
        // F5 turns it off from any tab, and on again
        robot.push(KeyCode.F5);
        ui.settle();
        assertFalse(ui.settings.presentation());
        assertEquals(1.0, robot.lookup("#descent-canvas").query().getScaleX(), 1e-9);
        assertTrue(bars > 1.5 * robot.lookup("#probabilities").queryAs(ProbabilityBars.class).getWidth());
        robot.push(KeyCode.F5);
        ui.settle();
        assertTrue(ui.settings.presentation());
        // the stepping tab: its graph and text
        ui.click(robot, "#tab-step");
        assertTrue(font(robot, "#stage-label") > 20 * 1.2, "" + font(robot, "#stage-label"));
        ui.click(robot, "#presentation");
        assertFalse(ui.settings.presentation());
    }

    @Test
    void theHelpAndItsKeysWorkOnEveryTab(FxRobot robot) {
        ui.settle();
        for (String tab : TABS) {
            ui.click(robot, "#tab-" + tab);
            robot.push(KeyCode.F1);
            ui.settle();
            assertTrue(robot.lookup("#help-overlay").query().isVisible(), tab);
            robot.push(KeyCode.ESCAPE);
            ui.settle();
            assertFalse(robot.lookup("#help-overlay").query().isVisible(), tab);
            assertTrue(robot.lookup("#help").query().isVisible(), tab);
            assertTrue(robot.lookup("#language").query().isVisible(), tab);
        }
        ui.click(robot, "#help");
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Presentation mode on or off")));
        ui.click(robot, "#help");
        ui.click(robot, "#tab-step");
    }

    /** Edits w1 to 0.9 after the first iteration, then exports a 1-iteration handout. */
    private String handoutAfterAnEdit(FxRobot robot, Path dir, String exportItem) throws Exception {
        ui.settle();
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#weight-0-0-0");
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).write("0.9");
        ui.click(robot, "#edit-apply");
        ui.handoutAnswer = new ExportDialogs.Handout(dir.resolve("handout.md"), 1);
        robot.clickOn("#export");
        ui.click(robot, exportItem);
        ui.settle();
        return Files.readString(ui.handoutAnswer.file());
    }

    @Test
    void theHandoutStartsFromTheStateShownWithTheEditedWeight(FxRobot robot, @TempDir Path dir) throws Exception {
        String md = handoutAfterAnEdit(robot, dir, "Export a Markdown handout");
        // iteration 2 from w1 = 0.9 (edited) and the rest as iteration 1 left them
        assertTrue(md.startsWith("# Backprop Lab handout: Forward and backward, by hand (2-2-2)"), md);
        assertTrue(md.contains("## Iteration 2\n"), md);
        assertFalse(md.contains("## Iteration 1\n"), md);
        assertTrue(md.contains("From iteration 2, with the weights, biases and samples as they are now"), md);
        // net_h1 = 0.9 x 0.05 + w2 x 0.1 + 0.35, w2 after iteration 1 = 0.199561432: 0.4149561432
        assertTrue(md.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.9 x 0.05 + 0.199561432 x 0.1 + 0.35 x 1 "
                + "= 0.414956143\n"), md);
        assertTrue(md.contains("### Forward pass"), md);
        assertTrue(md.contains("### Backward pass"), md);
        assertTrue(md.contains("| learning rate 0.5 |") || md.contains("learning rate 0.5"), md);
        assertTrue(md.contains("After iteration 2: E_total = "), md);
    }

    @Test
    void theHandoutIsWrittenInTheLanguageOfTheWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        ui.choose(robot, "#language", "\u4e2d\u6587");
        String md = handoutAfterAnEdit(robot, dir, ui.i18n.get("export.markdown"));
        String title = ui.i18n.get("export.handoutTitle", "");
        ui.choose(robot, "#language", "English");
        assertTrue(md.startsWith("# " + title), md);
        assertFalse(title.startsWith("Backprop Lab handout"), title);
        assertTrue(md.contains("## \u7b2c 2 \u6b21\u8fed\u4ee3\n"), md);
        assertTrue(md.contains("### \u524d\u5411\u4f20\u64ad"), "forward pass in Chinese: " + md);
        assertTrue(md.contains("\u4ece\u7b2c 2 \u6b21\u8fed\u4ee3\u5f00\u59cb"), md);
        // the formulas as the CLI writes them, with the edited weight
        assertTrue(md.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.9 x 0.05 + 0.199561432 x 0.1 + 0.35 x 1 "
                + "= 0.414956143\n"), md);
        assertTrue(md.contains("\u7b2c 2 \u6b21\u8fed\u4ee3\u4e4b\u540e\uff1aE_total = "), md);
        assertFalse(md.contains("Forward pass"), md);
    }
}
