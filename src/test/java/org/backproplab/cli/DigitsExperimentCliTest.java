package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.FloatTrainer;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.io.ExperimentFile;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --experiment FILE} with a Digits-tab experiment (MLP, tiny MNIST: 1000 training
 * digits, batches of 64) saved after 5 batches: the epochs that follow end with the very
 * parameters, test losses and epoch losses of an uninterrupted {@code train mnist-mlp}.
 */
class DigitsExperimentCliTest {
    private static final String TINY = "src/test/resources/mnist-tiny";
    @TempDir
    Path dir;

    @Test
    void goingOnFromADigitsExperimentEndsAsTheUninterruptedRun() throws Exception {
        Samples train = MnistFiles.train(Path.of(TINY)).samples(0, 10);
        Trainer trainer = MnistLessons.byId("mnist-mlp").newTrainer(train, 1);
        double firstFive = 0;
        for (int i = 0; i < 5; i++) {
            firstFive += trainer.trainIteration() * 64;
        }
        Path file = dir.resolve("mlp.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits("mnist-mlp", trainer, 1, trainer.checkpoint(),
                ExperimentFile.DOUBLE, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));

        CliRun straight = CliRun.of("train", "mnist-mlp", "--epochs", "2", "--data", TINY, "--precision", "double",
                "--json", "--save", dir.resolve("straight.json").toString());
        CliRun resumed = CliRun.of("train", "--experiment", file.toString(), "--epochs", "2", "--data", TINY, "--json",
                "--save", dir.resolve("resumed.json").toString());
        assertEquals(0, straight.exitCode(), straight.err());
        assertEquals(0, resumed.exitCode(), resumed.err());
        List<JsonNode> a = straight.jsonLines();
        List<JsonNode> b = resumed.jsonLines();
        assertEquals(1, b.get(0).get("epoch").asInt(), "the rest of the first epoch");
        assertEquals(2, b.get(1).get("epoch").asInt());
        assertEquals("double", b.get(0).get("precision").asText());
        for (int e = 0; e < 2; e++) {
            assertEquals(a.get(e).get("test_loss").asDouble(), b.get(e).get("test_loss").asDouble(), 0.0, "epoch " + (e + 1));
            assertEquals(a.get(e).get("test_accuracy").asDouble(), b.get(e).get("test_accuracy").asDouble(), 0.0);
        }
        assertEquals(a.get(1).get("loss").asDouble(), b.get(1).get("loss").asDouble(), 0.0, "a whole epoch each");
        // the first epoch's mean loss is the five batches before the save and the 680 digits after, weighted
        double whole = (firstFive + b.get(0).get("loss").asDouble() * (1000 - 5 * 64)) / 1000;
        assertEquals(a.get(0).get("loss").asDouble(), whole, 1e-12);
        assertEquals(ModelFile.load(dir.resolve("straight.json")).parameters(),
                ModelFile.load(dir.resolve("resumed.json")).parameters(), "bit for bit");
    }

    @Test
    void aFloatExperimentGoesOnInFloatAsTheUninterruptedFloatRun() throws Exception {
        Samples train = MnistFiles.train(Path.of(TINY)).samples(0, 10);
        Trainer trainer = MnistLessons.byId("mnist-mlp").newTrainer(train, 1);
        FloatTrainer single = new FloatTrainer(trainer);
        for (int i = 0; i < 5; i++) {
            single.trainIteration();
        }
        Path file = dir.resolve("float.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits("mnist-mlp", trainer, 1, single.checkpoint(),
                ExperimentFile.FLOAT, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        CliRun straight = CliRun.of("train", "mnist-mlp", "--epochs", "2", "--data", TINY, "--precision", "float",
                "--json", "--save", dir.resolve("straight.json").toString());
        CliRun resumed = CliRun.of("train", "--experiment", file.toString(), "--epochs", "2", "--data", TINY, "--json",
                "--save", dir.resolve("resumed.json").toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals("float", resumed.jsonLines().get(0).get("precision").asText());
        assertEquals(straight.jsonLines().get(1).get("loss").asDouble(), resumed.jsonLines().get(1).get("loss").asDouble(),
                0.0, "the whole second epoch");
        assertEquals(ModelFile.load(dir.resolve("straight.json")).parameters(),
                ModelFile.load(dir.resolve("resumed.json")).parameters(), "bit for bit, in float");
    }

    @Test
    void precisionOrAnotherDigitCountIsRefused() throws Exception {
        Samples train = MnistFiles.train(Path.of(TINY)).samples(0, 10);
        Trainer trainer = MnistLessons.byId("mnist-mlp").newTrainer(train, 1);
        Path file = dir.resolve("mlp.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits("mnist-mlp", trainer, 1, trainer.checkpoint(),
                ExperimentFile.DOUBLE, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        CliRun precision = CliRun.of("train", "--experiment", file.toString(), "--precision", "float", "--data", TINY);
        assertEquals(2, precision.exitCode());
        assertTrue(precision.err().contains("--precision does not apply to --experiment"), precision.err());
        CliRun limit = CliRun.of("train", "--experiment", file.toString(), "--limit", "500", "--data", TINY);
        assertEquals(2, limit.exitCode());
        assertTrue(limit.err().contains("the experiment trains on the first 1000 digits, not 500"), limit.err());
    }

    /**
     * The shipped Keras example (dropout seeded by layer index) saved before training on the first 100 digits: {@code
     * train --experiment} draws the same dropout masks as the same trainer going on in this process, so its epoch (one
     * batch of 100) ends with the same parameters, bit for bit.
     */
    @Test
    void aShippedModelWithDropoutGoesOnWithItsOwnMasks() throws Exception {
        Samples train = MnistFiles.train(Path.of(TINY)).samples(100, 10);
        MnistLessons.Preset keras = MnistLessons.byId("mnist-keras-example");
        Trainer trainer = keras.trainerFor(org.backproplab.io.ShippedModels.network(keras.id()), train);
        Path file = dir.resolve("keras.json");
        ExperimentFile.save(file, ExperimentFile.ofDigits(keras.id(), trainer, keras.seed(), trainer.checkpoint(),
                ExperimentFile.DOUBLE, ExperimentFile.Curve.EMPTY, ExperimentFile.Curve.EMPTY));
        CliRun resumed = CliRun.of("train", "--experiment", file.toString(), "--epochs", "1", "--data", TINY,
                "--test-limit", "10", "--json", "--save", dir.resolve("resumed.json").toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        double loss = trainer.trainEpoch();
        assertEquals(loss, resumed.jsonLines().get(0).get("loss").asDouble(), 0.0, "the epoch's loss");
        assertTrue(trainer.network().copyParameters().equals(ModelFile.load(dir.resolve("resumed.json")).parameters()),
                "bit for bit");
    }
}
