package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** While training runs faster than its maps, a snapshot may keep the last ones. */
class PlaygroundMapsTest {
    @Test
    void aSnapshotKeepsTheLastMapsUnlessAskedForNewOnes() {
        PlaygroundSetup setup = new PlaygroundSetup("playground-default");
        PlaygroundTraining training = new PlaygroundTraining();
        training.rebuild("playground-default", setup.spec(), setup.data());
        PlaygroundSnapshot first = training.snapshot(false, 20, true);
        for (int i = 0; i < 20; i++) {
            training.trainEpoch();
        }
        PlaygroundSnapshot kept = training.snapshot(false, 20, false);
        assertNotEquals(first.parameters(), kept.parameters(), "the weights moved on");
        assertEquals(first.epoch() + 20, kept.epoch());
        assertSame(first.thumbnails(), kept.thumbnails());
        assertSame(first.maps(), kept.maps());
        assertSame(first.outputPicture(), kept.outputPicture());
        PlaygroundSnapshot fresh = training.snapshot(false, 20, true);
        assertFalse(Arrays.equals(first.outputPicture(), fresh.outputPicture()), "new maps from the new weights");
        // maps of another size or look are never kept
        assertEquals(30 * 30, training.snapshot(false, 30, false).thumbnails()[0][0].length);
        assertNotSame(fresh.outputPicture(), training.snapshot(true, 30, false).outputPicture());
        // after a rebuild the maps are the new network's
        setup.withLearningRate("0.3");
        training.rebuild("playground-default", setup.spec(), setup.data());
        assertNotSame(fresh.maps(), training.snapshot(false, 20, false).maps());
    }

    @Test
    void theMapsTakeAtMostHalfOfTheWorkersTime() {
        // maps that took 30 ms are due again 60 ms later, not before
        assertFalse(PlayPacing.mapsDue(59_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(60_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(16_000_000L, 5_000_000L), "a small network's maps: every frame");
    }
}
