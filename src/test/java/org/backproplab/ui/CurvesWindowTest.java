package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.backproplab.session.CurvePlot;
import org.backproplab.session.PlaygroundSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The loss curves as TensorBoard shows them: runs compared, log scale, smoothing, CSV, as a person uses them. */
@ExtendWith(ApplicationExtension.class)
class CurvesWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1600, 1000);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private PlaygroundSession session() {
        return ui.window.playground().session();
    }

    /** Steps {@code n} epochs with the step button, as a person clicks it. */
    private void stepEpochs(FxRobot robot, int n) {
        for (int i = 0; i < n; i++) {
            robot.clickOn("#pg-step");
        }
        ui.settle();
    }

    /** Scrolls the playground's right column so that the loss chart's controls are in sight. */
    private void showCurves(FxRobot robot) {
        Node board = robot.lookup("#pg-curves").query();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane scroll = UiTestSupport.enclosing(board, ScrollPane.class);
            Bounds content = scroll.getContent().getLayoutBounds();
            double y = board.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(Math.min(1, y / Math.max(1, content.getHeight() - scroll.getViewportBounds().getHeight())));
        }));
        ui.settle();
    }

    private static List<String> fields(String line) {
        return org.backproplab.session.CurveRunsTestAccess.fields(line);
    }

    @Test
    void twoLearningRatesAreTwoLabelledRunsOnALogScaleSmoothedAndExported(FxRobot robot, @TempDir Path dir)
            throws Exception {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Learning rate too small");
        stepEpochs(robot, 12);
        // a new learning rate: the curve so far is kept as a run, and training goes on as another
        robot.doubleClickOn("#pg-learning-rate").push(KeyCode.CONTROL, KeyCode.A).write("0.05").push(KeyCode.ENTER);
        ui.settle();
        stepEpochs(robot, 12);
        showCurves(robot);
        assertEquals("lr 0.002", ui.text(robot, "#pg-legend-0"));
        assertEquals("lr 0.05", ui.text(robot, "#pg-legend-1"));
        assertTrue(robot.lookup("#pg-legend-2").tryQuery().isEmpty());
        LossCurveView curve = robot.lookup("#pg-loss-curve").queryAs(LossCurveView.class);
        assertEquals(2, curve.getChart().legend().size());
        assertEquals(1, curve.getChart().xMin());
        assertEquals(24, curve.getChart().xMax());
        ui.screenshot("curves-runs", robot.lookup("#pg-curves").query());

        // the log scale: ticks at powers of ten, the loss values drawn as their log10
        ui.click(robot, "#pg-log-scale");
        CurvePlot.Chart log = curve.getChart();
        assertTrue(log.log());
        for (CurvePlot.Tick t : log.yTicks()) {
            assertEquals(Math.rint(t.at()), t.at(), 0);
            assertEquals(Math.pow(10, t.at()), Double.parseDouble(t.text()), 1e-9 * Math.pow(10, t.at()));
        }
        assertFalse(robot.lookup("#pg-log-note").query().isVisible(), "every loss is positive");
        double firstLoss = session().curves().runs().get(0).train().losses()[0];
        CurvePlot.Line firstTrain = log.lines().stream().filter(l -> l.color() == 0 && !l.dashed()).findFirst().get();
        assertEquals(Math.log10(firstLoss), firstTrain.ys()[0], 1e-12);

        // smoothing: the slider moves by 0.05 a key; the label says the weight; the raw line stays, faint
        robot.clickOn("#pg-smoothing");
        robot.push(KeyCode.HOME);
        for (int i = 0; i < 12; i++) {
            robot.push(KeyCode.RIGHT);
        }
        ui.settle();
        assertEquals("0.60", ui.text(robot, "#pg-smoothing-value"));
        CurvePlot.Chart smooth = curve.getChart();
        assertTrue(smooth.lines().stream().anyMatch(CurvePlot.Line::faint));
        double[] raw = session().curves().runs().get(1).train().losses();
        // the second run's first two smoothed values, by TensorBoard's formula: v1, then (0.6*0.4 v1 + 0.4 v2) / 0.64
        double expected = (0.6 * 0.4 * raw[0] + 0.4 * raw[1]) / (1 - 0.36);
        assertEquals(expected, smooth.hover().smoothed()[1], 1e-12);
        // the mouse over the chart reads the raw and the smoothed loss of the run training now
        showCurves(robot);
        Bounds b = curve.localToScreen(curve.getBoundsInLocal());
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.8, b.getMinY() + b.getHeight() / 2));
        ui.settle();
        String hover = ui.text(robot, "#pg-loss-hover");
        assertTrue(hover.startsWith("epoch ") && hover.contains("(smoothed "), hover);
        robot.moveTo("#pg-legend-0");
        ui.screenshot("curves-log-smoothed", robot.lookup("#pg-curves").query());

        // the CSV: every run, its label, each epoch's training and test loss
        Path csv = dir.resolve("curves.csv");
        ui.curvesCsvAnswer = csv;
        ui.click(robot, "#pg-export-curves");
        assertEquals("Saved curves.csv.", ui.text(robot, "#pg-notice"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(List.of("run", "epoch", "train_loss", "test_loss"), fields(lines.get(0)));
        assertEquals(1 + 24, lines.size());
        assertEquals(List.of("lr 0.002", "1"), fields(lines.get(1)).subList(0, 2));
        assertEquals(List.of("lr 0.05", "13"), fields(lines.get(13)).subList(0, 2));
        assertEquals(raw[0], Double.parseDouble(fields(lines.get(13)).get(2)), 0);
        assertFalse(fields(lines.get(13)).get(3).isEmpty(), "this lesson has test points");

        // Clear runs: the run training now stays, alone
        ui.click(robot, "#pg-clear-runs");
        assertEquals("lr 0.05 \u00b7 batch all points", ui.text(robot, "#pg-legend-0"));
        assertTrue(robot.lookup("#pg-legend-1").tryQuery().isEmpty());
    }

    @Test
    void theSteppingTabComparesARunBeforeAndAfterAReset(FxRobot robot) {
        // the worked example: three whole iterations at its own rate, then reset at 2 and three more
        for (int i = 0; i < 3; i++) {
            ui.click(robot, "#whole-iteration");
        }
        String firstRate = ui.window.session().learningRateProperty().get();
        robot.doubleClickOn("#learning-rate").push(KeyCode.CONTROL, KeyCode.A).write("2").push(KeyCode.ENTER);
        ui.settle();
        ui.click(robot, "#reset");
        for (int i = 0; i < 3; i++) {
            ui.click(robot, "#whole-iteration");
        }
        assertEquals("lr " + firstRate, ui.text(robot, "#step-legend-0"));
        assertEquals("lr 2", ui.text(robot, "#step-legend-1"));
        LossCurveView curve = robot.lookup("#loss-curve").queryAs(LossCurveView.class);
        // the run training now is the one the mouse reads: iterations 1 to 3 again
        assertEquals(3, curve.getCurve().size());
        assertEquals(1, curve.getCurve().iterations()[0]);
        ui.click(robot, "#step-log-scale");
        assertTrue(curve.getChart().log());
        ui.screenshot("curves-step-runs", robot.lookup("#step-curves").query());
    }

    @Test
    void aDivergedLossOnTheLogScaleIsLeftOutAndSaid(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Learning rate too large: divergence");
        ui.click(robot, "#pg-play");
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (session().isPlaying() && System.nanoTime() < end) {
            WaitForAsyncUtils.sleep(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        ui.settle();
        assertFalse(session().isPlaying());
        // every training and test loss the log scale cannot show: here those after the divergence
        double[] train = session().curves().runs().get(0).train().losses();
        double[] test = session().curves().runs().get(0).test().losses();
        long notShown = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(train), java.util.Arrays.stream(test))
                .filter(v -> !(v > 0 && Double.isFinite(v))).count();
        assertTrue(notShown >= 2, "the last losses are not numbers: " + train[train.length - 1]);
        showCurves(robot);
        assertFalse(robot.lookup("#pg-log-note").query().isVisible());
        ui.click(robot, "#pg-log-scale");
        assertTrue(robot.lookup("#pg-log-note").query().isVisible());
        assertEquals("Not drawn on the log scale (zero, negative or not finite): " + notShown + " values.",
                ui.text(robot, "#pg-log-note"));
        ui.screenshot("curves-log-diverged", robot.lookup("#pg-curves").query());
    }

    @Test
    void inChineseTheLabelsAndControlsAreChinese(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        ui.choose(robot, "#pg-lesson", "Learning rate too small");
        stepEpochs(robot, 5);
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> ui.i18n.localeProperty().set(Locale.SIMPLIFIED_CHINESE)));
        ui.settle();
        showCurves(robot);
        assertEquals("\u5b66\u4e60\u7387 0.002 \u00b7 \u6279\u91cf \u5168\u90e8\u70b9", ui.text(robot, "#pg-legend-0"));
        assertEquals("\u5bf9\u6570\u523b\u5ea6", robot.lookup("#pg-log-scale").queryAs(javafx.scene.control.CheckBox.class).getText());
        assertEquals("\u6e05\u9664\u8fd0\u884c\u8bb0\u5f55", robot.lookup("#pg-clear-runs").queryAs(javafx.scene.control.Button.class).getText());
        ui.screenshot("curves-chinese", robot.lookup("#pg-curves").query());
    }
}
