package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

/**
 * The 2-2-2 worked example, number for number. Expected values are worked out here by hand, one
 * scalar formula at a time (no matrices, no engine code), and checked against the figures printed
 * in the classic walk-through (Matt Mazur, "A Step by Step Backpropagation Example").
 */
class WorkedExampleTest {
    private static final double TOL = 1e-9;

    // inputs, targets, weights and biases of the walk-through
    static final double I1 = 0.05, I2 = 0.10, T1 = 0.01, T2 = 0.99;
    static final double W1 = 0.15, W2 = 0.20, W3 = 0.25, W4 = 0.30, B1 = 0.35;
    static final double W5 = 0.40, W6 = 0.45, W7 = 0.50, W8 = 0.55, B2 = 0.60;
    static final double ETA = 0.5;

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The hand calculation of the first iteration, value by value. */
    static final class Hand {
        final double netH1 = W1 * I1 + W2 * I2 + B1;
        final double netH2 = W3 * I1 + W4 * I2 + B1;
        final double outH1 = sigmoid(netH1);
        final double outH2 = sigmoid(netH2);
        final double netO1 = W5 * outH1 + W6 * outH2 + B2;
        final double netO2 = W7 * outH1 + W8 * outH2 + B2;
        final double outO1 = sigmoid(netO1);
        final double outO2 = sigmoid(netO2);
        final double eO1 = 0.5 * (T1 - outO1) * (T1 - outO1);
        final double eO2 = 0.5 * (T2 - outO2) * (T2 - outO2);
        final double eTotal = eO1 + eO2;
        // dE/dout_o1 = -(target - out), dout/dnet = out (1 - out)
        final double deltaO1 = -(T1 - outO1) * outO1 * (1 - outO1);
        final double deltaO2 = -(T2 - outO2) * outO2 * (1 - outO2);
        final double dW5 = deltaO1 * outH1;
        final double dW6 = deltaO1 * outH2;
        final double dW7 = deltaO2 * outH1;
        final double dW8 = deltaO2 * outH2;
        // dE/dout_h1 = sum over the outputs of delta_o * w(h1 -> o)
        final double dEdOutH1 = deltaO1 * W5 + deltaO2 * W7;
        final double dEdOutH2 = deltaO1 * W6 + deltaO2 * W8;
        final double deltaH1 = dEdOutH1 * outH1 * (1 - outH1);
        final double deltaH2 = dEdOutH2 * outH2 * (1 - outH2);
        final double dW1 = deltaH1 * I1;
        final double dW2 = deltaH1 * I2;
        final double dW3 = deltaH2 * I1;
        final double dW4 = deltaH2 * I2;
    }

    private final Hand hand = new Hand();

    @Test
    void handCalculationMatchesThePublishedFigures() {
        // the walk-through's own numbers, so that the hand calculation above is itself checked
        assertEquals(0.3775, hand.netH1, TOL);
        assertEquals(0.593269992, hand.outH1, 1e-9);
        assertEquals(0.596884378, hand.outH2, 1e-9);
        assertEquals(1.105905967, hand.netO1, 1e-9);
        assertEquals(0.75136507, hand.outO1, 1e-8);
        assertEquals(0.772928465, hand.outO2, 1e-9);
        assertEquals(0.298371109, hand.eTotal, 1e-9);
        assertEquals(0.082167041, hand.dW5, 1e-9);
        assertEquals(0.000438568, hand.dW1, 1e-9);
        assertEquals(0.036350306, hand.dEdOutH1, 1e-9);
    }

    @Test
    void forwardStagesGiveTheWorkedNumbers() {
        Stepper stepper = new Stepper(Lessons.byId(Lessons.WORKED_2_2_2).newTrainer(), 10);
        ForwardRecord hidden = assertInstanceOf(ForwardRecord.class, stepper.next());
        assertEquals(0, hidden.layer());
        assertEquals(hand.netH1, hidden.preActivation().get(0, 0), TOL);
        assertEquals(hand.netH2, hidden.preActivation().get(0, 1), TOL);
        assertEquals(hand.outH1, hidden.activation().get(0, 0), TOL);
        assertEquals(hand.outH2, hidden.activation().get(0, 1), TOL);
        assertEquals(W2, hidden.weights().get(0, 1), 0);
        assertEquals(W3, hidden.weights().get(1, 0), 0);

        ForwardRecord output = assertInstanceOf(ForwardRecord.class, stepper.next());
        assertEquals(1, output.layer());
        assertEquals(hand.netO1, output.preActivation().get(0, 0), TOL);
        assertEquals(0.75136507, output.activation().get(0, 0), 1e-8);
        assertEquals(0.772928465, output.activation().get(0, 1), 1e-9);

        LossRecord loss = assertInstanceOf(LossRecord.class, stepper.next());
        assertEquals(0.298371109, loss.total(), 1e-9);
        assertEquals(hand.eO1, loss.terms().get(0, 0), TOL);
        assertEquals(hand.eO2, loss.terms().get(0, 1), TOL);
        assertEquals(0, loss.penalty(), 0);
    }

    @Test
    void backwardAndUpdateStagesGiveTheWorkedNumbers() {
        Stepper stepper = new Stepper(Lessons.byId(Lessons.WORKED_2_2_2).newTrainer(), 10);
        for (int i = 0; i < 3; i++) {
            stepper.next();
        }
        BackwardRecord out = assertInstanceOf(BackwardRecord.class, stepper.next());
        assertEquals(1, out.layer());
        // dE/dout_o1 = out_o1 - target_o1 = 0.74136507
        assertEquals(0.74136507, out.gradActivation().get(0, 0), 1e-8);
        // dout_o1/dnet_o1 = out (1 - out) = 0.186815602
        assertEquals(0.186815602, out.derivative().get(0, 0), 1e-9);
        assertEquals(hand.deltaO1, out.delta().get(0, 0), TOL);
        assertEquals(hand.deltaO2, out.delta().get(0, 1), TOL);
        assertEquals(hand.dW5, out.gradWeights().get(0, 0), TOL);
        assertEquals(hand.dW6, out.gradWeights().get(0, 1), TOL);
        assertEquals(hand.dW7, out.gradWeights().get(1, 0), TOL);
        assertEquals(hand.dW8, out.gradWeights().get(1, 1), TOL);
        assertEquals(hand.dEdOutH1, out.gradInput().get(0, 0), TOL);
        assertEquals(hand.dEdOutH2, out.gradInput().get(0, 1), TOL);

        BackwardRecord hidden = assertInstanceOf(BackwardRecord.class, stepper.next());
        assertEquals(0, hidden.layer());
        assertEquals(hand.deltaH1, hidden.delta().get(0, 0), TOL);
        assertEquals(hand.dW1, hidden.gradWeights().get(0, 0), TOL);
        assertEquals(hand.dW2, hidden.gradWeights().get(0, 1), TOL);
        assertEquals(hand.dW3, hidden.gradWeights().get(1, 0), TOL);
        assertEquals(hand.dW4, hidden.gradWeights().get(1, 1), TOL);

        UpdateRecord update = assertInstanceOf(UpdateRecord.class, stepper.next());
        ParameterUpdate w1 = update.parameter("W1");
        ParameterUpdate w2 = update.parameter("W2");
        // the walk-through's updated weights
        assertEquals(0.35891648, w2.after().get(0, 0), 1e-8);
        assertEquals(0.408666186, w2.after().get(0, 1), 1e-9);
        assertEquals(0.511301270, w2.after().get(1, 0), 1e-9);
        assertEquals(0.561370121, w2.after().get(1, 1), 1e-9);
        assertEquals(0.149780716, w1.after().get(0, 0), 1e-9);
        assertEquals(0.19956143, w1.after().get(0, 1), 1e-8);
        assertEquals(0.24975114, w1.after().get(1, 0), 1e-8);
        assertEquals(0.29950229, w1.after().get(1, 1), 1e-8);
        assertEquals(W5 - ETA * hand.dW5, w2.after().get(0, 0), TOL);
        assertEquals(-ETA * hand.dW5, w2.step().get(0, 0), TOL);
        // frozen biases: gradient shown, value unchanged
        ParameterUpdate b2 = update.parameter("b2");
        assertTrue(!b2.trainable());
        assertEquals(hand.deltaO1, b2.gradient().get(0, 0), TOL);
        assertEquals(B2, b2.after().get(0, 0), 0);
        assertEquals(0, b2.step().get(0, 0), 0);
    }

    /**
     * An independent scalar implementation of the walk-through's training loop (frozen biases),
     * written out weight by weight. Returns {E after the last update, out_o1, out_o2}.
     */
    static double[] scalarTraining(int iterations) {
        double w1 = W1, w2 = W2, w3 = W3, w4 = W4, w5 = W5, w6 = W6, w7 = W7, w8 = W8;
        for (int k = 0; k < iterations; k++) {
            double h1 = sigmoid(w1 * I1 + w2 * I2 + B1);
            double h2 = sigmoid(w3 * I1 + w4 * I2 + B1);
            double o1 = sigmoid(w5 * h1 + w6 * h2 + B2);
            double o2 = sigmoid(w7 * h1 + w8 * h2 + B2);
            double d1 = (o1 - T1) * o1 * (1 - o1);
            double d2 = (o2 - T2) * o2 * (1 - o2);
            double dh1 = (d1 * w5 + d2 * w7) * h1 * (1 - h1);
            double dh2 = (d1 * w6 + d2 * w8) * h2 * (1 - h2);
            w5 -= ETA * d1 * h1;
            w6 -= ETA * d1 * h2;
            w7 -= ETA * d2 * h1;
            w8 -= ETA * d2 * h2;
            w1 -= ETA * dh1 * I1;
            w2 -= ETA * dh1 * I2;
            w3 -= ETA * dh2 * I1;
            w4 -= ETA * dh2 * I2;
        }
        double h1 = sigmoid(w1 * I1 + w2 * I2 + B1);
        double h2 = sigmoid(w3 * I1 + w4 * I2 + B1);
        double o1 = sigmoid(w5 * h1 + w6 * h2 + B2);
        double o2 = sigmoid(w7 * h1 + w8 * h2 + B2);
        return new double[] {0.5 * (T1 - o1) * (T1 - o1) + 0.5 * (T2 - o2) * (T2 - o2), o1, o2};
    }

    @Test
    void afterTheFirstUpdateTheErrorIsLower() {
        Lesson lesson = Lessons.byId(Lessons.WORKED_2_2_2);
        Trainer trainer = lesson.newTrainer();
        assertEquals(0.298371109, trainer.trainIteration(), 1e-9);
        double after = trainer.evaluateTraining().loss();
        assertEquals(scalarTraining(1)[0], after, 1e-15);
        // The walk-through prints 0.291027924; the exact value is 0.29102777369..., the blog's
        // figure carries its rounded intermediate values (it differs in the 7th decimal).
        assertEquals(0.291027924, after, 2e-7);
        assertEquals(0.291027774, after, 1e-9);
    }

    @Test
    void tenThousandIterationsReachThePublishedError() {
        Trainer trainer = Lessons.byId(Lessons.WORKED_2_2_2).newTrainer();
        for (int i = 0; i < 10000; i++) {
            trainer.trainIteration();
        }
        double[] expected = scalarTraining(10000);
        double loss = trainer.evaluateTraining().loss();
        assertEquals(expected[0], loss, 1e-15);
        assertEquals(expected[1], trainer.network().output().get(0, 0), 1e-12);
        assertEquals(expected[2], trainer.network().output().get(0, 1), 1e-12);
        // the walk-through: "the error plummets to 0.0000351085 ... outputs 0.015912196 and
        // 0.984065734" (from its rounded arithmetic; the exact error is 0.00003510188)
        assertEquals(0.0000351085, loss, 1e-8);
        assertEquals(0.015912196, trainer.network().output().get(0, 0), 1e-5);
        assertEquals(0.984065734, trainer.network().output().get(0, 1), 1e-5);
    }

    @Test
    void trainedBiasesMoveAndGiveADifferentResult() {
        Lesson lesson = Lessons.byId(Lessons.WORKED_2_2_2).withBiasMode(BiasMode.TRAINED);
        Stepper stepper = new Stepper(lesson.newTrainer(), 10);
        UpdateRecord update = (UpdateRecord) stepper.finishIteration().get(5);
        ParameterUpdate b1 = update.parameter("b1");
        ParameterUpdate b2 = update.parameter("b2");
        // each neuron's bias moves by -eta delta: b = b - eta dE/db, dE/db = delta
        assertEquals(B2 - ETA * hand.deltaO1, b2.after().get(0, 0), TOL);
        assertEquals(B2 - ETA * hand.deltaO2, b2.after().get(1, 0), TOL);
        assertEquals(B1 - ETA * hand.deltaH1, b1.after().get(0, 0), TOL);
        assertEquals(B1 - ETA * hand.deltaH2, b1.after().get(1, 0), TOL);
        assertEquals(0.530750719, b2.after().get(0, 0), 1e-9);
        assertEquals(0.619049118, b2.after().get(1, 0), 1e-9);

        Trainer frozen = Lessons.byId(Lessons.WORKED_2_2_2).newTrainer();
        Trainer trained = lesson.newTrainer();
        frozen.trainIteration();
        trained.trainIteration();
        double frozenLoss = frozen.evaluateTraining().loss();
        double trainedLoss = trained.evaluateTraining().loss();
        assertEquals(scalarTraining(1)[0], frozenLoss, 1e-15);
        // trained biases also step downhill, so the error after one update is lower still
        assertTrue(trainedLoss < frozenLoss - 1e-4, trainedLoss + " vs " + frozenLoss);
        // by hand: every weight as in the frozen case, plus each bias moved by -eta delta
        double bh1 = B1 - ETA * hand.deltaH1, bh2 = B1 - ETA * hand.deltaH2;
        double bo1 = B2 - ETA * hand.deltaO1, bo2 = B2 - ETA * hand.deltaO2;
        double h1 = sigmoid((W1 - ETA * hand.dW1) * I1 + (W2 - ETA * hand.dW2) * I2 + bh1);
        double h2 = sigmoid((W3 - ETA * hand.dW3) * I1 + (W4 - ETA * hand.dW4) * I2 + bh2);
        double o1 = sigmoid((W5 - ETA * hand.dW5) * h1 + (W6 - ETA * hand.dW6) * h2 + bo1);
        double o2 = sigmoid((W7 - ETA * hand.dW7) * h1 + (W8 - ETA * hand.dW8) * h2 + bo2);
        double expected = 0.5 * (T1 - o1) * (T1 - o1) + 0.5 * (T2 - o2) * (T2 - o2);
        assertEquals(expected, trainedLoss, 1e-15);
        assertEquals(0.280471447, trainedLoss, 1e-9);
    }

    @Test
    void withoutBiasesTheNetPassesThroughTheOrigin() {
        Lesson lesson = Lessons.byId(Lessons.WORKED_2_2_2).withBiasMode(BiasMode.NONE);
        Stepper stepper = new Stepper(lesson.newTrainer(), 10);
        ForwardRecord hidden = (ForwardRecord) stepper.next();
        assertNull(hidden.bias());
        assertEquals(W1 * I1 + W2 * I2, hidden.preActivation().get(0, 0), TOL);
        List<Parameter> parameters = lesson.newTrainer().network().parameters();
        assertEquals(List.of("W1", "W2"), parameters.stream().map(Parameter::name).toList());
    }

    @Test
    void everyGradientEqualsItsFiniteDifference() {
        for (BiasMode mode : BiasMode.values()) {
            Lesson lesson = Lessons.byId(Lessons.WORKED_2_2_2).withBiasMode(mode);
            Network net = lesson.buildNetwork(0);
            GradientCheck.Result r = GradientCheck.check(net, lesson.train().inputs().toMatrix(),
                    lesson.train().targets().toMatrix(), Regularization.NONE, 1e-5);
            assertTrue(r.maxError() < 1e-6, mode + ": " + r.worst());
            assertEquals(mode == BiasMode.NONE ? 8 : 12, r.entries().size());
        }
    }
}
