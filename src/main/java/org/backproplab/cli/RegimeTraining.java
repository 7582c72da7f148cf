package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.backproplab.engine.Evaluation;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.MnistLessons;

/**
 * A digits preset's own regime ({@link MnistLessons.Regime}), the from-scratch tutorial's: plain
 * SGD, each update on one image drawn at random (with replacement) from the first N training
 * images; every {@code reportEvery} updates the mean of those updates' losses (each taken before
 * its update), then the loss and accuracy on the test digits.
 */
final class RegimeTraining {
    private RegimeTraining() {
    }

    /** Runs the regime and returns the test accuracy; {@code train} holds at least the regime's images. */
    static Trainer run(MnistLessons.Preset preset, MnistLessons.Regime regime, Samples train, Samples test, long seed,
            boolean json, PrintWriter out) {
        int images = Math.min(regime.images(), train.size());
        // the draws, in order: update u trains on image draws[u]
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[regime.updates()][];
        double[][] t = new double[regime.updates()][];
        for (int u = 0; u < regime.updates(); u++) {
            int i = random.nextInt(images);
            x[u] = train.inputs().rowValues(i);
            t[u] = train.targets().rowValues(i);
        }
        Samples draws = new Samples(ImmutableMatrix.of(x), ImmutableMatrix.of(t));
        // one pass over the draws with batch 1; the trainer visits them in an order shuffled from the
        // seed, which leaves them independent uniform draws
        Trainer trainer = preset.newTrainer(draws, seed);
        long start = System.nanoTime();
        double sum = 0;
        for (int u = 1; u <= regime.updates(); u++) {
            sum += trainer.trainIteration();
            if (u % regime.reportEvery() == 0) {
                double error = sum / regime.reportEvery();
                sum = 0;
                Map<String, Object> line = Json.object();
                line.put("update", u);
                line.put("error", error);
                out.println(json ? Json.line(line) : String.format(Locale.ROOT, "update %4d  error %.4f", u, error));
                out.flush();
                if (!Double.isFinite(error)) {
                    throw new IllegalStateException("training diverged at update " + u + ": the error is " + error);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation e = trainer.evaluate(test);
        Map<String, Object> line = Json.object();
        line.put("updates", regime.updates());
        line.put("training_images", images);
        line.put("test_loss", e.loss());
        line.put("test_accuracy", e.accuracy());
        line.put("test_images", test.size());
        line.put("seconds", Math.round(seconds * 100) / 100.0);
        out.println(json ? Json.line(line) : String.format(Locale.ROOT,
                "%d updates on %d images  test loss %.4f  test accuracy %.2f %% (%d digits)  %.1f s", regime.updates(),
                images, e.loss(), e.accuracy() * 100, test.size(), seconds));
        out.flush();
        return trainer;
    }
}
