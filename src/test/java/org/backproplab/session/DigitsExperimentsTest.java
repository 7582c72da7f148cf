package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.io.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digits tab's experiments, run by hand on the tiny MNIST subset: a few batches trained, saved,
 * opened in a fresh session, and the next batches give parameters and optimizer memory equal bit for
 * bit to those of the session that never stopped; a file of another tab or another digit count
 * changes nothing.
 */
class DigitsExperimentsTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");
    @TempDir
    Path dir;

    private static DigitsSession opened(ManualWorker worker) {
        DigitsSession s = new DigitsSession(worker, Runnable::run, TINY, 0, 0);
        s.open();
        worker.runUntilIdle();
        s.loadPreset("mnist-mlp");
        worker.runUntilIdle();
        return s;
    }

    /** Plays {@code chunks} chunks of training (each two batches: the clock moves 20 ms a reading, a chunk is 40 ms). */
    private static void train(DigitsSession s, ManualWorker worker, int chunks) {
        s.play();
        worker.runTasks(chunks);
        s.pause();
        worker.runUntilIdle();
    }

    private static ExperimentFile.Experiment saved(DigitsSession s, ManualWorker worker, Path file) throws Exception {
        s.experiments().save(file);
        worker.runUntilIdle();
        assertEquals("notice.experimentSaved", s.noticeProperty().get().key());
        return ExperimentFile.load(file);
    }

    @Test
    void openedInAFreshSessionTrainingGoesOnBitForBit() throws Exception {
        ManualWorker w1 = new ManualWorker(20_000_000L);
        DigitsSession first = opened(w1);
        train(first, w1, 2);
        ExperimentFile.Experiment atSave = saved(first, w1, dir.resolve("digits.json"));
        assertTrue(atSave.start().iteration() >= 2, "batches trained: " + atSave.start().iteration());
        assertEquals("mnist-mlp", atSave.lesson());
        assertEquals(atSave.start().iteration(), atSave.curve().iterations().length, "a loss per batch");

        ManualWorker w2 = new ManualWorker(20_000_000L);
        DigitsSession second = new DigitsSession(w2, Runnable::run, TINY, 0, 0);
        second.open();
        w2.runUntilIdle();
        assertEquals("mnist-cnn-small", second.presetProperty().get());
        second.experiments().open(dir.resolve("digits.json"));
        w2.runUntilIdle();
        assertEquals("notice.experimentOpenedBatch", second.noticeProperty().get().key(),
                String.valueOf(second.noticeProperty().get()));
        assertEquals("mnist-mlp", second.presetProperty().get());
        assertArrayEquals(first.getSnapshot().probabilities(), second.getSnapshot().probabilities(), "the same network");
        assertArrayEquals(first.getSnapshot().batchLoss().losses(), second.getSnapshot().batchLoss().losses(),
                "the curve as saved");

        train(first, w1, 1);
        train(second, w2, 1);
        ExperimentFile.Experiment straight = saved(first, w1, dir.resolve("straight.json"));
        ExperimentFile.Experiment reopened = saved(second, w2, dir.resolve("reopened.json"));
        assertTrue(straight.start().iteration() > atSave.start().iteration());
        assertEquals(straight.start().iteration(), reopened.start().iteration());
        assertEquals(straight.start().epoch(), reopened.start().epoch());
        assertEquals(straight.start().cursor(), reopened.start().cursor());
        // ImmutableMatrix.equals compares the doubles' bits
        assertEquals(straight.start().parameters(), reopened.start().parameters());
        assertEquals(straight.start().optimizer().slots(), reopened.start().optimizer().slots(), "Adam's m and v");
        assertEquals(straight.start().optimizer().steps(), reopened.start().optimizer().steps());
        assertArrayEquals(straight.curve().losses(), reopened.curve().losses());
    }

    @Test
    void anotherTabsFileOrAnotherDigitCountChangesNothing() throws Exception {
        ManualWorker w1 = new ManualWorker(20_000_000L);
        DigitsSession first = opened(w1);
        train(first, w1, 1);
        Path file = dir.resolve("digits.json");
        saved(first, w1, file);

        ManualWorker w2 = new ManualWorker(20_000_000L);
        DigitsSession fewer = new DigitsSession(w2, Runnable::run, TINY, 50, 0);
        fewer.open();
        w2.runUntilIdle();
        double[] before = fewer.getSnapshot().probabilities();
        fewer.experiments().open(file);
        w2.runUntilIdle();
        assertEquals("notice.experimentDigitCount", fewer.noticeProperty().get().key());
        assertEquals("mnist-cnn-small", fewer.presetProperty().get(), "nothing changed");
        assertArrayEquals(before, fewer.getSnapshot().probabilities());

        Path step = dir.resolve("step.json");
        var lesson = org.backproplab.lesson.Lessons.byId(org.backproplab.lesson.Lessons.WORKED_2_2_2);
        ExperimentFile.save(step, ExperimentFile.of(ExperimentFile.STEP, lesson.id(),
                org.backproplab.engine.BiasMode.FROZEN, lesson.seed(),
                new org.backproplab.engine.Stepper(lesson.newTrainer(), 10), ExperimentFile.Curve.EMPTY));
        fewer.experiments().open(step);
        w2.runUntilIdle();
        assertEquals("notice.experimentOtherTab", fewer.noticeProperty().get().key());
        assertEquals("mnist-cnn-small", fewer.presetProperty().get(), "nothing changed");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Files.readString(file).replace("\"precision\" : \"double\"", "\"precision\" : 3"));
        fewer.experiments().open(broken);
        w2.runUntilIdle();
        assertEquals("notice.experimentRefused", fewer.noticeProperty().get().key());
        assertEquals("broken.json, field \"settings.precision\": is not a text", fewer.noticeProperty().get().args().get(0));
        assertArrayEquals(before, fewer.getSnapshot().probabilities());
    }

    /**
     * The Keras example after one Adam step (1.2 million parameters, each with m, v and step) would be over the 64 MB
     * an experiment may hold: refused in a notice of the tab's language with the sizes, and no file written.
     */
    @Test
    void anExperimentTooLargeIsRefusedInTheTabsWords() {
        ManualWorker w = new ManualWorker(20_000_000L);
        DigitsSession s = new DigitsSession(w, Runnable::run, TINY, 0, 0);
        s.open();
        w.runUntilIdle();
        s.loadPreset("mnist-keras-example");
        w.runUntilIdle();
        train(s, w, 1);
        Path file = dir.resolve("keras.json");
        s.experiments().save(file);
        w.runUntilIdle();
        Notice n = s.noticeProperty().get();
        assertEquals("notice.experimentTooLarge", n.key(), String.valueOf(n));
        assertEquals("keras.json", n.args().get(0));
        // four buffers (values, m, v, step) of 1,199,882 numbers at about 20 bytes each: about 96 MB
        assertTrue((Long) n.args().get(1) > 64 && (Long) n.args().get(1) < 130, String.valueOf(n));
        assertEquals(64L, n.args().get(2));
        assertTrue(!Files.exists(file), "nothing written");
    }
}
