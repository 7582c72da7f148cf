package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.lesson.Naming;
import org.backproplab.session.MapGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Predict, then reveal, in the convolution worked example: predict mode on, a conv cell's z
 * answered right and its a wrong, the feedback and the hint read, the answer revealed, then on
 * to the pooling and to the convolution's backward pass; the grids show "?" for what is asked.
 */
@ExtendWith(ApplicationExtension.class)
class PredictConvWindowTest {
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

    private String text(FxRobot robot, String id) {
        return ui.text(robot, id);
    }

    private void type(FxRobot robot, String field, String value) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(value);
        robot.push(KeyCode.ENTER);
        ui.settle();
    }

    /** The predict panel scrolled so that the second question's feedback shows whole in the picture. */
    private void roomForTheFeedback(FxRobot robot) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane pane = robot.lookup("#predict-panel")
                    .queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node feedback = robot.lookup("#predict-feedback-1").query();
            double bottom = pane.getContent().sceneToLocal(feedback.localToScene(feedback.getBoundsInLocal()))
                    .getMaxY();
            double content = pane.getContent().getBoundsInLocal().getHeight();
            double viewport = pane.getViewportBounds().getHeight();
            pane.setVvalue(Math.min(1, Math.max(0, (bottom + 8 - viewport) / (content - viewport))));
        });
        ui.settle();
    }

    @Test
    void answerAConvCellRightAndWrongReadTheHintRevealAndStepOn(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A convolution by hand (6x6, two 3x3 filters)");
        ui.click(robot, "#predict-toggle");
        ui.click(robot, "#next-stage");
        assertEquals("z1[0][0][0] = ?", text(robot, "#predict-prompt-0"));
        assertEquals("a1[0][0][0] = ?", text(robot, "#predict-prompt-1"));
        assertEquals("?", text(robot, "#map-cell-0-0"), "asked: hidden in the grid");
        assertEquals(MapGraph.cellNumber(hand.z1[0][0][1]), text(robot, "#map-cell-0-1"), "not asked: shown");
        assertTrue(text(robot, "#inspector-title").startsWith("Predict mode"), text(robot, "#inspector-title"));

        // z1[0][0][0] = 0.5 x 0.1 - 0.3 x 0.8 - 0.4 x 0.3 + 0.1 x 0.1 + 0.05 = -0.25
        type(robot, "#predict-answer-0", "-0.25");
        assertTrue(text(robot, "#predict-feedback-0").startsWith("Right first time: -0.25"),
                text(robot, "#predict-feedback-0"));
        assertEquals("?", text(robot, "#map-cell-0-0"), "a still asked: one ? (z\u2192? would tell relu clipped)");

        // a1[0][0][0] = relu(-0.25) = 0, not 0.25
        type(robot, "#predict-answer-1", "0.25");
        String feedback = text(robot, "#predict-feedback-1");
        assertTrue(feedback.startsWith("Not quite: 0.25 is not that value."), feedback);
        assertTrue(feedback.contains("The formula with its inputs: a1[0][0][0] = relu(z1[0][0][0]) = relu(-0.25) = ?"),
                feedback);
        ui.click(robot, "#predict-hint-1");
        feedback = text(robot, "#predict-feedback-1");
        assertTrue(feedback.contains("Hint: z1[0][0][0] = -0.25"), feedback);
        assertEquals("?", text(robot, "#map-cell-0-0"), "a wrong answer keeps it hidden");
        roomForTheFeedback(robot);
        ui.screenshot("predict-mode-conv");
        ui.click(robot, "#predict-reveal-1");
        assertTrue(text(robot, "#predict-feedback-1").contains("Answer: a1[0][0][0] = relu(z1[0][0][0]) = relu(-0.25) = 0"),
                text(robot, "#predict-feedback-1"));
        assertEquals("-0.25\u21920", text(robot, "#map-cell-0-0"));
        assertTrue(text(robot, "#predict-progress").startsWith("This lesson: 1 of 2 right first time"),
                text(robot, "#predict-progress"));

        // the pooling: a2[0][0][0] = max(0, 0.14, 0, 0) = 0.14
        ui.click(robot, "#next-stage");
        assertEquals("a2[0][0][0] = ?", text(robot, "#predict-prompt-0"));
        assertEquals("?", text(robot, "#map-cell-1-0"));
        type(robot, "#predict-answer-0", Naming.number(hand.p[0][0][0]));
        assertTrue(text(robot, "#predict-feedback-0").startsWith("Right first time: 0.14"),
                text(robot, "#predict-feedback-0"));
        assertEquals("0.14", text(robot, "#map-cell-1-0"));

        // on to the convolution's backward pass: the deltas of the cells that won a window
        for (int i = 0; i < 5; i++) {
            ui.click(robot, "#next-stage");
        }
        assertEquals("delta1[0][0][1] = ?", text(robot, "#predict-prompt-0"));
        assertTrue(text(robot, "#map-cell-0-1").endsWith("\u03b4 ?"), text(robot, "#map-cell-0-1"));
        ui.click(robot, "#predict-reveal-0");
        assertTrue(text(robot, "#map-cell-0-1").endsWith("\u03b4 " + MapGraph.cellNumber(hand.delta1[0][0][1])),
                text(robot, "#map-cell-0-1"));

        // off: every value shows again
        ui.click(robot, "#predict-toggle");
        assertTrue(text(robot, "#map-cell-0-2").endsWith("\u03b4 " + MapGraph.cellNumber(hand.delta1[0][0][2])),
                text(robot, "#map-cell-0-2"));
    }

    @Test
    void inChinese(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A convolution by hand (6x6, two 3x3 filters)");
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.click(robot, "#predict-toggle");
        for (int i = 0; i < 7; i++) {
            ui.click(robot, "#next-stage");
        }
        assertEquals("delta1[0][0][1] = ?", text(robot, "#predict-prompt-0"));
        assertEquals("delta1[0][0][2] = ?", text(robot, "#predict-prompt-1"));
        // delta1[0][0][1] = dE/da1[0][0][1] x relu'(0.14) = delta2[0][0][0] x 1
        type(robot, "#predict-answer-0", Naming.number(hand.delta1[0][0][1]));
        assertTrue(text(robot, "#predict-feedback-0").startsWith("一次答对："), text(robot, "#predict-feedback-0"));
        type(robot, "#predict-answer-1", "0.3");
        assertTrue(text(robot, "#predict-feedback-1").startsWith("不对：0.3 不是这个值。"),
                text(robot, "#predict-feedback-1"));
        ui.click(robot, "#predict-hint-1");
        assertTrue(text(robot, "#predict-feedback-1").contains("提示：dE/da1[0][0][2] = "
                + Naming.number(hand.da1[0][0][2])), text(robot, "#predict-feedback-1"));
        assertTrue(text(robot, "#map-cell-0-2").endsWith("\u03b4 ?"), text(robot, "#map-cell-0-2"));
        roomForTheFeedback(robot);
        ui.screenshot("predict-mode-conv-zh");
    }
}
