package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model file's parameters: what a broken one is told, and a network that does not fit. */
class ModelFileTest {
    @TempDir
    Path dir;

    private String errorOf(String parameters) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"format\": \"backprop-lab-model\", \"version\": 1, \"preset\": \"mnist-mlp\","
                + " \"parameters\": {\"W1\": " + parameters + "}}");
        return assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file)).getMessage();
    }

    @Test
    void aBrokenMatrixSaysWhichRowAndWhat() throws Exception {
        assertEquals("m.json: parameter W1, row 2 has 1 values, row 1 has 2", errorOf("[[1, 2], [3]]"));
        assertEquals("m.json: parameter W1, row 2 is not a list of numbers", errorOf("[[1, 2], 3]"));
        assertEquals("m.json: parameter W1, row 1, column 2 is not a number", errorOf("[[1, \"x\"]]"));
    }

    @Test
    void valuesOfAnotherShapeAreNamedWithBothShapes() {
        Network net = new Network.Builder(3, Loss.HALF_SQUARED_ERROR)
                .add(new DenseLayer(0, 3, 2, Activation.SIGMOID, BiasMode.TRAINED)).build();
        Map<String, ImmutableMatrix> values = new java.util.HashMap<>(net.copyParameters());
        values.put("W1", ImmutableMatrix.copyOf(new org.ejml.data.DMatrixRMaj(2, 4)));
        assertEquals("W1 has 2 x 4 values, the network needs 2 x 3",
                assertThrows(IllegalArgumentException.class, () -> net.restoreParameters(values)).getMessage());
        values.remove("b1");
        values.put("W1", net.copyParameters().get("W1"));
        assertEquals("no values for b1",
                assertThrows(IllegalArgumentException.class, () -> net.restoreParameters(values)).getMessage());
    }
}
