package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.explain.Explainer;
import org.backproplab.explain.MaximizeSettings;
import org.backproplab.explain.Maximizer;
import org.backproplab.explain.Objective;
import org.backproplab.explain.ReluRule;
import org.backproplab.explain.ScoreTarget;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Explanations run backward passes, which overwrite parameter gradients; on the network being
 * trained they would corrupt the next update. The explainer works on its own copy: the network's
 * values, gradients and last forward pass are as they were.
 */
class ExplanationsLeaveNoTraceTest {

    @Test
    void theNetworkBeingTrainedKeepsItsValuesGradientsAndOutputs() {
        SplittableRandom r = new SplittableRandom(3);
        ConvLayer conv = new ConvLayer(0, 1, 6, 6, 2, 3, 1, 0, Activation.RELU);
        conv.initialize(new Initializer.HeNormal(), Initializer.zeros(), r);
        MaxPoolLayer pool = new MaxPoolLayer(1, 2, 4, 4, 2);
        DenseLayer out = new DenseLayer(2, 8, 3, Activation.SOFTMAX, BiasMode.TRAINED);
        out.initialize(new Initializer.XavierUniform(), Initializer.zeros(), r);
        Network net = new Network.Builder(36, Loss.SOFTMAX_CROSS_ENTROPY).add(conv).add(pool).add(out).build();
        DMatrixRMaj x = new DMatrixRMaj(1, 36);
        for (int i = 0; i < 36; i++) {
            x.data[i] = r.nextDouble();
        }
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{0, 1, 0}});
        net.forward(x);
        net.backward(t, Regularization.NONE, false);
        List<DMatrixRMaj> gradients = gradients(net);
        var values = net.copyParameters();
        var outputs = net.outputValues();
        double size = 0;
        for (DMatrixRMaj g : gradients) {
            size += org.ejml.dense.row.NormOps_DDRM.normF(g);
        }
        org.junit.jupiter.api.Assertions.assertTrue(size > 0, "the training step left gradients to keep");

        Explainer ex = new Explainer(net, 6, 6);
        double[] image = x.data.clone();
        ex.saliency(image, 2, ScoreTarget.PROBABILITY, ReluRule.GUIDED);
        ex.gradCam(image, 1, ScoreTarget.LOGIT);
        ex.occlusion(image, 1, ScoreTarget.PROBABILITY, 2, 0.5);
        ex.maximize(Objective.classScore(0, ScoreTarget.LOGIT), MaximizeSettings.defaults(1).withSteps(10),
                Maximizer.Progress.NONE, () -> false);

        List<DMatrixRMaj> after = gradients(net);
        for (int i = 0; i < gradients.size(); i++) {
            assertEquals(0, org.ejml.dense.row.CommonOps_DDRM.elementMaxAbs(
                    org.ejml.dense.row.CommonOps_DDRM.subtract(gradients.get(i), after.get(i), null)), 0);
        }
        assertEquals(values, net.copyParameters());
        assertEquals(outputs, net.outputValues());
    }

    private static List<DMatrixRMaj> gradients(Network net) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            out.add(p.gradient().copy());
        }
        return out;
    }
}
