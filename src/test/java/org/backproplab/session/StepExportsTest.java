package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.WalkThrough;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The exercise sheet written from the stepping tab: for the weights and inputs as edited. */
class StepExportsTest {
    @TempDir
    Path dir;
    private ManualWorker worker;
    private StepSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new StepSession(worker, Runnable::run);
        session.loadLesson(Lessons.WORKED_2_2_2);
        worker.runUntilIdle();
    }

    private static List<String> codeOfIterations(String md) {
        List<String> out = new ArrayList<>();
        boolean on = false;
        boolean code = false;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("## ")) {
                on = line.contains("Iteration") || line.contains("次迭代");
            } else if (line.startsWith("```")) {
                code = !code;
            } else if (code && on) {
                out.add(line);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theKeyAfterAnEditIsTheWalkThroughOfTheEditedNetwork(String lang) throws Exception {
        // w1 = 0.3 and i2 = 0.2 as typed in the window, then one whole iteration: the sheet is of iteration 2
        session.editParameter("W1", 0, 0, 0.3);
        session.editInput(0, 1, 0.2);
        session.wholeIteration();
        worker.runUntilIdle();
        session.nextStage();
        worker.runUntilIdle();
        Path key = dir.resolve("key.md");
        session.exportExercise(key, 1, lang, true, "t");
        worker.runUntilIdle();
        String md = Files.readString(key);

        // the same state built independently: the lesson's trainer with the same two edits
        Trainer trainer = Lessons.byId(Lessons.WORKED_2_2_2).newTrainer();
        trainer.network().setParameterValue("W1", 0, 0, 0.3);
        trainer.setInput(0, 1, 0.2);
        Stepper stepper = new Stepper(trainer, 1);
        stepper.finishIteration();
        List<String> walk = new WalkThrough(Naming.of(trainer.network())).describe(2, stepper.finishIteration());
        assertEquals(walk.subList(2, walk.size()), codeOfIterations(md));
        assertTrue(md.contains(lang.equals("zh") ? "第 2 次迭代" : "Iteration 2"));

        Path sheet = dir.resolve("sheet.html");
        session.exportExercise(sheet, 1, lang, false, "t");
        worker.runUntilIdle();
        String html = Files.readString(sheet);
        assertTrue(html.contains("net_h1 = __________"), html);
        assertTrue(html.contains("i2 = 0.2"), "the edited input is a given");
        assertFalse(html.contains(walk.get(4).substring(walk.get(4).lastIndexOf(" = ") + 3)), "net_h1 is not shown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theConvolutionsKeyAfterAnEditIsTheWalkThroughOfTheEditedNetwork(String lang) throws Exception {
        session.loadLesson(Lessons.CONV_WORKED);
        worker.runUntilIdle();
        // pixel x[0][2][3] typed over as 0.1 and W1[0][0][0][0] as 0.3, two stages run: the key is of iteration 1
        session.editInput(0, 15, 0.1);
        session.editParameter("W1", 0, 0, 0.3);
        session.nextStage();
        session.nextStage();
        worker.runUntilIdle();
        Path key = dir.resolve("key.md");
        session.exportExercise(key, 1, lang, true, "t");
        worker.runUntilIdle();
        String md = Files.readString(key);

        Trainer trainer = Lessons.byId(Lessons.CONV_WORKED).newTrainer();
        trainer.setInput(0, 15, 0.1);
        trainer.network().setParameterValue("W1", 0, 0, 0.3);
        List<String> walk = new org.backproplab.lesson.MapWalkThrough(trainer.network()).describe(1,
                new Stepper(trainer, 1).finishIteration());
        assertEquals(walk.subList(2, walk.size()), codeOfIterations(md));
        // z1[0][0][1] = 0.3 x 0.1 + 0.5 x 0.8 - 0.3 x 0.9 + 0.6 x 0.3 - 0.4 x 0.9 + 0.4 x 0.1 + 0.1 x 0.8 + 0.05
        // (x[0][2][3] = 0.1 is under the tap (2, 2): 0.1 x 0.1 instead of 0.1 x 0.8)
        double z = 0.3 * 0.1 + 0.5 * 0.8 - 0.3 * 0.9 + 0.6 * 0.3 - 0.4 * 0.9 + 0.4 * 0.1 + 0.1 * 0.1 + 0.05;
        assertTrue(md.contains(" = " + Naming.number(z) + ";  a = relu("), md);

        Path sheet = dir.resolve("sheet.md");
        session.exportExercise(sheet, 1, lang, false, "t");
        worker.runUntilIdle();
        String blanks = String.join("\n", codeOfIterations(Files.readString(sheet)));
        assertTrue(blanks.contains("z1[0][0][1] = __________;  a1[0][0][1] = __________"), blanks);
        assertFalse(blanks.contains(Naming.number(z)), "z1[0][0][1] is not shown");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 21})
    void tooManyIterationsAreRefused(int n) {
        Path file = dir.resolve("x.md");
        session.exportExercise(file, n, "en", false, "t");
        worker.runUntilIdle();
        assertEquals("step.error.iterations", session.noticeProperty().get().key());
        assertFalse(Files.exists(file));
    }
}
