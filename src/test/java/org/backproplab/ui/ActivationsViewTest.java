package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The activations tab on its own: the probe typed and clicked, and a value out of range refused. */
@ExtendWith(ApplicationExtension.class)
class ActivationsViewTest {
    private ActivationsView view;

    @Start
    void start(Stage stage) {
        view = new ActivationsView(new I18n(Locale.ENGLISH));
        Scene scene = new Scene(view.root(), 1100, 700);
        scene.getStylesheets().add(getClass().getResource("app.css").toExternalForm());
        // the primary stage is shared by the test classes: drop a handler an earlier window left on it
        stage.setOnHiding(null);
        stage.setOnHidden(null);
        stage.setOnShown(null);
        stage.setScene(scene);
        stage.show();
    }

    private void type(FxRobot robot, String text) {
        robot.doubleClickOn("#activations-probe").eraseText(12).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theProbeIsTypedOrClickedAndAValueOutOfRangeIsRefusedBesideTheField(FxRobot robot) throws Exception {
        type(robot, "7");
        String error = robot.lookup("#activations-probe-error").queryAs(Label.class).getText();
        assertEquals("z must be between -6 and 6.", error);
        assertEquals(2, view.session().probeProperty().get(), 1e-12, "unchanged");
        type(robot, "-1.5");
        assertEquals(-1.5, view.session().probeProperty().get(), 1e-12);
        assertEquals("", robot.lookup("#activations-probe-error").queryAs(Label.class).getText());

        Node relu = robot.lookup("#plot-relu").query();
        Bounds b = relu.localToScreen(relu.getBoundsInLocal());
        // a quarter of the way along z in [-6, 6] is z = -3
        robot.clickOn(new Point2D(b.getMinX() + 8 + (b.getWidth() - 16) * 0.25, b.getMinY() + b.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("relu", view.session().selectedProperty().get());
        assertEquals(-3, view.session().probeProperty().get(), 0.1);
        assertTrue(robot.lookup("#activations-probe").queryAs(javafx.scene.control.TextField.class).getText()
                .startsWith("-3"));
        // softmax joins the list: p1 of softmax(z, 0, 0), read at the probe
        Node softmax = robot.lookup("#plot-softmax").query();
        Bounds sb = softmax.localToScreen(softmax.getBoundsInLocal());
        robot.clickOn(new Point2D(sb.getMinX() + 8 + (sb.getWidth() - 16) * 0.5, sb.getMinY() + sb.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("softmax", view.session().selectedProperty().get());
        var reading = view.session().readingsProperty().get().get(5);
        assertEquals("softmax", reading.id());
        double z = reading.z();
        assertEquals(Math.exp(z) / (Math.exp(z) + 2), reading.value(), 1e-12);
        assertEquals(0, z, 0.1);
        Path shots = Path.of("docs", "screenshots");
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            try {
                Files.createDirectories(shots);
                PngExport.write(PngExport.snapshot(view.root(), 1), shots.resolve("activations-probe.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }
}
