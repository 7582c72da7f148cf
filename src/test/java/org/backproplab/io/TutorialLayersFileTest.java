package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flatten, dropout and subsampling layers in version-2 model files: their fields, and bad ones refused by name. */
class TutorialLayersFileTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode saved(String preset) throws Exception {
        Network net = MnistLessons.byId(preset).network().apply(2);
        Path file = dir.resolve(preset + ".json");
        ModelFile.save(file, preset, net, List.of(1, 28, 28), null, false);
        return MAPPER.readTree(Files.readAllBytes(file));
    }

    @Test
    void subsamplingIsWrittenWithItsSizeCoefficientsAndBiases() throws Exception {
        JsonNode layers = saved("lenet-1998").get("layers");
        JsonNode s2 = layers.get(1);
        assertEquals("subsampling", s2.get("type").asText());
        assertEquals(2, s2.get("size").asInt());
        assertEquals("tanh", s2.get("activation").asText());
        // the preset starts every coefficient at 1 (a plain average) and every bias at 0
        assertEquals("[1.0,1.0,1.0,1.0,1.0,1.0]", s2.get("coefficient").toString());
        assertEquals("[0.0,0.0,0.0,0.0,0.0,0.0]", s2.get("b").toString());
        assertFalse(s2.has("W"));
        assertEquals("{\"type\":\"flatten\"}", layers.get(4).toString());
    }

    @Test
    void dropoutIsWrittenWithItsRate() throws Exception {
        JsonNode layers = saved("mnist-keras-example").get("layers");
        assertEquals("{\"type\":\"dropout\",\"p\":0.25}", layers.get(3).toString());
        assertEquals("{\"type\":\"flatten\"}", layers.get(4).toString());
        assertEquals("{\"type\":\"dropout\",\"p\":0.5}", layers.get(6).toString());
        assertEquals(9216, layers.get(5).get("W").get(0).size());
    }

    private String refusal(String preset, int layer, String field, JsonNode value) throws Exception {
        ObjectNode root = (ObjectNode) saved(preset);
        ((ObjectNode) root.get("layers").get(layer)).set(field, value);
        Path bad = dir.resolve("bad.json");
        Files.write(bad, MAPPER.writeValueAsBytes(root));
        ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.load(bad));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void badValuesAreRefusedByName() throws Exception {
        String p = refusal("mnist-keras-example", 3, "p", MAPPER.getNodeFactory().numberNode(1.0));
        assertTrue(p.contains("\"layers[3].p\"") && p.contains("below 1"), p);
        String c = refusal("lenet-1998", 1, "coefficient", MAPPER.readTree("[1, 2]"));
        assertTrue(c.contains("\"layers[1].coefficient\"") && c.contains("6 numbers"), c);
        String f = refusal("lenet-1998", 4, "units", MAPPER.getNodeFactory().numberNode(3));
        assertTrue(f.contains("\"layers[4].units\"") && f.contains("not a field"), f);
    }
}
