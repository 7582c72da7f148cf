package org.backproplab.engine;

import static org.backproplab.engine.ConvWorkedByHand.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

/**
 * The {@code conv-worked} lesson's first iteration, stage by stage, against the hand calculation
 * of {@link ConvWorkedByHand}; every gradient against a finite difference of the hand-written
 * forward pass; the fast path against the stages; stepping back bit for bit.
 */
class ConvWorkedTest {
    private static final double TOL = 1e-12;
    private final ConvWorkedByHand hand = new ConvWorkedByHand();

    private static Stepper stepper() {
        return new Stepper(Lessons.byId(Lessons.CONV_WORKED).newTrainer(), 1000);
    }

    /** A map [channel][row][column] flattened channel by channel, row by row (the engine's sample row). */
    private static double[] flat(double[][][] m) {
        List<Double> out = new ArrayList<>();
        for (double[][] plane : m) {
            for (double[] row : plane) {
                for (double v : row) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] flat(double[][] m) {
        return flat(new double[][][] {m});
    }

    private static void assertRow(double[] expected, ImmutableMatrix actual, String what) {
        assertEquals(1, actual.rows(), what + ": one sample");
        assertEquals(expected.length, actual.cols(), what + ": size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(0, i), TOL, what + "[" + i + "]");
        }
    }

    private static void assertColumn(double[] expected, ImmutableMatrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.get(i, 0), TOL, what + "[" + i + "]");
        }
    }

    /** W of the conv layer: one row per filter, its 3 x 3 kernel row by row. */
    private static void assertKernels(double[][][] expected, ImmutableMatrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what);
        for (int f = 0; f < expected.length; f++) {
            double[] k = flat(expected[f]);
            for (int i = 0; i < k.length; i++) {
                assertEquals(k[i], actual.get(f, i), TOL, what + "[" + f + "][" + i / 3 + "][" + i % 3 + "]");
            }
        }
    }

    private static void assertRows(double[][] expected, ImmutableMatrix actual, String what) {
        assertEquals(expected.length, actual.rows(), what);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], actual.get(r, c), TOL, what + "[" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void oneCellOfTheHandCalculationWrittenOutInFull() {
        // filter 1 at row 0, column 2: the window is rows 0..2, columns 2..4 of the input
        double sum = 0.2 * 0.8 + 0.5 * 0.9 + -0.3 * 0.2
                + 0.1 * 0.3 + 0.6 * 0.9 + -0.4 * 0.4
                + -0.2 * 0.1 + 0.4 * 0.8 + 0.1 * 0.6;
        assertEquals(1.32, sum, 1e-15);
        assertEquals(sum + 0.05, hand.z1[0][0][2], 1e-15);
        // the top-right window of filter 1: 1.37, 0.74 / 1.01, 1.08; 1.37 (index 0 4 + 2) wins
        assertEquals(2, hand.winner[0][0][1]);
        assertEquals(hand.z1[0][0][2], hand.p[0][0][1], 0);
        // softmax of the two outputs adds up to 1, and E = -ln o1 for the target (1, 0)
        assertEquals(1, hand.o[0] + hand.o[1], 1e-15);
        assertEquals(-Math.log(hand.o[0]), hand.loss, 1e-15);
    }

    @Test
    void everyStageOfTheFirstIterationMatchesTheHandCalculation() {
        Stepper stepper = stepper();
        assertEquals(8, Stage.count(stepper.trainer().network().layerCount()));

        ForwardRecord conv = assertInstanceOf(ForwardRecord.class, stepper.next());
        assertEquals(0, conv.layer());
        assertEquals(Activation.RELU, conv.function());
        assertRow(flat(ConvWorkedByHand.X), conv.input(), "input");
        assertKernels(ConvWorkedByHand.K, conv.weights(), "W1");
        assertColumn(ConvWorkedByHand.B1, conv.bias(), "b1");
        assertRow(flat(hand.z1), conv.preActivation(), "z1");
        assertRow(flat(hand.a1), conv.activation(), "a1");
        assertNull(conv.winners());

        ForwardRecord pool = assertInstanceOf(ForwardRecord.class, stepper.next());
        assertNull(pool.weights());
        assertNull(pool.bias());
        assertRow(flat(hand.a1), pool.input(), "pool input");
        assertRow(flat(hand.p), pool.activation(), "pooled");
        double[] winners = new double[8];
        for (int f = 0; f < 2; f++) {
            for (int n = 0; n < 4; n++) {
                // the index in the pooling layer's input row: plane f, then y 4 + x
                winners[f * 4 + n] = f * 16 + hand.winner[f][n / 2][n % 2];
            }
        }
        assertRow(winners, pool.winners(), "winners");

        ForwardRecord dense = assertInstanceOf(ForwardRecord.class, stepper.next());
        assertRows(ConvWorkedByHand.W3, dense.weights(), "W3");
        assertColumn(ConvWorkedByHand.B3, dense.bias(), "b3");
        assertRow(hand.z3, dense.preActivation(), "z3");
        assertRow(hand.o, dense.activation(), "o");

        LossRecord loss = assertInstanceOf(LossRecord.class, stepper.next());
        assertEquals(hand.loss, loss.total(), TOL);
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, loss.loss());

        BackwardRecord denseBack = assertInstanceOf(BackwardRecord.class, stepper.next());
        assertEquals(2, denseBack.layer());
        assertRow(hand.delta3, denseBack.delta(), "delta3");
        assertRows(hand.dW3, denseBack.gradWeights(), "dW3");
        assertColumn(hand.db3, denseBack.gradBias(), "db3");
        assertRow(flat(hand.dp), denseBack.gradInput(), "dE/dpooled");

        BackwardRecord poolBack = assertInstanceOf(BackwardRecord.class, stepper.next());
        assertEquals(1, poolBack.layer());
        assertRow(flat(hand.dp), poolBack.delta(), "pool delta");
        assertNull(poolBack.gradWeights());
        // routed to the winners only, zeros elsewhere
        assertRow(flat(hand.da1), poolBack.gradInput(), "dE/da1");

        BackwardRecord convBack = assertInstanceOf(BackwardRecord.class, stepper.next());
        assertEquals(0, convBack.layer());
        assertRow(flat(hand.da1), convBack.gradActivation(), "dE/da1");
        double[] relu = new double[32];
        double[] z = flat(hand.z1);
        for (int i = 0; i < 32; i++) {
            relu[i] = z[i] > 0 ? 1 : 0;
        }
        assertRow(relu, convBack.derivative(), "ReLU'(z1)");
        assertRow(flat(hand.delta1), convBack.delta(), "delta1");
        assertKernels(hand.dK, convBack.gradWeights(), "dW1");
        assertColumn(hand.db1, convBack.gradBias(), "db1");
        assertRow(flat(hand.dX), convBack.gradInput(), "dE/dx");

        UpdateRecord update = assertInstanceOf(UpdateRecord.class, stepper.next());
        assertEquals(0.1, update.learningRate(), 0);
        assertKernels(hand.kAfter, update.parameter("W1").after(), "W1 after");
        assertColumn(hand.b1After, update.parameter("b1").after(), "b1 after");
        assertRows(hand.w3After, update.parameter("W3").after(), "W3 after");
        assertColumn(hand.b3After, update.parameter("b3").after(), "b3 after");

        // the second iteration's loss is the hand-written forward pass with the updated numbers
        LossRecord next = (LossRecord) stepper.finishIteration().get(3);
        double after = ConvWorkedByHand.lossOf(ConvWorkedByHand.X, hand.kAfter, hand.b1After, hand.w3After,
                hand.b3After);
        assertEquals(after, next.total(), TOL);
        assertTrue(after < hand.loss, "one step of SGD lowers the loss: " + after + " < " + hand.loss);
    }

    /** (E(v + h) - E(v - h)) / 2h for the number that {@code set} changes, by the hand-written forward pass. */
    private interface Nudge {
        double lossWith(double delta);
    }

    private static double central(Nudge n) {
        double h = 1e-6;
        return (n.lossWith(h) - n.lossWith(-h)) / (2 * h);
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double error = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8);
        assertTrue(error < 1e-6, what + ": backprop " + analytic + ", finite difference " + numeric);
    }

    @Test
    void everyGradientEqualsItsFiniteDifference() {
        StageRecords records = StageRecords.of(stepper().finishIteration());
        BackwardRecord conv = records.backward(0);
        BackwardRecord dense = records.backward(2);
        double[][] x = ConvWorkedByHand.X;
        double[][][] k = ConvWorkedByHand.K;
        double[] b1 = ConvWorkedByHand.B1;
        double[][] w3 = ConvWorkedByHand.W3;
        double[] b3 = ConvWorkedByHand.B3;
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    int ff = f, ii = i, jj = j;
                    double numeric = central(h -> {
                        double[][][] kk = copy(k);
                        kk[ff][ii][jj] += h;
                        return ConvWorkedByHand.lossOf(x, kk, b1, w3, b3);
                    });
                    assertClose(numeric, conv.gradWeights().get(f, i * 3 + j), "dE/dw1[" + f + "][" + i + "][" + j + "]");
                }
            }
            int ff = f;
            double numeric = central(h -> {
                double[] bb = b1.clone();
                bb[ff] += h;
                return ConvWorkedByHand.lossOf(x, k, bb, w3, b3);
            });
            assertClose(numeric, conv.gradBias().get(f, 0), "dE/db1[" + f + "]");
        }
        for (int o = 0; o < 2; o++) {
            for (int n = 0; n < 8; n++) {
                int oo = o, nn = n;
                double numeric = central(h -> {
                    double[][] ww = copy(w3);
                    ww[oo][nn] += h;
                    return ConvWorkedByHand.lossOf(x, k, b1, ww, b3);
                });
                assertClose(numeric, dense.gradWeights().get(o, n), "dE/dW3[" + o + "][" + n + "]");
            }
            int oo = o;
            double numeric = central(h -> {
                double[] bb = b3.clone();
                bb[oo] += h;
                return ConvWorkedByHand.lossOf(x, k, b1, w3, bb);
            });
            assertClose(numeric, dense.gradBias().get(o, 0), "dE/db3[" + o + "]");
        }
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                int rr = r, cc = c;
                double numeric = central(h -> {
                    double[][] xx = copy(x);
                    xx[rr][cc] += h;
                    return ConvWorkedByHand.lossOf(xx, k, b1, w3, b3);
                });
                // a pixel no window of a winning, positive cell reads has no gradient at all
                double analytic = conv.gradInput().get(0, r * 6 + c);
                if (analytic == 0) {
                    assertEquals(0, numeric, 1e-9, "dE/dx[" + r + "][" + c + "]");
                } else {
                    assertClose(numeric, analytic, "dE/dx[" + r + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void theFastPathAndTheStagesGiveIdenticalNumbers() {
        Lesson lesson = Lessons.byId(Lessons.CONV_WORKED);
        Trainer fast = lesson.newTrainer();
        Stepper staged = new Stepper(lesson.newTrainer(), 10);
        for (int i = 0; i < 25; i++) {
            double loss = fast.trainIteration();
            LossRecord record = StageRecords.of(staged.finishIteration()).loss();
            assertEquals(Double.doubleToLongBits(loss), Double.doubleToLongBits(record.total()), "iteration " + i);
        }
        assertEquals(fast.network().copyParameters(), staged.trainer().network().copyParameters());
        assertNotEquals(lesson.newTrainer().network().copyParameters(), fast.network().copyParameters(),
                "25 updates changed the weights");
    }

    @Test
    void steppingBackRestoresEveryNumberBitForBit() {
        Stepper stepper = stepper();
        Trainer trainer = stepper.trainer();
        List<Checkpoint> before = new ArrayList<>();
        List<StageRecord> records = new ArrayList<>();
        // two whole iterations and three stages of a third
        for (int i = 0; i < 2 * 8 + 3; i++) {
            before.add(trainer.checkpoint());
            records.add(stepper.next());
        }
        for (int i = records.size() - 1; i >= 0; i--) {
            assertTrue(stepper.back());
            assertEquals(before.get(i), trainer.checkpoint(), "state before stage " + i);
            assertEquals(records.get(i), stepper.next(), "stage " + i + " again");
            assertTrue(stepper.back());
        }
        assertFalse(stepper.back());
    }

    @Test
    void anEditedPixelChangesEveryMapDownstreamAndStepsBackExactly() {
        Stepper stepper = stepper();
        Trainer trainer = stepper.trainer();
        // up to the conv layer's backward stage (the last before the update)
        for (int i = 0; i < 7; i++) {
            stepper.next();
        }
        List<StageRecord> original = stepper.currentRecords();
        // the pixel at row 2, column 3 (0.8) becomes 0.1
        stepper.change(() -> trainer.setInput(0, 2 * 6 + 3, 0.1), () -> trainer.setInput(0, 2 * 6 + 3, 0.8));
        double[][] x = copy(ConvWorkedByHand.X);
        x[2][3] = 0.1;
        ConvWorkedByHand edited = new ConvWorkedByHand(x, ConvWorkedByHand.K, ConvWorkedByHand.B1,
                ConvWorkedByHand.W3, ConvWorkedByHand.B3);
        StageRecords now = StageRecords.of(stepper.currentRecords());
        assertEquals(7, stepper.currentRecords().size(), "the stages shown are run again");
        assertRow(flat(edited.z1), now.forward(0).preActivation(), "z1 after the edit");
        assertRow(flat(edited.p), now.forward(1).activation(), "pooled after the edit");
        assertEquals(edited.loss, now.loss().total(), TOL);
        assertRow(flat(edited.delta1), now.backward(0).delta(), "delta1 after the edit");
        assertTrue(stepper.back());
        assertEquals(original, stepper.currentRecords(), "back to the records before the edit");
    }
}
