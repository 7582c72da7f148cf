package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

class TrainerTest {

    /** Ten samples whose input is their own index, so a batch shows which samples it holds. */
    private static Samples indexed(int n) {
        double[][] x = new double[n][1];
        double[][] t = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            t[i][0] = i % 2;
        }
        return Samples.of(x, t);
    }

    private static Trainer trainer(int batchSize, long seed) {
        NetworkSpec spec = new NetworkSpec(1, List.of(LayerSpec.of(1, Activation.SIGMOID, new Initializer.Uniform(-1, 1))),
                Loss.HALF_SQUARED_ERROR);
        return new Trainer(spec.build(seed), new Optimizer.Sgd(0.1), Regularization.NONE, indexed(10), batchSize, seed);
    }

    private static List<List<Integer>> batchesOfOneEpoch(Trainer trainer) {
        List<List<Integer>> batches = new ArrayList<>();
        int epoch = trainer.epoch();
        while (trainer.epoch() == epoch) {
            Iteration it = trainer.newIteration(true);
            ImmutableMatrix x = it.inputs();
            List<Integer> ids = new ArrayList<>();
            for (int r = 0; r < x.rows(); r++) {
                ids.add((int) x.get(r, 0));
            }
            batches.add(ids);
            it.runToEnd();
        }
        return batches;
    }

    @Test
    void batchDescentUsesEverySampleInOneUpdate() {
        List<List<Integer>> batches = batchesOfOneEpoch(trainer(0, 1));
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), batches);
    }

    @Test
    void stochasticDescentUpdatesOncePerSampleInShuffledOrder() {
        Trainer t = trainer(1, 1);
        List<List<Integer>> epoch0 = batchesOfOneEpoch(t);
        List<List<Integer>> epoch1 = batchesOfOneEpoch(t);
        assertEquals(10, epoch0.size());
        assertEquals(10, t.iteration() / 2);
        Set<Integer> seen = new HashSet<>();
        epoch0.forEach(seen::addAll);
        assertEquals(10, seen.size());
        assertNotEquals(epoch0, epoch1, "each epoch is shuffled anew");
        assertEquals(epoch0, batchesOfOneEpoch(trainer(1, 1)), "same seed, same order");
        assertNotEquals(epoch0, batchesOfOneEpoch(trainer(1, 2)), "other seed, other order");
    }

    @Test
    void miniBatchesCoverTheEpochWithASmallerLastBatch() {
        List<List<Integer>> batches = batchesOfOneEpoch(trainer(3, 4));
        assertEquals(List.of(3, 3, 3, 1), batches.stream().map(List::size).toList());
        Set<Integer> seen = new HashSet<>();
        batches.forEach(seen::addAll);
        assertEquals(10, seen.size());
    }

    @Test
    void fastPathAndStagesGiveIdenticalNumbers() {
        for (String id : Lessons.ids()) {
            Lesson lesson = Lessons.byId(id).withOptimizer(new OptimizerSpec.Adam(0.05)).withBatchSize(2);
            Trainer fast = lesson.newTrainer();
            Stepper staged = new Stepper(lesson.newTrainer(), 5);
            for (int i = 0; i < 60; i++) {
                double loss = fast.trainIteration();
                List<StageRecord> records = staged.finishIteration();
                LossRecord lossRecord = (LossRecord) records.stream().filter(r -> r instanceof LossRecord)
                        .findFirst().orElseThrow();
                assertEquals(loss, lossRecord.total(), 0, id + " iteration " + i);
            }
            assertEquals(fast.network().copyParameters(), staged.trainer().network().copyParameters(), id);
            assertEquals(fast.optimizer().state(), staged.trainer().optimizer().state(), id);
        }
    }

    @Test
    void steppingBackRestoresParametersAndOptimizerStateExactly() {
        Lesson lesson = Lessons.byId(Lessons.XOR).withOptimizer(new OptimizerSpec.Adam(0.1)).withBatchSize(3);
        Stepper stepper = new Stepper(lesson.newTrainer(), 100);
        Trainer trainer = stepper.trainer();
        int stages = Stage.count(trainer.network().layerCount());
        List<Checkpoint> before = new ArrayList<>();
        List<StageRecord> records = new ArrayList<>();
        // 3 iterations and 2 stages of a fourth, remembering the state before every stage
        for (int i = 0; i < 3 * stages + 2; i++) {
            before.add(trainer.checkpoint());
            records.add(stepper.next());
        }
        for (int i = records.size() - 1; i >= 0; i--) {
            assertTrue(stepper.back());
            Checkpoint now = trainer.checkpoint();
            Checkpoint expected = before.get(i);
            assertEquals(expected.parameters(), now.parameters(), "parameters before stage " + i);
            assertEquals(expected.optimizer(), now.optimizer(), "optimizer before stage " + i);
            assertEquals(expected.iteration(), now.iteration());
            assertEquals(expected.cursor(), now.cursor());
            // stepping forward again gives the very same record
            StageRecord again = stepper.next();
            assertEquals(records.get(i), again, "record of stage " + i);
            assertTrue(stepper.back());
        }
        assertFalse(stepper.back());
        assertFalse(stepper.canGoBack());
    }

    @Test
    void recordsShowAdamStateAndTheStepTaken() {
        Lesson lesson = Lessons.byId(Lessons.XOR).withOptimizer(new OptimizerSpec.Adam(0.1));
        Stepper stepper = new Stepper(lesson.newTrainer(), 10);
        List<StageRecord> records = stepper.finishIteration();
        UpdateRecord update = assertInstanceOf(UpdateRecord.class, records.get(records.size() - 1));
        assertEquals("adam", update.optimizer());
        assertEquals(1, update.optimizerStep());
        ParameterUpdate w1 = update.parameter("W1");
        Map<String, ImmutableMatrix> state = w1.optimizerState();
        assertEquals(Set.of("m", "v"), state.keySet());
        double g = w1.gradient().get(0, 0);
        // first Adam step: m = 0.1 g, v = 0.001 g^2, step = -lr g / (|g| + eps)
        assertEquals(0.1 * g, state.get("m").get(0, 0), 1e-15);
        assertEquals(0.001 * g * g, state.get("v").get(0, 0), 1e-15);
        assertEquals(-0.1 * g / (Math.abs(g) + 1e-8), w1.step().get(0, 0), 1e-12);
        assertEquals(w1.before().get(0, 0) + w1.step().get(0, 0), w1.after().get(0, 0), 0);
    }

    @Test
    void sameSeedSameRunOtherSeedOtherStart() {
        Lesson lesson = Lessons.byId(Lessons.XOR).withBatchSize(1);
        Trainer a = lesson.newTrainer(5);
        Trainer b = lesson.newTrainer(5);
        for (int i = 0; i < 50; i++) {
            assertEquals(a.trainIteration(), b.trainIteration(), 0);
        }
        assertFalse(lesson.newTrainer(5).network().copyParameters()
                .equals(lesson.newTrainer(6).network().copyParameters()));
    }

    @Test
    void regularisationAddsItsPenaltyToTheLoss() {
        Lesson lesson = Lessons.byId(Lessons.WORKED_2_2_2);
        Trainer trainer = lesson.newTrainer();
        trainer.setRegularization(Regularization.l2(0.1));
        Stepper stepper = new Stepper(trainer, 1);
        stepper.next();
        stepper.next();
        LossRecord loss = (LossRecord) stepper.next();
        // 0.1 / 2 * (0.15^2 + 0.2^2 + 0.25^2 + 0.3^2 + 0.4^2 + 0.45^2 + 0.5^2 + 0.55^2) = 0.05 * 1.13
        assertEquals(0.0565, loss.penalty(), 1e-15);
        assertEquals(0.298371109 + 0.0565, loss.total(), 1e-9);
    }

    @Test
    void evaluationReportsAccuracy() {
        Trainer t = Lessons.byId(Lessons.XOR).newTrainer();
        Evaluation e = t.evaluateTraining();
        assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1);
        double[] values = {e.accuracy() * 4};
        assertArrayEquals(new double[] {Math.rint(values[0])}, values, 1e-12, "accuracy counts whole samples");
    }
}
