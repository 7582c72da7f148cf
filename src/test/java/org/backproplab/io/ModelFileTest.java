package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static final String HEAD = "{\"format\": \"backprop-lab-model\", \"version\": 1, \"preset\": \"p\",";

    private String refusal(String json) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, json);
        return assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file)).getMessage();
    }

    @Test
    void theParsersLimitsEndInAMessageWithThePlaceNotANullPointer() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals("m.json, line 2, column 36: the JSON is nested more than 16 levels deep",
                refusal(HEAD + "\n\"parameters\": {\"W1\": " + deep + "}}"));
        assertEquals("m.json, line 2, column 24: a number is longer than 64 characters",
                refusal(HEAD + "\n\"parameters\": {\"W1\": [[" + "1".repeat(1001) + "]]}}"));
        // a key too long is placed at the { of the object that holds it
        assertEquals("m.json, line 1, column 76: a text or a key is longer than 1000 characters",
                refusal(HEAD + "\"parameters\": {\"" + "k".repeat(2_000_000) + "\": 1}}"));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.json");
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(2L * 1024 * 1024 * 1024 + 1); // sparse: no disk used
        }
        assertEquals("huge.json: the file is 2,147 MB, a model file is at most 64 MB (is it really a Backprop Lab model?)",
                assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file)).getMessage());
    }

    @Test
    void theVersionIsTheIntegerOneOrTwo() throws Exception {
        for (String v : new String[] {"1.5", "\"1\"", "true", "4294967297", "1.0", "3", "0", "null"}) {
            assertEquals("m.json, field \"version\": " + v + " is not a version this app reads (it reads 1 and 2)",
                    refusal("{\"format\": \"backprop-lab-model\", \"version\": " + v
                            + ", \"preset\": \"p\", \"parameters\": {\"W1\": [[1]]}}"));
        }
    }

    @Test
    void numbersBeyondADoubleDuplicateKeysTrailingTextAndUnknownNamesAreRefused() throws Exception {
        assertEquals("m.json: parameter W1, row 1, column 2 is too large for a double (it reads as Infinity)",
                errorOf("[[1, 1e400]]"));
        assertEquals("m.json: parameter W1, row 1, column 1 is too large for a double (it reads as -Infinity)",
                errorOf("[[-1" + "0".repeat(60) + "e300]]"));
        assertEquals("m.json, line 1, column 97: NaN and Infinity are not numbers a model file can hold",
                errorOf("[[NaN]]"));
        assertEquals("m.json, line 2, column 28: the file ends in the middle of the JSON (was it cut short?)",
                refusal(HEAD + "\n\"parameters\": {\"W1\": [[1, 2"));
        assertEquals("m.json, line 2, column 33: the key 'W1' appears twice",
                refusal(HEAD + "\n\"parameters\": {\"W1\": [[1]], \"W1\": [[2]]}}"));
        assertEquals("m.json, line 2, column 30: there is text after the model's closing }",
                refusal(HEAD + "\n\"parameters\": {\"W1\": [[1]]}} {}"));
        assertEquals("m.json, field \"parameters.W1x\": is not a parameter's name (W1, b1, W2, ...)",
                refusal(HEAD + "\"parameters\": {\"W1x\": [[1]]}}"));
        assertEquals("m.json, field \"extra\": is not a field of a model file (it has format, version, preset, parameters)",
                refusal(HEAD + "\"parameters\": {\"W1\": [[1]]}, \"extra\": 0}"));
    }

    @Test
    void aParameterTheNetworkDoesNotHaveOrOfAnotherShapeIsNamed() throws Exception {
        Network net = new Network.Builder(3, Loss.HALF_SQUARED_ERROR)
                .add(new DenseLayer(0, 3, 2, Activation.SIGMOID, BiasMode.TRAINED)).build();
        Path file = dir.resolve("net.json");
        Files.writeString(file, HEAD + "\"parameters\": {\"W1\": [[1, 2, 3], [4, 5, 6]], \"W99\": [[1], [2]]}}");
        ModelFile.Loaded extra = ModelFile.load(file);
        assertEquals("net.json, field \"parameters.W99\": the p network has no parameter W99 (it has W1, b1)",
                assertThrows(ModelFile.ModelFileException.class, () -> extra.restoreInto(net)).getMessage());
        Files.writeString(file, HEAD + "\"parameters\": {\"W1\": [[1, 2, 3, 4], [4, 5, 6, 7]], \"b1\": [[1], [2]]}}");
        ModelFile.Loaded wider = ModelFile.load(file);
        assertEquals("net.json, field \"parameters.W1\": 2 x 4 values, the p network needs 2 x 3",
                assertThrows(ModelFile.ModelFileException.class, () -> wider.restoreInto(net)).getMessage());
    }

    @Test
    void aNetworkWithNaNIsNotSavedUnlessAllowed() throws Exception {
        Network net = new Network.Builder(3, Loss.HALF_SQUARED_ERROR)
                .add(new DenseLayer(0, 3, 2, Activation.SIGMOID, BiasMode.TRAINED)).build();
        Map<String, ImmutableMatrix> values = new java.util.HashMap<>(net.copyParameters());
        values.put("W1", ImmutableMatrix.of(new double[][] {{0, 0, 0}, {0, Double.NaN, 0}}));
        net.restoreParameters(values);
        Path file = dir.resolve("nan.json");
        Files.writeString(file, "good");
        assertEquals("nan.json: not saved, W1, row 2, column 2 is NaN (training diverged); a model with such values"
                + " cannot be loaded again",
                assertThrows(ModelFile.NonFiniteException.class, () -> ModelFile.save(file, "p", net, false)).getMessage());
        assertEquals("good", Files.readString(file));
        ModelFile.save(file, "p", net, true);
        assertEquals("nan.json: field \"layers[0].W\", row 2, column 2 is not a number",
                assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(file)).getMessage());
    }
}
