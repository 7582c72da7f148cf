package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.lesson.Lessons;
import org.backproplab.session.LossHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stepping window, driven through its real controls and read from what it shows. */
@ExtendWith(ApplicationExtension.class)
class StepWindowTest {
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

    private String chainRule(FxRobot robot) {
        VBox lines = robot.lookup("#chain-rule").queryAs(VBox.class);
        StringBuilder sb = new StringBuilder();
        lines.getChildren().forEach(n -> sb.append(((Label) n).getText()).append('\n'));
        return sb.toString();
    }

    /** The engine's own records for the first iteration, to compare the window with. */
    private static List<StageRecord> engineRecords() {
        Stepper stepper = new Stepper(Lessons.byId(Lessons.WORKED_2_2_2).newTrainer(), 10);
        return new ArrayList<>(stepper.finishIteration());
    }

    @Test
    void steppingThroughTheFirstIterationShowsTheEnginesNumbers(FxRobot robot) {
        ui.settle();
        assertEquals("Backprop Lab", ui.stage.getTitle());
        List<StageRecord> records = engineRecords();
        assertTrue(text(robot, "#stage-label").contains("ready"), text(robot, "#stage-label"));

        ui.click(robot, "#next-stage");
        ForwardRecord hidden = (ForwardRecord) records.get(0);
        assertEquals("out " + org.backproplab.session.Numbers.shortNumber(hidden.activation().get(0, 0)), text(robot, "#out-0-0"));
        assertEquals("out 0.59327", text(robot, "#out-0-0"));
        assertEquals("net 0.3775", text(robot, "#net-0-0"));
        assertEquals("out 0.596884", text(robot, "#out-0-1"));
        assertEquals("out \u2013", text(robot, "#out-1-0"), "the output layer is not computed yet");
        assertTrue(text(robot, "#stage-label").contains("forward pass through the hidden layer 1"));
        ui.screenshot("forward-stage");

        ui.click(robot, "#next-stage");
        ForwardRecord output = (ForwardRecord) records.get(1);
        assertEquals("out " + org.backproplab.session.Numbers.shortNumber(output.activation().get(0, 0)), text(robot, "#out-1-0"));
        assertEquals("out 0.751365", text(robot, "#out-1-0"));
        assertEquals("out 0.772928", text(robot, "#out-1-1"));

        ui.click(robot, "#next-stage");
        LossRecord loss = (LossRecord) records.get(2);
        assertTrue(text(robot, "#stage-label").contains("error E = 0.298371109"), text(robot, "#stage-label"));
        assertEquals("E " + org.backproplab.session.Numbers.shortNumber(loss.terms().get(0, 0)), text(robot, "#error-0"));

        // select w5 (h1 -> o1) and step into the backward pass: the chain rule with its numbers
        ui.click(robot, "#weight-1-0-0");
        assertTrue(text(robot, "#inspector-title").startsWith("Weight w5 (h1 \u2192 o1) = 0.4"),
                text(robot, "#inspector-title"));
        ui.click(robot, "#next-stage");
        String chain = chainRule(robot);
        assertTrue(chain.contains("dE/dw5 = dE/dout_o1 \u00d7 dout_o1/dnet_o1 \u00d7 dnet_o1/dw5 = 0.74136507 \u00d7 "
                + "0.186815602 \u00d7 0.593269992 = 0.0821670406"), chain);
        assertTrue(text(robot, "#numeric-estimate").contains("0.0821670406"), text(robot, "#numeric-estimate"));
        assertTrue(text(robot, "#delta-1-0").contains("0.138499"), text(robot, "#delta-1-0"));
        ui.screenshot("backward-stage");

        // a hidden weight: the sum over the paths back from each output
        ui.click(robot, "#next-stage");
        ui.click(robot, "#weight-0-0-0");
        chain = chainRule(robot);
        assertTrue(chain.contains("dE/dout_h1 = delta_o1 \u00d7 w5 + delta_o2 \u00d7 w7 = 0.138498562 \u00d7 0.4 + "
                + "(-0.0380982365) \u00d7 0.5 = 0.0363503064"), chain);
        assertTrue(chain.contains("= 0.000438567734"), chain);

        ui.click(robot, "#next-stage");
        assertEquals("w5 0.4\n\u2192 0.358916", text(robot, "#weight-1-0-0"));
        assertEquals("w1 0.15\n\u2192 0.149781", text(robot, "#weight-0-0-0"));
        assertTrue(text(robot, "#stage-label").contains("update"));
        ui.screenshot("update-stage");
    }

    @Test
    void editingW1ChangesEveryDownstreamValueAndBackRestoresThem(FxRobot robot) {
        ui.settle();
        for (int i = 0; i < 3; i++) {
            ui.click(robot, "#next-stage");
        }
        String[] ids = {"#net-0-0", "#out-0-0", "#out-0-1", "#out-1-0", "#out-1-1", "#error-0", "#error-1"};
        List<String> before = new ArrayList<>();
        for (String id : ids) {
            before.add(text(robot, id));
        }
        ui.click(robot, "#weight-0-0-0");
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).write("0.9");
        ui.click(robot, "#edit-apply");
        // net_h1 = 0.9 x 0.05 + 0.2 x 0.1 + 0.35 = 0.415
        assertEquals("net 0.415", text(robot, "#net-0-0"));
        assertEquals(before.get(2), text(robot, "#out-0-1"), "h2 does not depend on w1");
        for (String id : new String[] {"#out-0-0", "#out-1-0", "#out-1-1", "#error-0", "#error-1"}) {
            assertNotEquals(before.get(List.of(ids).indexOf(id)), text(robot, id), id + " follows w1");
        }
        assertEquals("w1 0.9", text(robot, "#weight-0-0-0"));

        ui.click(robot, "#back");
        for (int i = 0; i < ids.length; i++) {
            assertEquals(before.get(i), text(robot, ids[i]), ids[i] + " restored");
        }
        assertEquals("w1 0.15", text(robot, "#weight-0-0-0"));
    }

    @Test
    void invalidEditsAreRefusedNextToTheField(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#weight-1-1-1");
        for (String[] c : new String[][] {{"abc", "That is not a number."}, {"NaN", "finite"},
            {"1e9", "between -1000000 and 1000000"}, {"", "Type a number."}}) {
            robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
            if (!c[0].isEmpty()) {
                robot.write(c[0]);
            }
            ui.click(robot, "#edit-apply");
            assertTrue(text(robot, "#edit-error").contains(c[1]), c[0] + ": " + text(robot, "#edit-error"));
            assertEquals("w8 0.55", text(robot, "#weight-1-1-1"), "nothing changed");
        }
        robot.doubleClickOn("#learning-rate").push(KeyCode.CONTROL, KeyCode.A).write("-2").push(KeyCode.ENTER);
        ui.settle();
        assertTrue(text(robot, "#learning-rate-error").contains("greater than 0"), text(robot, "#learning-rate-error"));
        assertEquals(0.5, ui.window.session().getSnapshot().learningRate(), 0);
    }

    @Test
    void theLanguageSwitchChangesTheLabels(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#next-stage");
        ui.click(robot, "#neuron-0-0");
        assertTrue(text(robot, "#stage-label").startsWith("Iteration 1"));
        ui.choose(robot, "#language", "\u4e2d\u6587");
        assertTrue(text(robot, "#stage-label").startsWith("\u7b2c 1 \u6b21\u8fed\u4ee3"), text(robot, "#stage-label"));
        assertEquals("\u795e\u7ecf\u5143 h1", text(robot, "#inspector-title"));
        assertTrue(ui.stage.getTitle().contains("\u53cd\u5411\u4f20\u64ad"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, ui.settings.language(), "the language is remembered");
        ui.screenshot("chinese-ui");
        ui.choose(robot, "#language", "English");
        assertTrue(text(robot, "#stage-label").startsWith("Iteration 1"));
    }

    @Test
    void playThenPauseLeavesALossCurveThatFell(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#speed", "As fast as possible");
        ui.click(robot, "#play");
        assertTrue(ui.window.session().isPlaying());
        org.testfx.util.WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        ui.click(robot, "#play");
        assertFalse(ui.window.session().isPlaying());
        LossCurveView curve = robot.lookup("#loss-curve").queryAs(LossCurveView.class);
        LossHistory.Curve c = curve.getCurve();
        assertTrue(c.size() > 10, "points drawn: " + c.size());
        assertTrue(c.losses()[c.size() - 1] < c.losses()[0], "the loss fell");
        // the value under the mouse
        Bounds b = curve.localToScreen(curve.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() / 2));
        ui.settle();
        String hover = text(robot, "#loss-hover");
        assertTrue(hover.matches("iteration \\d+: E = [0-9.eE+-]+"), hover);
        ui.screenshot("after-play");
    }

    @Test
    void exportsWriteThePngAndTheMarkdownHandout(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.settle();
        ui.click(robot, "#next-stage");
        ui.pngAnswer = dir.resolve("view.png");
        robot.clickOn("#export");
        ui.click(robot, "Export the view as PNG");
        byte[] png = Files.readAllBytes(ui.pngAnswer);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        javafx.scene.image.Image image = new javafx.scene.image.Image(ui.pngAnswer.toUri().toString());
        assertEquals(1400, image.getWidth(), 2);

        ui.handoutAnswer = new ExportDialogs.Handout(dir.resolve("handout.md"), 2);
        robot.clickOn("#export");
        ui.click(robot, "Export a Markdown handout");
        ui.settle();
        String md = Files.readString(ui.handoutAnswer.file());
        assertTrue(md.startsWith("# Backprop Lab handout: Forward and backward, by hand (2-2-2)"), md);
        assertTrue(md.contains("## Iteration 1"));
        assertTrue(md.contains("## Iteration 2"));
        assertTrue(md.contains("dE/dw5 = dE/dout_o1 x dout_o1/dnet_o1 x dnet_o1/dw5 = 0.74136507 x 0.186815602 x "
                + "0.593269992 = 0.0821670406"), md);
        assertTrue(md.contains("E_total = E_o1 + E_o2 = 0.274811083 + 0.0235600256 = 0.298371109"));
        assertTrue(text(robot, "#notice").contains("handout.md"), text(robot, "#notice"));
    }

    @Test
    void keyboardShortcutsAndHelp(FxRobot robot) {
        ui.settle();
        robot.push(KeyCode.RIGHT);
        ui.settle();
        assertTrue(text(robot, "#stage-label").contains("forward"));
        robot.push(KeyCode.SHIFT, KeyCode.RIGHT);
        ui.settle();
        assertTrue(text(robot, "#stage-label").contains("update"), text(robot, "#stage-label"));
        robot.push(KeyCode.LEFT);
        ui.settle();
        assertTrue(text(robot, "#stage-label").contains("backward"), text(robot, "#stage-label"));
        robot.push(KeyCode.R);
        ui.settle();
        assertTrue(text(robot, "#stage-label").contains("ready"));
        robot.push(KeyCode.F1);
        ui.settle();
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        ui.screenshot("help-overlay");
        robot.push(KeyCode.ESCAPE);
        ui.settle();
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
    }

    @Test
    void spaceActsOnTheTabThatIsShowing(FxRobot robot) throws Exception {
        ui.settle();
        var digits = ui.window.digits().session();
        var playground = ui.window.playground().session();
        ui.click(robot, "#tab-digits");
        assertTrue(digits.getSnapshot() != null, "the digits were loaded");
        robot.push(KeyCode.SPACE);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(digits.isPlaying(), "Space trains the digits");
        assertFalse(playground.isPlaying(), "not the hidden playground");
        robot.push(KeyCode.SPACE);
        ui.settle();
        assertFalse(digits.isPlaying(), "Space again pauses the digits");
        assertFalse(playground.isPlaying());

        ui.click(robot, "#tab-activations");
        robot.push(KeyCode.SPACE);
        ui.settle();
        assertFalse(playground.isPlaying(), "the activations tab has no training to start");
        assertFalse(digits.isPlaying());
        assertFalse(ui.window.session().isPlaying(), "nor does Space step the hidden stepping tab");

        ui.click(robot, "#tab-playground");
        int before = playground.getSnapshot().epoch();
        robot.push(KeyCode.SPACE);
        // the playground's lesson may end its epochs (and pause) before the check: it trained
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> playground.getSnapshot().epoch() > before);
        assertTrue(playground.getSnapshot().epoch() > before, "on the playground Space plays it");
        if (playground.isPlaying()) {
            robot.push(KeyCode.SPACE);
        }
        ui.settle();
        if (playground.isPlaying()) {
            // the lesson's last epoch paused it just before that Space came, which played it again
            robot.push(KeyCode.SPACE);
            ui.settle();
        }
        assertFalse(playground.isPlaying());
        ui.click(robot, "#tab-step");
    }

    @Test
    void presentationModeScalesTextAndIsRemembered(FxRobot robot) {
        ui.settle();
        for (int i = 0; i < 4; i++) {
            ui.click(robot, "#next-stage");
        }
        ui.click(robot, "#neuron-1-0");
        double normal = robot.lookup("#stage-label").queryAs(Label.class).getFont().getSize();
        ui.click(robot, "#presentation");
        double large = robot.lookup("#stage-label").queryAs(Label.class).getFont().getSize();
        assertTrue(large > normal * 1.3, normal + " -> " + large);
        assertTrue(ui.settings.presentation());
        ui.screenshot("presentation-mode");
    }

    private void type(FxRobot robot, String field, String value) {
        robot.doubleClickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(value);
    }

    @Test
    void biasModeAndLearningRateApplyFromTheNextIteration(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#bias-mode", "trained");
        assertEquals(org.backproplab.engine.BiasMode.TRAINED, ui.window.session().getSnapshot().biasMode());
        type(robot, "#learning-rate", "0.1");
        robot.push(KeyCode.ENTER);
        ui.settle();
        ui.click(robot, "#whole-iteration");
        // b_o1 = 0.6 - 0.1 x delta_o1 = 0.6 - 0.1 x 0.138498562; w5 = 0.4 - 0.1 x 0.082167041
        assertEquals("b 0.6\n\u2192 " + org.backproplab.session.Numbers.shortNumber(0.6 - 0.1 * 0.138498562), text(robot, "#bias-1-0"));
        assertEquals("w5 0.4\n\u2192 " + org.backproplab.session.Numbers.shortNumber(0.4 - 0.1 * 0.0821670406), text(robot, "#weight-1-0-0"));
        ui.choose(robot, "#bias-mode", "none");
        robot.push(KeyCode.RIGHT);
        ui.settle();
        assertFalse(robot.lookup("#bias-0-0").query().isVisible(), "no bias is drawn");
        // the net of h1 is now W x alone
        ForwardRecord f = (ForwardRecord) ui.window.session().getSnapshot().lastRecord();
        assertEquals(null, f.bias());
        assertEquals("net " + org.backproplab.session.Numbers.shortNumber(f.weights().get(0, 0) * 0.05 + f.weights().get(0, 1) * 0.1),
                text(robot, "#net-0-0"));
    }

    @Test
    void inputsTargetsAndBiasesAreEditableByClicking(FxRobot robot) {
        ui.settle();
        ui.click(robot, "#input-1");
        assertTrue(text(robot, "#inspector-title").startsWith("Input i2 = 0.1"), text(robot, "#inspector-title"));
        type(robot, "#edit-field", "0.2");
        ui.click(robot, "#edit-apply");
        assertEquals("i2  0.2", text(robot, "#input-1"));
        ui.click(robot, "#target-0");
        type(robot, "#edit-field", "0.5");
        ui.click(robot, "#edit-apply");
        assertEquals("t1  0.5", text(robot, "#target-0"));
        ui.click(robot, "#bias-0-1");
        type(robot, "#edit-field", "-0.25");
        ui.click(robot, "#edit-apply");
        assertEquals("b -0.25", text(robot, "#bias-0-1"));
        ui.click(robot, "#next-stage");
        // net_h2 = w3 x i1 + w4 x i2 + b_h2 = 0.25 x 0.05 + 0.3 x 0.2 - 0.25
        assertEquals("net " + org.backproplab.session.Numbers.shortNumber(0.25 * 0.05 + 0.3 * 0.2 - 0.25), text(robot, "#net-0-1"));
        // hovering shows the exact value
        assertEquals("w2 (i2 \u2192 h1) = 0.2", robot.lookup("#weight-0-0-1").queryAs(Label.class).getTooltip().getText());
        // every edit is undone by back, one at a time
        for (int i = 0; i < 4; i++) {
            ui.click(robot, "#back");
        }
        assertEquals("i2  0.1", text(robot, "#input-1"));
        assertEquals("t1  0.01", text(robot, "#target-0"));
        assertEquals("b 0.35", text(robot, "#bias-0-1"));
    }

    @Test
    void theGraphStaysReadableInASmallWindow(FxRobot robot) throws Exception {
        ui.settle();
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            ui.stage.setWidth(960);
            ui.stage.setHeight(600);
        }).get();
        ui.settle();
        for (int i = 0; i < 4; i++) {
            ui.click(robot, "#next-stage");
        }
        ui.screenshot("small-window");
        // no two weight labels overlap
        List<Bounds> labels = new ArrayList<>();
        for (javafx.scene.Node n : robot.lookup(".weight-label").queryAll()) {
            if (!n.getId().startsWith("pg-")) {
                labels.add(n.localToScene(n.getBoundsInLocal()));
            }
        }
        assertEquals(8, labels.size());
        for (int a = 0; a < labels.size(); a++) {
            for (int b = a + 1; b < labels.size(); b++) {
                assertFalse(labels.get(a).intersects(labels.get(b)), "labels " + a + " and " + b + " overlap");
            }
        }
    }

    @Test
    void aSeveralSampleLessonShowsTheChosenSample(FxRobot robot) {
        ui.settle();
        ui.choose(robot, "#lesson-picker", "A network from scratch (3-4-1)");
        ui.click(robot, "#next-stage");
        ui.choose(robot, "#sample", "Show sample 4");
        // sample 4 is [1, 1, 1] with target 0
        assertEquals("i1  1", text(robot, "#input-0"));
        assertEquals("t1  0", text(robot, "#target-0"));
        ForwardRecord hidden = (ForwardRecord) ui.window.session().getSnapshot().lastRecord();
        assertEquals("out " + org.backproplab.session.Numbers.shortNumber(hidden.activation().get(3, 0)), text(robot, "#out-0-0"));
        // editing an input edits that sample's
        ui.click(robot, "#input-1");
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).write("0.5");
        ui.click(robot, "#edit-apply");
        assertEquals(0.5, ui.window.session().getSnapshot().inputs().get(3, 1), 0);
        assertEquals(0.0, ui.window.session().getSnapshot().inputs().get(2, 1), 0, "sample 3 unchanged");
    }

    @Test
    void anErrorInTrainingShowsAMessageAndTheWindowStaysUsable(FxRobot robot) {
        ui.settle();
        ui.window.session().editParameter("W9", 0, 0, 1.0);
        ui.settle();
        assertTrue(text(robot, "#notice").startsWith("Something went wrong"), text(robot, "#notice"));
        ui.click(robot, "#next-stage");
        assertEquals("out 0.59327", text(robot, "#out-0-0"));
    }
}
