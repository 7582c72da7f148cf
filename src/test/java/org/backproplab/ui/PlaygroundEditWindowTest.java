package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import org.backproplab.session.GraphItem;
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
 * The playground's graph as TensorFlow Playground's and more: a bias square on every neuron, the
 * exact value of what the mouse points at, and a weight or bias typed over.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundEditWindowTest {
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

    /** A point on the edge of weight (l, j, i) a third of the way from its start (clear of where edges cross), on the screen. */
    private static Point2D onEdge(FxRobot robot, int l, int j, int i) {
        return robot.lookup("#pg-graph").queryAs(GraphView.class).edgeHits().onScreen(GraphItem.weight(l, j, i), 1.0 / 3);
    }

    private void hoverEdge(FxRobot robot, int l, int j, int i) {
        away(robot);
        robot.moveTo(onEdge(robot, l, j, i));
        ui.settle();
    }

    /** Moves the mouse onto a node, from a place clear of the tooltip the last hover opened. */
    private void hover(FxRobot robot, String query) {
        away(robot);
        robot.moveTo(query);
        ui.settle();
    }

    /**
     * Off the graph, until the last tooltip has gone: a tooltip is a window of its own, and the
     * mouse arriving over it leaves the graph.
     */
    private void away(FxRobot robot) {
        robot.moveTo("#epoch");
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void hoverReadsAValueAndAClickedBiasIsTypedOver(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "TensorFlow Playground's default");
        assertTrue(ui.text(robot, "#pg-lesson-text").contains("\u00bd(o \u2212 t)\u00b2"), ui.text(robot, "#pg-lesson-text"));
        assertTrue(ui.text(robot, "#pg-hover").startsWith("Hover an edge"), ui.text(robot, "#pg-hover"));
        PlaygroundSnapshot s = session().getSnapshot();

        // hovering an edge shows its exact value, as many digits as the double has
        hoverEdge(robot, 0, 1, 0);
        String hover = ui.text(robot, "#pg-hover");
        assertTrue(hover.startsWith("w3 (X\u2081 \u2192 h1_2) = "), hover);
        double w = Double.parseDouble(hover.substring(hover.indexOf("= ") + 2));
        assertEquals(s.parameters().get("W1").get(1, 0), w, 0.0, "the exact value");
        assertTrue(w >= -0.5 && w < 0.5, "Playground's initial weights: " + w);

        // every neuron has a bias square, the output's included; hover one for its value
        for (int[] n : new int[][] {{0, 0}, {0, 3}, {1, 1}, {2, 0}}) {
            assertTrue(robot.lookup("#pg-bias-square-" + n[0] + "-" + n[1]).query().isVisible());
        }
        hover(robot, "#pg-bias-square-2-0");
        assertEquals("b_o1 = 0.1", ui.text(robot, "#pg-hover"));

        // click it: the field shows its value; type a new one and press Enter
        assertFalse(robot.lookup("#pg-edit-row").query().isVisible());
        ui.click(robot, "#pg-bias-square-2-0");
        assertTrue(robot.lookup("#pg-edit-row").query().isVisible());
        assertEquals("b_o1 =", ui.text(robot, "#pg-edit-title"));
        TextField field = robot.lookup("#pg-edit-field").queryAs(TextField.class);
        assertEquals("0.1", field.getText());
        assertTrue(robot.lookup("#pg-bias-square-2-0").query().getStyleClass().contains("selected"));
        ui.screenshot("playground-edit-bias");
        robot.doubleClickOn("#pg-edit-field").push(KeyCode.CONTROL, KeyCode.A).write("-0.75").push(KeyCode.ENTER);
        ui.settle();
        assertEquals(-0.75, session().getSnapshot().parameters().get("b3").get(0, 0), 0.0);
        hover(robot, "#pg-bias-square-2-0");
        assertEquals("b_o1 = -0.75", ui.text(robot, "#pg-hover"), "read back in the graph");
        assertEquals("", ui.text(robot, "#pg-edit-error"));
        assertTrue(Double.isFinite(session().getSnapshot().trainLossNow()));

        // a text that is not a number: the message says so, and nothing changes
        robot.doubleClickOn("#pg-edit-field").push(KeyCode.CONTROL, KeyCode.A).write("abc").push(KeyCode.ENTER);
        ui.settle();
        assertEquals("\u201cabc\u201d: That is not a number.", ui.text(robot, "#pg-edit-error"));
        assertEquals(-0.75, session().getSnapshot().parameters().get("b3").get(0, 0), 0.0);
        ui.screenshot("playground-edit-refused");

        // training keeps the typed value: one epoch (25 updates) moves it on from there, not from 0.1
        ui.click(robot, "#pg-step");
        double trained = session().getSnapshot().parameters().get("b3").get(0, 0);
        assertTrue(Math.abs(trained + 0.75) < 0.4 && trained != -0.75, "trained from -0.75: " + trained);

        // an edge can be clicked and typed over too (h1_1 -> h2_1 crosses no other edge)
        away(robot);
        robot.clickOn(onEdge(robot, 1, 0, 0));
        ui.settle();
        assertEquals("w9 (h1_1 \u2192 h2_1) =", ui.text(robot, "#pg-edit-title"));
        assertTrue(ui.text(robot, "#pg-hover").startsWith("w9 (h1_1 \u2192 h2_1) = "), ui.text(robot, "#pg-hover"));
        ui.screenshot("playground-edit-weight");
        // the selected edge is drawn marked, along the edge clicked
        Line marked = robot.lookup("#pg-edge-marked").queryAs(Line.class);
        assertTrue(marked.isVisible() && marked.getStyleClass().contains("selected"), marked.getStyleClass().toString());
        assertTrue(marked.localToScreen(marked.getEndX(), marked.getEndY()).distance(
                robot.lookup("#pg-graph").queryAs(GraphView.class).edgeHits().onScreen(GraphItem.weight(1, 0, 0), 1)) < 0.5);
        ui.click(robot, "#pg-edit-close");
        assertFalse(robot.lookup("#pg-edit-row").query().isVisible());
    }
}
