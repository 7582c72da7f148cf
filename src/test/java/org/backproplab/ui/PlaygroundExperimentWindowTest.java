package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playground with Adam: Save experiment after three epochs, reset, Open experiment, two more
 * epochs: the window shows the epoch, losses and accuracies it showed without the detour.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundExperimentWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private List<String> shown(FxRobot robot) {
        return List.of(ui.text(robot, "#epoch"), ui.text(robot, "#train-loss"), ui.text(robot, "#test-loss"),
                ui.text(robot, "#train-accuracy"), ui.text(robot, "#test-accuracy"));
    }

    @Test
    void savedResetOpenedAndContinuedItShowsTheSameNumbers(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Two circles, a deeper net");
        ui.choose(robot, "#optimizer", "Adam");
        robot.doubleClickOn("#batch-size").push(KeyCode.CONTROL, KeyCode.A).write("7");
        robot.push(KeyCode.ENTER);
        ui.settle();
        for (int i = 0; i < 3; i++) {
            ui.click(robot, "#pg-step");
        }
        List<String> atSave = shown(robot);
        assertTrue(atSave.get(0).startsWith("Epoch 3"), atSave.get(0));
        ui.experimentAnswer = dir.resolve("circles.json");
        ui.click(robot, "#pg-save-experiment");
        assertEquals("Saved the experiment to circles.json.", ui.text(robot, "#pg-notice"));
        ui.click(robot, "#pg-step");
        ui.click(robot, "#pg-step");
        List<String> expected = shown(robot);
        assertNotEquals(atSave, expected);

        ui.click(robot, "#pg-reset");
        assertTrue(ui.text(robot, "#epoch").startsWith("Epoch 0"), ui.text(robot, "#epoch"));
        ui.click(robot, "#pg-open-experiment");
        ui.settle();
        assertEquals("Opened circles.json: after epoch 3, exactly where it was left.", ui.text(robot, "#pg-notice"));
        assertEquals(atSave, shown(robot));
        assertEquals("7", ui.window.playground().session().setup().batchTextProperty().get());
        ui.screenshot("playground-experiment-opened");
        ui.click(robot, "#pg-step");
        ui.click(robot, "#pg-step");
        assertEquals(expected, shown(robot));

        // dropped onto the window while another tab shows, it opens in the Playground
        ui.click(robot, "#tab-step");
        WaitForAsyncUtils.asyncFx(() -> ui.window.openExperiment(dir.resolve("circles.json"))).get();
        ui.settle();
        assertEquals(atSave, shown(robot));
    }
}
