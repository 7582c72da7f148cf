package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.engine.Network;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's requirement: on the shipped trained LeNet, the image maximised for each of the ten
 * classes (default recipe, logit, seed 1) makes the network predict that class with probability
 * above 0.9. Skipped, with a message, where the model file is not there.
 */
class LenetMaximizationTest {
    static final Path MODEL = Path.of("assets", "models", "mnist-lenet.json");

    static Network shippedLenet() throws Exception {
        ModelFile.Loaded loaded = ModelFile.load(MODEL);
        Network net = MnistLessons.byId("mnist-lenet").network().apply(1);
        loaded.restoreInto(net);
        return net;
    }

    @Test
    void eachClassIsPredictedAboveNinetyPercent() throws Exception {
        assumeTrue(Files.exists(MODEL), MODEL + " is not there (the trained models are made by the command in "
                + "assets/models/README.md); the acceptance test of activation maximisation is skipped");
        Explainer ex = Explainer.forDigits(shippedLenet());
        StringBuilder seen = new StringBuilder();
        double worst = 1;
        for (int c = 0; c < 10; c++) {
            Maximization m = ex.maximize(Objective.classScore(c, ScoreTarget.LOGIT), MaximizeSettings.defaults(1),
                    Maximizer.Progress.NONE, () -> false);
            double p = m.probabilities()[c];
            seen.append(String.format(java.util.Locale.ROOT, " %d: %.4f", c, p));
            worst = Math.min(worst, p);
            assertTrue(org.backproplab.engine.Metrics.argmax(m.probabilities()) == c, "class " + c + " predicted:" + seen);
        }
        assertTrue(worst > 0.9, "p_c of the maximised images:" + seen);
    }
}
