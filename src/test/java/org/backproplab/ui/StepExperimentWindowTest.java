package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Labeled;
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
 * Save experiment, reset, Open experiment, go on: the window shows, number for number, what it
 * showed when saved, and the next stages show what they would have shown without the detour.
 * A broken file is refused in the notice, with its place, and the tab stays as it was.
 */
@ExtendWith(ApplicationExtension.class)
class StepExperimentWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    /** Every number the graph shows (weights, biases, nets, outs, deltas, errors) and the stage line, by id; hidden labels left out. */
    private Map<String, String> shown(FxRobot robot) {
        Map<String, String> out = new TreeMap<>();
        for (var n : robot.lookup(node -> node.getId() != null && node instanceof Labeled && node.isVisible()
                && node.getId().matches("(weight|bias|out|net|delta|error)-[0-9-]+|stage-label")).queryAll()) {
            out.put(n.getId(), ((Labeled) n).getText());
        }
        return out;
    }

    @Test
    void savedResetOpenedAndContinuedItShowsTheSameNumbers(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        robot.doubleClickOn("#learning-rate").push(KeyCode.CONTROL, KeyCode.A).write("0.7");
        robot.push(KeyCode.ENTER);
        ui.settle();
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        Map<String, String> atSave = shown(robot);
        assertTrue(atSave.get("stage-label").startsWith("Iteration 3"), atSave.get("stage-label"));

        ui.experimentAnswer = dir.resolve("lesson.json");
        ui.click(robot, "#step-save-experiment");
        ui.settle();
        assertEquals("Saved the experiment to lesson.json.", ui.text(robot, "#notice"));
        assertTrue(Files.readString(ui.experimentAnswer).contains("\"learning_rate\" : 0.7"));

        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        Map<String, String> expected = shown(robot);
        assertNotEquals(atSave, expected);

        ui.click(robot, "#reset");
        assertTrue(ui.text(robot, "#stage-label").contains("ready"), ui.text(robot, "#stage-label"));
        assertEquals("w5 0.4", ui.text(robot, "#weight-1-0-0"), "back to the starting weights");

        ui.click(robot, "#step-open-experiment");
        ui.settle();
        assertEquals("Opened lesson.json: iteration 3, exactly where it was left.", ui.text(robot, "#notice"));
        assertEquals(atSave, shown(robot));
        assertEquals("0.7", robot.lookup("#learning-rate").queryAs(javafx.scene.control.TextField.class).getText());
        ui.screenshot("step-experiment-opened");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        assertEquals(expected, shown(robot));

        // a file cut short is refused with its line and column; nothing of the tab changes
        Path broken = dir.resolve("broken.json");
        String text = Files.readString(ui.experimentAnswer);
        Files.writeString(broken, text.substring(0, text.indexOf("\"parameters\"")));
        ui.experimentAnswer = broken;
        ui.click(robot, "#step-open-experiment");
        ui.settle();
        String notice = ui.text(robot, "#notice");
        assertTrue(notice.startsWith("Not opened (nothing changed): broken.json, line "), notice);
        assertTrue(notice.contains("the file ends in the middle of the JSON"), notice);
        assertEquals(expected, shown(robot));

        // dropped onto the window (the drop handler's call), the saved experiment opens in this tab
        ui.click(robot, "#reset");
        WaitForAsyncUtils.asyncFx(() -> ui.window.openExperiment(dir.resolve("lesson.json"))).get();
        ui.settle();
        assertEquals(atSave, shown(robot));
    }

    @Test
    void theButtonsAndNoticesSpeakChinese(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        WaitForAsyncUtils.asyncFx(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE)).get();
        ui.experimentAnswer = dir.resolve("e.json");
        ui.click(robot, "#step-save-experiment");
        ui.settle();
        assertEquals("实验已保存到 e.json。", ui.text(robot, "#notice"));
        assertEquals("保存实验：课程、设置、数据、权重、优化器的记忆、到达的阶段和曲线，存为一个文件",
                robot.lookup("#step-save-experiment").queryAs(javafx.scene.control.Button.class).getTooltip().getText());
        ui.click(robot, "#step-open-experiment");
        ui.settle();
        assertEquals("已打开 e.json：第 1 次迭代，正是保存时停下的地方。", ui.text(robot, "#notice"));
    }
}
