package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.io.ExperimentFile;
import org.backproplab.session.DigitsSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The digits tab (MLP, tiny MNIST): trained a while, Save experiment; trained on (the run never
 * interrupted); Train from random; Open experiment: the same network, progress and curve as at the
 * save; trained on again: batch for batch the losses of the run that never stopped, bit for bit.
 * Dropped onto the window from another tab, the file opens in the Digits tab.
 */
@ExtendWith(ApplicationExtension.class)
class DigitsExperimentWindowTest {
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

    private DigitsSnapshot snapshot() {
        return ui.window.digits().session().getSnapshot();
    }

    /** Play, wait, pause: some batches, as many as the machine trains meanwhile. */
    private void trainAWhile(FxRobot robot, long millis) {
        ui.click(robot, "#digits-play");
        WaitForAsyncUtils.sleep(millis, TimeUnit.MILLISECONDS);
        ui.click(robot, "#digits-play");
        ui.settle();
        assertFalse(ui.window.digits().session().isPlaying());
    }

    private static String withoutPace(String progress) {
        return progress.substring(0, progress.lastIndexOf('\u00b7'));
    }

    @Test
    void savedResetOpenedAndContinuedItTrainsAsIfNeverStopped(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.click(robot, "#tab-digits");
        ui.choose(robot, "#digits-preset", "MLP: 784-128-64-10, ReLU");
        ui.settle();
        trainAWhile(robot, 300);
        DigitsSnapshot atSave = snapshot();
        assertTrue(atSave.batchLoss().size() > 0, "batches trained");
        String progressAtSave = ui.text(robot, "#digits-progress-label");
        ui.experimentAnswer = dir.resolve("digits.json");
        ui.click(robot, "#digits-save-experiment");
        ui.settle();
        assertEquals("Saved the experiment to digits.json.", ui.text(robot, "#digits-notice"));

        trainAWhile(robot, 400);
        double[] straight = snapshot().batchLoss().losses();
        int saved = atSave.batchLoss().size();
        assertTrue(straight.length > saved, "trained on: " + straight.length);

        ui.click(robot, "#digits-fresh"); // random weights, training at once
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        ui.click(robot, "#digits-play");
        ui.settle();
        assertFalse(Arrays.equals(atSave.probabilities(), snapshot().probabilities()), "another network");

        ui.click(robot, "#digits-open-experiment");
        ui.settle();
        String notice = ui.text(robot, "#digits-notice");
        assertTrue(notice.startsWith("Opened digits.json: epoch ") && notice.endsWith("exactly where it was left."),
                notice);
        assertArrayEquals(atSave.probabilities(), snapshot().probabilities(), "the saved network, bit for bit");
        assertArrayEquals(atSave.batchLoss().losses(), snapshot().batchLoss().losses(), "the saved curve");
        // the pace (seconds left) is measured again once training goes on
        assertEquals(withoutPace(progressAtSave), withoutPace(ui.text(robot, "#digits-progress-label")));
        ui.screenshot("digits-experiment-opened");

        trainAWhile(robot, 400);
        double[] again = snapshot().batchLoss().losses();
        int common = Math.min(again.length, straight.length);
        assertTrue(common > saved, "trained on after opening: " + again.length);
        assertArrayEquals(Arrays.copyOf(straight, common), Arrays.copyOf(again, common),
                "each batch's loss as in the run that never stopped");

        // dropped onto the window while another tab shows, it opens in the Digits tab
        ui.click(robot, "#tab-step");
        WaitForAsyncUtils.asyncFx(() -> ui.window.openExperiment(dir.resolve("digits.json"))).get();
        ui.settle();
        assertTrue(ui.window.digits().root().isVisible(), "the Digits tab shows");
        assertArrayEquals(atSave.probabilities(), snapshot().probabilities());
    }

    @Test
    void thePrecisionChosenInTheWindowTrainsTheFloatPathAndIsSaved(FxRobot robot, @TempDir Path dir) throws Exception {
        ui.click(robot, "#tab-digits");
        ui.choose(robot, "#digits-preset", "MLP: 784-128-64-10, ReLU");
        ComboBox<?> box = robot.lookup("#digits-precision").queryAs(ComboBox.class);
        assertEquals("double", box.getValue());
        ui.choose(robot, "#digits-precision", "float32");
        assertEquals("float", ui.window.digits().session().precision().precisionProperty().get());
        trainAWhile(robot, 300);
        ui.experimentAnswer = dir.resolve("float.json");
        ui.click(robot, "#digits-save-experiment");
        ui.settle();
        ExperimentFile.Experiment e = ExperimentFile.load(dir.resolve("float.json"));
        assertEquals("float", e.digits().precision());
        assertTrue(e.start().iteration() > 0);
        for (ImmutableMatrix m : e.start().parameters().values()) {
            for (int r = 0; r < m.rows(); r++) {
                for (double v : m.rowValues(r)) {
                    assertEquals(v, (double) (float) v, 0.0, "trained in float32: every parameter is a float");
                }
            }
        }
        ui.screenshot("digits-precision");

        // LeNet-5 as published (tanh, subsampling) cannot train in float: back to float64, and float is refused
        ui.choose(robot, "#digits-preset", "LeNet-5 (1998): subsampling with coefficient and bias, tanh");
        assertEquals("double", box.getValue());
        ui.choose(robot, "#digits-precision", "float32");
        assertTrue(ui.text(robot, "#digits-input-error").startsWith("This network cannot train in float32: "),
                ui.text(robot, "#digits-input-error"));
        assertEquals("double", box.getValue(), "the box shows the precision kept");
        assertEquals("double", ui.window.digits().session().precision().precisionProperty().get());
    }
}
