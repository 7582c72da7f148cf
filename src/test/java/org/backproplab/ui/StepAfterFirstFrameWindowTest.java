package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * As the app starts (issue 15): the window is shown with its tab headers and buttons and a line
 * saying the lesson is opening; the stepping tab's content is built right after that first frame,
 * and then works as if it had been there from the start (its keys, the help).
 */
@ExtendWith(ApplicationExtension.class)
class StepAfterFirstFrameWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);
    private boolean shownAtOnce;
    private boolean stepBuiltWhenShown;
    private String opening;
    private boolean tabHeadersWhenShown;

    @Start
    void start(Stage stage) {
        ui.lazyTabs = true;
        ui.stepAfterFirstFrame = true;
        ui.open(stage);
        // what the first frame holds: open() has returned, no pulse has run yet
        shownAtOnce = stage.isShowing();
        stepBuiltWhenShown = stage.getScene().lookup("#step-graph") != null;
        tabHeadersWhenShown = stage.getScene().lookup("#window-bar") != null
                && stage.getScene().lookup(".tab-header-area") != null;
        opening = ((Label) stage.getScene().lookup("#step-opening")).getText();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void theTabsComeFirstAndTheSteppingTabRightAfter(FxRobot robot) {
        assertTrue(shownAtOnce);
        assertFalse(stepBuiltWhenShown, "the stepping tab is built after the first frame");
        assertTrue(tabHeadersWhenShown, "the first frame has the tab headers and the window's buttons");
        assertEquals("Opening the lesson\u2026", opening);
        ui.settle();
        assertTrue(robot.lookup("#step-graph").tryQuery().isPresent(), "built after the first frame");
        assertFalse(robot.lookup("#step-opening").tryQuery().isPresent(), "the line is gone");
        assertTrue(ui.window.builtTabs().isEmpty(), "no other tab was built");
        // its shortcuts and the window's work as when it is built before the window shows
        robot.push(KeyCode.RIGHT);
        ui.settle();
        assertTrue(ui.text(robot, "#stage-label").contains("forward"), ui.text(robot, "#stage-label"));
        robot.push(KeyCode.F1);
        ui.settle();
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        assertTrue(robot.lookup(".key-cap").tryQuery().isPresent(), "the help's keys, built when first shown");
        robot.push(KeyCode.ESCAPE);
        ui.settle();
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
    }
}
