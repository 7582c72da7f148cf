package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher's choice of predict mode's questions is saved with a Step-by-step experiment and set
 * again when it is opened; a file naming a kind that does not exist is refused with the field.
 */
class PredictExperimentTest {
    @TempDir
    Path dir;

    @Test
    void theTeachersChoiceTravelsWithTheExperiment() throws Exception {
        ManualWorker worker = new ManualWorker();
        StepSession step = new StepSession(worker, Runnable::run);
        step.loadLesson("worked-2-2-2");
        worker.runUntilIdle();
        PredictChoice chosen = new PredictChoice(EnumSet.of(PredictKind.values()[0], PredictKind.values()[4]), 1);
        step.predict().setChoice(chosen);
        Path file = dir.resolve("lesson.json");
        step.experiments().save(file);
        worker.runUntilIdle();
        String text = Files.readString(file);
        assertTrue(text.contains("\"predict\""), text);
        assertTrue(text.contains("\"perStage\" : 1"), text);

        step.predict().setChoice(PredictChoice.DEFAULT);
        step.experiments().open(file);
        worker.runUntilIdle();
        assertEquals(chosen, step.predict().choiceProperty().get());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text.replace("\"" + PredictKind.values()[0].id() + "\"", "\"guessing\""));
        step.predict().setChoice(PredictChoice.DEFAULT);
        step.experiments().open(bad);
        worker.runUntilIdle();
        Notice n = step.noticeProperty().get();
        assertEquals("notice.experimentRefused", n.key());
        assertTrue(String.valueOf(n.args().get(0)).contains("predict.kinds") && String.valueOf(n.args().get(0))
                .contains("guessing"), n.args().toString());
        assertEquals(PredictChoice.DEFAULT, step.predict().choiceProperty().get(), "nothing changed");
    }
}
