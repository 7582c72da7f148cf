package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pixels kept as bytes train and evaluate to the very same numbers as pixels scaled to doubles up front. */
class CompactInputsTest {
    private static final int ROWS = 1500;
    private static final int COLS = 12;

    private static byte[] randomBytes() {
        byte[] b = new byte[ROWS * COLS];
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static double[][] scaled(byte[] b) {
        double[][] x = new double[ROWS][COLS];
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < COLS; c++) {
                x[i][c] = (b[i * COLS + c] & 0xFF) / 255.0;
            }
        }
        return x;
    }

    private static double[][] oneHot() {
        double[][] t = new double[ROWS][3];
        for (int i = 0; i < ROWS; i++) {
            t[i][i % 3] = 1;
        }
        return t;
    }

    private static Trainer trainer(Samples data) {
        NetworkSpec spec = new NetworkSpec(COLS, List.of(LayerSpec.of(5, Activation.RELU, new Initializer.HeNormal()),
                LayerSpec.of(3, Activation.SOFTMAX, new Initializer.XavierUniform())), Loss.SOFTMAX_CROSS_ENTROPY);
        Trainer t = new Trainer(spec.build(3), new Optimizer.Sgd(0.1), Regularization.NONE, data, 32, 5);
        t.setClassification(true);
        return t;
    }

    @Test
    void bytesReadAsTheSameDoublesAsScaledPixels() {
        byte[] b = randomBytes();
        ImmutableMatrix compact = ImmutableMatrix.ofUnsignedBytes(ROWS, COLS, b);
        ImmutableMatrix doubles = ImmutableMatrix.of(scaled(b));
        assertTrue(compact.isCompact());
        assertFalse(doubles.isCompact());
        assertEquals(doubles, compact);
        assertEquals(doubles.hashCode(), compact.hashCode());
        assertArrayEquals(doubles.rowValues(17), compact.rowValues(17));
        assertEquals(doubles.get(3, 4), compact.get(3, 4));
        assertArrayEquals(doubles.toMatrix().data, compact.toMatrix().data);
        b[0] = (byte) (b[0] + 1);
        assertEquals(doubles.get(0, 0), compact.get(0, 0), "the bytes were copied");
    }

    @Test
    void trainingOnBytesGivesBitIdenticalParametersAndEvaluations() {
        byte[] b = randomBytes();
        Trainer fromDoubles = trainer(Samples.of(scaled(b), oneHot()));
        Trainer fromBytes = trainer(new Samples(ImmutableMatrix.ofUnsignedBytes(ROWS, COLS, b), ImmutableMatrix.of(oneHot())));
        for (int e = 0; e < 2; e++) {
            assertEquals(fromDoubles.trainEpoch(), fromBytes.trainEpoch());
        }
        assertEquals(fromDoubles.network().copyParameters(), fromBytes.network().copyParameters());
        // over 1,000 rows: the evaluation goes in chunks
        assertEquals(fromDoubles.evaluateTraining(), fromBytes.evaluateTraining());
        Samples test = new Samples(ImmutableMatrix.ofUnsignedBytes(ROWS, COLS, b), ImmutableMatrix.of(oneHot()));
        assertEquals(fromDoubles.evaluate(Samples.of(scaled(b), oneHot())), fromBytes.evaluate(test));
        // the training set stays compact: it is never held as doubles in full
        assertTrue(fromBytes.samples().inputs().isCompact());
    }

    @Test
    void editingACompactInputStillWorks() {
        byte[] b = randomBytes();
        Trainer t = trainer(new Samples(ImmutableMatrix.ofUnsignedBytes(ROWS, COLS, b), ImmutableMatrix.of(oneHot())));
        t.setInput(2, 3, 0.25);
        assertEquals(0.25, t.input(2, 3));
        assertEquals((b[0] & 0xFF) / 255.0, t.input(0, 0));
    }
}
