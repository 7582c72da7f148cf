package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * As the app starts (issue 15): the window is shown empty; two frames later its shell replaces that,
 * with the tab headers and a line saying the lesson is opening; the window's buttons and the stepping
 * tab's content are built right after, and then work as if they had been there from the start (the
 * keys, the help, the buttons).
 */
@ExtendWith(ApplicationExtension.class)
class StepAfterFirstFrameWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);
    private boolean shownAtOnce;
    private boolean emptyWhenShown;
    private java.util.List<String> tabsWithShell = java.util.List.of();
    private boolean buttonsWithShell;
    private boolean stepBuiltWithShell;
    private String opening;

    @Start
    void start(Stage stage) {
        ui.lazyTabs = true;
        ui.stepAfterFirstFrame = true;
        ui.open(stage);
        // what the first frame holds: open() has returned, no pulse has run yet
        shownAtOnce = stage.isShowing();
        emptyWhenShown = stage.getScene().getRoot().getChildrenUnmodifiable().isEmpty();
        // what the second picture holds, when the shell replaces the empty pane
        stage.getScene().rootProperty().addListener((o, was, shell) -> {
            tabsWithShell = ((javafx.scene.control.TabPane) shell.lookup(".tab-pane")).getTabs().stream()
                    .map(javafx.scene.control.Tab::getText).toList();
            buttonsWithShell = shell.lookup("#language") != null || shell.lookup("#help") != null;
            stepBuiltWithShell = shell.lookup("#step-graph") != null;
            opening = ((Label) shell.lookup("#step-opening")).getText();
        });
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void anEmptyWindowFirstThenTheTabsThenTheSteppingTab(FxRobot robot) {
        assertTrue(shownAtOnce);
        assertTrue(emptyWhenShown, "the first frame is an empty pane: no control, no stylesheet");
        // the stepping tab and the window's buttons, ten frames after the shell
        assertDoesNotThrow(() -> WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.window != null));
        assertEquals(java.util.List.of("Step by step", "Playground", "Activations", "Descent", "Digits (CNN)"), tabsWithShell,
                "the shell has the tabs");
        assertFalse(buttonsWithShell, "the window's buttons come with the stepping tab");
        assertFalse(stepBuiltWithShell, "the stepping tab is built after the shell");
        assertEquals("Opening the lesson\u2026", opening);
        ui.settle();
        assertTrue(robot.lookup("#step-graph").tryQuery().isPresent(), "built after the first frame");
        assertFalse(robot.lookup("#step-opening").tryQuery().isPresent(), "the line is gone");
        assertTrue(ui.window.builtTabs().isEmpty(), "no other tab was built");
        for (String button : new String[] {"#language", "#presentation", "#export", "#help"}) {
            assertTrue(robot.lookup(button).tryQuery().map(javafx.scene.Node::isVisible).orElse(false), button);
        }
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
        // the help button, made after the first frame, opens the help as F1 does
        robot.clickOn("#help");
        ui.settle();
        assertTrue(robot.lookup("#help-overlay").query().isVisible(), "the help button");
        robot.push(KeyCode.ESCAPE);
        ui.settle();
        // F5 and the presentation button agree
        robot.push(KeyCode.F5);
        ui.settle();
        assertTrue(robot.lookup("#presentation").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        assertTrue(robot.lookup(".app-root").query().getStyleClass().contains("presentation"));
        robot.clickOn("#presentation");
        ui.settle();
        assertFalse(robot.lookup(".app-root").query().getStyleClass().contains("presentation"));
    }
}
