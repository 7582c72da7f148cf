package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;

/** Activation maximisation: its loss by hand, its gradient by finite differences, seeds, progress and cancelling. */
class MaximizerTest {
    private static final MaximizeSettings SHORT = MaximizeSettings.defaults(5).withSteps(40);

    /**
     * A 2 x 2 image x = [[0.1, 0.2], [0.3, 0.5]] into one softmax layer whose logit 0 is x_00.
     * L = -1 * 0.1 + 10 * (0.1^6 + 0.2^6 + 0.3^6 + 0.5^6)^(1/6) / 4 + 10 * TV / 4, where TV only
     * has the top-left pixel (i &lt; H-1, j &lt; W-1): (0.3 - 0.1)^2 + (0.2 - 0.1)^2 = 0.05.
     */
    @Test
    void theLossByHand() {
        Network net = new Network.Builder(4, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new DenseLayer(0, 4, 2, Activation.SOFTMAX, BiasMode.NONE)).build();
        net.setParameterValue("W1", 0, 0, 1);
        Maximizer m = new Maximizer(new Backprop(net), 2, 2, MaximizeSettings.defaults(1));
        double l6 = Math.pow(Math.pow(0.1, 6) + Math.pow(0.2, 6) + Math.pow(0.3, 6) + Math.pow(0.5, 6), 1 / 6.0);
        assertEquals(-0.1 + 10 * l6 / 4 + 10 * 0.05 / 4,
                m.loss(Objective.classScore(0, ScoreTarget.LOGIT), new double[] {0.1, 0.2, 0.3, 0.5}), 1e-12);
    }

    @Test
    void theLossGradientMatchesFiniteDifferencesForAClassAndAFilter() {
        Network net = TinyNets.convNet(51);
        Maximizer m = new Maximizer(new Backprop(net), 8, 8, MaximizeSettings.defaults(1));
        double[] x = TinyNets.image(52);
        for (Objective o : List.of(Objective.classScore(2, ScoreTarget.PROBABILITY), Objective.filter(0, 1),
                Objective.filter(2, 2))) {
            double[] g = m.lossGradient(o, x);
            for (int i = 0; i < x.length; i++) {
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[i] += 1e-6;
                minus[i] -= 1e-6;
                double fd = (m.loss(o, plus) - m.loss(o, minus)) / 2e-6;
                assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), o + ", pixel " + i);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameImageAndAnotherSeedAnother() {
        Network net = TinyNets.convNet(53);
        Explainer ex = new Explainer(net, 8, 8);
        Objective o = Objective.classScore(1, ScoreTarget.LOGIT);
        Maximization a = ex.maximize(o, SHORT, Maximizer.Progress.NONE, () -> false);
        Maximization b = new Explainer(net, 8, 8).maximize(o, SHORT, Maximizer.Progress.NONE, () -> false);
        Maximization c = ex.maximize(o, SHORT.withSeed(6), Maximizer.Progress.NONE, () -> false);
        assertEquals(a.image(), b.image());
        assertNotEquals(a.image(), c.image());
        for (double v : a.image().values()) {
            assertTrue(v >= 0 && v <= 1, "pixels stay in [0, 1]: " + v);
        }
    }

    @Test
    void theObjectiveRisesAndTheResultReportsTheNetworksView() {
        // (with some seeds every ReLU of the tiny network is off at grey: nothing can rise; not with this one)
        Network net = TinyNets.convNet(53);
        Explainer ex = new Explainer(net, 8, 8);
        double[] grey = new double[64];
        java.util.Arrays.fill(grey, 0.5);
        for (int c = 0; c < 4; c++) {
            assertTrue(ex.saliency(grey, c, ScoreTarget.LOGIT, ReluRule.VANILLA).map().max() > 0.1);
            Maximization m = ex.maximize(Objective.classScore(c, ScoreTarget.LOGIT), SHORT, Maximizer.Progress.NONE,
                    () -> false);
            double[] z = TinyNets.logits(net, m.image().values());
            assertEquals(z[c], m.score(), 1e-12);
            assertArrayEquals(TinyNets.softmax(z), m.probabilities(), 1e-12);
            assertTrue(m.score() > TinyNets.logits(net, grey)[c], "class " + c + ": y_c rose above grey's");
        }
        Maximization f = ex.maximize(Objective.filter(2, 1), SHORT, Maximizer.Progress.NONE, () -> false);
        double[] a = TinyNets.layerOutput(net, 2, f.image().values());
        // filter 1 of the second conv: positions 4..7 of its 3 x 2 x 2 output
        assertEquals((a[4] + a[5] + a[6] + a[7]) / 4, f.score(), 1e-12);
        assertTrue(f.score() > 0);
    }

    @Test
    void progressIsReportedEveryStepAndCancellingStops() {
        Explainer ex = new Explainer(TinyNets.convNet(55), 8, 8);
        List<Integer> steps = new ArrayList<>();
        ex.maximize(Objective.classScore(0, ScoreTarget.LOGIT), SHORT, (done, total, score) -> {
            assertEquals(40, total);
            steps.add(done);
        }, () -> false);
        assertEquals(40, steps.size());
        assertEquals(1, steps.get(0));
        assertEquals(40, steps.get(39));
        steps.clear();
        assertThrows(CancellationException.class, () -> ex.maximize(Objective.classScore(0, ScoreTarget.LOGIT), SHORT,
                (done, total, score) -> steps.add(done), () -> steps.size() >= 5));
        assertEquals(List.of(1, 2, 3, 4, 5), steps);
    }

    @Test
    void badObjectivesAreRefused() {
        Explainer ex = new Explainer(TinyNets.convNet(56), 8, 8);
        assertEquals("filter 3 is not one of 0..2", assertThrows(IllegalArgumentException.class,
                () -> ex.maximize(Objective.filter(2, 3), SHORT, Maximizer.Progress.NONE, () -> false)).getMessage());
        assertEquals("class 4 is not one of 0..3", assertThrows(IllegalArgumentException.class,
                () -> ex.maximize(Objective.classScore(4, ScoreTarget.LOGIT), SHORT, Maximizer.Progress.NONE,
                        () -> false)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ex.maximize(Objective.filter(1, 0), SHORT, Maximizer.Progress.NONE, () -> false));
    }
}
