package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dropout's masks follow the iteration (seed and iteration number), not how many passes ran: an
 * iteration replayed from a checkpoint (step back, a reopened experiment) drops the same units and
 * gives the same numbers bit for bit; the next iteration drops others.
 */
class DropoutReplayTest {
    private static Trainer trainer() {
        SplittableRandom r = new SplittableRandom(5);
        DenseLayer d0 = new DenseLayer(0, 4, 8, Activation.RELU, BiasMode.TRAINED);
        d0.initialize(new Initializer.HeNormal(), Initializer.zeros(), r);
        DenseLayer d2 = new DenseLayer(2, 8, 3, Activation.SOFTMAX, BiasMode.TRAINED);
        d2.initialize(new Initializer.XavierUniform(), Initializer.zeros(), r);
        Network net = new Network.Builder(4, Loss.SOFTMAX_CROSS_ENTROPY).add(d0).add(new DropoutLayer(1, 1, 8, 0.5, 11))
                .add(d2).build();
        double[][] x = new double[6][4];
        double[][] t = new double[6][3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextDouble(-1, 1);
            }
            t[i][i % 3] = 1;
        }
        return new Trainer(net, new Optimizer.Adam(0.01), Regularization.NONE, Samples.of(x, t), 3, 7);
    }

    @Test
    void steppingBackAndOnGivesTheSameStagesBitForBit() {
        Stepper stepper = new Stepper(trainer(), 100);
        stepper.finishIteration();
        List<StageRecord> first = stepper.finishIteration();
        ImmutableMatrix dropped = StageRecords.of(first).forward(1).activation();
        for (int i = 0; i < first.size(); i++) {
            stepper.back();
        }
        List<StageRecord> again = stepper.finishIteration();
        assertEquals(first, again, "the second iteration run again");
        List<StageRecord> third = stepper.finishIteration();
        assertNotEquals(dropped, StageRecords.of(third).forward(1).activation(), "another iteration, another mask");
    }

    @Test
    void aRestoredCheckpointReplaysTheSameMask() {
        Trainer a = trainer();
        a.trainIteration();
        Checkpoint c = a.checkpoint();
        a.trainIteration();
        a.trainIteration();
        java.util.Map<String, ImmutableMatrix> twoOn = a.network().copyParameters();
        a.restore(c);
        a.trainIteration();
        a.trainIteration();
        assertEquals(twoOn, a.network().copyParameters());
        Trainer b = trainer();
        for (int i = 0; i < 3; i++) {
            b.trainIteration();
        }
        assertTrue(twoOn.equals(b.network().copyParameters()), "a fresh trainer run as far agrees too");
    }
}
