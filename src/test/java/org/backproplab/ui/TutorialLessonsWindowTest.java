package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.lesson.Lessons;
import org.backproplab.session.Numbers;
import org.backproplab.session.PlaygroundSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tutorial lessons as a person opens them: the stepping tab's matrices over the batch, its
 * forward and backward flow, epoch, batch and iteration (stepping tab and playground), and the
 * Paddle tutorial's neuron; each read from what the window shows.
 */
@ExtendWith(ApplicationExtension.class)
class TutorialLessonsWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1500, 950);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String text(FxRobot robot, String id) {
        return ui.text(robot, id);
    }

    @Test
    void theMatricesOfTheFromScratchLessonAreItsFourSamplesAsColumns(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A network from scratch (3-4-1)");
        ui.click(robot, "#step-tab-matrices");
        assertTrue(text(robot, "#matrix-heading").contains("m = 4"), text(robot, "#matrix-heading"));
        assertEquals("[4, 4]", text(robot, "#matrix-Z1-shape"));
        assertTrue(robot.lookup("#matrix-W1-0-0").tryQuery().isPresent(), "the starting weights before the first stage");
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        // forward through layer 2: A[1] (4 x 4) in, W[2] (1 x 4), Z[2] and A[2] (1 x 4) out
        Stepper stepper = new Stepper(Lessons.byId(Lessons.FROM_SCRATCH_3_4_1).newTrainer(), 10);
        StageRecords records = StageRecords.of(stepper.finishIteration());
        ForwardRecord out = records.forward(1);
        assertEquals("[1, 4]", text(robot, "#matrix-W2-shape"));
        assertEquals("[4, 4]", text(robot, "#matrix-A1-shape"));
        assertEquals("[1, 4]", text(robot, "#matrix-Z2-shape"));
        for (int sample = 0; sample < 4; sample++) {
            assertEquals(Numbers.shortNumber(out.preActivation().get(sample, 0)), text(robot, "#matrix-Z2-0-" + sample));
            assertEquals(Numbers.shortNumber(out.activation().get(sample, 0)), text(robot, "#matrix-A2-0-" + sample));
            for (int j = 0; j < 4; j++) {
                assertEquals(Numbers.shortNumber(out.input().get(sample, j)), text(robot, "#matrix-A1-" + j + "-" + sample));
            }
        }
        assertEquals("[1, 4]", text(robot, "#dims-0-2"), "W[2], dW[2]: [n_l, n_(l-1)]");
        assertEquals("[n_l, n_(l\u22121)]", text(robot, "#dims-0-1"));
        assertEquals("[1, 1]", text(robot, "#dims-1-2"));
        assertEquals("[1, 4]", text(robot, "#dims-2-2"));
        assertTrue(text(robot, "#matrix-transpose").contains("transpose"), text(robot, "#matrix-transpose"));
        // loss, then back through the output layer: dW[2] shaped like W[2]
        ui.click(robot, "#next-stage");
        ui.click(robot, "#next-stage");
        BackwardRecord back = records.backward(1);
        assertEquals("[1, 4]", text(robot, "#matrix-dW2-shape"));
        for (int j = 0; j < 4; j++) {
            assertEquals(Numbers.shortNumber(back.gradWeights().get(0, j)), text(robot, "#matrix-dW2-0-" + j));
        }
        assertTrue(robot.lookup("#matrix-dW2").query().getStyleClass().contains("matrix-current"));
        ui.screenshot("step-matrices");
    }

    private List<String> lit(FxRobot robot) {
        return robot.lookup(".flow-lit").queryAll().stream().map(Node::getId).sorted().toList();
    }

    @Test
    void theFlowLightsThePartOfEachStageOfTheWorkedExample(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#step-tab-flow");
        assertEquals(List.of(), lit(robot));
        assertTrue(text(robot, "#flow-stage").startsWith("Ready"), text(robot, "#flow-stage"));
        List<List<String>> expected = List.of(
                List.of("flow-A1", "flow-Z1", "flow-cache1"),
                List.of("flow-A2", "flow-Z2", "flow-cache2"),
                List.of("flow-E"),
                List.of("flow-dA1", "flow-dA2", "flow-dW2", "flow-dZ2", "flow-db2"),
                List.of("flow-dA1", "flow-dW1", "flow-dZ1", "flow-db1"),
                List.of("flow-update1", "flow-update2"));
        for (int k = 0; k < expected.size(); k++) {
            ui.click(robot, "#next-stage");
            assertEquals(expected.get(k), lit(robot), "stage " + (k + 1));
            if (k == 3) {
                assertTrue(text(robot, "#flow-stage").startsWith("Backward through layer 2"), text(robot, "#flow-stage"));
                assertTrue(robot.lookup("#flow-cache2").query().getStyleClass().contains("flow-read"));
                assertEquals("dW[2] =\ndZ[2] A[1]\u1d40\n[2, 2]", text(robot, "#flow-dW2"));
                ui.screenshot("step-flow");
            }
        }
    }

    @Test
    void epochBatchAndIterationInTheSteppingTab(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A network from scratch (3-4-1)");
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#whole-iteration");
        ui.click(robot, "#step-tab-epochs");
        assertEquals("This set-up: N = 4 samples, batch B = 4, so \u2308N/B\u2309 = 1 updates per epoch (last batch: 4 samples).",
                text(robot, "#step-epochs-numbers"));
        assertEquals("Updates done: 3 = 3 whole epochs and 0 updates into the next.", text(robot, "#step-epochs-progress"));
        // batch: 1 update per epoch (this lesson), stochastic: N = 4, mini-batch (B = 2): 2
        assertEquals("batch (full batch) \u25c0", text(robot, "#step-epochs-table-0-0"));
        assertEquals("1", text(robot, "#step-epochs-table-0-3"));
        assertEquals("4", text(robot, "#step-epochs-table-1-3"));
        assertEquals("2", text(robot, "#step-epochs-table-2-3"));
        assertTrue(text(robot, "#step-epochs-naive").contains("4/4 + 1 = 2, one too many"), text(robot, "#step-epochs-naive"));
    }

    @Test
    void epochBatchAndIterationInThePlaygroundForBDividingNAndNot(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Mini-batch gradient descent");
        ui.click(robot, "#pg-epochs-pane");
        // 400 points, half for training: N = 200, B = 10
        assertEquals("This set-up: N = 200 samples, batch B = 10, so \u2308N/B\u2309 = 20 updates per epoch (last batch: 10 samples).",
                text(robot, "#pg-epochs-numbers"));
        assertEquals("mini-batch \u25c0", text(robot, "#pg-epochs-table-2-0"));
        assertEquals("20", text(robot, "#pg-epochs-table-2-3"));
        assertEquals("200", text(robot, "#pg-epochs-table-1-3"));
        assertEquals("1", text(robot, "#pg-epochs-table-0-3"));
        assertTrue(text(robot, "#pg-epochs-naive").contains("200/10 + 1 = 21, one too many"), text(robot, "#pg-epochs-naive"));
        ui.click(robot, "#pg-step");
        assertEquals("Updates done: 20 = 1 whole epoch and 0 updates into the next.", text(robot, "#pg-epochs-progress"));
        ui.screenshot("playground-epochs");
        javafx.scene.Node epochs = robot.lookup("#pg-epochs").query();
        assertEquals(java.util.List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(epochs, null)),
                "every sentence of the explanation whole");
        // B = 7 does not divide 200: 28 batches of 7 and one of 4
        robot.doubleClickOn("#batch-size").push(KeyCode.CONTROL, KeyCode.A).write("7");
        robot.push(KeyCode.ENTER);
        ui.settle();
        assertEquals("This set-up: N = 200 samples, batch B = 7, so \u2308N/B\u2309 = 29 updates per epoch (last batch: 4 samples).",
                text(robot, "#pg-epochs-numbers"));
        assertEquals("29", text(robot, "#pg-epochs-table-2-3"));
        assertTrue(text(robot, "#pg-epochs-naive").contains("gives 29 = \u2308N/B\u2309, right only because B does not divide N"),
                text(robot, "#pg-epochs-naive"));
    }

    @Test
    void thePaddleNeuronSeparatesItsCloudsAndItsPointCanBeStepped(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "A single neuron, as the Paddle tutorial trains it");
        assertTrue(text(robot, "#pg-lesson-text").contains("y = w1 x1 + w2 x2 + b"), text(robot, "#pg-lesson-text"));
        ui.click(robot, "#pg-play");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && ui.window.playground().session().isPlaying()) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
        ui.settle();
        PlaygroundSnapshot s = ui.window.playground().session().getSnapshot();
        assertEquals(20, s.epoch());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9.]+) %").matcher(text(robot, "#test-accuracy"));
        assertTrue(m.find(), text(robot, "#test-accuracy"));
        assertEquals(100.0, Double.parseDouble(m.group(1)), 0, "the line separates the held-out points too");
        // discretised, the output map shows the line w1 x1 + w2 x2 + b = 0 sharply between the clouds
        ui.click(robot, "#discretize");
        ui.screenshot("playground-paddle-neuron");
        // a point of the upper cloud, stepped through in the stepping tab: one linear neuron
        Node map = robot.lookup("#output-map").query();
        Bounds b = map.localToScreen(map.getBoundsInLocal());
        robot.press(KeyCode.SHIFT).clickOn(new Point2D(b.getMinX() + b.getWidth() * (8.0 / 12), b.getMinY()
                + b.getHeight() * (4.0 / 12))).release(KeyCode.SHIFT);
        ui.settle();
        ui.click(robot, "#step-point");
        ui.click(robot, "#next-stage");
        var step = ui.window.session().getSnapshot();
        assertEquals(List.of(2, 1), step.layerSizes());
        assertEquals(List.of("identity"), step.activations());
        assertTrue(text(robot, "#out-0-0").startsWith("out "), text(robot, "#out-0-0"));
        assertFalse(((Label) robot.lookup("#stage-label").query()).getText().isEmpty());
    }

    @Test
    void theFlowAndTheMatricesSpeakChinese(FxRobot robot) {
        ui.settle();
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.click(robot, "#next-stage");
        ui.click(robot, "#step-tab-matrices");
        assertTrue(text(robot, "#matrix-heading").startsWith("第 1 层"), text(robot, "#matrix-heading"));
        assertTrue(text(robot, "#matrix-transpose").contains("转置"), text(robot, "#matrix-transpose"));
        assertEquals("0.3775", text(robot, "#matrix-Z1-0-0"));
        ui.click(robot, "#step-tab-flow");
        assertTrue(text(robot, "#flow-stage").startsWith("第 1 层前向"), text(robot, "#flow-stage"));
        assertEquals(List.of("flow-A1", "flow-Z1", "flow-cache1"), lit(robot));
        ui.screenshot("step-flow-zh");
    }
}
