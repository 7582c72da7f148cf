package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code summary PRESET}: Keras's model.summary() table, checked against the one Keras prints. */
class SummaryCommandTest {

    /** What Keras 2 prints for examples/mnist_cnn.py (trailing spaces left out here, checked apart). */
    private static final String KERAS = """
            _________________________________________________________________
            Layer (type)                 Output Shape              Param #
            =================================================================
            conv2d_1 (Conv2D)            (None, 26, 26, 32)        320
            _________________________________________________________________
            conv2d_2 (Conv2D)            (None, 24, 24, 64)        18496
            _________________________________________________________________
            max_pooling2d_1 (MaxPooling2 (None, 12, 12, 64)        0
            _________________________________________________________________
            dropout_1 (Dropout)          (None, 12, 12, 64)        0
            _________________________________________________________________
            flatten_1 (Flatten)          (None, 9216)              0
            _________________________________________________________________
            dense_1 (Dense)              (None, 128)               1179776
            _________________________________________________________________
            dropout_2 (Dropout)          (None, 128)               0
            _________________________________________________________________
            dense_2 (Dense)              (None, 10)                1290
            =================================================================
            Total params: 1,199,882
            Trainable params: 1,199,882
            Non-trainable params: 0
            _________________________________________________________________
            """;

    @Test
    void theKerasExampleMatchesKerasLineForLine() {
        CliRun run = CliRun.of("summary", "mnist-keras-example");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            stripped.add(line.stripTrailing());
            // Keras pads the table rows to its line length of 65
            if (!line.startsWith("Total") && !line.contains("params:")) {
                assertEquals(65, line.length(), "'" + line + "'");
            }
        }
        assertEquals(KERAS.lines().toList(), stripped);
    }

    @Test
    void jsonHoldsTheSameNumbers() {
        CliRun run = CliRun.of("summary", "mnist-keras-example", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = run.jsonLines().get(0);
        long[] params = {320, 18_496, 0, 0, 0, 1_179_776, 0, 1_290};
        String[] shapes = {"[26,26,32]", "[24,24,64]", "[12,12,64]", "[12,12,64]", "[9216]", "[128]", "[128]", "[10]"};
        JsonNode layers = root.get("layers");
        assertEquals(params.length, layers.size());
        for (int i = 0; i < params.length; i++) {
            assertEquals(params[i], layers.get(i).get("parameters").asLong(), layers.get(i).toString());
            assertEquals(shapes[i], layers.get(i).get("output_shape").toString());
        }
        // conv 32 x (3 x 3 x 1 + 1) = 320, conv 64 x (3 x 3 x 32 + 1), dense 128 x (12 x 12 x 64 + 1), dense 10 x 129
        assertEquals(32 * 10 + 64 * (9 * 32 + 1) + 128 * (12 * 12 * 64 + 1) + 10 * 129, root.get("total").asLong());
        assertEquals(1_199_882, root.get("total").asLong());
        assertEquals(0, root.get("non_trainable").asLong());
        assertEquals("dropout_2", layers.get(6).get("name").asText());
    }

    @Test
    void leNet1998HasACoefficientAndABiasPerSubsampledMap() {
        JsonNode layers = CliRun.of("summary", "lenet-1998", "--json").jsonLines().get(0).get("layers");
        assertEquals("Subsampling", layers.get(1).get("type").asText());
        assertEquals(2 * 6, layers.get(1).get("parameters").asLong());
        assertEquals("[14,14,6]", layers.get(1).get("output_shape").toString());
        assertEquals(2 * 16, layers.get(3).get("parameters").asLong());
        assertEquals("Flatten", layers.get(4).get("type").asText());
        // C1 6 x (25 + 1), C3 16 x (6 x 25 + 1), 120 x 401, 84 x 121, 10 x 85
        assertEquals(156 + 12 + 2416 + 32 + 48_120 + 10_164 + 850, CliRun.of("summary", "lenet-1998", "--json")
                .jsonLines().get(0).get("total").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist-cnn-small", "mnist-lenet", "mnist-mlp", "mnist-from-scratch"})
    void everyDigitsPresetHasATable(String preset) {
        CliRun run = CliRun.of("summary", preset);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Total params: "), run.out());
    }

    @Test
    void anUnknownPresetIsOneLine() {
        CliRun run = CliRun.of("summary", "xor");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().split("\n").length, run.err());
        assertTrue(run.err().contains("unknown digits preset 'xor'"), run.err());
        assertTrue(run.err().contains("mnist-keras-example"), run.err());
    }
}
