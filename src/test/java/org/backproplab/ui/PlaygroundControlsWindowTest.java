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
        Node lesson = robot.lookup("#pg-lesson").query();
        assertEquals(List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(lesson, null)), "the lesson's title");
        Node preset = robot.lookup("#pg-preset-id").query();
        assertEquals(List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(preset, null)), "the command line");
        ui.choose(robot, "#pg-lesson", ui.i18n.get("lesson.paddle-neuron.title"));
        assertEquals(List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(lesson, null)), "the longest title");
        ui.choose(robot, "#pg-lesson", ui.i18n.get("lesson.playground-default.title"));
        ui.screenshot("playground-1280");
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.settle();
        assertEquals(List.of(), cut(robot), "cut in Chinese");
    }

    @Test
    void inPresentationModeTooAndBesideTheMap(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        robot.push(javafx.scene.input.KeyCode.F5);
        ui.settle();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new java.util.ArrayList<>(cut(robot));
        Node right = robot.lookup("#pg-right").query();
        cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(right, null)));
        ui.screenshot("presentation-playground-1280");
        javafx.scene.control.ScrollPane controls = robot.lookup("#pg-controls").queryAs(javafx.scene.control.ScrollPane.class);
        double wide = controls.getContent().getLayoutBounds().getWidth();
        double view = controls.getViewportBounds().getWidth();
        if (wide > view + 0.5) {
            cut.add("the settings " + wide + " wide in a view " + view + " wide");
        }
        robot.push(javafx.scene.input.KeyCode.F5);
        ui.settle();
        assertEquals(List.of(), cut, "cut in presentation mode");
    }
}
