package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grad-CAM's weights against finite differences on the layer's output, its formula, and the upsampling by hand. */
class GradCamTest {
    private static final double H = 1e-6;

    /** Layer 0 is the first conv (2 x 8 x 8), layer 2 the second (3 x 2 x 2), of {@link TinyNets#convNet}. */
    @ParameterizedTest(name = "layer {0}, {1}, class {2}")
    @CsvSource({"0,logit,1", "2,logit,0", "2,probability,3", "0,log-probability,2"})
    void weightsAreMeanGradientsByFiniteDifferencesAndTheMapIsTheFormula(int layer, String target, int c) {
        Network net = TinyNets.convNet(21 + layer);
        double[] x = TinyNets.image(22);
        GradCam cam = new Explainer(net, 8, 8).gradCam(x, c, ScoreTarget.fromId(target), layer);
        double[] a = TinyNets.layerOutput(net, layer, x);
        int k = layer == 0 ? 2 : 3;
        int side = layer == 0 ? 8 : 2;
        int positions = side * side;
        double[] alpha = new double[k];
        for (int f = 0; f < k; f++) {
            // alpha_k = mean over positions of dy_c/dA^k_ij, each by central differences of y_c
            // with the layer's output perturbed and the layers above run on it
            for (int q = 0; q < positions; q++) {
                double[] plus = a.clone();
                double[] minus = a.clone();
                plus[f * positions + q] += H;
                minus[f * positions + q] -= H;
                alpha[f] += (TinyNets.score(target, TinyNets.logitsFrom(net, layer, plus), c)
                        - TinyNets.score(target, TinyNets.logitsFrom(net, layer, minus), c)) / (2 * H) / positions;
            }
        }
        assertArrayEquals(alpha, cam.weights(), 1e-7);
        assertEquals(layer, cam.layer());
        assertEquals(side, cam.layerMap().rows());
        double[] expected = new double[positions];
        for (int q = 0; q < positions; q++) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += alpha[f] * a[f * positions + q];
            }
            expected[q] = Math.max(0, sum);
        }
        assertArrayEquals(expected, cam.layerMap().values(), 1e-7);
        assertEquals(8, cam.map().rows());
        assertEquals(cam.map().max() > 0 ? 1 / cam.map().max() : 0, cam.displayScale(), 1e-12);
        assertEquals(TinyNets.score(target, TinyNets.logits(net, x), c), cam.score(), 1e-12);
    }

    @Test
    void aMapWithPositiveValuesIsFoundAndTheDefaultLayerIsTheLastConv() {
        Network net = TinyNets.convNet(30);
        Explainer ex = new Explainer(net, 8, 8);
        assertEquals(List.of(0, 2), ex.convLayers());
        assertEquals(2, ex.lastConvLayer());
        int found = 0;
        for (long seed = 0; seed < 20; seed++) {
            GradCam cam = ex.gradCam(TinyNets.image(seed), (int) (seed % 4), ScoreTarget.LOGIT);
            assertEquals(2, cam.layer());
            if (cam.map().max() > 0) {
                found++;
                assertEquals(1, cam.display().max(), 1e-12);
                assertEquals(1, cam.map().max() * cam.displayScale(), 1e-12);
            }
        }
        assertTrue(found > 0, "some image has a class activation map that is not all 0");
    }

    /**
     * cv2.resize(np.array([[0, 1], [2, 3]], np.float32), (4, 4)) (INTER_LINEAR) gives this; by
     * hand: output column i samples the input at (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25,
     * clamped to 0, 0.25, 0.75, 1, so row 0 is 0, 0.25, 0.75, 1 and the rows mix 0 : 2 the same way.
     */
    @Test
    void bilinearUpsamplingUsesHalfPixelCentresAsOpenCv() {
        Grid up = Bilinear.resize(new Grid(2, 2, new double[] {0, 1, 2, 3}), 4, 4);
        assertArrayEquals(new double[] {
            0, 0.25, 0.75, 1,
            0.5, 0.75, 1.25, 1.5,
            1.5, 1.75, 2.25, 2.5,
            2, 2.25, 2.75, 3}, up.values(), 1e-12);
    }

    /** A ramp v[j] = j over 10 columns (LeNet's last conv is 10 x 10) resized to 28: linear inside, flat at the ends. */
    @Test
    void bilinearOnARampTenToTwentyEight() {
        double[] ramp = new double[10];
        for (int j = 0; j < 10; j++) {
            ramp[j] = j;
        }
        Grid up = Bilinear.resize(new Grid(1, 10, ramp), 1, 28);
        for (int i = 0; i < 28; i++) {
            double s = (i + 0.5) * 10 / 28 - 0.5;
            assertEquals(Math.max(0, Math.min(9, s)), up.get(0, i), 1e-12, "column " + i);
        }
        assertEquals(0, up.get(0, 0), 0);
        assertEquals(9, up.get(0, 27), 0);
        // (1.5 * 10 / 28 - 0.5) = 0.0357...: just past the first pixel's centre
        assertEquals(1.5 * 10 / 28 - 0.5, up.get(0, 1), 1e-12);
    }

    @Test
    void guidedGradCamIsGuidedSaliencyTimesTheUpsampledMap() {
        Network net = TinyNets.convNet(31);
        Explainer ex = new Explainer(net, 8, 8);
        double[] x = TinyNets.image(32);
        GuidedGradCam g = ex.guidedGradCam(x, 1, ScoreTarget.LOGIT, 0);
        Saliency guided = ex.saliency(x, 1, ScoreTarget.LOGIT, ReluRule.GUIDED);
        GradCam cam = ex.gradCam(x, 1, ScoreTarget.LOGIT, 0);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(guided.map().get(r, c) * cam.map().get(r, c), g.map().get(r, c), 1e-15);
            }
        }
    }

    @Test
    void aLayerThatIsNoConvolutionIsRefused() {
        Explainer ex = new Explainer(TinyNets.convNet(1), 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ex.gradCam(TinyNets.image(1), 0, ScoreTarget.LOGIT, 1));
        assertEquals("layer index 1 is not a convolution (convolutions: [0, 2])", e.getMessage());
        Explainer mlp = new Explainer(SaliencyTest.handNet(org.backproplab.engine.Activation.RELU), 1, 2);
        assertEquals("Grad-CAM needs a convolution layer and this network has none",
                assertThrows(IllegalArgumentException.class,
                        () -> mlp.gradCam(new double[] {1, 2}, 0, ScoreTarget.LOGIT)).getMessage());
    }
}
