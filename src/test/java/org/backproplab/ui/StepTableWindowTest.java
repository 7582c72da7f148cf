package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stepping tab's table of weights, biases and gradients on a 1280 x 800 projector: every
 * header and every number is shown whole ("0.0004385..." cut the gradients the learner checks).
 */
@ExtendWith(ApplicationExtension.class)
class StepTableWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1280, 800);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    /** Each shown header and cell whose drawn text is not its whole text, as "whole -> drawn". */
    private static List<String> cut(TableView<?> table) {
        List<String> out = new ArrayList<>(UiTestSupport.cutTexts(table, ".column-header .label"));
        out.addAll(UiTestSupport.cutTexts(table, ".table-cell"));
        return out;
    }

    /** The headers that reach past the table's right edge (where the vertical scroll bar begins). */
    private static List<String> outside(TableView<?> table) {
        double right = table.localToScene(table.getLayoutBounds()).getMaxX();
        for (Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar s && s.isVisible()
                    && s.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                right = Math.min(right, s.localToScene(s.getLayoutBounds()).getMinX());
            }
        }
        List<String> out = new ArrayList<>();
        for (Node n : table.lookupAll(".column-header .label")) {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            if (n instanceof Labeled l && b.getMaxX() > right + 0.5) {
                out.add(l.getText() + " ends at " + b.getMaxX() + ", the table at " + right);
            }
        }
        return out;
    }

    @Test
    void everyNumberAndHeaderIsShownWhole(FxRobot robot) throws Exception {
        ui.settle();
        TableView<?> table = robot.lookup("#parameter-table").queryAs(TableView.class);
        for (int stage = 0; stage < 8 && !ui.text(robot, "#stage-label").contains("update"); stage++) {
            ui.click(robot, "#next-stage");
        }
        assertTrue(ui.text(robot, "#stage-label").contains("update"), ui.text(robot, "#stage-label"));
        int cells = UiTestSupport.onFx(() -> table.lookupAll(".table-cell").size());
        assertTrue(cells >= 12, "the table shows its rows: " + cells + " cells");
        assertEquals(List.of(), UiTestSupport.onFx(() -> cut(table)), "cut at 1280 x 800");
        assertEquals(List.of(), UiTestSupport.onFx(() -> outside(table)), "hidden at 1280 x 800");
        assertEquals("w1 (i1 \u2192 h1)", UiTestSupport.onFx(() -> ((Labeled) table.lookup(".table-cell")).getText()));
        ui.screenshot("step-table-1280");

        // a weight selected: its chain rule keeps its room, the table gives it up
        ui.click(robot, "#weight-1-0-0");
        // the title in the lessons' 9 significant digits, the field to edit it in full
        assertEquals("Weight w5 (h1 \u2192 o1) = 0.35891648", ui.text(robot, "#inspector-title"));
        assertEquals("0.35891647971788465", robot.lookup("#edit-field").queryAs(javafx.scene.control.TextField.class).getText());
        Node chain = robot.lookup("#chain-rule").query();
        javafx.scene.control.ScrollPane chainPane = robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .stream().filter(p -> p.getContent() == chain).findFirst().orElseThrow();
        assertTrue(chainPane.getViewportBounds().getHeight() >= 140, "the chain rule's view: " + chainPane.getViewportBounds());
        assertEquals(List.of(), UiTestSupport.onFx(() -> cut(table)), "cut with a weight selected");

        // presentation mode: larger text, the table scrolls sideways rather than cut a number, the heading whole
        robot.push(javafx.scene.input.KeyCode.F5);
        ui.settle();
        assertEquals(List.of(), UiTestSupport.onFx(() -> cut(table)), "cut in presentation mode");
        List<Node> headings = new ArrayList<>(robot.lookup(".section-title").queryAll());
        headings.add(robot.lookup("#inspector-title").query());
        for (Node n : headings) {
            Labeled l = (Labeled) n;
            if (UiTestSupport.shown(l)) {
                assertEquals(l.getText(), UiTestSupport.onFx(() -> ((Text) l.lookup(".text")).getText()), "a heading cut");
            }
        }
        robot.push(javafx.scene.input.KeyCode.F5);
        ui.settle();

        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.settle();
        assertEquals(List.of(), UiTestSupport.onFx(() -> cut(table)), "cut in Chinese");
        assertEquals(List.of(), UiTestSupport.onFx(() -> outside(table)), "hidden in Chinese");
    }

    @Test
    void theConvolutionsRowsSayWhatTheyConnectInChinese(FxRobot robot) throws Exception {
        ui.settle();
        robot.interact(() -> ui.i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        ui.choose(robot, "#lesson-picker", ui.i18n.get("lesson.conv-worked.title"));
        TableView<?> table = robot.lookup("#parameter-table").queryAs(TableView.class);
        String first = UiTestSupport.onFx(() -> ((Labeled) table.lookup(".table-cell")).getText());
        assertEquals("W1[0][0][0][0] (\u6ee4\u6ce2\u5668 0 \u7684\u5377\u79ef\u6838)", first, "kernel of filter 0, in Chinese");
        assertEquals(List.of(), UiTestSupport.onFx(() -> cut(table)), "cut in the convolution's table");
    }

    @Test
    void theToolbarShowsTheLessonAndTheSpeedWhole(FxRobot robot) throws Exception {
        ui.settle();
        Node toolbar = robot.lookup("#toolbar").query();
        assertEquals(List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(toolbar, null)), "the worked example");
        ui.choose(robot, "#lesson-picker", ui.i18n.get("lesson.conv-worked.title"));
        ui.choose(robot, "#speed", ui.i18n.get("speed.max"));
        assertEquals(List.of(), UiTestSupport.onFx(() -> UiTestSupport.cutTexts(toolbar, null)), "the longest title");
    }
}
