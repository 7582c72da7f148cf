package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A label in a {@link SteadyBox} (the playground's losses, its epoch line) is shown whole: its box
 * grows when a text is wider than any before, whichever texts came first.
 */
@ExtendWith(ApplicationExtension.class)
class SteadyBoxTest {
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
    }

    /** Lets the window lay out and draw a few frames. */
    private void frames() throws Exception {
        for (int i = 0; i < 5; i++) {
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void aWiderTextWidensItsBoxAndIsShownWhole() throws Exception {
        Label loss = new Label("0.5");
        Label other = new Label("0.1");
        UiTestSupport.onFx(() -> {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.addRow(0, new Label("loss"), new SteadyBox(loss), new SteadyBox(other));
            stage.setScene(new Scene(grid, 400, 100));
            stage.show();
            return null;
        });
        frames();
        String[] texts = {"0.31", "0.0725846", "0.00008016", "0.0000653159", "0.7"};
        for (String text : texts) {
            UiTestSupport.onFx(() -> {
                loss.setText(text);
                other.setText(text);
                return null;
            });
            frames();
            double shown = UiTestSupport.onFx(loss::getWidth);
            double needed = UiTestSupport.onFx(() -> loss.prefWidth(-1));
            assertTrue(shown >= needed - 0.01, "\"" + text + "\" needs " + needed + " px, shown in " + shown);
            assertEquals(text, UiTestSupport.onFx(() -> ((javafx.scene.text.Text) loss.lookup(".text")).getText()),
                    "shown whole, no ellipsis");
        }
        UiTestSupport.onFx(() -> {
            stage.hide();
            return null;
        });
    }
}
