package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.PointsCsv;
import org.backproplab.data.Task;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.PlaygroundLessons;
import org.backproplab.lesson.PlaygroundSpec;
import org.backproplab.session.PlaygroundChoices.LayerRow;
import org.backproplab.session.PlaygroundChoices.MapPoint;
import org.backproplab.session.PlaygroundChoices.Summary;

/**
 * The playground's set-up on the FX thread: the spec and its points, the rules that change them
 * (the caps on layers and neurons, a new layer copies the last activation, which output suits
 * which task, never zero features), and a read-only property for every value a control shows.
 * Each {@code withX} method applies one change and returns whether anything changed; a refused
 * value changes nothing and sets {@link #inputErrorProperty()}.
 */
public final class PlaygroundSetup extends PlaygroundSetupProperties {
    /** Batch sizes accepted: 0 (the whole training set) to this. */
    static final int MAX_BATCH = 100_000;

    private PlaygroundSpec spec;
    private DataSet data;
    /** The regularisation rate last typed, kept while regularisation is off. */
    private double regularizationRate;
    private DataPoint chosen;

    PlaygroundSetup(String lessonId) {
        load(lessonId);
    }

    PlaygroundSpec spec() {
        return spec;
    }

    DataSet data() {
        return data;
    }

    void load(String id) {
        lessonId.set(id);
        spec = PlaygroundLessons.byId(id);
        data = spec.data();
        regularizationRate = spec.regularization().rate();
        chosen = null;
        chosenPoint.set(null);
        accept(spec, data);
    }

    /** An experiment's set-up, as the lesson {@code id} changed by the learner. */
    void loadExperiment(String id, PlaygroundSpec experiment) {
        lessonId.set(id);
        spec = experiment;
        data = experiment.data();
        regularizationRate = experiment.regularization().rate();
        chosen = null;
        chosenPoint.set(null);
        accept(spec, data);
    }

    /** Sets every property from the set-up, clears the input error. */
    private boolean accept(PlaygroundSpec next, DataSet nextData) {
        spec = next;
        if (nextData != data) {
            data = nextData;
            if (chosen != null && !data.train().contains(chosen) && !data.test().contains(chosen)) {
                chosen = null;
                chosenPoint.set(null);
            }
        }
        inputError.set(null);
        shape.set(spec.custom() == null ? spec.shape().id() : null);
        noise.set(spec.noise());
        trainSplit.set(spec.trainFraction());
        List<Integer> classes = new ArrayList<>();
        int count = spec.task() == Task.REGRESSION ? 0 : Math.max(2, spec.classes());
        for (int c = 0; c < count; c++) {
            classes.add(c);
        }
        pointClasses.set(List.copyOf(classes));
        List<LayerRow> rows = spec.hidden().stream().map(h -> new LayerRow(h.size(), h.activation().id())).toList();
        layers.set(rows);
        output.set(spec.output().id());
        optimizer.set(PlaygroundChoices.optimizerId(spec.optimizer()));
        learningRateText.set(Naming.number(spec.optimizer().learningRate()));
        batchText.set(String.valueOf(spec.batchSize()));
        regularization.set(spec.regularization().kind().name().toLowerCase(java.util.Locale.ROOT));
        regularizationRateText.set(Naming.number(regularizationRate));
        init.set(spec.init().id());
        seedText.set(String.valueOf(spec.seed()));
        features.set(spec.features().stream().map(f -> f.id()).toList());
        modified.set(!spec.equals(PlaygroundLessons.byId(lessonId.get())));
        summary.set(summaryOf(spec));
        lessonText.set(lessonTextOf(lessonId.get(), modified.get(), summary.get()));
        return true;
    }

    private static Phrase lessonTextOf(String id, boolean changed, Summary s) {
        if (!changed) {
            return Phrase.key(PlaygroundChoices.lessonTextKey(id));
        }
        String activations = s.activations().isEmpty() ? "" : " " + s.activations();
        return Phrase.key("pg.modifiedText", s.layers() + activations, Phrase.key("output." + s.output()),
                Phrase.key("optimizer." + s.optimizer()), s.learningRate(),
                "0".equals(s.batchSize()) ? Phrase.key("pg.batchAll") : s.batchSize(),
                Phrase.key(PlaygroundChoices.lessonTitleKey(id)));
    }

    private static Summary summaryOf(PlaygroundSpec s) {
        StringBuilder sizes = new StringBuilder().append(s.features().size());
        List<String> activations = new ArrayList<>();
        for (PlaygroundSpec.Hidden h : s.hidden()) {
            sizes.append('-').append(h.size());
            if (!activations.contains(h.activation().id())) {
                activations.add(h.activation().id());
            }
        }
        sizes.append('-').append(s.outputs());
        return new Summary(sizes.toString(), String.join(", ", activations), PlaygroundChoices.optimizerId(s.optimizer()),
                s.output().id(), Naming.number(s.optimizer().learningRate()), String.valueOf(s.batchSize()));
    }

    /** Refuses a value: nothing changes, and the message says why. */
    boolean refuse(String key, Object... args) {
        inputError.set(new Notice(key, List.of(args), true));
        return false;
    }

    private boolean change(PlaygroundSpec next) {
        if (next.equals(spec)) {
            inputError.set(null);
            return false;
        }
        return accept(next, next.custom() != null ? next.custom() : sameData(spec, next) ? data : next.data());
    }

    /** Whether two set-ups draw the same points: then the data is kept, not generated again. */
    private static boolean sameData(PlaygroundSpec a, PlaygroundSpec b) {
        return a.custom() == null && a.shape() == b.shape() && a.points() == b.points() && a.noise() == b.noise()
                && a.trainFraction() == b.trainFraction() && a.dataSeed() == b.dataSeed();
    }

    // ---- the data ---------------------------------------------------------------------------

    boolean withShape(String id) {
        if (id == null || !PlaygroundChoices.shapes().contains(id)) {
            return refuse("pg.error.shape", String.valueOf(id));
        }
        var s = org.backproplab.data.DataShape.fromId(id);
        return change(spec.withData(s, spec.points(), spec.noise(), spec.trainFraction(), spec.dataSeed()));
    }

    boolean withNoise(double n) {
        if (!(n >= 0 && n <= 0.5)) {
            return refuse("pg.error.noise");
        }
        return change(spec.withData(spec.shape(), spec.points(), n, spec.trainFraction(), spec.dataSeed()));
    }

    boolean withTrainSplit(double t) {
        if (!(t >= 0.1 && t <= 0.9)) {
            return refuse("pg.error.split");
        }
        return change(spec.withData(spec.shape(), spec.points(), spec.noise(), t, spec.dataSeed()));
    }

    boolean regenerated() {
        return change(spec.withData(spec.shape(), spec.points(), spec.noise(), spec.trainFraction(), spec.dataSeed() + 1));
    }

    boolean withPoint(double x1, double x2, int label) {
        if (!pointClasses.get().contains(label)) {
            return refuse("pg.error.pointClass");
        }
        if (!(Math.abs(x1) <= PlaygroundChoices.RANGE && Math.abs(x2) <= PlaygroundChoices.RANGE)) {
            return refuse("pg.error.pointOutside");
        }
        DataSet next = data.withTrainPoint(new DataPoint(x1, x2, label));
        return accept(spec.withCustom(next), next);
    }

    boolean withoutPoint(double x1, double x2, double radius) {
        DataSet next = data.withoutPointNear(x1, x2, radius);
        if (next == data) {
            return refuse("pg.error.noPointNear");
        }
        if (next.train().isEmpty()) {
            return refuse("pg.error.lastPoint");
        }
        return accept(spec.withCustom(next), next);
    }

    void imported(PointsCsv.Content c) {
        DataSet d = DataSet.split(c.points(), c.task(), c.classes(), spec.trainFraction(), spec.dataSeed());
        accept(spec.withCustom(d), d);
    }

    void choose(double x1, double x2) {
        DataPoint best = null;
        double bestD = Double.POSITIVE_INFINITY;
        List<DataPoint> all = new ArrayList<>(data.train());
        all.addAll(data.test());
        for (DataPoint p : all) {
            double d = (p.x1() - x1) * (p.x1() - x1) + (p.x2() - x2) * (p.x2() - x2);
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        chosen = best;
        chosenPoint.set(best == null ? null : new MapPoint(best.x1(), best.x2(), 0, data.test().contains(best)));
    }

    /** The point chosen with {@link #choose}, or null. */
    DataPoint chosenDataPoint() {
        return chosen;
    }

    /** Returns whether the value changed. */
    boolean setDiscretize(boolean on) {
        if (discretize.get() == on) {
            return false;
        }
        discretize.set(on);
        return true;
    }

    // ---- the network ------------------------------------------------------------------------

    boolean withLayerAdded() {
        if (spec.hidden().size() >= PlaygroundSpec.MAX_LAYERS) {
            return refuse("pg.error.layers", PlaygroundSpec.MAX_LAYERS);
        }
        List<PlaygroundSpec.Hidden> h = new ArrayList<>(spec.hidden());
        var activation = h.isEmpty() ? org.backproplab.engine.Activation.TANH : h.get(h.size() - 1).activation();
        h.add(new PlaygroundSpec.Hidden(4, activation));
        return change(spec.withHidden(h));
    }

    boolean withLayerRemoved() {
        if (spec.hidden().isEmpty()) {
            return refuse("pg.error.noLayer");
        }
        return change(spec.withHidden(spec.hidden().subList(0, spec.hidden().size() - 1)));
    }

    boolean withLayerResized(int layer, int delta) {
        if (layer < 0 || layer >= spec.hidden().size()) {
            return refuse("pg.error.noSuchLayer", layer + 1);
        }
        int size = spec.hidden().get(layer).size() + delta;
        if (size < 1 || size > PlaygroundSpec.MAX_NEURONS) {
            return refuse("pg.error.neurons", PlaygroundSpec.MAX_NEURONS);
        }
        List<PlaygroundSpec.Hidden> h = new ArrayList<>(spec.hidden());
        h.set(layer, new PlaygroundSpec.Hidden(size, h.get(layer).activation()));
        return change(spec.withHidden(h));
    }

    boolean withActivation(int layer, String id) {
        if (layer < 0 || layer >= spec.hidden().size()) {
            return refuse("pg.error.noSuchLayer", layer + 1);
        }
        if (id == null || !PlaygroundChoices.activations().contains(id)) {
            return refuse("pg.error.activation", String.valueOf(id));
        }
        List<PlaygroundSpec.Hidden> h = new ArrayList<>(spec.hidden());
        h.set(layer, new PlaygroundSpec.Hidden(h.get(layer).size(), org.backproplab.engine.Activation.fromId(id)));
        return change(spec.withHidden(h));
    }

    boolean withFeatureToggled(String id) {
        if (id == null || !PlaygroundChoices.features().contains(id)) {
            return refuse("pg.error.feature", String.valueOf(id));
        }
        var f = PlaygroundChoices.feature(id);
        List<org.backproplab.data.Feature> next = new ArrayList<>();
        for (var g : org.backproplab.data.Feature.values()) {
            if (g == f ? !spec.features().contains(g) : spec.features().contains(g)) {
                next.add(g);
            }
        }
        if (next.isEmpty()) {
            return refuse("pg.error.noFeature");
        }
        return change(spec.withFeatures(next));
    }

    boolean withOutput(String id) {
        var o = id == null ? null : PlaygroundChoices.output(id);
        if (o == null || !o.suits(spec.task())) {
            return refuse("pg.error.output");
        }
        return change(spec.withOutput(o));
    }

    // ---- training ---------------------------------------------------------------------------

    boolean withOptimizer(String id) {
        var o = id == null ? null : PlaygroundChoices.optimizer(id, spec.optimizer().learningRate());
        if (o == null) {
            return refuse("pg.error.optimizer", String.valueOf(id));
        }
        if (id.equals(PlaygroundChoices.optimizerId(spec.optimizer()))) {
            return false;
        }
        return change(spec.withOptimizer(o));
    }

    boolean withLearningRate(String text) {
        NumberInput.Result lr = NumberInput.learningRate(text);
        if (!lr.ok()) {
            return refuse(lr.errorKey(), "1000");
        }
        return change(spec.withOptimizer(spec.optimizer().withLearningRate(lr.value())));
    }

    boolean withBatchSize(String text) {
        Integer b = wholeNumber(text);
        if (b == null || b < 0 || b > MAX_BATCH) {
            return refuse("pg.error.batch");
        }
        return change(spec.withBatchSize(b));
    }

    boolean withRegularization(String kind) {
        Regularization.Kind k = null;
        for (Regularization.Kind c : Regularization.Kind.values()) {
            if (c.name().equalsIgnoreCase(String.valueOf(kind))) {
                k = c;
            }
        }
        if (k == null) {
            return refuse("pg.error.regularization", String.valueOf(kind));
        }
        return change(spec.withRegularization(new Regularization(k, k == Regularization.Kind.NONE ? 0 : regularizationRate)));
    }

    boolean withRegularizationRate(String text) {
        NumberInput.Result rate = NumberInput.parameter(text);
        if (!rate.ok() || rate.value() < 0) {
            return refuse("pg.error.regRate");
        }
        regularizationRate = rate.value();
        Regularization.Kind k = spec.regularization().kind();
        if (k == Regularization.Kind.NONE) {
            regularizationRateText.set(Naming.number(regularizationRate));
            inputError.set(null);
            return false;
        }
        return change(spec.withRegularization(new Regularization(k, regularizationRate)));
    }

    boolean withInit(String id) {
        var k = id == null ? null : PlaygroundChoices.init(id);
        if (k == null) {
            return refuse("pg.error.init", String.valueOf(id));
        }
        return change(spec.withInit(k, spec.seed()));
    }

    boolean withSeed(String text) {
        try {
            return change(spec.withInit(spec.init(), Long.parseLong(text.strip())));
        } catch (NumberFormatException | NullPointerException e) {
            return refuse("pg.error.seed");
        }
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
