package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window switched to Chinese after every tab was opened in English: no English sentence is
 * left on any tab (texts shown before the switch are written again), and the digits' filter
 * captions are Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseEveryTabWindowTest {
    /** Three English words in a row: a sentence left untranslated (names such as "tanh" or "MNIST" stand alone). */
    private static final Pattern ENGLISH = Pattern.compile("\\b[A-Za-z]{2,} [a-z]{2,} [a-z]{3,}\\b");

    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) {
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private static void texts(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.control.TabPane tp) {
            tp.getTabs().forEach(t -> out.add(t.getText()));
            Node content = tp.getSelectionModel().getSelectedItem().getContent();
            if (content != null) {
                texts(content, out);
            }
        } else if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            texts(sp.getContent(), out);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
    }

    @Test
    void noEnglishSentenceIsLeftOnAnyTab(FxRobot robot) throws Exception {
        String[] tabs = {"#tab-step", "#tab-playground", "#tab-activations", "#tab-descent", "#tab-digits"};
        for (String tab : tabs) {
            ui.click(robot, tab);
        }
        var digits = ui.window.digits().session();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> digits.getSnapshot() != null);
        ui.settle();
        assertTrue(ui.text(robot, "#digits-notice").startsWith("The trained network"), ui.text(robot, "#digits-notice"));
        ui.choose(robot, "#language", "\u4e2d\u6587");
        List<String> english = new ArrayList<>();
        for (String tab : tabs) {
            ui.click(robot, tab);
            TabPane main = robot.lookup("#main-tabs").queryAs(TabPane.class);
            List<String> shown = new ArrayList<>();
            WaitForAsyncUtils.asyncFx(() -> texts(main, shown)).get(10, TimeUnit.SECONDS);
            for (String t : shown) {
                // the command line that runs the preset is a command, the same in every language
                if (ENGLISH.matcher(t.replaceAll("backprop-lab [a-z]+ [a-z0-9-]+", "")).find()) {
                    english.add(tab + ": " + t);
                }
            }
        }
        assertEquals(List.of(), english, "English left in the Chinese window");
        ui.click(robot, "#tab-digits");
        assertTrue(ui.text(robot, "#digits-notice").startsWith("\u8fd9\u662f"), ui.text(robot, "#digits-notice"));
        assertTrue(robot.lookup(n -> n instanceof Labeled l && "\u5377\u79ef\u5c42 1\uff1a10 \u4e2a 5x5 \u5377\u79ef\u6838"
                .equals(l.getText())).tryQuery().isPresent(), "the first filter bank's caption in Chinese");
        // the layers' names under their feature maps and in the summary ("max-pool 2x2" was left English)
        assertTrue(robot.lookup(n -> n instanceof Labeled l && "\u6700\u5927\u6c60\u5316 2x2 \u2192 10 x 12 x 12"
                .equals(l.getText())).tryQuery().isPresent(), "the pooled maps' caption in Chinese");
        ui.click(robot, "#digits-structure-tab");
        assertTrue(robot.lookup("#model-summary .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> "\u5377\u79ef 5x5\uff0csigmoid".equals(c.getText())), "the summary's conv row in Chinese");
        ui.click(robot, "#digits-inside-tab");
        ui.screenshot("digits-chinese");
    }
}
