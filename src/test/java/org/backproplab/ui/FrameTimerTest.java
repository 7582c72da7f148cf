package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Frame timers run only while their view is in a showing window, so a closed window's views are let go. */
@ExtendWith(ApplicationExtension.class)
class FrameTimerTest {
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own: the primary one carries the last window's handlers from other tests
        stage = new Stage();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aTimerRunsWhileItsViewIsShownAndStopsWhenTheSceneIsReplacedOrTheWindowHidden() throws Exception {
        Pane view = new Pane();
        FrameTimer timer = onFx(() -> new FrameTimer(view, now -> { }));
        assertFalse(timer.isRunning(), "not in a window yet");
        onFx(() -> {
            stage.setScene(new Scene(new StackPane(view), 200, 100));
            stage.show();
            return null;
        });
        assertTrue(timer.isRunning());
        onFx(() -> {
            stage.hide();
            return null;
        });
        assertFalse(timer.isRunning(), "hidden");
        onFx(() -> {
            stage.show();
            return null;
        });
        assertTrue(timer.isRunning(), "shown again");
        onFx(() -> {
            stage.setScene(new Scene(new Pane(), 200, 100));
            return null;
        });
        assertFalse(timer.isRunning(), "its scene replaced");
        onFx(() -> {
            stage.hide();
            return null;
        });
    }
}
