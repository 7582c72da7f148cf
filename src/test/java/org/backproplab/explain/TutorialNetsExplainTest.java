package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Explanations through the new layers: dropout is the identity at explain time, flatten passes the
 * gradient through, subsampling's is its coefficient over the window; saliency against central
 * differences of the class score on the presets' own networks.
 */
class TutorialNetsExplainTest {
    private static final double H = 1e-6;

    @ParameterizedTest(name = "{0}, class {1}")
    @CsvSource({"mnist-keras-example,3,1", "lenet-1998,7,2"})
    void saliencyIsTheGradientByCentralDifferences(String preset, int c, int lastConv) {
        Network net = MnistLessons.byId(preset).network().apply(3);
        SplittableRandom r = new SplittableRandom(9);
        double[] x = new double[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        Explainer explainer = Explainer.forDigits(net);
        Saliency s = explainer.saliency(x, c, ScoreTarget.fromId("log-probability"), ReluRule.VANILLA);
        assertEquals(TinyNets.score("log-probability", TinyNets.logits(net, x), c), s.score(), 1e-12,
                "the same score as layer by layer at test time (dropout passes everything)");
        for (int k = 0; k < 12; k++) {
            int i = 200 + 31 * k;
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += H;
            minus[i] -= H;
            double fd = (TinyNets.score("log-probability", TinyNets.logits(net, plus), c)
                    - TinyNets.score("log-probability", TinyNets.logits(net, minus), c)) / (2 * H);
            assertEquals(fd, s.gradient().get(i / 28, i % 28), 1e-6 * Math.max(1, Math.abs(fd)), "pixel " + i);
        }
        assertEquals(lastConv, explainer.lastConvLayer());
        GradCam cam = explainer.gradCam(x, c, ScoreTarget.fromId("logit"));
        assertTrue(cam.map().rows() > 0);
    }
}
