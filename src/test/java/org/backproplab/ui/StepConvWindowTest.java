package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.lesson.Naming;
import org.backproplab.session.MapGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The convolution worked example in the stepping window, clicked through and read from the screen. */
@ExtendWith(ApplicationExtension.class)
class StepConvWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);
    private final ConvWorkedByHand hand = new ConvWorkedByHand();

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String chainRule(FxRobot robot) {
        VBox lines = robot.lookup("#chain-rule").queryAs(VBox.class);
        StringBuilder sb = new StringBuilder();
        lines.getChildren().forEach(n -> sb.append(((Label) n).getText()).append('\n'));
        return sb.toString();
    }

    @Test
    void stepAConvolutionClickACellAndAKernelWeightEditAPixelAndStepBack(FxRobot robot) throws Exception {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A convolution by hand (6x6, two 3x3 filters)");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#map-cell-0-2");
        assertEquals("Cell a1[0][0][2]", ui.text(robot, "#inspector-title"));
        String lines = chainRule(robot);
        assertTrue(lines.contains("z = sum + b1[0] = " + Naming.number(hand.z1[0][0][2] - 0.05) + " + 0.05 = "
                + Naming.number(hand.z1[0][0][2])), lines);
        assertTrue(lines.contains("0.2 \u00d7 0.8 = 0.16"), lines);
        assertTrue(lines.startsWith("window of x: rows 0 to 2, columns 2 to 4\n"), lines);
        ui.click(robot, "#next-stage");
        ui.screenshot("conv-worked-forward");
        javafx.scene.Node maps = robot.lookup("#map-graph").query();
        assertEquals(java.util.List.of(), org.testfx.util.WaitForAsyncUtils.asyncFx(() -> UiTestSupport.cutTexts(maps, ".label")
                .stream().filter(t -> t.startsWith("Layer")).toList()).get(), "the layers' headings whole");
        assertTrue(robot.lookup("#map-graph .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getText() != null && l.getText().startsWith("Layer ")).count() >= 2, "the headings were checked");
        javafx.scene.Node legend = robot.lookup("#step-map-legend").query();
        assertEquals(java.util.List.of(), org.testfx.util.WaitForAsyncUtils.asyncFx(() -> UiTestSupport.cutTexts(legend, null)).get(),
                "the legend's every line");

        for (int stage = 3; stage <= 7; stage++) {
            ui.click(robot, "#next-stage");
            if (stage == 4) {
                ui.click(robot, "#map-target-0");
                ui.screenshot("conv-worked-loss");
            } else if (stage == 6) {
                ui.click(robot, "#map-cell-1-1");
                assertTrue(chainRule(robot).contains("goes to the winner a1[0][0][2] only"), chainRule(robot));
                ui.screenshot("conv-worked-pool-backward");
            }
        }
        ui.click(robot, "#map-weight-0-0-0");
        assertEquals("Weight W1[0][0][0][0] = 0.2", ui.text(robot, "#inspector-title"));
        assertTrue(chainRule(robot).contains(" = " + Naming.number(hand.dK[0][0][0]) + "   (terms that are 0: 13)"),
                chainRule(robot));
        String numeric = ui.text(robot, "#numeric-estimate");
        assertTrue(numeric.startsWith("Finite-difference estimate of dE/dW1[0][0][0][0]: "), numeric);
        assertTrue(numeric.contains("(backpropagation: " + Naming.number(hand.dK[0][0][0]) + ","), numeric);
        ui.screenshot("conv-worked-backward");

        String before = ui.text(robot, "#map-cell-0-2");
        assertTrue(before.startsWith(MapGraph.cellNumber(hand.z1[0][0][2]) + "\n\u03b4 "), before);
        ui.click(robot, "#map-input-15");
        assertTrue(ui.text(robot, "#inspector-title").startsWith("Pixel x[0][2][3] = 0.8"));
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).write("0.1");
        ui.click(robot, "#edit-apply");
        double[][] x = ConvWorkedByHand.copy(ConvWorkedByHand.X);
        x[2][3] = 0.1;
        ConvWorkedByHand edited = new ConvWorkedByHand(x, ConvWorkedByHand.K, ConvWorkedByHand.B1, ConvWorkedByHand.W3,
                ConvWorkedByHand.B3);
        assertEquals("0.1", ui.text(robot, "#map-input-15"));
        assertTrue(ui.text(robot, "#map-cell-0-2").startsWith(MapGraph.cellNumber(edited.z1[0][0][2]) + "\n"),
                ui.text(robot, "#map-cell-0-2"));
        ui.click(robot, "#back");
        assertEquals("0.8", ui.text(robot, "#map-input-15"));
        assertEquals(before, ui.text(robot, "#map-cell-0-2"));

        ui.click(robot, "#next-stage");
        assertTrue(ui.text(robot, "#map-weight-0-0-0").startsWith("0.2\n\u2192 " + MapGraph.cellNumber(hand.kAfter[0][0][0])),
                ui.text(robot, "#map-weight-0-0-0"));
        ui.screenshot("conv-worked-update");
    }
}
