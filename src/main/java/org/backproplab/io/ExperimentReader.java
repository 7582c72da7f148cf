package org.backproplab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.OptimizerState;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Stage;
import org.backproplab.io.ExperimentFile.Curve;
import org.backproplab.io.ExperimentFile.Experiment;
import org.backproplab.io.ExperimentFile.ExperimentException;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * Reads an experiment file strictly: its size before a byte is read, JSON within small limits,
 * keys once, nothing after the object, format and version (a newer version is refused, naming
 * it), no unknown field, every value of the right kind and range, and every matrix of the shape
 * the lesson's network needs. Each refusal names the file and the place: {@code line L, column C}
 * for broken JSON, {@code field "a.b[2]"} for a value.
 */
final class ExperimentReader implements ExperimentPlayground.Fields {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(64)
                    .maxStringLength(1_000).maxNameLength(1_000).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final String name;

    private ExperimentReader(String name) {
        this.name = name;
    }

    static Experiment read(Path file, long maxBytes) throws ExperimentException {
        ExperimentReader reader = new ExperimentReader(String.valueOf(file.getFileName()));
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw reader.fail(": the file is " + size + " bytes, an experiment is at most " + maxBytes);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw reader.fail(": no such file");
        } catch (IOException | OutOfMemoryError e) {
            throw reader.fail(": cannot be read (" + ModelFileReader.shorten(String.valueOf(e.getMessage())) + ")");
        }
        return reader.parse(bytes);
    }

    static Experiment read(String name, byte[] bytes) throws ExperimentException {
        return new ExperimentReader(name).parse(bytes);
    }

    private ExperimentException fail(String rest) {
        return new ExperimentException(name + rest);
    }

    @Override
    public ExperimentException field(String field, String problem) {
        return new ExperimentException(name + ", field \"" + field + "\": " + problem);
    }

    private ExperimentException at(JsonLocation where, String problem) {
        if (where == null || where.getLineNr() < 1) {
            return fail(": " + problem);
        }
        return fail(", line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + problem);
    }

    private Experiment parse(byte[] bytes) throws ExperimentException {
        JsonNode root;
        JsonParser p = null;
        try {
            p = MAPPER.createParser(bytes);
            root = MAPPER.readTree(p);
            if (root != null && p.nextToken() != null) {
                throw at(p.currentTokenLocation(), "there is text after the experiment's closing }");
            }
        } catch (StreamConstraintsException e) {
            throw at(p == null ? null : p.currentTokenLocation(), "the JSON goes over a limit ("
                    + ModelFileReader.shorten(String.valueOf(e.getMessage())) + ")");
        } catch (JsonProcessingException e) {
            String m = String.valueOf(e.getOriginalMessage());
            String problem = m.startsWith("Unexpected end-of-input") ? "the file ends in the middle of the JSON (was it cut short?)"
                    : m.startsWith("Duplicate field ") ? "the key " + ModelFileReader.shorten(m.substring(16)) + " appears twice"
                    : "not valid JSON (" + ModelFileReader.shorten(m.contains("): ") ? m.substring(0, m.indexOf("): ") + 1) : m) + ")";
            throw at(e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation(), problem);
        } catch (IOException e) {
            throw fail(": cannot be read as UTF-8 text (" + ModelFileReader.shorten(String.valueOf(e.getMessage())) + ")");
        }
        if (root == null || !root.isObject()) {
            throw fail(": not a Backprop Lab experiment (it does not hold a JSON object)");
        }
        return fields(root);
    }

    private Experiment fields(JsonNode root) throws ExperimentException {
        if (!root.path("format").isTextual() || !ExperimentFile.FORMAT.equals(root.path("format").textValue())) {
            throw fail(": not a Backprop Lab experiment (\"format\" is not \"" + ExperimentFile.FORMAT + "\")");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() < 1) {
            throw field("version", "is missing or not a version number");
        }
        if (version.intValue() > ExperimentFile.VERSION) {
            throw field("version", "the file is version " + version.intValue() + ", written by a newer Backprop Lab; "
                    + "this one reads versions up to " + ExperimentFile.VERSION);
        }
        if (ExperimentFile.DIGITS.equals(root.path("tab").textValue())) {
            return ExperimentDigits.read(root, version.intValue(), this);
        }
        known(root, "", "format", "version", "tab", "lesson", "settings", "data", "playground", "position",
                "parameters", "optimizer_state", "curve", "test_curve", "predict");
        String tab = text(root, "tab");
        if (!ExperimentFile.tabs().contains(tab)) {
            throw field("tab", "\"" + ModelFileReader.shorten(tab) + "\" is not a tab (it may be " + ExperimentFile.tabs() + ")");
        }
        String lessonId = text(root, "lesson");
        boolean playground = ExperimentFile.PLAYGROUND.equals(tab);
        if (playground ? !org.backproplab.lesson.PlaygroundLessons.all().containsKey(lessonId)
                : !Lessons.ids().contains(lessonId)) {
            throw field("lesson", "\"" + ModelFileReader.shorten(lessonId) + "\" is not a lesson of this app");
        }
        JsonNode s = object(root, "settings");
        known(s, "settings.", "bias", "optimizer", "learning_rate", "momentum", "beta1", "beta2", "eps", "batch_size",
                "seed");
        BiasMode bias;
        try {
            bias = BiasMode.fromId(text(s, "settings.bias"));
        } catch (IllegalArgumentException e) {
            throw field("settings.bias", "is not frozen, trained or none");
        }
        OptimizerSpec optimizer = optimizer(s, "bias", "batch_size", "seed");
        int batchSize = (int) integer(s, "settings.batch_size", 0, Integer.MAX_VALUE);
        long seed = integer(s, "settings.seed", Long.MIN_VALUE, Long.MAX_VALUE);
        PlaygroundSpec spec = null;
        Lesson lesson;
        if (playground) {
            if (root.has("data")) {
                throw field("data", "a playground experiment holds its data in \"playground\"");
            }
            spec = ExperimentPlayground.read(object(root, "playground"), optimizer, batchSize, bias, seed, this);
            try {
                lesson = spec.toLesson(lessonId);
            } catch (RuntimeException e) {
                throw field("playground", ModelFileReader.shorten(String.valueOf(e.getMessage())));
            }
        } else {
            if (root.has("playground") || root.has("test_curve")) {
                throw field(root.has("playground") ? "playground" : "test_curve", "is only for a playground experiment");
            }
            lesson = Lessons.byId(lessonId).withBiasMode(bias);
        }
        Network network = lesson.buildNetwork(0);
        ImmutableMatrix inputs;
        ImmutableMatrix targets;
        if (playground) {
            inputs = lesson.train().inputs();
            targets = lesson.train().targets();
        } else {
            JsonNode data = object(root, "data");
            known(data, "data.", "inputs", "targets");
            inputs = matrix(data.path("inputs"), "data.inputs", -1, network.inputSize());
            targets = matrix(data.path("targets"), "data.targets", inputs.rows(), network.outputSize());
        }
        JsonNode pos = object(root, "position");
        known(pos, "position.", "iteration", "epoch", "cursor", "stages_done");
        long iteration = integer(pos, "position.iteration", 0, Long.MAX_VALUE);
        int epoch = (int) integer(pos, "position.epoch", 0, Integer.MAX_VALUE);
        int cursor = (int) integer(pos, "position.cursor", 0, inputs.rows() - 1);
        int stages = Stage.count(network.layerCount());
        int stagesDone = (int) integer(pos, "position.stages_done", 0, stages);
        Checkpoint start = checkpoint(root, network, optimizer, iteration, epoch, cursor);
        return new Experiment(tab, lessonId, bias, optimizer, batchSize, seed, new Samples(inputs, targets), start,
                stagesDone, curve(root, "curve"), spec, playground && root.has("test_curve") ? curve(root, "test_curve")
                : null, root.has("predict") ? predict(root, playground) : null, null);
    }

    /** "parameters" (every one of {@code network}'s, of its shape) and "optimizer_state", at the position given. */
    Checkpoint checkpoint(JsonNode root, Network network, OptimizerSpec optimizer, long iteration, int epoch, int cursor)
            throws ExperimentException {
        Map<String, ImmutableMatrix> shapes = network.copyParameters();
        JsonNode params = object(root, "parameters");
        known(params, "parameters.", shapes.keySet().toArray(String[]::new));
        Map<String, ImmutableMatrix> parameters = new HashMap<>();
        for (Map.Entry<String, ImmutableMatrix> e : shapes.entrySet()) {
            String f = "parameters." + e.getKey();
            parameters.put(e.getKey(), matrix(params.path(e.getKey()), f, e.getValue().rows(), e.getValue().cols()));
        }
        JsonNode state = object(root, "optimizer_state");
        known(state, "optimizer_state.", "steps", "buffers");
        long steps = integer(state, "optimizer_state.steps", 0, Long.MAX_VALUE);
        JsonNode buffers = object(state, "optimizer_state.buffers");
        known(buffers, "optimizer_state.buffers.", shapes.keySet().toArray(String[]::new));
        List<String> slotNames = ExperimentFile.slots(optimizer);
        Map<String, Map<String, ImmutableMatrix>> slots = new HashMap<>();
        for (Map.Entry<String, ImmutableMatrix> e : shapes.entrySet()) {
            if (!buffers.has(e.getKey())) {
                continue;
            }
            String f = "optimizer_state.buffers." + e.getKey();
            JsonNode of = object(buffers, f);
            known(of, f + ".", slotNames.toArray(String[]::new));
            Map<String, ImmutableMatrix> m = new HashMap<>();
            for (String slot : slotNames) {
                m.put(slot, matrix(of.path(slot), f + "." + slot, e.getValue().rows(), e.getValue().cols()));
            }
            slots.put(e.getKey(), m);
        }
        return new Checkpoint(parameters, new OptimizerState(steps, slots), epoch, cursor, iteration);
    }

    /** {"kinds": [ids], "perStage": 0 to 99}: predict mode's questions, a Step-tab experiment only. */
    private ExperimentFile.Predict predict(JsonNode root, boolean playground) throws ExperimentException {
        if (playground) {
            throw field("predict", "is only for a Step-by-step experiment");
        }
        JsonNode p = object(root, "predict");
        known(p, "predict.", "kinds", "perStage");
        JsonNode kinds = p.path("kinds");
        if (!kinds.isArray()) {
            throw field("predict.kinds", "must be a list of the kinds of value asked");
        }
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (!kinds.get(i).isTextual()) {
                throw field("predict.kinds[" + i + "]", "must be the id of a kind of value, in quotes");
            }
            ids.add(kinds.get(i).asText());
        }
        return new ExperimentFile.Predict(ids, (int) integer(p, "predict.perStage", 0, 99));
    }

    /** The optimizer of "settings", whose other fields may be {@code others}. */
    OptimizerSpec optimizer(JsonNode s, String... others) throws ExperimentException {
        String id = text(s, "settings.optimizer");
        double lr = positive(s, "settings.learning_rate");
        switch (id) {
            case "sgd" -> {
                known(s, "settings.", settings(others, "optimizer", "learning_rate"));
                return new OptimizerSpec.Sgd(lr);
            }
            case "momentum" -> {
                known(s, "settings.", settings(others, "optimizer", "learning_rate", "momentum"));
                return new OptimizerSpec.Momentum(lr, fraction(s, "settings.momentum"));
            }
            case "adam" -> {
                known(s, "settings.", settings(others, "optimizer", "learning_rate", "beta1", "beta2", "eps"));
                return new OptimizerSpec.Adam(lr, fraction(s, "settings.beta1"), fraction(s, "settings.beta2"),
                        positive(s, "settings.eps"));
            }
            default -> throw field("settings.optimizer", "\"" + ModelFileReader.shorten(id)
                    + "\" is not sgd, momentum or adam");
        }
    }

    /** The optimizer's fields, then {@code others}. */
    private static String[] settings(String[] others, String... optimizer) {
        return Stream.concat(Stream.of(optimizer), Stream.of(others)).toArray(String[]::new);
    }

    Curve curve(JsonNode root, String name) throws ExperimentException {
        JsonNode c = object(root, name);
        known(c, name + ".", "iterations", "losses");
        JsonNode xs = c.path("iterations");
        JsonNode ys = c.path("losses");
        if (!xs.isArray() || !ys.isArray() || xs.size() != ys.size()) {
            throw field(name, "needs two lists, iterations and losses, of the same length");
        }
        long[] x = new long[xs.size()];
        double[] y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
            if (!xs.get(i).canConvertToLong() || !xs.get(i).isIntegralNumber() || xs.get(i).longValue() < 1) {
                throw field(name + ".iterations[" + i + "]", "is not an iteration number (1 or more)");
            }
            x[i] = xs.get(i).longValue();
            y[i] = number(ys.get(i), name + ".losses[" + i + "]");
        }
        return new Curve(x, y);
    }

    /** Refuses any field of {@code node} not in {@code fields}, naming it and the ones it may have. */
    @Override
    public void known(JsonNode node, String prefix, String... fields) throws ExperimentException {
        List<String> allowed = List.of(fields);
        for (var it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw field(prefix + ModelFileReader.shorten(f), "is not a field of an experiment here (there may be "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    JsonNode object(JsonNode node, String path) throws ExperimentException {
        JsonNode v = node.path(last(path));
        if (!v.isObject()) {
            throw field(path, v.isMissingNode() ? "is missing" : "is not an object {...}");
        }
        return v;
    }

    String text(JsonNode node, String path) throws ExperimentException {
        JsonNode v = node.path(last(path));
        if (!v.isTextual()) {
            throw field(path, v.isMissingNode() ? "is missing" : "is not a text");
        }
        return v.textValue();
    }

    @Override
    public long integer(JsonNode node, String path, long min, long max) throws ExperimentException {
        JsonNode v = node.path(last(path));
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw field(path, (v.isMissingNode() ? "is missing" : ModelFileReader.shorten(v.toString()) + " is not")
                    + " a whole number from " + min + " to " + max);
        }
        return v.longValue();
    }

    private double positive(JsonNode node, String path) throws ExperimentException {
        double v = number(node.path(last(path)), path);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw field(path, "must be a number greater than 0, not " + v);
        }
        return v;
    }

    private double fraction(JsonNode node, String path) throws ExperimentException {
        double v = number(node.path(last(path)), path);
        if (!(v >= 0 && v < 1)) {
            throw field(path, "must be a number from 0 to below 1, not " + v);
        }
        return v;
    }

    /** A number, or one of the strings "NaN", "Infinity", "-Infinity" the writer uses for them. */
    @Override
    public double number(JsonNode v, String path) throws ExperimentException {
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isInfinite(d)) {
                throw field(path, "is too large for a double");
            }
            return d;
        }
        if (v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.textValue())) {
            return Double.parseDouble(v.textValue());
        }
        throw field(path, v.isMissingNode() ? "is missing" : "is not a number");
    }

    /** A matrix of {@code rows} (any count when negative) by {@code cols} numbers. */
    ImmutableMatrix matrix(JsonNode v, String path, int rows, int cols) throws ExperimentException {
        if (!v.isArray() || v.isEmpty() || rows >= 0 && v.size() != rows) {
            throw field(path, v.isMissingNode() ? "is missing" : "must be a list of " + (rows >= 0 ? rows + " " : "")
                    + "rows of " + cols + " numbers");
        }
        double[][] m = new double[v.size()][cols];
        for (int r = 0; r < v.size(); r++) {
            JsonNode row = v.get(r);
            if (!row.isArray() || row.size() != cols) {
                throw field(path + "[" + r + "]", "must be a list of " + cols + " numbers");
            }
            for (int c = 0; c < cols; c++) {
                m[r][c] = number(row.get(c), path + "[" + r + "][" + c + "]");
            }
        }
        return ImmutableMatrix.of(m);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
