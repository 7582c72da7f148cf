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
        ui.settings.setSize(1280, 800); // a projector's size: the narrowest the table gets
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void anEmptiedTableSaysWhyInChinese(FxRobot robot) throws Exception {
        ui.settle();
        TableView<?> table = robot.lookup("#parameter-table").queryAs(TableView.class);
        assertTrue(table.getItems().size() > 0, "the worked example lists its weights and biases");
        ui.click(robot, "#predict-toggle");
        ui.click(robot, "#next-stage");
        assertEquals(0, table.getItems().size(), "predict mode hides the table's numbers");
        Label placeholder = (Label) table.getPlaceholder();
        assertTrue(placeholder.isVisible() && placeholder.getScene() != null, "the placeholder is shown");
        assertEquals("回答或揭示后，数值列在这里。", placeholder.getText());
        // whole: it was cut to "No values to list now (in predict mode they show once the ..." in its one row
        assertEquals(java.util.List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(placeholder, null)));
        robot.interact(() -> ui.i18n.setLocale(Locale.ENGLISH));
        ui.settle();
        assertEquals("The values show here once answered or revealed.", placeholder.getText());
        assertEquals(java.util.List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(placeholder, null)));
    }
}
