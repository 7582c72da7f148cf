package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The descent tab on its own, used as a person would: a learning rate typed, steps taken and
 * their numbers read; a logit dragged and the probabilities read; new starts and the table read.
 */
@ExtendWith(ApplicationExtension.class)
class DescentViewTest {
    private DescentView view;
    private I18n i18n;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        view = new DescentView(i18n);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(getClass().getResource("app.css").toExternalForm());
        stage.setOnHiding(null);
        stage.setOnHidden(null);
        stage.setOnShown(null);
        stage.setScene(scene);
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).eraseText(12).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            try {
                java.nio.file.Files.createDirectories(UiTestSupport.SCREENSHOTS);
                PngExport.write(PngExport.snapshot(view.root(), 1), UiTestSupport.SCREENSHOTS.resolve(name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    @Test
    void aLearningRateIsTypedAndEachStepShowsItsNumbers(FxRobot robot) {
        type(robot, "#descent-rate-field", "0.1");
        assertEquals(0.1, robot.lookup("#descent-rate").queryAs(Slider.class).getValue(), 1e-12);
        assertEquals("Next step (1), not taken yet", text(robot, "#descent-step"));
        robot.clickOn("#descent-step-button");
        WaitForAsyncUtils.waitForFxEvents();
        // x = 2.5, f = 6.25, f' = 5, new x = 2.5 - 0.1 * 5 = 2
        assertEquals("Step 1", text(robot, "#descent-step"));
        assertEquals("x = 2.5", text(robot, "#descent-x"));
        assertEquals("f(x) = 6.25", text(robot, "#descent-fx"));
        assertEquals("f'(x) = 5", text(robot, "#descent-slope"));
        assertEquals("\u03b7 = 0.1", text(robot, "#descent-eta"));
        assertEquals("new x = x \u2212 \u03b7 f'(x) = 2.5 \u2212 0.1 \u00d7 5 = 2", text(robot, "#descent-new"));
        robot.clickOn("#descent-step-button");
        WaitForAsyncUtils.waitForFxEvents();
        // 2 - 0.1 * 4 = 1.6
        assertEquals("new x = x \u2212 \u03b7 f'(x) = 2 \u2212 0.1 \u00d7 4 = 1.6", text(robot, "#descent-new"));
        robot.clickOn("#descent-step-button");
        robot.clickOn("#descent-step-button");
        WaitForAsyncUtils.waitForFxEvents();
        shot("descent-steps");

        type(robot, "#descent-rate-field", "0");
        assertEquals("The learning rate must be greater than 0 and at most 10.", text(robot, "#descent-error"));
        type(robot, "#descent-rate-field", "1.1");
        assertEquals("", text(robot, "#descent-error"));
        robot.clickOn("#descent-reset");
        for (int i = 0; i < 80; i++) {
            robot.interact(() -> view.descent().step());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#descent-status").startsWith("Diverged at step 71:"), text(robot, "#descent-status"));
        type(robot, "#descent-rate-field", "0.9");
        robot.clickOn("#descent-reset");
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#descent-step-button");
        }
        WaitForAsyncUtils.waitForFxEvents();
        // (1 - 1.8)^6 2.5 = 0.65536
        assertEquals("new x = x \u2212 \u03b7 f'(x) = -0.8192 \u2212 0.9 \u00d7 (-1.6384) = 0.65536",
                text(robot, "#descent-new"));
        shot("descent-overshoot");
    }

    @Test
    void aDraggedLogitChangesTheProbabilitiesAndTheLoss(FxRobot robot) {
        robot.interact(() -> view.show(2));
        WaitForAsyncUtils.waitForFxEvents();
        // z = (2, 1, 0.1), target 1: p1 = 0.6590, L = -ln 0.6590 = 0.4170
        assertEquals("0.6590", text(robot, "#softmax-cell-0-3"));
        assertEquals("L = \u2212ln p1 = \u2212ln 0.6590 = 0.4170", text(robot, "#softmax-loss"));
        assertEquals("-0.3410", text(robot, "#softmax-cell-0-5"));
        // drag z2 to its right end: z = (2, 10, 0.1)
        Slider z2 = robot.lookup("#softmax-z2").queryAs(Slider.class);
        var b = z2.localToScreen(z2.getBoundsInLocal());
        robot.drag(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() / 2, b.getCenterY()))
                .dropTo(new javafx.geometry.Point2D(b.getMaxX() + 40, b.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("10.00", text(robot, "#softmax-z2-value"));
        double e1 = Math.exp(2);
        double e2 = Math.exp(10);
        double e3 = Math.exp(0.1);
        double sum = e1 + e2 + e3;
        assertEquals(String.format(Locale.ROOT, "%.4f", e1 / sum), text(robot, "#softmax-cell-0-3"));
        assertEquals(String.format(Locale.ROOT, "%.4f", e2 / sum), text(robot, "#softmax-cell-1-3"));
        assertEquals(String.format(Locale.ROOT, "L = \u2212ln p1 = \u2212ln %.4f = %.4f", e1 / sum,
                -Math.log(e1 / sum)), text(robot, "#softmax-loss"));
        robot.clickOn("#softmax-target2");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format(Locale.ROOT, "%.4f", e2 / sum - 1), text(robot, "#softmax-cell-1-5"));
        assertEquals("1", text(robot, "#softmax-cell-1-4"));
        robot.interact(() -> {
            view.softmax().setLogit(1, 1.5);
            view.softmax().setTemperature(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // T = 2: z / T = (1, 0.75, 0.05)
        double s = Math.exp(1) + Math.exp(0.75) + Math.exp(0.05);
        assertEquals("2.00", text(robot, "#softmax-temperature-value"));
        assertEquals("0.7500", text(robot, "#softmax-cell-1-2"));
        assertEquals(String.format(Locale.ROOT, "%.4f", Math.exp(0.75) / s), text(robot, "#softmax-cell-1-3"));
        assertEquals(String.format(Locale.ROOT, "%.4f", (Math.exp(0.75) / s - 1) / 2), text(robot, "#softmax-cell-1-5"));
        shot("descent-softmax");
    }

    @Test
    void newStartsFillTheTableWithWhereEachEnded(FxRobot robot) throws Exception {
        robot.interact(() -> view.show(1));
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "#minima-seed", "3");
        String before = text(robot, "#minima-cell-0-1");
        java.util.Random r = new java.util.Random(3);
        assertEquals(String.format(Locale.ROOT, "(%.3f, %.3f)", (r.nextDouble() * 2 - 1) * 2.8,
                (r.nextDouble() * 2 - 1) * 2.8), before);
        robot.clickOn("#minima-new");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4", robot.lookup("#minima-seed").queryAs(javafx.scene.control.TextField.class).getText());
        java.util.Set<String> wells = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            String well = text(robot, "#minima-cell-" + i + "-5");
            assertTrue(java.util.List.of("A", "B", "C", "D").contains(well), well);
            wells.add(well);
            // the final loss shown is the documented loss at the end point shown
            String[] end = text(robot, "#minima-cell-" + i + "-2").replaceAll("[()]", "").split(", ");
            double a = Double.parseDouble(end[0]);
            double bb = Double.parseDouble(end[1]);
            double loss = Double.parseDouble(text(robot, "#minima-cell-" + i + "-3"));
            assertEquals(org.backproplab.session.MinimaSession.loss(a, bb), loss, 2e-3);
            assertTrue(loss < -0.2, "every end is at the bottom of a well");
        }
        assertTrue(wells.size() >= 2, "different starts, different minima: " + wells);
        type(robot, "#minima-seed", "x");
        assertEquals("The seed must be a whole number from 0 to 1000000000.", text(robot, "#minima-error"));
        robot.clickOn("#minima-new");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#minima-error"));
        // the paths are drawn step by step, then stop by themselves
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !view.minima().playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        int longest = view.minima().snapshotProperty().get().runs().stream()
                .mapToInt(org.backproplab.session.MinimaSession.Run::steps).max().getAsInt();
        assertEquals(longest, view.minima().snapshotProperty().get().shown());
        shot("descent-minima");
    }
}
