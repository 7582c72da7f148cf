package org.backproplab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Parameter;
import org.backproplab.io.ModelFile.ModelFileException;

/**
 * The fields of a version-2 model file, after {@link ModelFileReader} has parsed the JSON and read
 * its format and version: every field known and of the right kind, every layer's numbers in
 * range, the layers chaining from the input, and each W and b of the shape its layer needs.
 * Refusals name the field, e.g. {@code m.json, field "layers[2].W": 6 rows, ...} (layers counted
 * from 0, as a JSON path does) or {@code m.json: field "layers[2].W", row 3 has 24 values, ...}.
 */
final class ModelFileV2Reader {
    private static final Set<String> FIELDS = Set.of("format", "version", "preset", "input", "loss", "layers",
            "training");
    private static final Map<String, List<String>> LAYER_FIELDS = Map.of(
            "conv", List.of("type", "filters", "kernel", "stride", "padding", "activation", "W", "b"),
            "maxpool", List.of("type", "size"),
            "subsampling", List.of("type", "size", "activation", "coefficient", "b"),
            "flatten", List.of("type"),
            "dropout", List.of("type", "p"),
            "dense", List.of("type", "units", "activation", "bias", "W", "b"));
    private static final Set<String> TRAINING_FIELDS = Set.of("epochs", "seed", "test_accuracy");
    /** More layers than any network of this app has by far. */
    static final int MAX_LAYERS = 256;

    private final String name;

    ModelFileV2Reader(String name) {
        this.name = name;
    }

    ModelFile.Loaded read(JsonNode root) throws ModelFileException {
        known(root, FIELDS, "", "format, version, preset, input, loss, layers, training");
        JsonNode preset = root.path("preset");
        if (!preset.isTextual() || preset.textValue().isBlank()) {
            throw field("preset", "is missing or not a preset's name");
        }
        List<Integer> input = input(root.path("input"));
        JsonNode layers = root.path("layers");
        if (!layers.isArray() || layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw field("layers", "is missing or not a list of 1 to " + MAX_LAYERS + " layers");
        }
        List<ModelArchitecture.LayerShape> shapes = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            shapes.add(layer(i, layers.get(i)));
        }
        ModelArchitecture architecture = new ModelArchitecture(input, shapes, loss(root.path("loss"), shapes));
        List<int[]> outputs;
        try {
            outputs = architecture.shapes();
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name + ", field " + e.getMessage());
        }
        Map<String, ImmutableMatrix> parameters = new LinkedHashMap<>();
        int[] in = input.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < shapes.size(); i++) {
            int[] w = ModelArchitecture.weightShape(shapes.get(i), in);
            if (w != null) {
                parameters.put(Parameter.weightsName(i), shapes.get(i) instanceof ModelArchitecture.Subsampling
                        ? column(i, layers.get(i).path("coefficient"), w[0], "coefficient", "one per map")
                        : weights(i, layers.get(i).path("W"), w, shapes.get(i), in));
                parameters.put(Parameter.biasName(i), bias(i, layers.get(i).path("b"), w[0]));
            }
            in = outputs.get(i);
        }
        return new ModelFile.Loaded(name, 2, preset.textValue(), parameters, architecture,
                training(root.get("training")));
    }

    private void known(JsonNode object, java.util.Collection<String> fields, String prefix, String list) throws ModelFileException {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw field(prefix + ModelFile.shorten(f), "is not a field of " + (prefix.isEmpty() ? "a model file"
                        : "this object") + " (it has " + list + ")");
            }
        }
    }

    private List<Integer> input(JsonNode node) throws ModelFileException {
        if (!node.isArray() || (node.size() != 1 && node.size() != 3)) {
            throw field("input", "is missing or neither [C, H, W] nor [N]");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode d : node) {
            if (!d.isInt() || d.intValue() < 1) {
                throw field("input", ModelFile.shorten(node.toString()) + " holds " + ModelFile.shorten(d.toString())
                        + ", not a whole number of at least 1");
            }
            out.add(d.intValue());
        }
        return out;
    }

    private Loss loss(JsonNode node, List<ModelArchitecture.LayerShape> shapes) throws ModelFileException {
        if (node.isMissingNode()) {
            ModelArchitecture.LayerShape last = shapes.get(shapes.size() - 1);
            if (last instanceof ModelArchitecture.Dense d && d.activation() == Activation.SOFTMAX) {
                return Loss.SOFTMAX_CROSS_ENTROPY;
            }
            throw field("loss", "is missing (it may be left out only after a softmax layer)");
        }
        try {
            return Loss.fromId(text(node, "loss"));
        } catch (IllegalArgumentException e) {
            throw field("loss", ModelFile.shorten(node.toString()) + " is not a loss of this app");
        }
    }

    private ModelArchitecture.LayerShape layer(int i, JsonNode node) throws ModelFileException {
        String at = "layers[" + i + "]";
        if (!node.isObject()) {
            throw field(at, "is not a layer (an object with a \"type\")");
        }
        JsonNode type = node.path("type");
        List<String> fields = type.isTextual() ? LAYER_FIELDS.get(type.textValue()) : null;
        if (fields == null) {
            throw field(at + ".type", ModelFile.shorten(type.isMissingNode() ? "missing" : type.toString())
                    + " is not a kind of layer (conv, maxpool, subsampling, flatten, dropout or dense)");
        }
        known(node, fields, at + ".", String.join(", ", fields));
        switch (type.textValue()) {
            case "conv":
                return new ModelArchitecture.Conv(whole(node, at, "filters", 1), whole(node, at, "kernel", 1),
                        whole(node, at, "stride", 1), whole(node, at, "padding", 0), activation(node, at));
            case "maxpool":
                return new ModelArchitecture.MaxPool(whole(node, at, "size", 1));
            case "subsampling":
                return new ModelArchitecture.Subsampling(whole(node, at, "size", 1), activation(node, at));
            case "flatten":
                return new ModelArchitecture.Flatten();
            case "dropout":
                JsonNode p = node.path("p");
                if (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() < 1)) {
                    throw field(at + ".p", ModelFile.shorten(p.isMissingNode() ? "missing" : p.toString())
                            + " is not a rate at least 0 and below 1");
                }
                return new ModelArchitecture.Dropout(p.asDouble());
            default:
                BiasMode bias = BiasMode.TRAINED;
                if (node.has("bias")) {
                    try {
                        bias = BiasMode.fromId(text(node.get("bias"), at + ".bias"));
                    } catch (IllegalArgumentException e) {
                        throw field(at + ".bias", ModelFile.shorten(node.get("bias").toString())
                                + " is not trained, frozen or none");
                    }
                }
                return new ModelArchitecture.Dense(whole(node, at, "units", 1), activation(node, at), bias);
        }
    }

    private int whole(JsonNode layer, String at, String key, int min) throws ModelFileException {
        JsonNode v = layer.path(key);
        if (v.isMissingNode()) {
            throw field(at + "." + key, "is missing");
        }
        if (!v.isInt() || v.intValue() < min) {
            throw field(at + "." + key, ModelFile.shorten(v.isMissingNode() ? "missing" : v.toString())
                    + " is not a whole number of at least " + min);
        }
        return v.intValue();
    }

    private Activation activation(JsonNode layer, String at) throws ModelFileException {
        JsonNode v = layer.path("activation");
        try {
            return Activation.fromId(text(v, at + ".activation"));
        } catch (IllegalArgumentException e) {
            throw field(at + ".activation", ModelFile.shorten(v.isMissingNode() ? "missing" : v.toString())
                    + " is not an activation of this app (" + ids() + ")");
        }
    }

    private static String ids() {
        List<String> out = new ArrayList<>();
        for (Activation a : Activation.values()) {
            out.add(a.id());
        }
        return String.join(", ", out);
    }

    private String text(JsonNode v, String at) throws ModelFileException {
        if (!v.isTextual()) {
            throw field(at, ModelFile.shorten(v.isMissingNode() ? "missing" : v.toString()) + " is not a name");
        }
        return v.textValue();
    }

    private ImmutableMatrix weights(int i, JsonNode node, int[] want, ModelArchitecture.LayerShape layer, int[] in)
            throws ModelFileException {
        String at = "layers[" + i + "].W";
        if (!node.isArray() || node.isEmpty()) {
            throw field(at, "is missing or not a matrix (a list of rows)");
        }
        if (node.size() != want[0]) {
            throw field(at, node.size() + " rows, the layer needs " + want[0] + " (one per "
                    + (layer instanceof ModelArchitecture.Conv ? "filter" : "neuron") + ")");
        }
        ImmutableMatrix m = ModelFileReader.matrix(name, "field \"" + at + "\"", node);
        if (m.cols() != want[1]) {
            throw field(at, "rows of " + m.cols() + " values, the layer needs " + want[1] + " ("
                    + (layer instanceof ModelArchitecture.Conv c ? in[0] + " channels x " + c.kernel() + " x " + c.kernel()
                    : "one per input") + ")");
        }
        return m;
    }

    private ImmutableMatrix bias(int i, JsonNode node, int want) throws ModelFileException {
        return column(i, node, want, "b", "one per row of W");
    }

    /** A list of {@code want} numbers as a column: a bias, or a subsampling layer's coefficients. */
    private ImmutableMatrix column(int i, JsonNode node, int want, String key, String what) throws ModelFileException {
        String at = "layers[" + i + "]." + key;
        if (!node.isArray() || node.size() != want) {
            throw field(at, "is missing or not a list of " + want + " numbers (" + what + ")");
        }
        double[] b = ModelFileReader.numbers(name, "field \"" + at + "\",", node);
        double[][] column = new double[want][];
        for (int r = 0; r < want; r++) {
            column[r] = new double[] {b[r]};
        }
        return ImmutableMatrix.of(column);
    }

    private ModelFile.Training training(JsonNode node) throws ModelFileException {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw field("training", "is not an object");
        }
        known(node, TRAINING_FIELDS, "training.", "epochs, seed, test_accuracy");
        Integer epochs = null;
        Long seed = null;
        Double accuracy = null;
        if (node.has("epochs")) {
            if (!node.get("epochs").isInt() || node.get("epochs").intValue() < 0) {
                throw field("training.epochs", ModelFile.shorten(node.get("epochs").toString())
                        + " is not a whole number of at least 0");
            }
            epochs = node.get("epochs").intValue();
        }
        if (node.has("seed")) {
            if (!node.get("seed").isIntegralNumber() || !node.get("seed").canConvertToLong()) {
                throw field("training.seed", ModelFile.shorten(node.get("seed").toString()) + " is not a 64-bit whole number");
            }
            seed = node.get("seed").longValue();
        }
        if (node.has("test_accuracy")) {
            JsonNode a = node.get("test_accuracy");
            if (!a.isNumber() || !(a.asDouble() >= 0 && a.asDouble() <= 1)) {
                throw field("training.test_accuracy", ModelFile.shorten(a.toString()) + " is not a fraction from 0 to 1");
            }
            accuracy = a.asDouble();
        }
        return new ModelFile.Training(epochs, seed, accuracy);
    }

    private ModelFileException field(String field, String problem) {
        return new ModelFileException(name + ", field \"" + field + "\": " + problem);
    }
}
