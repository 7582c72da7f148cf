package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.DataSet;
import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.data.Task;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.NetworkSpec;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;

/**
 * A playground set-up as data: the 2-D data (a generated shape or the user's own points), the
 * input features, the hidden layers, the output and loss, and how to train.
 *
 * @param hidden    the hidden layers, first first (empty for a single neuron)
 * @param batchSize samples per update; 0 = the whole training set
 * @param custom    the user's own points (added, removed or imported), or null to generate
 */
public record PlaygroundSpec(DataShape shape, int points, double noise, double trainFraction, long dataSeed,
        List<Feature> features, List<Hidden> hidden, OutputKind output, OptimizerSpec optimizer, int batchSize,
        Regularization regularization, InitKind init, BiasMode bias, long seed, int epochs, DataSet custom) {

    /** Up to 8 hidden layers of up to 16 neurons, as TensorFlow Playground allows (and a bit more). */
    public static final int MAX_LAYERS = 8;
    public static final int MAX_NEURONS = 16;

    /** One hidden layer: its neuron count and activation. */
    public record Hidden(int size, Activation activation) {
        public Hidden {
            if (size < 1 || size > MAX_NEURONS) {
                throw new IllegalArgumentException("a hidden layer has 1 to " + MAX_NEURONS + " neurons, got " + size);
            }
            if (activation == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only");
            }
        }
    }

    public PlaygroundSpec {
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("choose at least one input feature");
        }
        if (hidden.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("at most " + MAX_LAYERS + " hidden layers, got " + hidden.size());
        }
        Task task = custom != null ? custom.task() : shape.task();
        if (!output.suits(task)) {
            throw new IllegalArgumentException(output.id() + " does not suit a " + task.name().toLowerCase() + " task");
        }
    }

    public Task task() {
        return custom != null ? custom.task() : shape.task();
    }

    public int classes() {
        return custom != null ? custom.classes() : shape.classes();
    }

    /** The points: the user's own, or generated from the shape and the data seed. */
    public DataSet data() {
        return custom != null ? custom : DataSet.generate(shape, points, noise, trainFraction, dataSeed);
    }

    /** Neurons of the output layer. */
    public int outputs() {
        return task() == Task.MULTICLASS ? classes() : 1;
    }

    public NetworkSpec network() {
        List<LayerSpec> layers = new ArrayList<>();
        for (Hidden h : hidden) {
            layers.add(new LayerSpec(h.size(), h.activation(), bias, init.forLayer(h.activation()), init.forBias()));
        }
        layers.add(new LayerSpec(outputs(), output.activation(), bias, init.forLayer(output.activation()),
                init.forBias()));
        return new NetworkSpec(features.size(), layers, output.loss());
    }

    public Samples samples(List<org.backproplab.data.DataPoint> pts) {
        // a tanh or linear output learns the two classes as targets -1 and 1; its boundary is output 0
        return DataSet.samples(pts, features, task(), classes(), output.signTargets() && task() == Task.BINARY);
    }

    /** The set-up as a lesson for the trainer and the CLI. */
    public Lesson toLesson(String id) {
        return toLesson(id, data());
    }

    /** The set-up as a lesson on {@code data} (this set-up's points, already generated). */
    public Lesson toLesson(String id, DataSet data) {
        Samples train = samples(data.train());
        Samples test = data.test().isEmpty() ? null : samples(data.test());
        return new Lesson(id, network(), optimizer, regularization, batchSize, epochs, seed, train, test,
                task() != Task.REGRESSION);
    }

    // ---- changes, as new specs ------------------------------------------------------------

    public PlaygroundSpec withData(DataShape newShape, int newPoints, double newNoise, double newTrain, long newSeed) {
        OutputKind o = output.suits(newShape.task()) ? output : OutputKind.defaultFor(newShape.task());
        return new PlaygroundSpec(newShape, newPoints, newNoise, newTrain, newSeed, features, hidden, o, optimizer,
                batchSize, regularization, init, bias, seed, epochs, null);
    }

    public PlaygroundSpec withCustom(DataSet data) {
        OutputKind o = output.suits(data.task()) ? output : OutputKind.defaultFor(data.task());
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, o, optimizer,
                batchSize, regularization, init, bias, seed, epochs, data);
    }

    public PlaygroundSpec withFeatures(List<Feature> f) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, f, hidden, output, optimizer, batchSize,
                regularization, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withHidden(List<Hidden> h) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, h, output, optimizer,
                batchSize, regularization, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withOutput(OutputKind o) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, o, optimizer,
                batchSize, regularization, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withOptimizer(OptimizerSpec o) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, o, batchSize,
                regularization, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withBatchSize(int b) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, optimizer, b,
                regularization, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withRegularization(Regularization r) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, optimizer,
                batchSize, r, init, bias, seed, epochs, custom);
    }

    public PlaygroundSpec withInit(InitKind i, long newSeed) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, optimizer,
                batchSize, regularization, i, bias, newSeed, epochs, custom);
    }

    public PlaygroundSpec withBias(BiasMode b) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, optimizer,
                batchSize, regularization, init, b, seed, epochs, custom);
    }

    public PlaygroundSpec withEpochs(int e) {
        return new PlaygroundSpec(shape, points, noise, trainFraction, dataSeed, features, hidden, output, optimizer,
                batchSize, regularization, init, bias, seed, e, custom);
    }
}
