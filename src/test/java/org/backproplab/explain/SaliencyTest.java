package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saliency against finite differences, and the ReLU rules on a case worked by hand. */
class SaliencyTest {
    private static final double H = 1e-6;

    @ParameterizedTest(name = "{0}, class {1}, seed {2}")
    @CsvSource({"logit,0,1", "logit,3,2", "probability,1,3", "probability,2,4", "log-probability,0,5",
            "log-probability,3,6"})
    void vanillaSaliencyIsTheGradientByCentralDifferences(String target, int c, long seed) {
        Network net = TinyNets.convNet(seed);
        double[] x = TinyNets.image(seed + 100);
        Saliency s = new Explainer(net, 8, 8).saliency(x, c, ScoreTarget.fromId(target), ReluRule.VANILLA);
        assertEquals(TinyNets.score(target, TinyNets.logits(net, x), c), s.score(), 1e-12);
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += H;
            minus[i] -= H;
            // dy_c/dx_i = (y_c(x + h e_i) - y_c(x - h e_i)) / 2h
            double fd = (TinyNets.score(target, TinyNets.logits(net, plus), c)
                    - TinyNets.score(target, TinyNets.logits(net, minus), c)) / (2 * H);
            assertEquals(fd, s.gradient().get(i / 8, i % 8), 1e-6 * Math.max(1, Math.abs(fd)), "pixel " + i);
            assertEquals(Math.abs(fd), s.map().get(i / 8, i % 8), 1e-6 * Math.max(1, Math.abs(fd)), "pixel " + i);
        }
        assertTrue(s.map().max() > 0, "the map is not all zero");
        assertTrue(s.ruleApplies());
    }

    /**
     * Input x = (1, 2) as a 1 x 2 image; hidden ReLU layer with W1 rows (1, 1), (1, -1), (-1, 2)
     * and no bias, so z1 = (3, -1, 3); output logits with W2 rows (1, 2, -1) and (0, 0, 1). For
     * class 0 the gradient arriving at the hidden outputs is g = W2 row 0 = (1, 2, -1):
     * <ul>
     * <li>vanilla: pass g where z1 &gt; 0: (1, 0, -1); dy/dx = 1 (1, 1) - 1 (-1, 2) = (2, -1)</li>
     * <li>guided: pass g where z1 &gt; 0 and g &gt; 0: (1, 0, 0); dy/dx = (1, 1)</li>
     * <li>rectified: pass g where g &gt; 0: (1, 2, 0); dy/dx = (1, 1) + 2 (1, -1) = (3, -1)</li>
     * </ul>
     */
    @Test
    void guidedAndRectifiedRulesByHand() {
        Network net = handNet(Activation.RELU);
        Explainer ex = new Explainer(net, 1, 2);
        double[] x = {1, 2};
        Saliency vanilla = ex.saliency(x, 0, ScoreTarget.LOGIT, ReluRule.VANILLA);
        Saliency guided = ex.saliency(x, 0, ScoreTarget.LOGIT, ReluRule.GUIDED);
        Saliency rectified = ex.saliency(x, 0, ScoreTarget.LOGIT, ReluRule.RECTIFIED);
        assertArrayEquals(new double[] {2, -1}, vanilla.gradient().values(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, guided.gradient().values(), 1e-12);
        assertArrayEquals(new double[] {3, -1}, rectified.gradient().values(), 1e-12);
        assertArrayEquals(new double[] {3, 1}, rectified.map().values(), 1e-12);
        // y_0 = 1 * 3 + 2 * 0 - 1 * 3 = 0
        assertEquals(0, vanilla.score(), 1e-12);
    }

    @Test
    void withoutAReluEveryRuleIsTheTrueGradientAndTheResultSaysSo() {
        Network net = TinyNets.convNet(9, Activation.TANH);
        Explainer ex = new Explainer(net, 8, 8);
        assertFalse(ex.hasRelu());
        double[] x = TinyNets.image(10);
        Saliency vanilla = ex.saliency(x, 1, ScoreTarget.LOGIT, ReluRule.VANILLA);
        for (ReluRule rule : ReluRule.values()) {
            Saliency s = ex.saliency(x, 1, ScoreTarget.LOGIT, rule);
            assertFalse(s.ruleApplies(), rule.id());
            assertArrayEquals(vanilla.gradient().values(), s.gradient().values(), 0, rule.id());
        }
        double[] plus = x.clone();
        double[] minus = x.clone();
        plus[27] += H;
        minus[27] -= H;
        double fd = (TinyNets.logits(net, plus)[1] - TinyNets.logits(net, minus)[1]) / (2 * H);
        assertEquals(fd, vanilla.gradient().get(3, 3), 1e-6);
    }

    @Test
    void allClassesGivesOneMapPerClassInOrder() {
        Network net = TinyNets.convNet(11);
        Explainer ex = new Explainer(net, 8, 8);
        double[] x = TinyNets.image(12);
        List<Saliency> all = ex.saliencyAllClasses(x, ScoreTarget.PROBABILITY, ReluRule.GUIDED);
        assertEquals(4, all.size());
        for (int c = 0; c < 4; c++) {
            assertEquals(c, all.get(c).classIndex());
            assertEquals(ex.saliency(x, c, ScoreTarget.PROBABILITY, ReluRule.GUIDED), all.get(c));
        }
        assertFalse(all.get(0).map().equals(all.get(1).map()), "different classes, different maps");
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        Explainer ex = new Explainer(TinyNets.convNet(1), 8, 8);
        double[] x = TinyNets.image(1);
        assertEquals("class 4 is not one of 0..3", assertThrows(IllegalArgumentException.class,
                () -> ex.saliency(x, 4, ScoreTarget.LOGIT, ReluRule.VANILLA)).getMessage());
        assertEquals("the image has 3 pixels, the network takes 8 x 8", assertThrows(IllegalArgumentException.class,
                () -> ex.saliency(new double[3], 0, ScoreTarget.LOGIT, ReluRule.VANILLA)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Explainer(TinyNets.convNet(1), 7, 8));
        assertEquals("unknown target 'odds' (known: logit, probability, log-probability)",
                assertThrows(IllegalArgumentException.class, () -> ScoreTarget.fromId("odds")).getMessage());
    }

    /** 2 inputs -> 3 hidden (activation {@code hidden}, no bias) -> 2 softmax outputs, the weights above. */
    static Network handNet(Activation hidden) {
        Network net = new Network.Builder(2, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new DenseLayer(0, 2, 3, hidden, BiasMode.NONE))
                .add(new DenseLayer(1, 3, 2, Activation.SOFTMAX, BiasMode.NONE)).build();
        double[][] w1 = {{1, 1}, {1, -1}, {-1, 2}};
        double[][] w2 = {{1, 2, -1}, {0, 0, 1}};
        set(net, "W1", w1);
        set(net, "W2", w2);
        return net;
    }

    private static void set(Network net, String name, double[][] w) {
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[r].length; c++) {
                net.setParameterValue(name, r, c, w[r][c]);
            }
        }
    }
}
