package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The playground's settings column on a 1280 x 800 projector, in both languages: every label and
 * every choice is shown whole ("Batch size (0 ..." hid what 0 means; "tanh + ½ squ..." which loss).
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundControlsWindowTest {
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

    private List<String> cut(FxRobot robot) throws Exception {
        Node controls = robot.lookup("#pg-controls").query();
        return UiTestSupport.onFx(() -> UiTestSupport.cutTexts(controls, null));
    }

    @Test
    void everyLabelAndChoiceIsShownWhole(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.settle();
        assertEquals(List.of(), cut(robot), "cut in the default lesson");
        ui.screenshot("playground-1280");
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.settle();
        assertEquals(List.of(), cut(robot), "cut in Chinese");
    }
}
