package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Backpropagation against finite differences for every layer, activation and loss combination. */
class GradientCheckTest {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        Activation[] hidden = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU};
        Activation[] outputs = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.SOFTMAX};
        Loss[] squared = {Loss.HALF_SQUARED_ERROR, Loss.SUM_SQUARED_ERROR, Loss.MEAN_SQUARED_ERROR};
        for (Activation h : hidden) {
            for (Activation o : outputs) {
                for (Loss l : squared) {
                    out.add(Arguments.of(h, o, l));
                }
            }
            out.add(Arguments.of(h, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
            // not fused: binary cross-entropy on softmax outputs, through the softmax Jacobian
            out.add(Arguments.of(h, Activation.SOFTMAX, Loss.BINARY_CROSS_ENTROPY));
            out.add(Arguments.of(h, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY));
        }
        return out.stream();
    }

    /** A 3-4-3-k net on a batch of 5 random samples with targets that suit the loss. */
    private static void checkNetwork(Activation hidden, Activation output, Loss loss, BiasMode bias,
            Regularization regularization, long seed) {
        int k = 3;
        NetworkSpec spec = new NetworkSpec(3, List.of(
                new LayerSpec(4, hidden, bias, new Initializer.Uniform(-1, 1), new Initializer.Uniform(-0.5, 0.5)),
                new LayerSpec(3, hidden, bias, new Initializer.Uniform(-1, 1), new Initializer.Uniform(-0.5, 0.5)),
                new LayerSpec(k, output, bias, new Initializer.Uniform(-1, 1), new Initializer.Uniform(-0.5, 0.5))),
                loss);
        Network net = spec.build(seed);
        SplittableRandom random = new SplittableRandom(seed + 1000);
        DMatrixRMaj x = new DMatrixRMaj(5, 3);
        DMatrixRMaj t = new DMatrixRMaj(5, k);
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = random.nextDouble(-2, 2);
        }
        for (int r = 0; r < 5; r++) {
            int cls = random.nextInt(k);
            for (int c = 0; c < k; c++) {
                t.set(r, c, switch (loss) {
                    case SOFTMAX_CROSS_ENTROPY -> c == cls ? 1 : 0;
                    case BINARY_CROSS_ENTROPY -> random.nextInt(2);
                    default -> random.nextDouble(-1, 1);
                });
            }
        }
        GradientCheck.Result r = GradientCheck.check(net, x, t, regularization, H);
        assertTrue(r.maxError() < TOLERANCE, hidden + "/" + output + "/" + loss + "/" + bias + ": " + r.worst());
        int expected = 3 * 4 + 4 * 3 + 3 * k + (bias == BiasMode.NONE ? 0 : 4 + 3 + k);
        assertEquals(expected, r.entries().size());
        GradientCheck.Result input = GradientCheck.checkInput(net, x, t, regularization, H);
        assertTrue(input.maxError() < TOLERANCE, "input gradient: " + input.worst());
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("combinations")
    void backpropagationMatchesFiniteDifferences(Activation hidden, Activation output, Loss loss) {
        checkNetwork(hidden, output, loss, BiasMode.TRAINED, Regularization.NONE, 7);
    }

    @ParameterizedTest(name = "bias {0}")
    @org.junit.jupiter.params.provider.EnumSource(BiasMode.class)
    void everyBiasModeChecks(BiasMode mode) {
        checkNetwork(Activation.TANH, Activation.SIGMOID, Loss.HALF_SQUARED_ERROR, mode, Regularization.NONE, 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void penaltiesAreInTheGradient(Regularization regularization) {
        checkNetwork(Activation.SIGMOID, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY, BiasMode.TRAINED,
                regularization, 11);
        checkNetwork(Activation.RELU, Activation.IDENTITY, Loss.MEAN_SQUARED_ERROR, BiasMode.TRAINED,
                regularization, 12);
    }

    static Stream<Regularization> penalties() {
        return Stream.of(Regularization.l1(0.03), Regularization.l2(0.1));
    }
}
