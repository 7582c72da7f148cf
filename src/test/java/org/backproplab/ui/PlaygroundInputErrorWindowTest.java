package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A value the playground refuses, typed in the smallest window it is made for (1280 x 800, where
 * the controls scroll): the message is scrolled into sight and the field is framed in red.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundInputErrorWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1280, 800);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    /** Whether {@code node} lies whole inside the viewport of the scroll pane around it. */
    private static boolean inSight(Node node) {
        ScrollPane pane = UiTestSupport.enclosing(node, ScrollPane.class);
        Bounds view = pane.localToScene(pane.getLayoutBounds());
        Bounds b = node.localToScene(node.getLayoutBounds());
        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
    }

    @Test
    void aLearningRateWithATypoIsRefusedInSightAndTheFieldIsMarked(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        Node error = robot.lookup("#pg-input-error").query();
        TextField rate = robot.lookup("#pg-learning-rate").queryAs(TextField.class);
        robot.clickOn(rate).push(KeyCode.CONTROL, KeyCode.A).write("0.1 r").push(KeyCode.ENTER);
        ui.settle();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("That is not a number.", ui.text(robot, "#pg-input-error"));
        assertEquals("0.03", ui.window.playground().session().setup().learningRateTextProperty().get(),
                "nothing changed");
        assertTrue(ui.text(robot, "#pg-lesson-text").contains("0.03"), "the description still says 0.03");
        assertTrue(inSight(error), "the message is scrolled into sight");
        assertTrue(rate.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER),
                "the field with the refused text is framed in red");
        assertEquals("0.1 r", rate.getText(), "what was typed stays, to be corrected");
        ui.screenshot("playground-refused-rate");
        // corrected: taken, and the frame goes
        robot.clickOn(rate).push(KeyCode.CONTROL, KeyCode.A).write("0.1").push(KeyCode.ENTER);
        ui.settle();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", ui.text(robot, "#pg-input-error"));
        assertEquals("0.1", ui.window.playground().session().setup().learningRateTextProperty().get());
        assertFalse(rate.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
    }
}
