package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Step-by-step tab with Adam chosen, as a person uses it: choose Adam, run one iteration,
 * step through the second to its update, click w5 and read m, v, m-hat, v-hat, t and the step.
 */
@ExtendWith(ApplicationExtension.class)
class StepOptimizerWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String inspectorLines(FxRobot robot) {
        VBox lines = robot.lookup("#chain-rule").queryAs(VBox.class);
        StringBuilder sb = new StringBuilder();
        lines.getChildren().forEach(n -> sb.append(((Label) n).getText()).append('\n'));
        return sb.toString();
    }

    @Test
    void adamsStateAtTheUpdateStage(FxRobot robot) {
        ui.settle();
        assertTrue(ui.text(robot, "#preset-id").contains("worked-2-2-2"), ui.text(robot, "#preset-id"));
        assertTrue(ui.text(robot, "#preset-id").contains("backprop-lab trace worked-2-2-2"), ui.text(robot, "#preset-id"));
        ui.choose(robot, "#step-optimizer", "Adam");
        assertEquals("adam", robot.lookup("#step-optimizer").queryComboBox().getValue());

        ui.click(robot, "#whole-iteration");
        for (int stage = 0; stage < 6; stage++) {
            ui.click(robot, "#next-stage");
        }
        assertTrue(ui.text(robot, "#stage-label").contains("Iteration 2"), ui.text(robot, "#stage-label"));
        assertTrue(ui.text(robot, "#stage-label").contains("update"), ui.text(robot, "#stage-label"));
        ui.click(robot, "#weight-1-0-0");
        String shown = inspectorLines(robot);

        // the gradients of the two iterations, from the engine; Adam written out by hand from them
        Stepper stepper = new Stepper(Lessons.byId(Lessons.WORKED_2_2_2).withOptimizer(new OptimizerSpec.Adam(0.5))
                .newTrainer(), 10);
        double g1 = StageRecords.of(stepper.finishIteration()).update().parameter("W2").gradient().get(0, 0);
        ParameterUpdate second = StageRecords.of(stepper.finishIteration()).update().parameter("W2");
        double g2 = second.gradient().get(0, 0);
        double m1 = 0.1 * g1;
        double v1 = 0.001 * g1 * g1;
        double m2 = 0.9 * m1 + 0.1 * g2;
        double v2 = 0.999 * v1 + 0.001 * g2 * g2;
        double mHat = m2 / (1 - 0.9 * 0.9);
        double vHat = v2 / (1 - 0.999 * 0.999);
        double step = -0.5 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertEquals(g1, 0.0821670406, 1e-10, "dE/dw5 of the worked example");

        assertTrue(shown.contains("Adam, learning rate \u03b7 = 0.5, \u03b21 = 0.9, \u03b22 = 0.999, \u03b5 = 1E-8, t = 2"),
                shown);
        assertTrue(shown.contains("g = dE/dw5 = " + Naming.number(g2) + ",  t = 2"), shown);
        assertTrue(shown.contains("m = \u03b21 \u00d7 m_prev + (1 - \u03b21) \u00d7 g = 0.9 \u00d7 " + Naming.factor(m1)
                + " + 0.1 \u00d7 " + Naming.factor(g2) + " = " + Naming.number(m2)), shown);
        assertTrue(shown.contains(" = " + Naming.number(v2) + "\n"), shown);
        assertTrue(shown.contains("m_hat = m / (1 - \u03b21^t) = " + Naming.factor(m2) + " / (1 - 0.9^2) = "
                + Naming.number(mHat)), shown);
        assertTrue(shown.contains("v_hat = v / (1 - \u03b22^t) = " + Naming.number(v2) + " / (1 - 0.999^2) = "
                + Naming.number(vHat)), shown);
        assertTrue(shown.contains("step = -\u03b7 \u00d7 m_hat / (\u221a(v_hat) + \u03b5) = "), shown);
        assertTrue(shown.contains(") = " + Naming.number(step) + "\n"), shown);
        assertTrue(shown.contains("w5+ = w5 + change = "), shown);
        // the inspector scrolled to the bias-corrected moments, as a person scrolls it
        VBox lines = robot.lookup("#chain-rule").queryAs(VBox.class);
        javafx.scene.Node mHatLine = lines.getChildren().stream()
                .filter(n -> ((Label) n).getText().startsWith("m_hat")).findFirst().orElseThrow();
        javafx.scene.control.ScrollPane scroll = UiTestSupport.enclosing(lines, javafx.scene.control.ScrollPane.class);
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            double room = lines.getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, mHatLine.getBoundsInParent().getMinY() / room));
        });
        ui.screenshot("step-adam-update");
    }

    @Test
    void bothTabsShowThePresetIdForTheCommandLine(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", ui.i18n.get("lesson.xor.title"));
        assertEquals("Preset: xor   \u00b7   on the command line: backprop-lab trace xor", ui.text(robot, "#preset-id"));
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Learning rate too large: divergence");
        assertEquals("Preset: lr-too-large   \u00b7   on the command line: backprop-lab train lr-too-large",
                ui.text(robot, "#pg-preset-id"));
    }
}
