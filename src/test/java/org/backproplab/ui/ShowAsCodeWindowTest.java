package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Export, Show as PyTorch, as a learner uses it on the worked example: an edited weight is in the
 * program, NumPy is one choice away, Copy puts it on the clipboard and Save writes it; a
 * convolution is refused with why.
 */
@ExtendWith(ApplicationExtension.class)
class ShowAsCodeWindowTest {
    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);

    @TempDir
    Path dir;

    @Start
    void start(javafx.stage.Stage stage) {
        ui.settings.setSize(1400, 900);
        ui.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String code(FxRobot robot) {
        return robot.lookup("#code-text").queryAs(TextArea.class).getText();
    }

    @Test
    void theWorkedExampleWithAnEditedWeightIsShownAsPyTorchAndNumPy(FxRobot robot) throws Exception {
        ui.settle();
        ui.click(robot, "#weight-0-0-0");
        robot.doubleClickOn("#edit-field").push(KeyCode.CONTROL, KeyCode.A).write("0.9");
        ui.click(robot, "#edit-apply");
        ui.click(robot, "#export");
        ui.click(robot, "#export-pytorch");
        String pytorch = code(robot);
        assertTrue(pytorch.contains("self.linear1 = nn.Linear(2, 2)"), pytorch);
        assertTrue(pytorch.contains("model.linear1.weight.copy_(torch.tensor([[0.9, 0.2],"), "the edited w1: " + pytorch);
        assertTrue(pytorch.contains("model.linear1.bias.requires_grad_(False)"), "the bias is frozen in this lesson");
        assertTrue(pytorch.contains("optimizer = torch.optim.SGD(trained, lr=0.5)"), pytorch);
        assertTrue(pytorch.contains("x = torch.tensor([[0.05, 0.1]])"), pytorch);
        ui.screenshot("show-as-pytorch", robot.lookup("#code-text").query().getScene().getRoot());

        ui.click(robot, "#code-copy");
        assertEquals("Copied to the clipboard.", ui.text(robot, "#code-message"));
        robot.interact(() -> assertEquals(pytorch, Clipboard.getSystemClipboard().getString()));

        robot.interact(() -> robot.lookup("#code-language").queryComboBox().setValue("numpy"));
        ui.settle();
        String numpy = code(robot);
        assertTrue(numpy.contains("class NeuralNetwork:") && numpy.contains("def backprop(self):"), numpy);
        assertTrue(numpy.contains("W1 = np.array([[0.9, 0.2],"), numpy);

        ui.codeAnswer = dir.resolve("worked.py");
        ui.click(robot, "#code-save");
        assertEquals("Saved worked.py.", ui.text(robot, "#code-message"));
        assertEquals(numpy, Files.readString(ui.codeAnswer));
        ui.click(robot, "#code-close");
        assertFalse(robot.lookup("#code-text").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
    }

    @Test
    void thePlaygroundAfterAnEpochOfAdamIsShownWithTheOptimizersMemory(FxRobot robot) {
        ui.click(robot, "#tab-playground");
        robot.interact(() -> ui.window.playground().session().loadLesson("two-circles"));
        ui.settle();
        ui.click(robot, "#pg-step");
        ui.click(robot, "#pg-code");
        ui.click(robot, "#pg-code-pytorch");
        String pytorch = code(robot);
        assertTrue(pytorch.contains("optimizer = torch.optim.Adam(trained, lr=0.01, betas=(0.9, 0.999), eps=1.0E-8)"),
                pytorch);
        assertTrue(pytorch.contains("optimizer.state[named[\"linear1.weight\"]] = {\"step\": torch.tensor("),
                "Adam's m, v and step count after the epoch: " + pytorch);
        assertTrue(pytorch.contains("self.linear5 = nn.Linear(4, 1)"), "4-6-6-4-1: " + pytorch);
        ui.click(robot, "#code-close");
    }

    @Test
    void aConvolutionIsRefusedWithWhy(FxRobot robot) {
        ui.settle();
        robot.interact(() -> ui.window.session().loadLesson("conv-worked"));
        ui.settle();
        robot.interact(() -> ui.window.session().code().show("pytorch"));
        ui.settle();
        assertEquals("code.error.maps", ui.window.session().code().messageProperty().get().key());
        assertTrue(ui.text(robot, "#notice").startsWith("Only networks of dense layers are written as code here"),
                ui.text(robot, "#notice"));
    }
}
