package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window opened after a session that ended in presentation mode, then F5 turns it off. */
@ExtendWith(ApplicationExtension.class)
class PresentationAtStartWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1280, 800);
        ui.settings.setPresentation(true);
        ui.lazyTabs = true;
        ui.stepAfterFirstFrame = true;
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void startedInPresentationModeAndTurnedOffTheGraphFollowsTheControls(FxRobot robot) throws Exception {
        // as the app: the stepping tab is built after the first frame
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> ui.window != null && robot.lookup("#step-graph").tryQuery().isPresent());
        ui.settle();
        robot.push(KeyCode.F5);
        ui.settle();
        WaitForAsyncUtils.waitForFxEvents();
        Node graph = robot.lookup("#step-graph").query();
        Node rate = robot.lookup("#learning-rate").query();
        double gap = graph.localToScene(graph.getLayoutBounds()).getMinY() - rate.localToScene(rate.getLayoutBounds()).getMaxY();
        // the tabs' header is as tall as the normal text needs, not as presentation mode's did
        double[] header = WaitForAsyncUtils.asyncFx(() -> {
            var main = (javafx.scene.Parent) robot.lookup("#main-tabs").query();
            for (Node child : main.getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains("tab-header-area")) {
                    return new double[] {child.getLayoutBounds().getHeight(), ((javafx.scene.layout.Region) child).prefHeight(-1)};
                }
            }
            throw new AssertionError("no tab header");
        }).get();
        assertTrue(Math.abs(header[0] - header[1]) < 1, "the header is " + header[0] + " high, its text needs " + header[1]);
        assertTrue(gap < 70, "the sub-tabs and the graph follow the controls' row: " + gap + " apart");
    }
}
