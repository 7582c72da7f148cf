package org.backproplab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.lesson.PlaygroundSpec;

/**
 * An experiment file (docs/EXPERIMENT-FORMAT.md): a lesson stepped part of the way, saved so that
 * it reopens exactly where it was left. It holds the lesson's id, the settings chosen (bias mode,
 * optimizer with its hyperparameters and learning rate, batch size, seed), the training samples as
 * edited, the state at the start of the current iteration (every parameter, the optimizer's
 * memory, epoch, position in the epoch, updates done), how many stages of that iteration had run,
 * and the loss curve. Reopening restores that state and replays the stages already run: the same
 * arithmetic, so the next stage gives the same numbers, bit for bit.
 *
 * <p>Written as versioned JSON, atomically; read strictly by {@link ExperimentReader}.
 */
public final class ExperimentFile {
    public static final String FORMAT = "backprop-lab-experiment";
    /** The newest version read, written for a digits experiment (a Step or Playground one is still written as 1). */
    public static final int VERSION = 2;
    /** The largest experiment file read. */
    public static final long MAX_BYTES = 64_000_000L;
    /** The tab an experiment of the stepping tab (and of the CLI's trace) is opened in. */
    public static final String STEP = "step";
    /** The tab of a playground experiment. */
    public static final String PLAYGROUND = "playground";
    /** The tab of a digits experiment (version 2). */
    public static final String DIGITS = "digits";

    private ExperimentFile() {
    }

    /** Why a file was refused: the file and the place (line and column, or the field) and what is wrong. */
    public static final class ExperimentException extends Exception {
        private static final long serialVersionUID = 1L;

        public ExperimentException(String message) {
            super(message);
        }
    }

    /**
     * An experiment as data.
     *
     * @param tab        the tab it was saved from ({@link #STEP})
     * @param lesson     the lesson's id (its network, loss and regularisation come from it)
     * @param start      the state at the start of the current iteration
     * @param stagesDone stages of the current iteration already run (0 between iterations)
     * @param curve      the loss curve shown: iteration numbers and losses (the playground: epochs and
     *                   training losses)
     * @param playground the playground's set-up, or null for a lesson of the app
     * @param testCurve  the playground's test losses by epoch, or null
     * @param digits     a digits experiment's own part (then {@code train} is null: the digits are MNIST's), or null
     */
    public record Experiment(String tab, String lesson, BiasMode bias, OptimizerSpec optimizer, int batchSize,
            long seed, Samples train, Checkpoint start, int stagesDone, Curve curve, PlaygroundSpec playground,
            Curve testCurve, Predict predict, Digits digits) {

        /** The same experiment with the teacher's choice of predict mode's questions (null: none saved). */
        public Experiment withPredict(Predict p) {
            return new Experiment(tab, lesson, bias, optimizer, batchSize, seed, train, start, stagesDone, curve,
                    playground, testCurve, p, digits);
        }
    }

    /**
     * What a digits experiment holds besides the state and the batch-loss curve: the precision it
     * trains in ({@link #FLOAT} or {@link #DOUBLE}), how many of the first MNIST training digits it
     * trains on, the test accuracy after each epoch, and the seed of each dropout layer in order (the
     * masks drawn come from it; null when the file has none: then the preset's own, from the seed).
     */
    public record Digits(String precision, int trainDigits, Curve testAccuracy, long[] dropoutSeeds) {
        public Digits(String precision, int trainDigits, Curve testAccuracy) {
            this(precision, trainDigits, testAccuracy, null);
        }
    }

    /** Single precision, as PyTorch trains by default. */
    public static final String FLOAT = "float";
    /** Double precision. */
    public static final String DOUBLE = "double";

    /**
     * Predict mode's questions as a teacher chose them (Step tab): the kinds of value asked, by id
     * (forward, loss, output-delta, ...), and how many per stage (0: every one).
     */
    public record Predict(List<String> kinds, int perStage) {
        public Predict {
            kinds = List.copyOf(kinds);
        }
    }

    /** Points of a loss curve: x (the iteration, from 1) and y (the loss, maybe NaN or infinite). */
    public record Curve(long[] iterations, double[] losses) {
        public static final Curve EMPTY = new Curve(new long[0], new double[0]);

        public Curve {
            if (iterations.length != losses.length) {
                throw new IllegalArgumentException("a curve needs as many iterations as losses");
            }
        }
    }

    /**
     * The experiment {@code stepper} is in: {@code lessonId}'s network stepped with the trainer's
     * optimizer and batch size, from {@code seed} (the seed the trainer was made with), its
     * samples as they are now; nothing of the stepper changes.
     */
    public static Experiment of(String tab, String lessonId, BiasMode bias, long seed, Stepper stepper, Curve curve) {
        Trainer trainer = stepper.trainer();
        return new Experiment(tab, lessonId, bias, trainer.optimizer().spec(), trainer.batchSize(), seed,
                trainer.samples(), stepper.currentStart(), stepper.currentRecords().size(), curve, null, null, null, null);
    }

    /** The playground's set-up {@code spec} trained by {@code trainer} up to now (between two iterations). */
    public static Experiment ofPlayground(String lessonId, PlaygroundSpec spec, Trainer trainer, Curve train,
            Curve test) {
        return new Experiment(PLAYGROUND, lessonId, spec.bias(), trainer.optimizer().spec(), spec.batchSize(),
                spec.seed(), trainer.samples(), trainer.checkpoint(), 0, train, spec, test, null, null);
    }

    /**
     * A digits preset trained by {@code trainer} (shuffling with {@code seed}) up to {@code state},
     * between two batches: {@code state} is the trainer's checkpoint, or the float path's state
     * written in doubles.
     */
    public static Experiment ofDigits(String preset, Trainer trainer, long seed, Checkpoint state, String precision,
            Curve batchLoss, Curve testAccuracy) {
        return new Experiment(DIGITS, preset, BiasMode.TRAINED, trainer.optimizer().spec(), trainer.batchSize(), seed,
                null, state, 0, batchLoss, null, null, null, new Digits(precision, trainer.sampleCount(), testAccuracy,
                        dropoutSeeds(trainer.network())));
    }

    /** The seed of each dropout layer of {@code n}, in order (the shipped models' differ from a preset's own). */
    static long[] dropoutSeeds(Network n) {
        return n.layers().stream().filter(l -> l instanceof DropoutLayer).mapToLong(l -> ((DropoutLayer) l).seed())
                .toArray();
    }

    /**
     * The network of {@code preset} from {@code seed}, its dropout layers seeded with {@code dropoutSeeds} in order
     * (null: as the preset seeds them). The parameters are the preset's; a checkpoint puts the saved ones in.
     */
    static Network digitsNetwork(String preset, long seed, long[] dropoutSeeds) {
        Network n = MnistLessons.byId(preset).network().apply(seed);
        if (dropoutSeeds == null) {
            return n;
        }
        if (dropoutSeeds.length != dropoutSeeds(n).length) {
            throw new IllegalArgumentException(preset + " has " + dropoutSeeds(n).length + " dropout layers, not "
                    + dropoutSeeds.length);
        }
        Network.Builder b = new Network.Builder(n.inputSize(), n.loss());
        int k = 0;
        for (Layer l : n.layers()) {
            b.add(l instanceof DropoutLayer d
                    ? new DropoutLayer(d.channels(), d.height(), d.width(), d.rate(), dropoutSeeds[k++]) : l);
        }
        return b.build();
    }

    /**
     * The trainer of a digits experiment on {@code train} (its first digits, as many as the file
     * trained on), with the file's optimizer, batch size and seed, restored to its state: the next
     * batch is the one that came next.
     */
    public static Trainer digitsTrainer(Experiment e, Samples train) {
        if (train.size() != e.digits().trainDigits()) {
            throw new IllegalArgumentException("the experiment trains on " + e.digits().trainDigits()
                    + " digits, not " + train.size());
        }
        Network network = digitsNetwork(e.lesson(), e.seed(), e.digits().dropoutSeeds());
        Trainer t = new Trainer(network, e.optimizer().create(),
                Regularization.NONE, train, e.batchSize(), e.seed());
        t.setClassification(true);
        t.restore(e.start());
        return t;
    }

    /** The lesson of an experiment with its settings and samples (its starting weights are the lesson's). */
    public static Lesson lesson(Experiment e) {
        if (e.playground() != null) {
            return e.playground().toLesson(e.lesson());
        }
        Lesson l = Lessons.byId(e.lesson()).withBiasMode(e.bias()).withOptimizer(e.optimizer())
                .withBatchSize(e.batchSize());
        return new Lesson(l.id(), l.network(), l.optimizer(), l.regularization(), l.batchSize(), l.epochs(), e.seed(),
                e.train(), l.test(), l.classification());
    }

    /**
     * A stepper exactly where the experiment was left: its trainer restored to the start of the
     * current iteration and the stages already run replayed (recorded, so they can be shown).
     */
    public static Stepper resume(Experiment e, int actionLimit) {
        Trainer trainer = lesson(e).newTrainer(e.seed());
        trainer.restore(e.start());
        Stepper stepper = new Stepper(trainer, actionLimit);
        for (int i = 0; i < e.stagesDone(); i++) {
            stepper.next();
        }
        return stepper;
    }

    /** Writes the experiment: a reader sees the old file or the new one, never half of it. */
    public static void save(Path file, Experiment experiment) throws IOException {
        byte[] bytes = ExperimentWriter.write(experiment);
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge(bytes.length);
        }
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Saving refused: the experiment would be more than {@link #MAX_BYTES} bytes. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long bytes;

        TooLarge(long bytes) {
            super("the experiment would be " + bytes + " bytes, more than the " + MAX_BYTES
                    + " an experiment may hold (save the model instead)");
            this.bytes = bytes;
        }

        /** The bytes the experiment would take. */
        public long bytes() {
            return bytes;
        }
    }

    /** Reads an experiment file strictly; see {@link ExperimentReader} for what is checked. */
    public static Experiment load(Path file) throws ExperimentException {
        return ExperimentReader.read(file, MAX_BYTES);
    }

    /** As {@link #load}, from bytes; {@code name} names the file in messages. */
    public static Experiment read(String name, byte[] bytes) throws ExperimentException {
        return ExperimentReader.read(name, bytes);
    }

    /**
     * The "tab" field of a file that looks like an experiment (nothing else checked), or null. Reads
     * only up to that field (it comes third in the files written here), so it is quick on any file.
     */
    public static String tabOf(Path file) {
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            boolean ours = false;
            String tab = null;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && (tab == null || !ours)) {
                String name = p.currentName();
                var value = p.nextToken();
                if ("format".equals(name)) {
                    ours = FORMAT.equals(p.getValueAsString());
                } else if ("tab".equals(name) && value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    tab = p.getText();
                }
                p.skipChildren();
            }
            return ours ? tab : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The tabs a file may name (digits from version 2). */
    static List<String> tabs() {
        return List.of(STEP, PLAYGROUND, DIGITS);
    }

    /** The slot names of an optimizer's memory per parameter, as {@link org.backproplab.engine.Optimizer#state()} keeps them. */
    static List<String> slots(OptimizerSpec spec) {
        if (spec instanceof OptimizerSpec.Momentum) {
            return List.of("velocity", "step");
        }
        if (spec instanceof OptimizerSpec.Adam) {
            return List.of("m", "v", "step");
        }
        return List.of("step");
    }
}
