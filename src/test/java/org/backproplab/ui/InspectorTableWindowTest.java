package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The inspector's table of weights, biases and gradients, emptied by predict mode, says why in
 * the UI's language instead of JavaFX's English "No content in table".
 */
@ExtendWith(ApplicationExtension.class)
class InspectorTableWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.SIMPLIFIED_CHINESE);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void anEmptiedTableSaysWhyInChinese(FxRobot robot) {
        ui.settle();
        TableView<?> table = robot.lookup("#parameter-table").queryAs(TableView.class);
        assertTrue(table.getItems().size() > 0, "the worked example lists its weights and biases");
        ui.click(robot, "#predict-toggle");
        ui.click(robot, "#next-stage");
        assertEquals(0, table.getItems().size(), "predict mode hides the table's numbers");
        Label placeholder = (Label) table.getPlaceholder();
        assertTrue(placeholder.isVisible() && placeholder.getScene() != null, "the placeholder is shown");
        assertEquals("此处暂无可列出的数值（预测模式下，回答或揭示所问的值后才显示）。", placeholder.getText());
        robot.interact(() -> ui.i18n.setLocale(Locale.ENGLISH));
        assertTrue(placeholder.getText().startsWith("No values to list now"), placeholder.getText());
    }
}
