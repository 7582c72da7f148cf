package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The descent tab in the real window, in Chinese: its keyboard shortcuts and what they show. */
@ExtendWith(ApplicationExtension.class)
class DescentWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.SIMPLIFIED_CHINESE);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private void key(FxRobot robot, KeyCode code) {
        robot.type(code);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTabsKeysStepPlayResetDrawNewStartsAndChooseTheTarget(FxRobot robot) {
        robot.clickOn("梯度下降");
        ui.settle();
        DescentView descent = ui.window.openDescent();
        assertEquals("下一步（第 1 步），尚未执行", ui.text(robot, "#descent-step"));
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.RIGHT);
        // x² from 2.5 with η = 0.1: 2.5 -> 2 -> 1.6
        assertEquals("第 2 步", ui.text(robot, "#descent-step"));
        assertEquals("新的 x = x \u2212 \u03b7 f'(x) = 2 \u2212 0.1 \u00d7 4 = 1.6", ui.text(robot, "#descent-new"));
        key(robot, KeyCode.R);
        assertEquals(1, descent.descent().snapshotProperty().get().path().size());
        key(robot, KeyCode.SPACE);
        assertTrue(descent.descent().playingProperty().get());
        WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS);
        key(robot, KeyCode.SPACE);
        assertFalse(descent.descent().playingProperty().get());
        assertTrue(descent.descent().snapshotProperty().get().path().size() >= 2, "play took steps");
        ui.screenshot("descent-zh");

        robot.clickOn("随机初始化与局部极小值");
        ui.settle();
        long seed = descent.minima().snapshotProperty().get().seed();
        key(robot, KeyCode.N);
        assertEquals(seed + 1, descent.minima().snapshotProperty().get().seed());
        assertEquals(Long.toString(seed + 1),
                robot.lookup("#minima-seed").queryAs(javafx.scene.control.TextField.class).getText());

        robot.clickOn("Softmax 与交叉熵");
        ui.settle();
        key(robot, KeyCode.DIGIT3);
        assertEquals("1", ui.text(robot, "#softmax-cell-2-4"), "class 3 is the target");
        assertTrue(ui.text(robot, "#softmax-loss").startsWith("L = \u2212ln p3 = \u2212ln 0.0986"),
                ui.text(robot, "#softmax-loss"));
        key(robot, KeyCode.F1);
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().startsWith("梯度下降页")).tryQuery().isPresent());
        key(robot, KeyCode.ESCAPE);
    }
}
