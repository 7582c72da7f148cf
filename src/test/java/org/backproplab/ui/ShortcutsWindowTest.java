package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keys as a person uses them: a tab reached by clicking its header (which gives the tab
 * header the keyboard), then Space, the arrows and R. The arrows step the lesson showing and
 * never switch tabs; Ctrl+Shift+E exports even while a text field has the keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void key(FxRobot robot, KeyCode... codes) {
        robot.push(codes);
        WaitForAsyncUtils.waitForFxEvents();
        ui.settle();
    }

    private String showing(FxRobot robot, String tabPane) {
        return robot.lookup(tabPane).queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void onThePlaygroundTheRightArrowTrainsAnEpochAndRResets(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        var playground = ui.window.playground().session();
        assertEquals("Epoch 0 \u00b7 0 updates", ui.text(robot, "#epoch"));
        key(robot, KeyCode.RIGHT);
        assertEquals("tab-playground", showing(robot, "#main-tabs"), "the arrow stayed on the tab");
        assertEquals(1, playground.getSnapshot().epoch());
        assertTrue(ui.text(robot, "#epoch").startsWith("Epoch 1 \u00b7 "), ui.text(robot, "#epoch"));
        key(robot, KeyCode.RIGHT);
        assertEquals(2, playground.getSnapshot().epoch());
        key(robot, KeyCode.LEFT);
        assertEquals("tab-playground", showing(robot, "#main-tabs"), "\u2190 does not leave the tab either");
        assertEquals(2, playground.getSnapshot().epoch(), "\u2190 does not train");
        key(robot, KeyCode.R);
        assertEquals("Epoch 0 \u00b7 0 updates", ui.text(robot, "#epoch"));
        // Ctrl+R is not R
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.CONTROL, KeyCode.R);
        assertEquals(1, playground.getSnapshot().epoch());
    }

    @Test
    void onDescentTheArrowsStepTheLessonAndNeverSwitchTabs(FxRobot robot) {
        ui.click(robot, "#tab-descent");
        DescentView descent = ui.window.openDescent();
        ui.click(robot, "#descent-tab-gd");
        key(robot, KeyCode.LEFT);
        assertEquals("tab-descent", showing(robot, "#main-tabs"));
        assertEquals("descent-tab-gd", showing(robot, "#descent-tabs"));
        key(robot, KeyCode.RIGHT);
        assertEquals(2, descent.descent().snapshotProperty().get().path().size(), "\u2192 took one step");
        assertEquals("descent-tab-gd", showing(robot, "#descent-tabs"));

        ui.click(robot, "#descent-tab-minima");
        var minima = descent.minima();
        int longest = minima.snapshotProperty().get().runs().stream().mapToInt(r -> r.steps()).max().orElseThrow();
        key(robot, KeyCode.RIGHT);
        assertEquals("descent-tab-minima", showing(robot, "#descent-tabs"), "\u2192 stayed on random starts");
        assertEquals(longest, minima.snapshotProperty().get().shown(), "\u2192 shows the paths' ends");
        assertFalse(minima.playingProperty().get());
        key(robot, KeyCode.R);
        assertTrue(minima.snapshotProperty().get().shown() < longest, "R draws the paths again from their starts");
        key(robot, KeyCode.SPACE);
        assertEquals(longest, minima.snapshotProperty().get().shown(), "Space while drawing shows the ends");
        key(robot, KeyCode.SPACE);
        assertTrue(minima.playingProperty().get() || minima.snapshotProperty().get().shown() < longest,
                "Space draws them again");
        key(robot, KeyCode.LEFT);
        assertEquals("descent-tab-minima", showing(robot, "#descent-tabs"));
        assertEquals("tab-descent", showing(robot, "#main-tabs"));

        ui.click(robot, "#descent-tab-softmax");
        key(robot, KeyCode.RIGHT);
        assertEquals("descent-tab-softmax", showing(robot, "#descent-tabs"), "nothing to step: the arrow does nothing");
        assertEquals("tab-descent", showing(robot, "#main-tabs"));
    }

    @Test
    void spacePressesAButtonTheKeyboardReachedAndPlaysAfterAClick(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-descent");
        DescentView descent = ui.window.openDescent();
        ui.click(robot, "#descent-tab-gd");
        var session = descent.descent();
        // clicked with the mouse, Reset has the keyboard: Space still plays and pauses
        ui.click(robot, "#descent-reset");
        key(robot, KeyCode.SPACE);
        assertTrue(session.playingProperty().get(), "Space after a click plays");
        key(robot, KeyCode.SPACE);
        assertFalse(session.playingProperty().get());
        ui.click(robot, "#descent-reset");
        // Tab from the start's field to the Step button: Space presses it, once, as a keyboard user expects
        ui.click(robot, "#descent-start");
        javafx.scene.Node stepButton = robot.lookup("#descent-step-button").query();
        for (int i = 0; i < 8 && !UiTestSupport.onFx(stepButton::isFocused); i++) {
            key(robot, KeyCode.TAB);
        }
        assertTrue(UiTestSupport.onFx(stepButton::isFocusVisible), "Tab reached the Step button");
        int before = session.snapshotProperty().get().path().size();
        key(robot, KeyCode.SPACE);
        assertFalse(session.playingProperty().get(), "Space pressed the Step button instead of playing");
        assertEquals(before + 1, session.snapshotProperty().get().path().size(), "one step");
    }

    @Test
    void onDigitsTheArrowsShowTheNextAndPreviousTestDigit(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-digits");
        var digits = ui.window.digits().session();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> digits.getSnapshot() != null);
        ui.settle();
        int first = digits.getSnapshot().selected();
        key(robot, KeyCode.RIGHT);
        assertEquals("tab-digits", showing(robot, "#main-tabs"), "\u2192 does not wrap round to the first tab");
        assertEquals((first + 1) % digits.digitCountProperty().get(), digits.getSnapshot().selected());
        key(robot, KeyCode.LEFT);
        key(robot, KeyCode.LEFT);
        assertEquals(Math.floorMod(first - 1, digits.digitCountProperty().get()), digits.getSnapshot().selected());
        // Ctrl+Tab is left to the tabs
        key(robot, KeyCode.CONTROL, KeyCode.TAB);
        assertEquals("tab-step", showing(robot, "#main-tabs"));
    }

    @Test
    void ctrlShiftEExportsWhileATextFieldHasTheKeyboard(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        Path png = Files.createTempFile("shortcut-export", ".png");
        Files.delete(png);
        ui.pngAnswer = png;
        ui.click(robot, "#pg-learning-rate");
        assertTrue(robot.lookup("#pg-learning-rate").query().isFocused());
        key(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(png));
        assertTrue(Files.size(png) > 1000, "a picture was written");
        assertEquals(java.util.List.of("backprop-lab-playground.png"), ui.pngNames, "named after the tab");
        // and the field kept its text: no E typed into it
        assertEquals(ui.window.playground().session().setup().learningRateTextProperty().get(),
                robot.lookup("#pg-learning-rate").queryAs(javafx.scene.control.TextField.class).getText());
        Files.delete(png);
    }

    @Test
    void theHelpsKeyCapsLineUpAndAreShownWhole(FxRobot robot) {
        for (boolean presentation : new boolean[] {false, true}) {
            if (presentation) {
                key(robot, KeyCode.F5);
            }
            key(robot, KeyCode.F1);
            var caps = robot.lookup("#help-overlay .key-cap").queryAllAs(javafx.scene.control.Label.class);
            assertTrue(caps.size() >= 12, "a cap for each shortcut: " + caps.size());
            // keys of one tab listed with commas, not "Space → R" (which reads as a sequence)
            assertTrue(caps.stream().anyMatch(c -> "Space, \u2192, R".equals(c.getText())), "the playground's keys");
            double left = caps.iterator().next().localToScene(0, 0).getX();
            double width = caps.iterator().next().getWidth();
            for (var cap : caps) {
                assertEquals(left, cap.localToScene(0, 0).getX(), 0.5, cap.getText() + " lines up");
                assertEquals(width, cap.getWidth(), 0.5, cap.getText() + " is as wide as the others");
                var shown = cap.lookup(".text");
                assertEquals(cap.getText(), ((javafx.scene.text.Text) shown).getText(), "shown whole");
            }
            if (presentation) {
                ui.screenshot("help-overlay-presentation");
            }
            key(robot, KeyCode.ESCAPE);
        }
        key(robot, KeyCode.F5);
    }
}
