package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.FloatTrainer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.io.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digits tab's precision, run by hand on the tiny MNIST subset: a choice the view-model refuses
 * changes nothing; float trains the float path (parameters that are floats, the very parameters a
 * FloatTrainer computes from the same start) and is saved in the experiment and opened again; a
 * network the float path does not take brings the choice back to double.
 */
class DigitsPrecisionTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");
    @TempDir
    Path dir;
    private final ManualWorker worker = new ManualWorker(20_000_000L);
    private final DigitsSession session = new DigitsSession(worker, Runnable::run, TINY, 0, 0);

    private ExperimentFile.Experiment saved(DigitsSession s, ManualWorker w, String name) throws Exception {
        s.experiments().save(dir.resolve(name));
        w.runUntilIdle();
        return ExperimentFile.load(dir.resolve(name));
    }

    private static void train(DigitsSession s, ManualWorker w) {
        s.play();
        w.runTasks(2);
        s.pause();
        w.runUntilIdle();
    }

    private static boolean allFloats(Map<String, ImmutableMatrix> parameters) {
        for (ImmutableMatrix m : parameters.values()) {
            for (int r = 0; r < m.rows(); r++) {
                for (double v : m.rowValues(r)) {
                    if ((double) (float) v != v) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void floatTrainsTheFloatPathAndIsSavedAndOpenedAgain() throws Exception {
        session.open();
        worker.runUntilIdle();
        session.loadPreset("mnist-mlp");
        worker.runUntilIdle();
        assertEquals("double", session.precision().precisionProperty().get());
        assertNull(session.precision().floatRefusedProperty().get());

        session.precision().choose("half");
        assertEquals("digits.error.precision", session.inputErrorProperty().get().key());
        assertEquals("double", session.precision().precisionProperty().get(), "nothing changed");

        ExperimentFile.Experiment start = saved(session, worker, "start.json");
        assertEquals("double", start.digits().precision());
        session.precision().choose("float");
        worker.runUntilIdle();
        assertNull(session.inputErrorProperty().get());
        assertEquals("float", session.precision().precisionProperty().get());
        train(session, worker);
        ExperimentFile.Experiment trained = saved(session, worker, "float.json");
        assertEquals("float", trained.digits().precision());
        long batches = trained.start().iteration();
        assertTrue(batches >= 2, "batches: " + batches);
        assertTrue(allFloats(trained.start().parameters()), "the float path's parameters are floats");

        // the same batches from the same start through a FloatTrainer of its own
        Samples digits = MnistFiles.train(TINY).samples(0, 10);
        FloatTrainer alone = new FloatTrainer(ExperimentFile.digitsTrainer(start, digits));
        for (long i = 0; i < batches; i++) {
            alone.trainIteration();
        }
        assertEquals(alone.checkpoint().parameters(), trained.start().parameters(), "bit for bit");
        assertEquals(alone.checkpoint().optimizer().slots(), trained.start().optimizer().slots(), "Adam's m and v");

        // opened in a fresh session, it trains on in float, as the session that saved it
        ManualWorker w2 = new ManualWorker(20_000_000L);
        DigitsSession other = new DigitsSession(w2, Runnable::run, TINY, 0, 0);
        other.open();
        w2.runUntilIdle();
        other.experiments().open(dir.resolve("float.json"));
        w2.runUntilIdle();
        assertEquals("float", other.precision().precisionProperty().get());
        train(session, worker);
        train(other, w2);
        ExperimentFile.Experiment a = saved(session, worker, "a.json");
        ExperimentFile.Experiment b = saved(other, w2, "b.json");
        assertEquals(a.start().iteration(), b.start().iteration());
        assertEquals(a.start().parameters(), b.start().parameters());
        assertEquals(a.start().optimizer().slots(), b.start().optimizer().slots());

        // back to double: training goes on from there, in double
        session.precision().choose("double");
        worker.runUntilIdle();
        train(session, worker);
        ExperimentFile.Experiment d = saved(session, worker, "double.json");
        assertEquals("double", d.digits().precision());
        assertTrue(d.start().iteration() > a.start().iteration());
        assertFalse(allFloats(d.start().parameters()), "double steps leave doubles");
    }

    @Test
    void aNetworkTheFloatPathDoesNotTakeRefusesFloatAndBringsTheChoiceBackToDouble() {
        session.open();
        worker.runUntilIdle();
        session.precision().choose("float");
        worker.runUntilIdle();
        assertEquals("float", session.precision().precisionProperty().get());
        session.loadPreset("lenet-1998");
        worker.runUntilIdle();
        assertEquals("double", session.precision().precisionProperty().get());
        // LeNet-5's C1 (layer 1) is tanh, which the float path does not compute: said in the tab's language
        Notice why = session.precision().floatRefusedProperty().get();
        assertEquals(new Notice("digits.floatRefused.activation", java.util.List.of(1, "tanh"), true), why);
        assertEquals(why, session.inputErrorProperty().get(), "the switch to double is said beside the choice");
        session.precision().choose("float");
        assertEquals(why, session.inputErrorProperty().get());
        assertEquals("double", session.precision().precisionProperty().get());
        session.loadPreset("mnist-cnn-small");
        worker.runUntilIdle();
        assertNull(session.precision().floatRefusedProperty().get());
        assertNull(session.inputErrorProperty().get(), "a network that can train in float32 clears the reason");
    }

    /**
     * Saving an experiment before any training, with float chosen, leaves the network shown as it was: a model saved
     * afterwards holds the same doubles as one saved before (not the float path's rounding), while the experiment
     * holds the float path's start, the doubles rounded to floats.
     */
    @Test
    void savingAFloatExperimentBeforeTrainingLeavesTheNetworkShownAsItWas() throws Exception {
        session.open();
        worker.runUntilIdle();
        session.loadPreset("mnist-mlp");
        worker.runUntilIdle();
        session.saveModel(dir.resolve("before.json"), false);
        worker.runUntilIdle();
        Map<String, ImmutableMatrix> before = org.backproplab.io.ModelFile.load(dir.resolve("before.json")).parameters();
        assertFalse(allFloats(before), "the network shown holds doubles that are not floats");
        session.precision().choose("float");
        worker.runUntilIdle();
        session.experiments().save(dir.resolve("float0.json"));
        worker.runUntilIdle();
        assertEquals("notice.experimentSaved", session.noticeProperty().get().key(),
                String.valueOf(session.noticeProperty().get()));
        ExperimentFile.Experiment e = ExperimentFile.load(dir.resolve("float0.json"));
        assertEquals("float", e.digits().precision());
        assertEquals(0, e.start().iteration());
        assertTrue(allFloats(e.start().parameters()), "the float path's start");
        for (Map.Entry<String, ImmutableMatrix> p : before.entrySet()) {
            ImmutableMatrix m = p.getValue();
            ImmutableMatrix f = e.start().parameters().get(p.getKey());
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    assertEquals((double) (float) m.get(r, c), f.get(r, c), p.getKey() + " rounded to a float");
                }
            }
        }
        session.saveModel(dir.resolve("after.json"), false);
        worker.runUntilIdle();
        assertTrue(before.equals(org.backproplab.io.ModelFile.load(dir.resolve("after.json")).parameters()),
                "the network shown is unchanged, bit for bit");
    }

    /**
     * Float asked for where the network cannot train in float is never turned into double silently: a choice checked
     * while the FX thread had not yet heard of the new network (lenet-1998, tanh and subsampling), and a float file of
     * that network, each say it goes on in double.
     */
    @Test
    void floatTurnedIntoDoubleIsSaid() throws Exception {
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        ManualWorker w = new ManualWorker(20_000_000L);
        DigitsSession s = new DigitsSession(w, later::add, TINY, 0, 0);
        s.open();
        w.runUntilIdle();
        s.loadPreset("lenet-1998");
        w.runUntilIdle();
        assertNull(s.precision().floatRefusedProperty().get(), "not yet heard on the FX thread");
        s.precision().choose("float");
        w.runUntilIdle();
        while (!later.isEmpty()) {
            later.remove(0).run();
        }
        assertEquals("double", s.precision().precisionProperty().get());
        assertEquals("notice.floatAsDouble", s.noticeProperty().get().key());

        Trainer lenet = MnistLessons.byId("lenet-1998").newTrainer(MnistFiles.train(TINY).samples(0, 10), 1);
        ExperimentFile.save(dir.resolve("lenet.json"), ExperimentFile.ofDigits("lenet-1998", lenet, 1,
                lenet.checkpoint(), ExperimentFile.FLOAT, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        session.open();
        worker.runUntilIdle();
        session.experiments().open(dir.resolve("lenet.json"));
        worker.runUntilIdle();
        assertEquals("lenet-1998", session.presetProperty().get());
        assertEquals("double", session.precision().precisionProperty().get());
        assertEquals("notice.experimentOpenedDouble", session.noticeProperty().get().key());
    }
}
