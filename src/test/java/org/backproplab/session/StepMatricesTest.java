package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vectorised view against the engine's per-sample records: the 3-4-1 lesson trains on m = 4
 * samples at once, so each of its matrices has 4 columns, one per sample, and is the transpose of
 * the engine's one-row-per-sample record.
 */
class StepMatricesTest {
    private ManualWorker worker;
    private StepSession session;
    private StepLessons lessons;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new StepSession(worker, Runnable::run);
        lessons = new StepLessons(session);
        session.loadLesson(Lessons.FROM_SCRATCH_3_4_1);
        worker.runUntilIdle();
    }

    private StepMatrixSnapshot next() {
        session.nextStage();
        worker.runUntilIdle();
        return lessons.matricesProperty().get();
    }

    private StageRecords records() {
        return StageRecords.of(session.getSnapshot().records());
    }

    @Test
    void forwardThroughTheHiddenLayerIsOneColumnPerSample() {
        StepMatrixSnapshot m = next();
        assertTrue(m.dense());
        assertEquals(1, m.layer());
        assertEquals(4, m.batch());
        ForwardRecord f = records().forward(0);
        StepMatrixSnapshot.Block x = m.block("X = A[0]");
        StepMatrixSnapshot.Block w = m.block("W[1]");
        StepMatrixSnapshot.Block z = m.block("Z[1]");
        StepMatrixSnapshot.Block a = m.block("A[1]");
        // the tutorial's table: W [n_l, n_(l-1)], Z and A [n_l, m], X [n_0, m]
        assertEquals("[3, 4]", x.shape());
        assertEquals("[4, 3]", w.shape());
        assertEquals("[4, 4]", z.shape());
        assertEquals("[4, 4]", a.shape());
        assertNull(m.block("b[1]"), "this lesson has no biases");
        for (int sample = 0; sample < 4; sample++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(f.input().get(sample, j), x.value(j, sample), 0);
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(f.preActivation().get(sample, i), z.value(i, sample), 0);
                assertEquals(f.activation().get(sample, i), a.value(i, sample), 0);
                // Z = W X, written out: z_i = sum_j w_ij x_j for this sample's column
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    sum += w.value(i, j) * x.value(j, sample);
                }
                assertEquals(sum, z.value(i, sample), 1e-12);
                assertEquals(1 / (1 + Math.exp(-sum)), a.value(i, sample), 1e-12);
            }
        }
        assertTrue(z.current() && a.current(), "this stage computed Z and A");
        assertFalse(m.block("dZ[1]").computed(), "not on the way back yet");
        assertEquals(List.of("[4, 3]", "[4, 1]", "[4, 4]", "[3, 4]"),
                m.table().stream().map(StepMatrixSnapshot.ShapeRow::shape).toList());
        assertEquals(List.of("[n_l, n_(l\u22121)]", "[n_l, 1]", "[n_l, m]", "[n_(l\u22121), m]"),
                m.table().stream().map(StepMatrixSnapshot.ShapeRow::rule).toList());
    }

    @Test
    void backwardThroughTheHiddenLayerGivesDwShapedLikeW() {
        StepMatrixSnapshot m = null;
        for (int i = 0; i < 5; i++) {
            m = next();
        }
        // forward 1, forward 2, loss, backward 2, backward 1
        assertEquals(1, m.layer());
        BackwardRecord b = records().backward(0);
        StepMatrixSnapshot.Block x = m.block("X = A[0]");
        StepMatrixSnapshot.Block dz = m.block("dZ[1]");
        StepMatrixSnapshot.Block dw = m.block("dW[1]");
        StepMatrixSnapshot.Block w = m.block("W[1]");
        assertEquals(w.shape(), dw.shape(), "dW is shaped like W");
        assertEquals("[4, 4]", dz.shape());
        for (int sample = 0; sample < 4; sample++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(b.delta().get(sample, i), dz.value(i, sample), 0);
                assertEquals(b.gradActivation().get(sample, i), m.block("dA[1]").value(i, sample), 0);
            }
        }
        // dW = dZ Xᵀ, written out: dw_ij = sum over the samples of dz_i x_j
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int sample = 0; sample < 4; sample++) {
                    sum += dz.value(i, sample) * x.value(j, sample);
                }
                assertEquals(sum, dw.value(i, j), 1e-12);
                assertEquals(b.gradWeights().get(i, j), dw.value(i, j), 0);
            }
        }
        assertTrue(dw.current());
    }

    @Test
    void theOutputLayerReadsTheHiddenActivationsAndSendsDaBack() {
        StepMatrixSnapshot m = null;
        for (int i = 0; i < 4; i++) {
            m = next();
        }
        assertEquals(2, m.layer());
        assertEquals("[4, 4]", m.block("A[1]").shape(), "A[1] as the output layer's input");
        assertEquals("[1, 4]", m.block("W[2]").shape());
        assertEquals("[1, 4]", m.block("Z[2]").shape());
        StepMatrixSnapshot.Block back = m.block("dA[1]");
        assertEquals("[4, 4]", back.shape());
        // dA[1] = W[2]ᵀ dZ[2]
        for (int sample = 0; sample < 4; sample++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(m.block("W[2]").value(0, j) * m.block("dZ[2]").value(0, sample), back.value(j, sample),
                        1e-12);
            }
        }
    }

    @Test
    void theWorkedExampleHasBiasesAsColumns() {
        session.loadLesson(Lessons.WORKED_2_2_2);
        worker.runUntilIdle();
        StepMatrixSnapshot m = next();
        assertEquals(1, m.batch());
        assertEquals("[2, 1]", m.block("b[1]").shape());
        assertEquals(0.35, m.block("b[1]").value(1, 0), 0);
        assertEquals(0.3775, m.block("Z[1]").value(0, 0), 1e-12);
    }
}
