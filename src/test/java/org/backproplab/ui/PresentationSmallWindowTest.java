package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode on a 1280 x 800 projector: the pictures grow only as far as there is room,
 * so nothing is pushed out sideways (the descent's Reset button, the playground's map).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationSmallWindowTest {
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

    private static void fitsSideways(ScrollPane pane, String what) {
        double content = pane.getContent().getLayoutBounds().getWidth();
        double view = pane.getViewportBounds().getWidth();
        assertTrue(content <= view + 0.5, what + ": " + content + " wide in a view " + view + " wide");
    }

    private static void inWindow(Node node, String what) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double width = node.getScene().getWidth();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= width + 0.5, what + " at " + b.getMinX() + " to " + b.getMaxX()
                + " in a window " + width + " wide");
    }

    /**
     * Whether the picture's texts are drawn at least 1.5 times their size out of presentation mode (its zoom times
     * its text scale): at this size the pictures have no room to grow, and their texts stayed at 11 to 13 px.
     */
    private static void textsGrown(Node picture, String what) {
        Object texts = picture.getProperties().getOrDefault(ViewParts.TEXT_SCALE, 1.0);
        double drawn = picture.getScaleX() * (Double) texts;
        assertTrue(drawn >= 1.5, what + ": texts at " + drawn + " times their size (zoom " + picture.getScaleX() + ")");
    }

    /** Turns presentation mode on (or off again) as a person does, with F5, and waits for the window to settle. */
    private void presentation(FxRobot robot) {
        ui.settle();
        robot.push(KeyCode.F5);
        ui.settle();
    }

    /** The digits tab, its trained network loaded. */
    private void digitsShown(FxRobot robot) throws Exception {
        ui.click(robot, "#tab-digits");
        var digits = ui.window.digits().session();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> digits.getSnapshot() != null);
    }

    /** Each of the tab pane's headers that is hidden or ends past its right edge (in the overflow menu). */
    private static java.util.List<String> tabsOutOfSight(javafx.scene.control.TabPane views) {
        java.util.List<String> out = new java.util.ArrayList<>();
        double right = views.localToScene(views.getLayoutBounds()).getMaxX();
        for (Node header : views.lookupAll(".tab")) {
            if (!header.isVisible() || header.localToScene(header.getLayoutBounds()).getMaxX() > right + 0.5) {
                out.add("a view's tab out of sight: " + header);
            }
        }
        return out;
    }

    /** Whether the node ends above the window's bottom edge (its parabola's foot, its axis were below it). */
    private static void aboveTheBottom(Node node, String what) {
        Bounds b = node.localToScene(node.getLayoutBounds());
        double height = node.getScene().getHeight();
        assertTrue(b.getMaxY() <= height + 0.5, what + " ends at " + b.getMaxY() + " in a window " + height + " high");
    }

    @Test
    void nothingIsPushedOutSideways(FxRobot robot) throws Exception {
        presentation(robot);
        ui.click(robot, "#tab-playground");
        fitsSideways(robot.lookup("#pg-right").queryAs(ScrollPane.class), "the playground's map panel");
        inWindow(robot.lookup("#output-map").query(), "the map");
        ui.screenshot("presentation-playground-1280");
        ui.click(robot, "#tab-descent");
        ui.click(robot, "#descent-tab-gd");
        inWindow(robot.lookup("#descent-reset").query(), "the descent's Reset button");
        inWindow(robot.lookup("#descent-canvas").query(), "the descent's picture");
        aboveTheBottom(robot.lookup("#descent-canvas").query(), "the descent's picture");
        textsGrown(robot.lookup("#descent-canvas").query(), "the descent's picture");
        ui.screenshot("presentation-descent-1280");
        ui.click(robot, "#descent-tab-minima");
        inWindow(robot.lookup("#minima-canvas").query(), "the random starts' picture");
        aboveTheBottom(robot.lookup("#minima-canvas").query(), "the random starts' picture");
        textsGrown(robot.lookup("#minima-canvas").query(), "the random starts' picture");
        Node starts = robot.lookup("#minima-table").query();
        java.util.List<String> cut = UiTestSupport.onFx(() -> UiTestSupport.cutTexts(starts, null));
        assertTrue(cut.isEmpty(), "the random starts' table cut short: " + cut);
        inWindow(starts, "the random starts' table");
        ui.click(robot, "#descent-tab-softmax");
        inWindow(robot.lookup("#softmax-bars").query(), "the softmax's bars");
        aboveTheBottom(robot.lookup("#softmax-bars").query(), "the softmax's bars");
        inWindow(robot.lookup("#softmax-table").query(), "the softmax's table");
        robot.push(KeyCode.F5);
        ui.settle();
    }

    @Test
    void thePlaygroundsTextsCutShortAreWholeInTheirTooltips(FxRobot robot) throws Exception {
        presentation(robot);
        ui.click(robot, "#tab-playground");
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (String language : new String[] {"English", "\u4e2d\u6587"}) {
            ui.choose(robot, "#language", language);
            ui.settle();
            for (String id : new String[] {"#pg-lesson-text", "#pg-notice"}) {
                javafx.scene.control.Label label = robot.lookup(id).queryAs(javafx.scene.control.Label.class);
                String[] seen = UiTestSupport.onFx(() -> new String[] {label.getText(),
                        label.getTooltip() == null ? null : label.getTooltip().getText(),
                        label.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : null});
                // the notice is empty until there is something to say
                assertTrue(!seen[0].isBlank() || id.equals("#pg-notice"), id + " shows nothing");
                assertTrue(seen[0].equals(seen[1]), language + " " + id + ": the tooltip reads \"" + seen[1]
                        + "\" for \"" + seen[0] + "\"");
                if (!seen[0].equals(seen[2])) {
                    cut.add(language + " " + id);
                }
            }
        }
        // at 1280 x 800 in presentation mode the lesson's text has fewer lines than it needs: what the tooltip is for
        assertTrue(cut.contains("English #pg-lesson-text"), "cut short: " + cut);
        // but it keeps two lines (it was cut to one), the preset's command line left out to make room
        javafx.scene.control.Label lesson = robot.lookup("#pg-lesson-text").queryAs(javafx.scene.control.Label.class);
        double[] lines = UiTestSupport.onFx(() -> new double[] {lesson.getHeight(), lesson.getFont().getSize()});
        assertTrue(lines[0] > 2.2 * lines[1], "the lesson's text " + lines[0] + " px high in a font of " + lines[1]);
        assertTrue(!robot.lookup("#pg-preset-id").query().isVisible(), "the command line in presentation mode");
        ui.choose(robot, "#language", "English");
        robot.push(KeyCode.F5);
        ui.settle();
    }

    /** Every view of the stepping tab in sight, its lesson's text and every box of its flow diagram whole, in both languages. */
    @Test
    void theSteppingTabsViewsAreInSightAndItsFlowWhole(FxRobot robot) throws Exception {
        presentation(robot);
        ui.click(robot, "#step-tab-flow");
        for (int i = 0; i < 4; i++) {
            ui.click(robot, "#next-stage");
        }
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (String language : new String[] {"English", "\u4e2d\u6587"}) {
            ui.choose(robot, "#language", language);
            ui.settle();
            javafx.scene.control.TabPane views = robot.lookup("#step-views").queryAs(javafx.scene.control.TabPane.class);
            Node diagram = robot.lookup("#flow-diagram").query();
            WaitForAsyncUtils.asyncFx(() -> {
                tabsOutOfSight(views).forEach(t -> cut.add(language + ": " + t));
                cut.addAll(UiTestSupport.cutTexts(views, ".tab-label"));
                cut.addAll(UiTestSupport.cutTexts(diagram, ".flow-node"));
                cut.addAll(UiTestSupport.cutTexts(diagram, ".flow-caption"));
                cut.addAll(UiTestSupport.cutTexts(views.getScene().getRoot(), "#lesson-text"));
            }).get();
            inWindow(diagram, language + ": the flow diagram");
            // the short names' whole names, in their tooltips
            String tip = UiTestSupport.onFx(() -> views.getTabs().get(2).getTooltip().getText());
            String whole = language.equals("English") ? "Forward and backward flow: "
                    : "\u524d\u5411\u4e0e\u53cd\u5411\u6d41\u7a0b\uff1a";
            assertTrue(tip.startsWith(whole), language + ": the flow's tooltip " + tip);
            // as large as its text or larger than the same diagram out of presentation mode: not shrunk to fit a fixed size
            double[] drawn = UiTestSupport.onFx(() -> new double[] {diagram.getScaleX(),
                    robot.lookup("#flow-dW2").queryAs(javafx.scene.control.Label.class).getFont().getSize()});
            assertTrue(drawn[0] * drawn[1] >= 12, language + ": the boxes' text drawn at " + drawn[0] + " x " + drawn[1]);
            // the matrices' headings too ("The tutorial's table of dimensions (...)" was cut)
            ui.click(robot, "#step-tab-matrices");
            ui.settle();
            cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(views, ".section-title")));
            ui.click(robot, "#step-tab-flow");
            ui.settle();
        }
        ui.screenshot("presentation-flow-1280");
        assertTrue(cut.isEmpty(), "cut short or out of sight: " + cut);
        ui.choose(robot, "#language", "English");
        ui.settle();
        // the longest lesson text keeps three lines over its view, and the whole of it is in the tooltip
        ui.choose(robot, "#lesson-picker", "A convolution by hand (6x6, two 3x3 filters)");
        ui.click(robot, "#step-tab-network");
        ui.settle();
        javafx.scene.control.Label lesson = robot.lookup("#lesson-text").queryAs(javafx.scene.control.Label.class);
        String[] seen = UiTestSupport.onFx(() -> new String[] {lesson.getText(), lesson.getTooltip().getText(),
                lesson.lookup(".text") instanceof javafx.scene.text.Text t ? t.getText() : ""});
        assertTrue(seen[0].equals(seen[1]), "the tooltip reads \"" + seen[1] + "\" for \"" + seen[0] + "\"");
        double[] heights = UiTestSupport.onFx(() -> new double[] {lesson.getHeight(), lesson.getFont().getSize()});
        assertTrue(heights[0] >= 3 * heights[1], "the lesson's text " + heights[0] + " high in a font of " + heights[1]
                + ": " + seen[2]);
        // every stage's heading whole, on the flow's view (the one with the least room)
        ui.click(robot, "#step-tab-flow");
        Node stage = robot.lookup("#stage-label").query();
        for (int i = 0; i < 8; i++) {
            ui.click(robot, "#next-stage");
            cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(stage, null)));
        }
        assertTrue(cut.isEmpty(), "cut short: " + cut);
        robot.push(KeyCode.F5);
        ui.settle();
    }

    /**
     * In presentation mode every text of the digits' views is whole but for the choice boxes' own
     * (their lists show every choice whole): the views' tabs, the model's table, the class row's heading,
     * the score's choice box in Chinese (each was cut), the cells' line on the digit.
     */
    @Test
    void theDigitsViewsTextsAreWholeInPresentationMode(FxRobot robot) throws Exception {
        presentation(robot);
        digitsShown(robot);
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (String language : new String[] {"English", "\u4e2d\u6587"}) {
            ui.choose(robot, "#language", language);
            // every view's tab in sight (the third was cut, the fourth in the overflow menu), each with its whole name as a tooltip
            javafx.scene.control.TabPane all = UiTestSupport.enclosing(robot.lookup("#digits-cells-tab").query(),
                    javafx.scene.control.TabPane.class);
            ui.settle();
            cut.addAll(UiTestSupport.onFx(() -> tabsOutOfSight(all)).stream().map(c -> language + ": " + c).toList());
            // the preset's box: its name whole ("Small CNN: co..." before), the whole title in its list
            Node preset = robot.lookup("#digits-preset").query();
            cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(preset, null)).stream()
                    .map(c -> language + " the preset: " + c).toList());
            all.getTabs().forEach(t -> assertTrue(t.getTooltip().getText().length() > t.getText().length() + 20
                    && !t.getTooltip().getText().contains(".tip"), t.getText() + ": " + t.getTooltip().getText()));
            for (String view : new String[] {"#digits-structure-tab", "#digits-explain-tab", "#digits-cells-tab"}) {
                javafx.scene.control.TabPane views = UiTestSupport.enclosing(robot.lookup(view).query(),
                        javafx.scene.control.TabPane.class);
                // chosen as from the headers' menu: at this size the last headers are in it, not in sight
                javafx.scene.control.Tab tab = views.getTabs().stream().filter(t -> view.equals("#" + t.getId()))
                        .findFirst().orElseThrow();
                robot.interact(() -> views.getSelectionModel().select(tab));
                ui.settle();
                Node content = tab.getContent();
                for (String c : UiTestSupport.onFx(() -> UiTestSupport.cutTexts(content, null))) {
                    cut.add(language + " " + view + ": " + c);
                }
                // the score's choice box: its choice whole in the box too
                if (view.equals("#digits-explain-tab")) {
                    javafx.scene.control.ComboBox<?> score = robot.lookup("#explain-target").queryAs(javafx.scene.control.ComboBox.class);
                    cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(score, ".list-cell")));
                }
            }
        }
        ui.screenshot("presentation-digits-cells-1280");
        // the right column no wider than it is shown (its headings were cut at its right edge)
        ScrollPane right = UiTestSupport.enclosing(robot.lookup("#digit-row").query(), ScrollPane.class);
        UiTestSupport.onFx(() -> {
            fitsSideways(right, "the digit's column");
            return null;
        });
        cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(right, ".section-title")));
        // the choice boxes' own texts (the layer's full name is in its list) are not counted
        cut.removeIf(c -> c.contains("#digits-cells-tab: Layer 1: convolution") || c.contains("#digits-cells-tab: \u7b2c 1 \u5c42"));
        assertTrue(cut.isEmpty(), "cut short: " + cut);
        ui.choose(robot, "#language", "English");
        robot.push(KeyCode.F5);
        ui.settle();
    }

    @Test
    void turnedOffEveryChoiceBoxIsAsWideAsBefore(FxRobot robot) {
        ui.settle();
        java.util.List<String> changed = new java.util.ArrayList<>();
        for (String tab : new String[] {"#tab-step", "#tab-playground"}) {
            ui.click(robot, tab);
            // the boxes shown on this tab (a tab built meanwhile lays out its own boxes for the first time)
            var boxes = robot.lookup(".combo-box").queryAllAs(javafx.scene.control.ComboBox.class).stream()
                    .filter(UiTestSupport::shown).toList();
            assertTrue(boxes.size() >= 3, tab + ": choice boxes found " + boxes.size());
            double[] before = boxes.stream().mapToDouble(javafx.scene.layout.Region::getWidth).toArray();
            robot.push(KeyCode.F5);
            ui.settle();
            robot.push(KeyCode.F5);
            ui.settle();
            // the boxes are measured afresh on a later event and laid out at a later pulse: given up to 5 s
            try {
                org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> {
                    for (int i = 0; i < boxes.size(); i++) {
                        if (Math.abs(boxes.get(i).getWidth() - before[i]) >= 1) {
                            return false;
                        }
                    }
                    return true;
                });
            } catch (java.util.concurrent.TimeoutException e) {
                // told below, box by box
            }
            for (int i = 0; i < boxes.size(); i++) {
                double after = boxes.get(i).getWidth();
                if (Math.abs(after - before[i]) >= 1) {
                    changed.add(tab + " " + boxes.get(i).getId() + " " + before[i] + " -> " + after);
                }
            }
        }
        assertTrue(changed.isEmpty(), "as wide as before presentation mode: " + changed);
    }

    @Test
    void turnedOffTheSteppingTabIsLaidOutAsBefore(FxRobot robot) throws Exception {
        ui.settle();
        Node graph = robot.lookup("#step-graph").query();
        double before = graph.localToScene(graph.getLayoutBounds()).getMinY();
        java.util.List<String> heights = new java.util.ArrayList<>();
        javafx.scene.Parent column = graph.getParent();
        while (column != null && !(column instanceof javafx.scene.layout.VBox)) {
            column = column.getParent();
        }
        javafx.scene.Parent c = column;
        WaitForAsyncUtils.asyncFx(() -> c.getChildrenUnmodifiable().forEach(n -> heights.add(n.getClass().getSimpleName()
                + " " + n.getId() + " " + n.getLayoutBounds().getHeight()))).get();
        presentation(robot);
        presentation(robot);
        WaitForAsyncUtils.waitForFxEvents();
        double after = graph.localToScene(graph.getLayoutBounds()).getMinY();
        java.util.List<String> now = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> c.getChildrenUnmodifiable().forEach(n -> now.add(n.getClass().getSimpleName()
                + " " + n.getId() + " " + n.getLayoutBounds().getHeight()))).get();
        assertTrue(Math.abs(after - before) < 1, "the graph was at " + before + ", now at " + after + ": " + heights
                + " -> " + now);
    }

    @Test
    void atThisSizeNoHeadingIsCutShort(FxRobot robot) throws Exception {
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (String tab : new String[] {"#tab-step", "#tab-playground", "#tab-digits"}) {
            if (tab.equals("#tab-digits")) {
                digitsShown(robot);
                ui.settle();
            } else {
                ui.click(robot, tab);
            }
            WaitForAsyncUtils.asyncFx(() -> {
                for (var l : robot.lookup(".section-title").queryAllAs(javafx.scene.control.Label.class)) {
                    if (l.isVisible() && l.getScene() != null && l.localToScene(l.getLayoutBounds()).getWidth() > 0
                            && l.lookup(".text") instanceof javafx.scene.text.Text shown
                            && !shown.getText().equals(l.getText())) {
                        cut.add(shown.getText());
                    }
                }
            }).get();
        }
        int[] headings = new int[1];
        WaitForAsyncUtils.asyncFx(() -> headings[0] = robot.lookup(".section-title").queryAll().size()).get();
        assertTrue(headings[0] >= 10, "headings read: " + headings[0]);
        // the smoothing's value beside its slider, not alone on a line below it
        Node slider = robot.lookup("#digits-smoothing").query();
        Node value = robot.lookup("#digits-smoothing-value").query();
        WaitForAsyncUtils.asyncFx(() -> {
            Bounds s = slider.localToScene(slider.getLayoutBounds());
            Bounds v = value.localToScene(value.getLayoutBounds());
            if (v.getMinY() > s.getMaxY() || v.getMaxY() < s.getMinY()) {
                cut.add("the smoothing's value at y " + v.getMinY() + ", its slider at " + s.getMinY());
            }
        }).get();
        // the preset's whole name, and every view's tab in sight (the fourth went into the overflow menu)
        Node preset = robot.lookup("#digits-preset").query();
        cut.addAll(UiTestSupport.onFx(() -> UiTestSupport.cutTexts(preset, null)));
        javafx.scene.control.TabPane views = UiTestSupport.enclosing(robot.lookup("#digits-cells-tab").query(),
                javafx.scene.control.TabPane.class);
        cut.addAll(UiTestSupport.onFx(() -> tabsOutOfSight(views)));
        ui.screenshot("digits-1280");
        assertTrue(cut.isEmpty(), "headings cut short: " + cut);
    }
}
