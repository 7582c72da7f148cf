package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The desktop app opens its window (headless, on Monocle). */
@ExtendWith(ApplicationExtension.class)
class AppWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new BackpropLabApp().start(stage);
    }

    @Test
    void windowShowsTheAppsName(FxRobot robot) {
        assertEquals("Backprop Lab", stage.getTitle());
        assertEquals("Backprop Lab", robot.lookup("#app-title").queryAs(Label.class).getText());
    }
}
