package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile.Experiment;
import org.backproplab.io.ExperimentFile.ExperimentException;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Digits experiments (version 2): trained a few batches, saved, reopened in a new trainer, the next
 * batches give parameters and optimizer memory equal bit for bit to a run never interrupted; a
 * version-1 file still reads; wrong, older-than-digits and newer files are refused by field.
 */
class ExperimentDigitsTest {
    @TempDir
    Path dir;

    /** 70 random "images" of 784 pixels with one-hot labels: batches of 64 make an epoch of two, the second short. */
    private static Samples samples() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[70][784];
        double[][] t = new double[70][10];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 784; j++) {
                x[i][j] = r.nextDouble() < 0.2 ? r.nextDouble() : 0;
            }
            t[i][r.nextInt(10)] = 1;
        }
        return Samples.of(x, t);
    }

    private Path saved(Trainer trainer) throws Exception {
        Path file = dir.resolve("digits.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits("mnist-mlp", trainer, 1, trainer.checkpoint(),
                ExperimentFile.DOUBLE, new ExperimentFile.Curve(new long[] {1, 2, 3}, new double[] {2.3, 2.1, 1.9}),
                new ExperimentFile.Curve(new long[] {1}, new double[] {0.25})));
        return file;
    }

    @Test
    void adamGoesOnBitForBitAcrossAnEpochAfterReopening() throws Exception {
        Samples train = samples();
        Trainer original = MnistLessons.byId("mnist-mlp").newTrainer(train, 1);
        for (int i = 0; i < 3; i++) { // epoch 0's two batches and epoch 1's first
            original.trainIteration();
        }
        Path file = saved(original);
        String text = Files.readString(file);
        assertTrue(text.contains("\"version\" : 2") && text.contains("\"tab\" : \"digits\""), text.substring(0, 200));
        Experiment e = ExperimentFile.load(file);
        assertEquals("digits", e.tab());
        assertEquals(70, e.digits().trainDigits());
        assertEquals(ExperimentFile.DOUBLE, e.digits().precision());
        assertEquals(64, e.batchSize());
        assertArrayEquals(new double[] {0.25}, e.digits().testAccuracy().losses());
        assertEquals(3, e.curve().iterations().length);
        assertEquals(3, e.start().iteration());
        assertEquals(1, e.start().epoch());
        assertEquals(64, e.start().cursor());
        assertEquals(original.checkpoint().optimizer().slots(), e.start().optimizer().slots(), "Adam's m, v, step");

        Trainer reopened = ExperimentFile.digitsTrainer(e, train);
        for (int i = 0; i < 3; i++) {
            double expected = original.trainIteration();
            double actual = reopened.trainIteration();
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), "batch " + (4 + i));
        }
        assertEquals(original.network().copyParameters(), reopened.network().copyParameters());
        assertEquals(original.checkpoint().optimizer().steps(), reopened.checkpoint().optimizer().steps());
        assertEquals(original.checkpoint().optimizer().slots(), reopened.checkpoint().optimizer().slots());
        assertEquals(original.epoch(), reopened.epoch());
        assertEquals(original.cursor(), reopened.cursor());

        // the same trainer without the save and reopening is what was compared against: a run of 6 batches from the seed
        Trainer straight = MnistLessons.byId("mnist-mlp").newTrainer(train, 1);
        for (int i = 0; i < 6; i++) {
            straight.trainIteration();
        }
        assertEquals(straight.network().copyParameters(), reopened.network().copyParameters());
        assertThrows(IllegalArgumentException.class, () -> ExperimentFile.digitsTrainer(e,
                Samples.of(new double[][] {new double[784]}, new double[][] {new double[10]})), "another digit count");
    }

    @Test
    void stepAndPlaygroundFilesAreStillWrittenAsVersionOne() throws Exception {
        Path file = dir.resolve("step.json");
        var lesson = org.backproplab.lesson.Lessons.byId(org.backproplab.lesson.Lessons.WORKED_2_2_2);
        var stepper = new org.backproplab.engine.Stepper(lesson.newTrainer(), 10);
        ExperimentFile.save(file, ExperimentFile.of(ExperimentFile.STEP, lesson.id(),
                org.backproplab.engine.BiasMode.FROZEN, lesson.seed(), stepper, ExperimentFile.Curve.EMPTY));
        assertTrue(Files.readString(file).contains("\"version\" : 1"));
        assertNull(ExperimentFile.load(file).digits());
    }

    private String refusal(String text) {
        return assertThrows(ExperimentException.class,
                () -> ExperimentFile.read("d.json", text.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void wrongDigitsFilesAreRefusedByField() throws Exception {
        Trainer trainer = MnistLessons.byId("mnist-mlp").newTrainer(samples(), 1);
        trainer.trainIteration();
        String text = Files.readString(saved(trainer));
        assertEquals("d.json, field \"version\": the file is version 3, written by a newer Backprop Lab; this one reads "
                + "versions up to 2", refusal(text.replace("\"version\" : 2", "\"version\" : 3")));
        assertEquals("d.json, field \"version\": a digits experiment is version 2 or later, not 1",
                refusal(text.replace("\"version\" : 2", "\"version\" : 1")));
        assertEquals("d.json, field \"lesson\": \"xor\" is not a digits preset (it may be "
                + String.join(", ", MnistLessons.ids()) + ")", refusal(text.replace("\"mnist-mlp\"", "\"xor\"")));
        assertEquals("d.json, field \"settings.precision\": \"half\" is not float or double",
                refusal(text.replace("\"precision\" : \"double\"", "\"precision\" : \"half\"")));
        assertEquals("d.json, field \"settings.bias\": is not a field of an experiment here (there may be optimizer, "
                + "learning_rate, momentum, beta1, beta2, eps, batch_size, seed, precision)",
                refusal(text.replace("\"precision\" :", "\"bias\" : \"trained\", \"precision\" :")));
        assertEquals("d.json, field \"position.cursor\": 70 is not a whole number from 0 to 69",
                refusal(text.replace("\"cursor\" : 64", "\"cursor\" : 70")));
        assertEquals("d.json, field \"parameters.W1\": must be a list of 128 rows of 784 numbers",
                refusal(text.replaceFirst("\"W1\" : \\[ \\[", "\"W1\" : [ [ 1.0 ], [")));
        assertEquals("d.json, field \"test_accuracy.accuracies[0]\": must be a fraction from 0 to 1, not 25.0",
                refusal(text.replace("\"accuracies\" : [ 0.25 ]", "\"accuracies\" : [ 25.0 ]")));
        assertEquals("d.json, field \"digits.train_digits\": 0 is not a whole number from 1 to 2147483647",
                refusal(text.replace("\"train_digits\" : 70", "\"train_digits\" : 0")));
    }

    /**
     * The shipped Keras example (its dropout layers seeded by layer index, not as the preset seeds them) saved before
     * training and reopened: the first batch draws the same dropout masks, so loss and parameters equal bit for bit a
     * run never saved. A file without dropout seeds (written before they were kept) still reads, with the preset's.
     */
    @Test
    void aShippedModelWithDropoutReopensWithItsMasks() throws Exception {
        Samples train = samples();
        MnistLessons.Preset keras = MnistLessons.byId("mnist-keras-example");
        Trainer original = keras.trainerFor(ShippedModels.network("mnist-keras-example"), train);
        Path file = dir.resolve("keras.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits(keras.id(), original, keras.seed(), original.checkpoint(),
                ExperimentFile.DOUBLE, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        Experiment e = ExperimentFile.load(file);
        assertArrayEquals(new long[] {3, 6}, e.digits().dropoutSeeds(), "the shipped model's: the layer index");
        Trainer reopened = ExperimentFile.digitsTrainer(e, train);
        double expected = original.trainIteration();
        double actual = reopened.trainIteration();
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), "the first batch's loss");
        assertEquals(original.network().copyParameters(), reopened.network().copyParameters());

        String older = Files.readString(file).replaceFirst(",\\s*\"dropout_seeds\" : \\[[^]]*\\]", "");
        assertTrue(!older.contains("dropout_seeds"), older.substring(0, 400));
        Experiment old = ExperimentFile.read("old.json", older.getBytes(StandardCharsets.UTF_8));
        assertNull(old.digits().dropoutSeeds());
        assertEquals("d.json, field \"digits.dropout_seeds\": needs one seed for each of the preset's 2 dropout layers",
                assertThrows(ExperimentException.class, () -> ExperimentFile.read("d.json", Files.readString(file)
                        .replaceFirst("\"dropout_seeds\" : \\[[^]]*\\]", "\"dropout_seeds\" : [ 3 ]")
                        .getBytes(StandardCharsets.UTF_8))).getMessage());
    }
}
