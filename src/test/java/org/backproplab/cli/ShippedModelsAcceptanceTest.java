package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.backproplab.io.ModelFile;
import org.backproplab.io.ShippedModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11's acceptance: {@code evaluate} on each shipped model, over all 10,000 MNIST test digits,
 * reaches the accuracy asked for, and finds the accuracy that training wrote into the file.
 */
class ShippedModelsAcceptanceTest {

    @ParameterizedTest(name = "{0} at least {1}")
    @CsvSource({"mnist-lenet,0.985", "mnist-cnn-small,0.97", "mnist-mlp,0.97", "mnist-keras-example,0.985"})
    void eachShippedModelReachesItsAccuracy(String preset, double required) throws Exception {
        String file = ShippedModels.path(preset).toString();
        CliRun run = CliRun.of("evaluate", file, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode o = run.jsonLines().get(0);
        assertEquals(10_000, o.get("images").asInt());
        assertEquals(preset, o.get("preset").asText());
        assertEquals(2, o.get("version").asInt());
        double accuracy = o.get("test_accuracy").asDouble();
        assertTrue(accuracy >= required, preset + ": " + accuracy);
        ModelFile.Training training = ModelFile.load(ShippedModels.path(preset)).training();
        assertEquals(training.testAccuracy(), accuracy, 0, "the accuracy train --save recorded");
        assertEquals(accuracy, o.get("correct").asInt() / 10_000.0, 0);
    }
}
