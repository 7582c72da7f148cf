package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Frame timers run only while their view is in a showing window, so a closed window's views are let go. */
@ExtendWith(ApplicationExtension.class)
class FrameTimerTest {
    private Stage stage;

    @Start
    void start(Stage primary) {
        // a stage of its own: the primary one carries the last window's handlers from other tests
        stage = new Stage();
    }

    @Test
    void aTimerRunsWhileItsViewIsShownAndStopsWhenTheSceneIsReplacedOrTheWindowHidden() throws Exception {
        Pane view = new Pane();
        FrameTimer timer = UiTestSupport.onFx(() -> new FrameTimer(view, now -> { }));
        assertFalse(timer.isRunning(), "not in a window yet");
        UiTestSupport.onFx(() -> {
            stage.setScene(new Scene(new StackPane(view), 200, 100));
            stage.show();
            return null;
        });
        assertTrue(timer.isRunning());
        UiTestSupport.onFx(() -> {
            stage.hide();
            return null;
        });
        assertFalse(timer.isRunning(), "hidden");
        UiTestSupport.onFx(() -> {
            stage.show();
            return null;
        });
        assertTrue(timer.isRunning(), "shown again");
        UiTestSupport.onFx(() -> {
            stage.setScene(new Scene(new Pane(), 200, 100));
            return null;
        });
        assertFalse(timer.isRunning(), "its scene replaced");
        UiTestSupport.onFx(() -> {
            stage.hide();
            return null;
        });
    }
}
