package org.backproplab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.data.Task;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.io.ExperimentFile.ExperimentException;
import org.backproplab.lesson.InitKind;
import org.backproplab.lesson.OutputKind;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * The {@code "playground"} object of a playground experiment: the data (a generated shape with its
 * noise, split and seed, or the user's own points), the features, the hidden layers, the output,
 * the initialisation, the regularisation and the epochs of the set-up. The optimizer, batch size,
 * bias mode and seed are the experiment's {@code settings}.
 */
final class ExperimentPlayground {
    private ExperimentPlayground() {
    }

    static void write(ObjectNode node, PlaygroundSpec spec) {
        node.put("shape", spec.shape().id());
        node.put("points", spec.points());
        node.put("noise", spec.noise());
        node.put("train_fraction", spec.trainFraction());
        node.put("data_seed", spec.dataSeed());
        ArrayNode features = node.putArray("features");
        spec.features().forEach(f -> features.add(f.id()));
        ArrayNode hidden = node.putArray("hidden");
        for (PlaygroundSpec.Hidden h : spec.hidden()) {
            hidden.addObject().put("size", h.size()).put("activation", h.activation().id());
        }
        node.put("output", spec.output().id());
        node.put("init", spec.init().id());
        node.put("regularization", spec.regularization().kind().name().toLowerCase(Locale.ROOT));
        node.put("regularization_rate", spec.regularization().rate());
        node.put("epochs", spec.epochs());
        if (spec.custom() != null) {
            ObjectNode custom = node.putObject("custom");
            DataSet d = spec.custom();
            custom.put("task", d.task().name().toLowerCase(Locale.ROOT));
            custom.put("classes", d.classes());
            points(custom.putArray("train"), d.train());
            points(custom.putArray("test"), d.test());
        }
    }

    private static void points(ArrayNode out, List<DataPoint> points) {
        for (DataPoint p : points) {
            out.addArray().add(p.x1()).add(p.x2()).add(p.label());
        }
    }

    /** Reads the object; {@code f} makes a refusal for a field path. */
    static PlaygroundSpec read(JsonNode n, OptimizerSpec optimizer, int batchSize, BiasMode bias, long seed,
            Fields f) throws ExperimentException {
        f.known(n, "playground.", "shape", "points", "noise", "train_fraction", "data_seed", "features", "hidden",
                "output", "init", "regularization", "regularization_rate", "epochs", "custom");
        DataShape shape = pick(f, n.path("shape"), "playground.shape", DataShape.values(), DataShape::id);
        int points = (int) f.integer(n, "playground.points", 1, 100_000);
        double noise = f.number(n.path("noise"), "playground.noise");
        double train = f.number(n.path("train_fraction"), "playground.train_fraction");
        long dataSeed = f.integer(n, "playground.data_seed", Long.MIN_VALUE, Long.MAX_VALUE);
        List<Feature> features = new ArrayList<>();
        JsonNode fs = n.path("features");
        if (!fs.isArray()) {
            throw f.field("playground.features", "is missing or not a list of feature names");
        }
        for (int i = 0; i < fs.size(); i++) {
            features.add(pick(f, fs.get(i), "playground.features[" + i + "]", Feature.values(), Feature::id));
        }
        List<PlaygroundSpec.Hidden> hidden = new ArrayList<>();
        JsonNode hs = n.path("hidden");
        if (!hs.isArray()) {
            throw f.field("playground.hidden", "is missing or not a list of layers");
        }
        for (int i = 0; i < hs.size(); i++) {
            String path = "playground.hidden[" + i + "]";
            f.known(hs.get(i), path + ".", "size", "activation");
            int size = (int) f.integer(hs.get(i), path + ".size", 1, PlaygroundSpec.MAX_NEURONS);
            Activation a = pick(f, hs.get(i).path("activation"), path + ".activation", Activation.values(),
                    Activation::id);
            try {
                hidden.add(new PlaygroundSpec.Hidden(size, a));
            } catch (IllegalArgumentException e) {
                throw f.field(path, e.getMessage());
            }
        }
        OutputKind output = pick(f, n.path("output"), "playground.output", OutputKind.values(), OutputKind::id);
        InitKind init = pick(f, n.path("init"), "playground.init", InitKind.values(), InitKind::id);
        Regularization.Kind kind = pick(f, n.path("regularization"), "playground.regularization",
                Regularization.Kind.values(), k -> k.name().toLowerCase(Locale.ROOT));
        double rate = f.number(n.path("regularization_rate"), "playground.regularization_rate");
        int epochs = (int) f.integer(n, "playground.epochs", 1, Integer.MAX_VALUE);
        DataSet custom = n.has("custom") ? custom(n.path("custom"), f) : null;
        try {
            return new PlaygroundSpec(shape, points, noise, train, dataSeed, features, hidden, output, optimizer,
                    batchSize, new Regularization(kind, rate), init, bias, seed, epochs, custom);
        } catch (IllegalArgumentException e) {
            throw f.field("playground", e.getMessage());
        }
    }

    private static DataSet custom(JsonNode c, Fields f) throws ExperimentException {
        f.known(c, "playground.custom.", "task", "classes", "train", "test");
        Task task = pick(f, c.path("task"), "playground.custom.task", Task.values(),
                t -> t.name().toLowerCase(Locale.ROOT));
        int classes = (int) f.integer(c, "playground.custom.classes", 0, 64);
        return new DataSet(points(c.path("train"), "playground.custom.train", f),
                points(c.path("test"), "playground.custom.test", f), task, classes);
    }

    private static List<DataPoint> points(JsonNode rows, String path, Fields f) throws ExperimentException {
        if (!rows.isArray()) {
            throw f.field(path, "is missing or not a list of points [x1, x2, label]");
        }
        List<DataPoint> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (!r.isArray() || r.size() != 3) {
                throw f.field(path + "[" + i + "]", "is not a point [x1, x2, label]");
            }
            out.add(new DataPoint(f.number(r.get(0), path + "[" + i + "][0]"), f.number(r.get(1), path + "[" + i + "][1]"),
                    f.number(r.get(2), path + "[" + i + "][2]")));
        }
        return out;
    }

    private static <T> T pick(Fields f, JsonNode v, String path, T[] values, java.util.function.Function<T, String> id)
            throws ExperimentException {
        if (v.isTextual()) {
            for (T t : values) {
                if (id.apply(t).equals(v.textValue())) {
                    return t;
                }
            }
        }
        List<String> ids = new ArrayList<>();
        for (T t : values) {
            ids.add(id.apply(t));
        }
        throw f.field(path, (v.isMissingNode() ? "is missing" : ModelFileReader.shorten(v.toString()) + " is not")
                + " one of " + String.join(", ", ids));
    }

    /** The reader's checks, for this part of the file. */
    interface Fields {
        ExperimentException field(String path, String problem);

        void known(JsonNode node, String prefix, String... fields) throws ExperimentException;

        long integer(JsonNode node, String path, long min, long max) throws ExperimentException;

        double number(JsonNode v, String path) throws ExperimentException;
    }
}
