package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile.Experiment;
import org.backproplab.io.ExperimentFile.ExperimentException;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment files: saved in the middle of an iteration and reopened, the stepper goes on with
 * the very numbers (compared bit for bit, as records of doubles) a stepper never interrupted
 * computes; broken, newer and wrong files are refused with the place named.
 */
class ExperimentFileTest {
    @TempDir
    Path dir;

    /** Steps {@code lesson} {@code stages} stages, saves, reopens; both go on for {@code more} stages. */
    private void roundTrip(Lesson lesson, BiasMode bias, int stages, int more) throws Exception {
        Trainer trainer = lesson.newTrainer();
        Stepper original = new Stepper(trainer, 10);
        for (int i = 0; i < stages; i++) {
            original.next();
        }
        Path file = dir.resolve("e.json");
        ExperimentFile.save(file, ExperimentFile.of(ExperimentFile.STEP, lesson.id(), bias, lesson.seed(), original,
                new ExperimentFile.Curve(new long[] {1, 2}, new double[] {0.5, Double.NaN})));
        Experiment loaded = ExperimentFile.load(file);
        assertEquals(2, loaded.curve().iterations().length);
        assertTrue(Double.isNaN(loaded.curve().losses()[1]));
        Stepper reopened = ExperimentFile.resume(loaded, 10);
        assertEquals(original.currentRecords(), reopened.currentRecords(), "the stages already run, replayed");
        for (int i = 0; i < more; i++) {
            StageRecord expected = original.next();
            StageRecord actual = reopened.next();
            assertEquals(expected, actual, "stage " + (stages + i + 1));
        }
        assertEquals(original.trainer().network().copyParameters(), reopened.trainer().network().copyParameters());
        assertEquals(original.trainer().checkpoint().epoch(), reopened.trainer().checkpoint().epoch());
        assertEquals(original.trainer().checkpoint().cursor(), reopened.trainer().checkpoint().cursor());
    }

    @Test
    void theWorkedExampleGoesOnBitForBitFromTheMiddleOfAnIteration() throws Exception {
        Lesson worked = Lessons.byId(Lessons.WORKED_2_2_2);
        // 6 stages per iteration for 2 layers (forward, forward, loss, backward, backward, update): stop inside the third
        roundTrip(worked, BiasMode.FROZEN, 13, 30);
        roundTrip(worked.withBiasMode(BiasMode.TRAINED), BiasMode.TRAINED, 5, 20);
    }

    @Test
    void aPlaygroundLessonWithAdamAndMiniBatchesGoesOnBitForBit() throws Exception {
        Lesson circles = Lessons.byId("two-circles").withOptimizer(new OptimizerSpec.Adam(0.03)).withBatchSize(10);
        int perIteration = org.backproplab.engine.Stage.count(circles.buildNetwork(0).layerCount());
        // many iterations into the first epoch (the Adam memory is not zero), then part of one
        roundTrip(circles, circles.network().layers().get(0).biasMode(), perIteration * 37 + 3, perIteration * 70);
    }

    private static final String GOOD_HEAD = "{\n  \"format\" : \"backprop-lab-experiment\",\n";

    private String saved() throws Exception {
        Lesson worked = Lessons.byId(Lessons.WORKED_2_2_2);
        Stepper s = new Stepper(worked.newTrainer(), 10);
        s.finishIteration();
        Path file = dir.resolve("good.json");
        ExperimentFile.save(file, ExperimentFile.of("step", worked.id(), BiasMode.FROZEN, worked.seed(), s,
                ExperimentFile.Curve.EMPTY));
        return Files.readString(file);
    }

    private String refusal(String text) {
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentFile.read("x.json", text.getBytes(StandardCharsets.UTF_8)));
        return e.getMessage();
    }

    @Test
    void aFileOfANewerVersionIsRefusedNamingTheVersion() throws Exception {
        String text = saved();
        assertTrue(text.startsWith(GOOD_HEAD), text.substring(0, 60));
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, text.replace("\"version\" : 1", "\"version\" : 3"));
        assertEquals("step", ExperimentFile.tabOf(newer), "the tab is read even from a file not opened");
        Files.writeString(newer, "{\"format\": \"backprop-lab-model\", \"tab\": \"step\"}");
        assertEquals(null, ExperimentFile.tabOf(newer));
        String m = refusal(text.replace("\"version\" : 1", "\"version\" : 3"));
        assertEquals("x.json, field \"version\": the file is version 3, written by a newer Backprop Lab; "
                + "this one reads versions up to 2", m);
    }

    @Test
    void brokenJsonIsRefusedWithLineAndColumn() throws Exception {
        String text = saved();
        // a comma removed at the end of line 3 ("tab" follows "version")
        String broken = text.replaceFirst("\"version\" : 1,", "\"version\" : 1");
        String m = refusal(broken);
        assertTrue(m.startsWith("x.json, line 4, column 3: not valid JSON"), m);
        String cut = refusal(text.substring(0, text.length() / 2));
        assertTrue(cut.contains("the file ends in the middle of the JSON"), cut);
    }

    @Test
    void wrongFieldsAreRefusedByName() throws Exception {
        String text = saved();
        assertEquals("x.json, field \"lesson\": \"nope\" is not a lesson of this app",
                refusal(text.replace("\"worked-2-2-2\"", "\"nope\"")));
        assertEquals("x.json, field \"settings.colour\": is not a field of an experiment here (there may be bias, "
                + "optimizer, learning_rate, momentum, beta1, beta2, eps, batch_size, seed)",
                refusal(text.replace("\"bias\" : \"frozen\"", "\"colour\" : \"red\", \"bias\" : \"frozen\"")));
        assertEquals("x.json, field \"parameters.W1[1]\": must be a list of 2 numbers",
                refusal(text.replaceFirst("\"W1\" : \\[ \\[ ([^\\]]*) \\], \\[ ([^,]*),", "\"W1\" : [ [ $1 ], [ ")));
        assertEquals("x.json, field \"settings.learning_rate\": is not a number",
                refusal(text.replaceFirst("\"learning_rate\" : [0-9.]+", "\"learning_rate\" : \"fast\"")));
    }

    @Test
    void aPlaygroundSetUpWithItsOwnPointsComesBackWholeAndAWrongOneIsNamed() throws Exception {
        org.backproplab.lesson.PlaygroundSpec two = org.backproplab.lesson.PlaygroundLessons.byId("two-circles");
        org.backproplab.lesson.PlaygroundSpec own = two.withCustom(two.data());
        Trainer trainer = own.toLesson("two-circles").newTrainer();
        trainer.trainEpoch();
        Path file = dir.resolve("pg.json");
        ExperimentFile.save(file, ExperimentFile.ofPlayground("two-circles", own, trainer,
                new ExperimentFile.Curve(new long[] {1}, new double[] {0.3}), ExperimentFile.Curve.EMPTY));
        Experiment back = ExperimentFile.load(file);
        assertEquals(own, back.playground());
        assertEquals(trainer.checkpoint().parameters(), back.start().parameters());
        assertEquals(1, back.start().epoch());
        String text = Files.readString(file);
        String shape = refusal(text.replace("\"shape\" : \"circle\"", "\"shape\" : \"square\""));
        assertTrue(shape.startsWith("x.json, field \"playground.shape\": \"square\" is not one of circle, xor, "), shape);
        assertTrue(refusal(text.replace("\"hidden\" : [ {", "\"hidden\" : [ { \"colour\" : 1,"))
                .startsWith("x.json, field \"playground.hidden[0].colour\": is not a field"));
    }

    /** Thousands of damaged copies of good files: each is read or refused with a message, never another exception. */
    @Test
    void damagedFilesAreRefusedWithAMessageNeverAnotherException() throws Exception {
        org.backproplab.lesson.PlaygroundSpec two = org.backproplab.lesson.PlaygroundLessons.byId("two-circles");
        org.backproplab.lesson.PlaygroundSpec own = two.withCustom(new org.backproplab.data.DataSet(
                two.data().train().subList(0, 5), two.data().test().subList(0, 3), two.task(), two.classes()));
        Path pg = dir.resolve("pg.json");
        ExperimentFile.save(pg, ExperimentFile.ofPlayground("two-circles", own, own.toLesson("two-circles").newTrainer(),
                ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] pieces = {"", "0", "-1", "1e999", "\"NaN\"", "[", "]", "{", "}", ",", "\"", "null", "true", "99999999999"};
        for (String good : new String[] {saved(), Files.readString(pg)}) {
            for (int i = 0; i < 3000; i++) {
                StringBuilder bad = new StringBuilder(good);
                for (int k = random.nextInt(1, 4); k > 0; k--) {
                    int at = random.nextInt(bad.length());
                    int end = Math.min(bad.length(), at + random.nextInt(0, 12));
                    bad.replace(at, end, pieces[random.nextInt(pieces.length)]);
                }
                try {
                    Experiment e = ExperimentFile.read("x.json", bad.toString().getBytes(StandardCharsets.UTF_8));
                    ExperimentFile.resume(e, 1).finishIteration();
                } catch (ExperimentException e) {
                    assertTrue(e.getMessage().startsWith("x.json"), e.getMessage());
                }
            }
        }
    }

    @Test
    void editedSamplesAndWeightsAndAdamMomentsAreKept() throws Exception {
        Lesson worked = Lessons.byId(Lessons.WORKED_2_2_2).withOptimizer(new OptimizerSpec.Adam(0.05, 0.8, 0.95, 1e-6));
        Trainer trainer = worked.newTrainer();
        Stepper original = new Stepper(trainer, 10);
        original.finishIteration();
        original.next();
        original.change(() -> trainer.setInput(0, 1, 0.7), () -> trainer.setInput(0, 1, 0.1));
        original.change(() -> trainer.setTarget(0, 0, 0.25), () -> trainer.setTarget(0, 0, 0.01));
        original.change(() -> trainer.network().setParameterValue("W2", 1, 0, -0.3),
                () -> trainer.network().setParameterValue("W2", 1, 0, 0.5));
        original.next();
        Path file = dir.resolve("edited.json");
        ExperimentFile.save(file, ExperimentFile.of("step", worked.id(), BiasMode.FROZEN, worked.seed(), original,
                ExperimentFile.Curve.EMPTY));
        Experiment back = ExperimentFile.load(file);
        assertEquals(new OptimizerSpec.Adam(0.05, 0.8, 0.95, 1e-6), back.optimizer());
        assertEquals(0.7, back.train().inputs().get(0, 1));
        assertEquals(0.25, back.train().targets().get(0, 0));
        assertEquals(-0.3, back.start().parameters().get("W2").get(1, 0));
        assertEquals(2, back.stagesDone());
        Stepper reopened = ExperimentFile.resume(back, 10);
        for (int i = 0; i < 20; i++) {
            assertEquals(original.next(), reopened.next(), "stage " + (i + 3) + " of the second iteration on");
        }
    }
}
