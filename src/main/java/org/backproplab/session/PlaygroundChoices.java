package org.backproplab.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.engine.Activation;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.InitKind;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.OutputKind;
import org.backproplab.lesson.PlaygroundLessons;

/**
 * What the playground's pickers offer, as ids the view translates with its bundles
 * ({@code data.<id>}, {@code output.<id>}, {@code optimizer.<id>}, {@code reg.<id>},
 * {@code init.<id>}), so that the view needs no engine, data or lesson type.
 */
public final class PlaygroundChoices {
    private PlaygroundChoices() {
    }

    /** One hidden layer as the layer editor shows it. */
    public record LayerRow(int size, String activation) {
    }

    /** A point on the map, in data units (x1, x2 from -6 to 6), with its colour. */
    public record MapPoint(double x1, double x2, int argb, boolean test) {
    }

    /**
     * What the set-up is now, for when it no longer is the lesson's: layer sizes from the inputs to
     * the outputs ("2-4-2-1"), the hidden activations ("tanh" or "relu, tanh"), the ids of the
     * optimizer and the output, the learning rate and batch size as typed.
     */
    public record Summary(String layers, String activations, String optimizer, String output, String learningRate,
            String batchSize) {
    }

    /** The plane shown on the map: x1 and x2 from -RANGE to RANGE. */
    public static final double RANGE = org.backproplab.lesson.Heatmaps.RANGE;

    public static List<String> lessons() {
        return List.copyOf(PlaygroundLessons.all().keySet());
    }

    public static String lessonTitleKey(String id) {
        return Lesson.titleKey(id);
    }

    public static String lessonTextKey(String id) {
        return Lesson.textKey(id);
    }

    public static List<String> shapes() {
        return Arrays.stream(DataShape.values()).map(DataShape::id).toList();
    }

    public static List<String> outputs() {
        return Arrays.stream(OutputKind.values()).map(OutputKind::id).toList();
    }

    public static List<String> optimizers() {
        return List.of("sgd", "momentum", "adam");
    }

    /** The activations a hidden layer may have (softmax is for the output only). */
    public static List<String> activations() {
        return List.of(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU)
                .stream().map(Activation::id).toList();
    }

    public static List<String> regularizations() {
        return Arrays.stream(Regularization.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    }

    public static List<String> inits() {
        return Arrays.stream(InitKind.values()).map(InitKind::id).toList();
    }

    /** Input features, by id, in the order of their toggles. */
    public static List<String> features() {
        return Arrays.stream(Feature.values()).map(Feature::id).toList();
    }

    /** A feature's label as written on its toggle (X1, X1², sin(X1), ...). */
    public static String featureLabel(String id) {
        return feature(id).label();
    }

    static Feature feature(String id) {
        for (Feature f : Feature.values()) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + id + "'");
    }

    static OutputKind output(String id) {
        for (OutputKind o : OutputKind.values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        return null;
    }

    static InitKind init(String id) {
        for (InitKind k : InitKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }

    static String optimizerId(OptimizerSpec o) {
        return o.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static OptimizerSpec optimizer(String id, double lr) {
        return switch (id) {
            case "momentum" -> new OptimizerSpec.Momentum(lr, 0.9);
            case "adam" -> new OptimizerSpec.Adam(lr);
            case "sgd" -> new OptimizerSpec.Sgd(lr);
            default -> null;
        };
    }
}
