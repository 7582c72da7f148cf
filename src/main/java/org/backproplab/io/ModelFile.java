package org.backproplab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;

/**
 * A trained model on disk, as JSON:
 * <pre>
 * {"format": "backprop-lab-model", "version": 1, "preset": "mnist-lenet",
 *  "parameters": {"W1": [[...], ...], "b1": [[...], ...], ...}}
 * </pre>
 * Parameters are named as in the engine (W and b, layers counted from 1), each a matrix as rows
 * (W: one row per neuron or filter; b: one row per neuron, one column). Written atomically: a
 * crash leaves the old file or the new one, never half of one.
 */
public final class ModelFile {
    public static final String FORMAT = "backprop-lab-model";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFile() {
    }

    /** A model file that cannot be used; the message names the file and what is wrong. */
    public static final class ModelFileException extends Exception {
        private static final long serialVersionUID = 1L;

        ModelFileException(String message) {
            super(message);
        }
    }

    /** What a model file holds. */
    public record Loaded(String preset, Map<String, ImmutableMatrix> parameters) {
    }

    public static void save(Path file, String preset, Network network) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("preset", preset);
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, ImmutableMatrix> e : network.copyParameters().entrySet()) {
            ArrayNode rows = params.putArray(e.getKey());
            ImmutableMatrix m = e.getValue();
            for (int r = 0; r < m.rows(); r++) {
                ArrayNode row = rows.addArray();
                for (int c = 0; c < m.cols(); c++) {
                    row.add(m.get(r, c));
                }
            }
        }
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public static Loaded load(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ModelFileException(name + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ModelFileException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ModelFileException(name + ": not a Backprop Lab model (\"format\" is not \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new ModelFileException(name + ": model format version " + root.path("version") + ", this app reads "
                    + VERSION);
        }
        String preset = root.path("preset").asText("");
        JsonNode params = root.path("parameters");
        if (preset.isEmpty() || !params.isObject()) {
            throw new ModelFileException(name + ": \"preset\" or \"parameters\" is missing");
        }
        Map<String, ImmutableMatrix> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode rows = e.getValue();
            if (!rows.isArray() || rows.isEmpty()) {
                throw new ModelFileException(name + ": parameter " + e.getKey() + " is not a matrix");
            }
            double[][] m = new double[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                if (!row.isArray()) {
                    throw new ModelFileException(name + ": parameter " + e.getKey() + ", row " + (r + 1)
                            + " is not a list of numbers");
                }
                if (row.size() != rows.get(0).size()) {
                    throw new ModelFileException(name + ": parameter " + e.getKey() + ", row " + (r + 1) + " has "
                            + row.size() + " values, row 1 has " + rows.get(0).size());
                }
                m[r] = new double[row.size()];
                for (int c = 0; c < row.size(); c++) {
                    if (!row.get(c).isNumber()) {
                        throw new ModelFileException(name + ": parameter " + e.getKey() + ", row " + (r + 1) + ", column "
                                + (c + 1) + " is not a number");
                    }
                    m[r][c] = row.get(c).asDouble();
                }
            }
            out.put(e.getKey(), ImmutableMatrix.of(m));
        }
        return new Loaded(preset, out);
    }
}
