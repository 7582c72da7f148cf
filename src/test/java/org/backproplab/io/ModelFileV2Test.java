package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Version-2 model files: they rebuild their network alone, their layouts are PyTorch's, bad ones are named. */
class ModelFileV2Test {
    @TempDir
    Path dir;

    private static DMatrixRMaj randomInputs(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, 784);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextDouble();
        }
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mnist-cnn-small", "mnist-lenet", "mnist-mlp", "lenet-1998", "mnist-from-scratch",
        "mnist-keras-example"})
    void aSavedFileRebuildsTheSameNetworkBitForBit(String preset) throws Exception {
        Network original = MnistLessons.byId(preset).network().apply(7);
        Path file = dir.resolve(preset + ".json");
        ModelFile.save(file, preset, original, List.of(1, 28, 28), new ModelFile.Training(3, 7L, 0.5), false);
        ModelFile.Loaded loaded = ModelFile.load(file);
        assertEquals(2, loaded.version());
        assertEquals(List.of(1, 28, 28), loaded.architecture().input());
        assertEquals(new ModelFile.Training(3, 7L, 0.5), loaded.training());
        Network rebuilt = loaded.buildNetwork();
        assertEquals(original.copyParameters(), rebuilt.copyParameters());
        DMatrixRMaj x = randomInputs(5, 3);
        double[][] want = original.predict(x).toArray();
        double[][] got = rebuilt.predict(x).toArray();
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                assertEquals(Double.doubleToRawLongBits(want[i][j]), Double.doubleToRawLongBits(got[i][j]),
                        "output " + i + ", " + j);
            }
        }
        // the file also goes back into the preset's own network
        Network fresh = MnistLessons.byId(preset).network().apply(99);
        loaded.restoreInto(fresh);
        assertEquals(original.copyParameters(), fresh.copyParameters());
    }

    /** A v2 file: input [2, 3, 3], a conv layer (1 filter 2x2, identity) and a dense layer of 1 neuron. */
    private static String tiny(String convW, String denseW) {
        return "{\"format\": \"backprop-lab-model\", \"version\": 2, \"preset\": \"tiny\", \"input\": [2, 3, 3],"
                + " \"loss\": \"mean-squared-error\", \"layers\": ["
                + "{\"type\": \"conv\", \"filters\": 1, \"kernel\": 2, \"stride\": 1, \"padding\": 0,"
                + " \"activation\": \"identity\", \"W\": [" + convW + "], \"b\": [0.5]},"
                + "{\"type\": \"dense\", \"units\": 1, \"activation\": \"identity\", \"W\": [" + denseW + "], \"b\": [0]}]}";
    }

    private ModelFile.Loaded read(String json) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, json);
        return ModelFile.load(file);
    }

    @Test
    void convWeightsAreChannelRowColumnAndDenseInputsFlattenTheSameWay() throws Exception {
        // x = 1, 2, ..., 18: channel 0 holds 1..9, channel 1 holds 10..18, each row by row.
        // The conv row W = (c0: 1 0 / 0 0, c1: 0 0 / 0 1) adds the top-left tap of channel 0 and the
        // bottom-right tap of channel 1: out(0,0) = 1 + 14 + 0.5 = 15.5, out(0,1) = 2 + 15 + 0.5 = 17.5,
        // out(1,0) = 4 + 17 + 0.5 = 21.5, out(1,1) = 5 + 18 + 0.5 = 23.5 (PyTorch: weight[0, c, ky, kx]).
        // The dense row (1, 10, 100, 1000) reads them in flatten order (channel, row, column):
        // 15.5 + 175 + 2150 + 23500 = 25840.5.
        Network net = read(tiny("[1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, 100, 1000]")).buildNetwork();
        double[] x = new double[18];
        for (int i = 0; i < 18; i++) {
            x[i] = i + 1;
        }
        ImmutableMatrix out = net.predict(new DMatrixRMaj(1, 18, true, x));
        assertEquals(25840.5, out.get(0, 0), 0);
        assertEquals(List.of(15.5, 17.5, 21.5, 23.5), boxed(net.activationValues(0).rowValues(0)));
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    @Test
    void aVersionOneFileStillLoadsIntoItsPresetsNetwork() throws Exception {
        Network lenet = MnistLessons.byId("mnist-lenet").network().apply(5);
        // version 1 as it was written: {"parameters": {"W1": [[...]], "b1": [[...]], ...}}
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("format", "backprop-lab-model").put("version", 1)
                .put("preset", "mnist-lenet");
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, ImmutableMatrix> e : lenet.copyParameters().entrySet()) {
            params.set(e.getKey(), mapper.valueToTree(e.getValue().toArray()));
        }
        ModelFile.Loaded v1 = read(mapper.writeValueAsString(root));
        assertEquals(1, v1.version());
        assertNull(v1.architecture());
        Network rebuilt = v1.buildNetwork();
        assertEquals(lenet.copyParameters(), rebuilt.copyParameters());
        DMatrixRMaj x = randomInputs(2, 4);
        assertEquals(lenet.predict(x), rebuilt.predict(x));
        Network other = MnistLessons.byId("mnist-lenet").network().apply(6);
        v1.restoreInto(other);
        assertEquals(lenet.copyParameters(), other.copyParameters());
    }

    @Test
    void aNetworkWhoseLayersAreNotTheFilesIsRefusedNamingTheLayer() throws Exception {
        ModelFile.Loaded file = read(tiny("[1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, 100, 1000]"));
        ModelArchitecture sigmoid = new ModelArchitecture(List.of(2, 3, 3), List.of(
                new ModelArchitecture.Conv(1, 2, 1, 0, Activation.SIGMOID),
                new ModelArchitecture.Dense(1, Activation.IDENTITY, BiasMode.TRAINED)), Loss.MEAN_SQUARED_ERROR);
        assertEquals("m.json, field \"layers[0]\": the file's layer is conv 1 filters 2x2, stride 1, padding 0, identity,"
                + " the network's is conv 1 filters 2x2, stride 1, padding 0, sigmoid",
                assertThrows(ModelFile.ModelFileException.class, () -> file.restoreInto(sigmoid.build())).getMessage());
    }

    private String refusal(String json) throws Exception {
        return assertThrows(ModelFile.ModelFileException.class, () -> read(json)).getMessage();
    }

    @Test
    void eachBrokenPartIsRefusedWithItsFieldNamed() throws Exception {
        String good = tiny("[1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, 100, 1000]");
        assertEquals("m.json, field \"layers[0].W\": 2 rows, the layer needs 1 (one per filter)",
                refusal(tiny("[1, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, 100, 1000]")));
        assertEquals("m.json, field \"layers[0].W\": rows of 4 values, the layer needs 8 (2 channels x 2 x 2)",
                refusal(tiny("[1, 0, 0, 0]", "[1, 10, 100, 1000]")));
        assertEquals("m.json, field \"layers[1].W\": rows of 3 values, the layer needs 4 (one per input)",
                refusal(tiny("[1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, 100]")));
        assertEquals("m.json: field \"layers[1].W\", row 1, column 3 is not a number",
                refusal(tiny("[1, 0, 0, 0, 0, 0, 0, 1]", "[1, 10, \"x\", 1000]")));
        assertEquals("m.json, field \"layers[0].b\": is missing or not a list of 1 numbers (one per row of W)",
                refusal(good.replace("\"b\": [0.5]", "\"b\": [0.5, 1]")));
        assertEquals("m.json, field \"layers[1].type\": \"pool\" is not a kind of layer (conv, maxpool, subsampling, "
                + "flatten, dropout or dense)",
                refusal(good.replace("\"type\": \"dense\"", "\"type\": \"pool\"")));
        assertEquals("m.json, field \"layers[0].stride\": is missing",
                refusal(good.replace("\"stride\": 1, ", "")));
        assertEquals("m.json, field \"layers[0].kernel\": 2.0 is not a whole number of at least 1",
                refusal(good.replace("\"kernel\": 2,", "\"kernel\": 2.0,")));
        assertEquals("m.json, field \"layers[1].activation\": \"swish\" is not an activation of this app (identity,"
                + " sigmoid, tanh, relu, leaky-relu, softmax)",
                refusal(good.replace("\"activation\": \"identity\", \"W\": [[1, 10", "\"activation\": \"swish\", \"W\": [[1, 10")));
        assertEquals("m.json, field \"layers[0].units\": is not a field of this object (it has type, filters, kernel,"
                + " stride, padding, activation, W, b)",
                refusal(good.replace("\"filters\": 1,", "\"filters\": 1, \"units\": 3,")));
        assertEquals("m.json, field \"layers[0]\": 1 filters of 4 x 4, stride 1, padding 0 do not fit its 3 x 3 input",
                refusal(good.replace("\"kernel\": 2", "\"kernel\": 4")));
        assertEquals("m.json, field \"input\": is missing or neither [C, H, W] nor [N]",
                refusal(good.replace("\"input\": [2, 3, 3]", "\"input\": [2, 3]")));
        assertEquals("m.json, field \"layers[0]\": a conv layer needs an input of C x H x W, it gets 18 values in a row",
                refusal(good.replace("\"input\": [2, 3, 3]", "\"input\": [18]")));
        assertEquals("m.json, field \"loss\": is missing (it may be left out only after a softmax layer)",
                refusal(good.replace("\"loss\": \"mean-squared-error\",", "")));
        assertEquals("m.json, field \"parameters\": is not a field of a model file (it has format, version, preset, input,"
                + " loss, layers, training)", refusal(good.replace("\"input\"", "\"parameters\": {}, \"input\"")));
        assertEquals("m.json, field \"training.test_accuracy\": 97.5 is not a fraction from 0 to 1",
                refusal(good.replace("]}]}", "]}], \"training\": {\"test_accuracy\": 97.5}}")));
        assertEquals("m.json, line 1, column 192: the key 'stride' appears twice",
                refusal(good.replace("\"stride\": 1,", "\"stride\": 1, \"stride\": 1,")));
    }
}
