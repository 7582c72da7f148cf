package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.DataShape;
import org.backproplab.data.Feature;
import org.backproplab.engine.OptimizerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaygroundSessionTest {
    private ManualWorker worker;
    private PlaygroundSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new PlaygroundSession(worker, Runnable::run);
        session.loadLesson("playground-default");
        await();
    }

    @AfterEach
    void close() {
        worker.runUntilIdle();
    }

    private void await() {
        worker.runUntilIdle();
    }

    private PlaygroundSnapshot epochs(int n) {
        for (int i = 0; i < n; i++) {
            session.stepEpoch();
        }
        await();
        return session.getSnapshot();
    }

    @Test
    void changingTheLearningRateKeepsTheWeights() {
        PlaygroundSnapshot trained = epochs(3);
        session.update(s -> s.withOptimizer(s.optimizer().withLearningRate(0.1)));
        await();
        PlaygroundSnapshot after = session.getSnapshot();
        assertEquals(trained.parameters(), after.parameters());
        assertEquals(3, after.epoch());
        assertEquals(0.1, after.spec().optimizer().learningRate(), 0);
    }

    @Test
    void resetReturnsToTheSameStartingWeightsAndAChangeOfNetworkStartsAgain() {
        PlaygroundSnapshot start = session.getSnapshot();
        epochs(2);
        session.reset();
        await();
        assertEquals(start.parameters(), session.getSnapshot().parameters());
        assertEquals(0, session.getSnapshot().epoch());
        epochs(2);
        session.update(s -> s.withOptimizer(new OptimizerSpec.Adam(0.03)));
        await();
        assertEquals(0, session.getSnapshot().epoch(), "a new optimizer starts training again");
        assertEquals(start.parameters(), session.getSnapshot().parameters(), "from the same seed's weights");
    }

    @Test
    void everyNeuronHasAMapOfTheGrid() {
        PlaygroundSnapshot s = session.getSnapshot();
        // 4 and 2 hidden neurons, 1 output, 100 x 100 each
        assertEquals(3, s.maps().length);
        assertEquals(4, s.maps()[0].length);
        assertEquals(10_000, s.maps()[2][0].length);
        assertEquals(2, s.inputMaps().length);
        // the X1 input's map runs from -6 (left) to +6 (right)
        assertTrue(s.inputMaps()[0][0] < -5.9 && s.inputMaps()[0][99] > 5.9);
    }

    @Test
    void newDataAndFeaturesRebuild() {
        session.update(s -> s.withData(DataShape.SPIRAL, 200, 0.1, 0.5, 4).withFeatures(java.util.List.of(Feature.values())));
        await();
        PlaygroundSnapshot s = session.getSnapshot();
        assertEquals(100, s.data().train().size());
        assertEquals(7, s.inputMaps().length);
        session.regenerate();
        await();
        assertNotEquals(s.data(), session.getSnapshot().data());
    }
}
