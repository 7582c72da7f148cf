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

/**
 * Predict, then reveal, in the worked example: the learner turns predict mode on, types net_h1
 * right and dE/dw5 wrong, reads the feedback and the hint, reveals, and steps on; the graph shows
 * "?" for what is asked until it is answered.
 */
@ExtendWith(ApplicationExtension.class)
class PredictWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(FxRobot robot, String id) {
        return ui.text(robot, id);
    }

    private void type(FxRobot robot, String field, String value) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(value);
        robot.push(KeyCode.ENTER);
        ui.settle();
    }

    @Test
    void answerRightAnswerWrongReadTheHintRevealAndStepOn(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#predict-toggle");
        assertTrue(text(robot, "#predict-none").contains("Run the next stage"), text(robot, "#predict-none"));

        ui.click(robot, "#next-stage");
        assertEquals("net_h1 = ?", text(robot, "#predict-prompt-0"));
        assertEquals("out_h1 = ?", text(robot, "#predict-prompt-1"));
        assertEquals("net ?", text(robot, "#net-0-0"), "asked: hidden in the graph");
        assertEquals("out ?", text(robot, "#out-0-0"));
        assertEquals("net 0.3925", text(robot, "#net-0-1"), "not asked: shown");
        assertTrue(text(robot, "#inspector-title").startsWith("Predict mode"), text(robot, "#inspector-title"));

        // net_h1 = 0.15 x 0.05 + 0.20 x 0.10 + 0.35 = 0.3775
        type(robot, "#predict-answer-0", "0.3775");
        assertTrue(text(robot, "#predict-feedback-0").startsWith("Right first time: 0.3775"),
                text(robot, "#predict-feedback-0"));
        assertEquals("net 0.3775", text(robot, "#net-0-0"), "answered: shown");
        assertEquals("out ?", text(robot, "#out-0-0"), "still asked");
        ui.click(robot, "#predict-reveal-1");
        assertTrue(text(robot, "#predict-feedback-1").contains("Answer: out_h1 = 1 / (1 + e^-net_h1) = "
                + "1 / (1 + e^-0.3775) = 0.593269992"), text(robot, "#predict-feedback-1"));
        assertEquals("out 0.59327", text(robot, "#out-0-0"));
        assertEquals("This lesson: 1 of 2 right first time \u00b7 missed: forward (net, out; z, a, pooled) 1",
                text(robot, "#predict-progress"));

        // on to the output layer's backward pass: delta_o1 and dE/dw5 are asked
        ui.click(robot, "#next-stage");
        ui.click(robot, "#predict-reveal-0");
        ui.click(robot, "#predict-reveal-1");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#predict-reveal-0");
        ui.click(robot, "#predict-reveal-1");
        ui.click(robot, "#next-stage");
        assertEquals("dE/dw5 = ?", text(robot, "#predict-prompt-1"));
        assertEquals("dE/dw5\n?", text(robot, "#weight-1-0-0"));
        assertTrue(text(robot, "#delta-1-0").endsWith("?"), text(robot, "#delta-1-0"));

        // dE/dw5 = (0.75136507 - 0.01) x 0.186815602 x 0.593269992 = 0.082167041; 0.0821 is off in the 4th digit
        type(robot, "#predict-answer-1", "0.0821");
        String feedback = text(robot, "#predict-feedback-1");
        assertTrue(feedback.startsWith("Not quite: 0.0821 is not that value."), feedback);
        assertTrue(feedback.contains("The formula with its inputs: dE/dw5 = dE/dout_o1 \u00d7 dout_o1/dnet_o1 \u00d7 "
                + "dnet_o1/dw5 = 0.74136507 \u00d7 0.186815602 \u00d7 0.593269992 = ?"), feedback);
        assertEquals("dE/dw5\n?", text(robot, "#weight-1-0-0"), "a wrong answer keeps it hidden");
        ui.click(robot, "#predict-hint-1");
        feedback = text(robot, "#predict-feedback-1");
        assertTrue(feedback.contains("Hint: first find delta_o1, asked above: it is the next factor."),
                "delta_o1 is asked too: the hint does not give it away: " + feedback);
        assertTrue(text(robot, "#delta-1-0").endsWith("?"), text(robot, "#delta-1-0"));
        ui.click(robot, "#predict-reveal-0");
        feedback = text(robot, "#predict-feedback-1");
        assertTrue(feedback.contains("Hint: delta_o1 = dE/dout_o1 \u00d7 dout_o1/dnet_o1 = 0.74136507 \u00d7 "
                + "0.186815602 = 0.138498562"), "once delta_o1 is revealed, the hint is its line: " + feedback);
        ui.screenshot("predict-mode");
        ui.click(robot, "#predict-reveal-1");
        assertTrue(text(robot, "#predict-feedback-1").contains("Answer: dE/dw5 = "), text(robot, "#predict-feedback-1"));
        assertTrue(text(robot, "#predict-feedback-1").endsWith("= 0.0821670406"), text(robot, "#predict-feedback-1"));
        assertEquals("dE/dw5\n0.082167", text(robot, "#weight-1-0-0"));
        assertTrue(robot.lookup("#predict-answer-1").query().isDisabled(), "revealed: no more answers");

        // step on: the hidden layer's questions; back shows the output layer's again, as answered
        ui.click(robot, "#next-stage");
        assertEquals("delta_h1 = ?", text(robot, "#predict-prompt-0"));
        ui.click(robot, "#back");
        assertEquals("dE/dw5 = ?", text(robot, "#predict-prompt-1"));
        assertEquals("dE/dw5\n0.082167", text(robot, "#weight-1-0-0"), "revealed before: still shown");

        // off: every value shows again
        ui.click(robot, "#predict-toggle");
        assertTrue(robot.lookup("#predict-panel").tryQuery().filter(javafx.scene.Node::isVisible).isEmpty(),
                "the panel is gone");
        ui.click(robot, "#next-stage");
        assertTrue(text(robot, "#delta-0-0").contains("0.00877"), text(robot, "#delta-0-0"));
    }

    @Test
    void inChinese(FxRobot robot) {
        ui.settle();
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.click(robot, "#predict-toggle");
        assertEquals("先算后看", robot.lookup("#predict-toggle").queryAs(javafx.scene.control.ToggleButton.class)
                .getText());
        for (int i = 0; i < 6; i++) {
            ui.click(robot, "#next-stage");
        }
        assertEquals("更新后的 w5 = ?", text(robot, "#predict-prompt-0"));
        assertEquals("w5 0.4\n\u2192 ?", text(robot, "#weight-1-0-0"));
        // w5+ = 0.4 - 0.5 x 0.082167041 = 0.35891648
        type(robot, "#predict-answer-0", "0.36");
        assertTrue(text(robot, "#predict-feedback-0").startsWith("不对：0.36 不是这个值。"),
                text(robot, "#predict-feedback-0"));
        type(robot, "#predict-answer-0", "0.3589");
        assertTrue(text(robot, "#predict-feedback-0").startsWith("答对了：0.3589"), text(robot, "#predict-feedback-0"));
        assertEquals("w5 0.4\n\u2192 0.358916", text(robot, "#weight-1-0-0"));
        ui.click(robot, "#predict-hint-1");
        ui.screenshot("predict-mode-zh");
    }

    @Test
    void theExerciseSheetAndItsKeyFromTheStepTab(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir,
            FxRobot robot) throws Exception {
        ui.settle();
        ui.click(robot, "#predict-toggle");
        // w1 typed over as 0.3: the sheet and the key are of the network as edited
        ui.click(robot, "#weight-0-0-0");
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write("0.3");
        ui.click(robot, "#edit-apply");
        ui.handoutAnswer = new ExportDialogs.Handout(dir.resolve("sheet.md"), 1);
        ui.click(robot, "#predict-sheet");
        ui.handoutAnswer = new ExportDialogs.Handout(dir.resolve("key.md"), 1);
        ui.click(robot, "#predict-key");
        String sheet = java.nio.file.Files.readString(dir.resolve("sheet.md"));
        String key = java.nio.file.Files.readString(dir.resolve("key.md"));
        assertTrue(sheet.contains("w1 = 0.3, w2 = 0.2"), sheet);
        assertTrue(sheet.contains("    net_h1 = __________"), sheet);
        // net_h1 = 0.3 x 0.05 + 0.2 x 0.1 + 0.35 x 1 = 0.385
        assertTrue(key.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.3 x 0.05 + 0.2 x 0.1 + 0.35 x 1 = 0.385"),
                key);
        assertFalse(sheet.contains("0.385"));
        assertTrue(text(robot, "#notice").contains("key.md"), text(robot, "#notice"));

        // what the printed sheet looks like, for the README
        javafx.scene.control.Label page = new javafx.scene.control.Label(sheet.substring(0, sheet.indexOf("  Output layer")));
        page.setStyle("-fx-font-family: monospace; -fx-font-size: 13px; -fx-background-color: white; -fx-padding: 16;");
        robot.interact(() -> new javafx.scene.Scene(new javafx.scene.layout.StackPane(page)));
        ui.screenshot("exercise-sheet", page);
    }

    @Test
    void theTeacherChoosesWhatIsAsked(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#predict-toggle");
        robot.interact(() -> robot.lookup("#predict-panel").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        ui.click(robot, "#predict-choice");
        robot.interact(() -> robot.lookup("#predict-panel").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        ui.settle();
        ui.click(robot, "#predict-kind-forward");
        type(robot, "#predict-per-stage", "0");
        ui.click(robot, "#next-stage");
        assertTrue(robot.lookup("#predict-prompt-0").tryQuery().isEmpty(), "forward values are not asked");
        assertEquals("net 0.3775", text(robot, "#net-0-0"));
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        assertEquals("E_o1 = ?", text(robot, "#predict-prompt-0"));
        assertEquals("E_total = ?", text(robot, "#predict-prompt-2"), "0: every value of the stage");
        assertEquals("E ?", text(robot, "#error-0"));
        assertTrue(text(robot, "#stage-label").endsWith("error E = ?"), text(robot, "#stage-label"));
    }

    @Test
    void theMatricesHideWhatIsAskedAndTheFlowAndTheCurveShowNoAskedTotal(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#predict-toggle");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#step-tab-matrices");
        assertEquals("?", text(robot, "#matrix-Z1-0-0"), "net_h1 is asked: hidden in the matrices too");
        assertEquals("?", text(robot, "#matrix-A1-0-0"), "out_h1 is asked");
        // net_h2 = 0.25 x 0.05 + 0.30 x 0.10 + 0.35 = 0.3925: not asked, shown
        assertEquals("0.3925", text(robot, "#matrix-Z1-1-0"));
        type(robot, "#predict-answer-0", "0.3775");
        assertEquals("0.3775", text(robot, "#matrix-Z1-0-0"), "answered: shown");
        assertEquals("?", text(robot, "#matrix-A1-0-0"), "still asked");
        ui.screenshot("predict-matrices");
        ui.click(robot, "#predict-reveal-1");
        // out_h1 = 1 / (1 + e^-0.3775) = 0.593269992
        assertEquals("0.59327", text(robot, "#matrix-A1-0-0"));

        // every value of a stage asked; on to the loss, where E_total is asked
        robot.interact(() -> robot.lookup("#predict-panel").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        ui.click(robot, "#predict-choice");
        robot.interact(() -> robot.lookup("#predict-panel").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        ui.settle();
        type(robot, "#predict-per-stage", "0");
        robot.interact(() -> robot.lookup("#predict-panel").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        assertEquals("E_total = ?", text(robot, "#predict-prompt-2"));
        assertTrue(text(robot, "#stage-label").endsWith("error E = ?"), text(robot, "#stage-label"));
        ui.click(robot, "#step-tab-flow");
        String flow = flowTexts(robot);
        assertTrue(flow.contains("The loss E of the output against the targets Y."), flow);
        assertFalse(flow.matches("(?s).*\\d\\.\\d.*"), "the flow shows formulas and shapes, no value: " + flow);
        assertTrue(robot.lookup("#flow-E").query().getStyleClass().contains("flow-lit"));
        LossCurveView curve = robot.lookup("#loss-curve").queryAs(LossCurveView.class);
        assertEquals(0, curve.getCurve().size(), "E_total of iteration 1 is asked: no point on the curve");

        // E_total = 1/2 (0.01 - 0.75136507)^2 + 1/2 (0.99 - 0.772928465)^2 = 0.298371109
        type(robot, "#predict-answer-2", "0.2984");
        assertTrue(text(robot, "#predict-feedback-2").startsWith("Right first time: 0.2984"),
                text(robot, "#predict-feedback-2"));
        assertTrue(text(robot, "#stage-label").endsWith("error E = 0.298371109"), text(robot, "#stage-label"));
        assertEquals(flow, flowTexts(robot), "the flow shows the same once it is answered");
        assertEquals(0, curve.getCurve().size(), "an iteration's point comes with its update");
        for (int i = 0; i < 3; i++) {
            ui.click(robot, "#next-stage");
        }
        assertEquals(1, curve.getCurve().size(), "after the update: iteration 1's point");
        assertEquals(0.298371109, curve.getCurve().losses()[0], 1e-9);
    }

    private static String flowTexts(FxRobot robot) {
        StringBuilder sb = new StringBuilder(robot.lookup("#flow-stage").queryLabeled().getText());
        for (javafx.scene.control.Label l : robot.lookup(".flow-node").queryAllAs(javafx.scene.control.Label.class)) {
            sb.append('\n').append(l.getText());
        }
        return sb.toString();
    }
}
