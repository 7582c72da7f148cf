package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A truncated MNIST file gives a message that names it, and the window stays usable. */
@ExtendWith(ApplicationExtension.class)
class DigitsBrokenDataTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("broken-mnist");
        Path tiny = Path.of("src", "test", "resources", "mnist-tiny");
        for (String f : new String[] {"train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(tiny.resolve(f), dir.resolve(f));
        }
        // the training images cut in half, as an interrupted download leaves them
        byte[] raw;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(tiny.resolve("train-images-idx3-ubyte.gz")))) {
            raw = in.readAllBytes();
        }
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("train-images-idx3-ubyte.gz")))) {
            out.write(raw, 0, raw.length / 2);
        }
        ui.mnistFolder = dir;
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void aTruncatedIdxFileGivesTheMessage(FxRobot robot) {
        ui.click(robot, "#tab-digits");
        String notice = ui.text(robot, "#digits-notice");
        assertTrue(notice.startsWith("The digits could not be loaded: train-images-idx3-ubyte.gz: truncated"), notice);
        ui.click(robot, "#tab-step");
        ui.click(robot, "#next-stage");
        assertTrue(ui.text(robot, "#out-0-0").startsWith("out 0.59"));
    }
}
