package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Digits that cannot be loaded, not even for want of memory, give the digits tab a message instead
 * of leaving it empty (the worker's executor used to swallow the OutOfMemoryError).
 */
@ExtendWith(ApplicationExtension.class)
class DigitsWorkerErrorTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    private static void write(Path file, int... header) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int v : header) {
                out.writeInt(v);
            }
        }
    }

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("huge-mnist");
        // a header asking for 2^31 - 1 pixels, more than a Java array can hold
        write(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, Integer.MAX_VALUE, 1, 1);
        write(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, 0);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), 0x803, 0, 28, 28);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, 0);
        ui.mnistFolder = dir;
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void theDigitsTabSaysWhyItIsEmpty(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        String notice = ui.text(robot, "#digits-notice");
        assertFalse(notice.isBlank(), "the tab says something");
        assertFalse(notice.contains("\tat ") || notice.contains("Exception in thread"), notice);
        assertTrue(notice.length() < 400, notice);
        ui.click(robot, "#tab-step");
        ui.click(robot, "#next-stage");
        assertTrue(ui.text(robot, "#out-0-0").startsWith("out 0.59"), "the window is still usable");
    }
}
