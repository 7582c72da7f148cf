package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The stepping tab's network graph on a 1280 x 800 projector in presentation mode: every number on it whole, none
 * covering another, and drawn larger than out of presentation mode. (It used to be laid out for 160 px a neuron
 * times the presentation scale, so in a pane this short presentation mode drew the 2-2-2's numbers at about 9 px,
 * smaller than without it, and the 3-4-1's at about 4 px with its gradients on top of each other.)
 */
@ExtendWith(ApplicationExtension.class)
class StepGraphPresentationTest {
    private static final String[] LABELS = {".weight-label", ".bias-label", ".delta-label", ".error-label", ".io-box"};
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

    /** The size in screen pixels at which the label's text is drawn: its font's size times the graph's fit. */
    private static double drawnSize(Label label) {
        return label.getFont().getSize() * label.getLocalToSceneTransform().getMxx();
    }

    private static GraphView graph(FxRobot robot) {
        return UiTestSupport.enclosing(robot.lookup("#weight-0-0-0").query(), GraphView.class);
    }

    /**
     * Every shown label of the graph: none overlapping another, each inside the graph's pane; the smallest size
     * at which a weight's number is drawn.
     */
    private static double checkStage(GraphView graph, String stage, List<String> problems) {
        Bounds pane = graph.localToScene(graph.getLayoutBounds());
        List<Label> shown = new ArrayList<>();
        for (String kind : LABELS) {
            for (Node n : graph.lookupAll(kind)) {
                if (n instanceof Label l && UiTestSupport.shown(l) && !l.getText().isEmpty()) {
                    shown.add(l);
                }
            }
        }
        double smallest = Double.MAX_VALUE;
        for (int a = 0; a < shown.size(); a++) {
            Label la = shown.get(a);
            Bounds ba = la.localToScene(la.getLayoutBounds());
            if (!pane.contains(ba)) {
                problems.add(stage + ": \"" + la.getText() + "\" reaches outside the graph");
            }
            if (la.getStyleClass().contains("weight-label")) {
                smallest = Math.min(smallest, drawnSize(la));
            }
            for (int b = a + 1; b < shown.size(); b++) {
                Label lb = shown.get(b);
                if (ba.intersects(lb.localToScene(lb.getLayoutBounds()))) {
                    problems.add(stage + ": \"" + la.getText() + "\" overlaps \"" + lb.getText() + "\"");
                }
            }
        }
        return smallest;
    }

    /** Steps through the stages of the lesson up to its update, checking each; the smallest weight text drawn. */
    private double everyStage(FxRobot robot, String lesson, List<String> problems) {
        ui.choose(robot, "#lesson-picker", lesson);
        ui.settle();
        double smallest = Double.MAX_VALUE;
        int stages = 0;
        String stage;
        do {
            ui.click(robot, "#next-stage");
            ui.settle();
            stages++;
            stage = ui.text(robot, "#stage-label");
            smallest = Math.min(smallest, checkStage(graph(robot), lesson + ", " + stage, problems));
        } while (stages < 12 && !stage.contains("update"));
        assertTrue(stage.contains("update") && stages >= 4, lesson + ": " + stages + " stages stepped, the last " + stage);
        return smallest;
    }

    @Test
    void everyStageOfEveryLessonIsWholeAndLargerThanOutOfPresentationMode(FxRobot robot) {
        ui.settle();
        List<String> outside = new ArrayList<>();
        double normal = everyStage(robot, "Forward and backward, by hand (2-2-2)", outside);
        assertEquals(List.of(), outside, "out of presentation mode");
        robot.push(KeyCode.F5);
        ui.settle();
        // the preset's command line is left out on a projector: its room goes to the graph
        assertTrue(!robot.lookup("#preset-id").query().isVisible(), "the command line in presentation mode");
        List<String> problems = new ArrayList<>();
        double worked = everyStage(robot, "Forward and backward, by hand (2-2-2)", problems);
        ui.screenshot("presentation-graph-1280");
        double scratch = everyStage(robot, "A network from scratch (3-4-1)", problems);
        ui.screenshot("presentation-graph-3-4-1-1280");
        double xor = everyStage(robot, "XOR needs a hidden layer", problems);
        assertEquals(List.of(), problems);
        assertTrue(worked > 1.1 * normal, "2-2-2: weights drawn at " + worked + " px, " + normal + " px without presentation mode");
        assertTrue(worked >= 12, "2-2-2: weights drawn at " + worked + " px");
        assertTrue(scratch >= 8, "3-4-1: weights drawn at " + scratch + " px");
        assertTrue(xor >= 6, "XOR: weights drawn at " + xor + " px (its four neurons with their biases need the height)");
    }
}
