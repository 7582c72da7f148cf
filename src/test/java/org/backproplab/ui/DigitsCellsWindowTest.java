package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.backproplab.session.DigitsCellsSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Numbers inside" on LeNet-5, as a learner uses it: the second convolution chosen, a cell of a
 * map clicked (its sum written out), the arrow key moving to the next cell, a kernel weight clicked
 * (its gradient as a sum beside the finite-difference estimate), the input clicked to go back a layer.
 */
@ExtendWith(ApplicationExtension.class)
class DigitsCellsWindowTest {
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

    private DigitsCellsSnapshot snapshot() {
        return ui.window.digits().session().cells().snapshotProperty().get();
    }

    private String lines(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        for (Node n : robot.lookup("#cells-lines").queryAs(VBox.class).getChildren()) {
            b.append(((Label) n).getText()).append('\n');
        }
        return b.toString();
    }

    /** Clicks the middle of cell (y, x) of a picture of rows x cols cells. */
    private void clickCell(FxRobot robot, String query, int y, int x, int rows, int cols) {
        Node picture = robot.lookup(query).query();
        Bounds b = picture.localToScreen(picture.getBoundsInLocal());
        robot.clickOn(new Point2D(b.getMinX() + (x + 0.5) * b.getWidth() / cols,
                b.getMinY() + (y + 0.5) * b.getHeight() / rows));
        ui.settle();
    }

    @Test
    void aCellOfLeNetsSecondConvolutionAndAKernelWeightAreWrittenOutWithNumbers(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        choose(robot, "#digits-preset", "LeNet-5: two conv and pool, dense 120, 84");
        ui.click(robot, "#digits-cells-tab");
        assertTrue(ui.text(robot, "#cells-digit").startsWith("Test digit, label "), ui.text(robot, "#cells-digit"));
        choose(robot, "#cells-layer", "Layer 3: convolution, 16 filters 5\u00d75, relu, maps 10\u00d710");
        assertEquals(2, snapshot().layer());

        clickCell(robot, "#cells-output", 4, 5, 10, 10);
        assertEquals("Map 0, cell (4, 5) framed", ui.text(robot, "#cells-output-title"));
        assertEquals("Cell a3[0][4][5]", ui.text(robot, "#cells-inspector-title"));
        String text = lines(robot);
        assertTrue(text.contains("window of a2: rows 4 to 8, columns 5 to 9"), text);
        assertTrue(text.contains("z = sum + b3[0] = "), text);
        assertTrue(text.contains("a = relu(z) = "), text);

        robot.type(KeyCode.RIGHT); // the map has the keyboard after the click
        ui.settle();
        assertEquals("Map 0, cell (4, 6) framed", ui.text(robot, "#cells-output-title"));
        ui.screenshot("digits-lenet-cell");

        ui.click(robot, "#cells-weight-1-2");
        assertEquals(7, snapshot().chosen());
        assertTrue(ui.text(robot, "#cells-inspector-title").startsWith("Weight W3[0][0][1][2] = "),
                ui.text(robot, "#cells-inspector-title"));
        text = lines(robot);
        assertTrue(text.contains("dE/dW3[0][0][1][2] = sum over (y, x) of \u03b43[0][y][x] \u00d7 a2[0][y+1][x+2]"), text);
        assertTrue(ui.text(robot, "#cells-numeric").startsWith("Finite-difference estimate of dE/dW3[0][0][1][2]: "),
                ui.text(robot, "#cells-numeric"));
        ui.screenshot("digits-lenet-kernel-weight");

        clickCell(robot, "#cells-input", 7, 6, 14, 14);
        assertEquals(1, snapshot().layer(), "a cell of the input is that cell of the pooling before");
        assertTrue(ui.text(robot, "#cells-inspector-title").equals("Cell a2[0][7][6]"),
                ui.text(robot, "#cells-inspector-title"));
        assertTrue(lines(robot).contains("a = the largest of the window = "), lines(robot));
    }

    @Test
    void theViewSpeaksChinese(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        ui.click(robot, "#digits-cells-tab");
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.settle();
        clickCell(robot, "#cells-output", 10, 12, 24, 24);
        assertEquals("特征图 0，单元 (10, 12) 已框出", ui.text(robot, "#cells-output-title"));
        assertTrue(ui.text(robot, "#cells-digit").startsWith("测试数字"), ui.text(robot, "#cells-digit"));
        ui.screenshot("digits-cell-zh");
    }

    @SuppressWarnings("unchecked")
    private void choose(FxRobot robot, String query, String text) {
        ComboBox<Object> box = robot.lookup(query).queryAs(ComboBox.class);
        ui.click(robot, query);
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && text.equals(c.getText())).queryAs(Node.class));
        ui.settle();
        assertTrue(box.getValue() != null);
    }
}
