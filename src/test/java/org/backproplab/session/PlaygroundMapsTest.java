package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While training runs faster than its maps, a snapshot may keep the last ones; its edges are drawn where the window said. */
class PlaygroundMapsTest {
    private final PlaygroundSetup setup = new PlaygroundSetup("playground-default");
    private final PlaygroundTraining training = new PlaygroundTraining();

    @BeforeEach
    void build() {
        training.rebuild("playground-default", setup.spec(), setup.data());
    }

    @Test
    void aSnapshotKeepsTheLastMapsUnlessAskedForNewOnes() {
        PlaygroundSnapshot first = training.snapshot(false, 20, true, true);
        for (int i = 0; i < 20; i++) {
            training.trainEpoch();
        }
        PlaygroundSnapshot kept = training.snapshot(false, 20, false, false);
        assertNotEquals(first.parameters(), kept.parameters(), "the weights moved on");
        assertEquals(first.epoch() + 20, kept.epoch());
        assertSame(first.thumbnails(), kept.thumbnails());
        assertSame(first.maps(), kept.maps());
        assertSame(first.outputPicture(), kept.outputPicture());
        PlaygroundSnapshot fresh = training.snapshot(false, 20, true, true);
        assertFalse(Arrays.equals(first.outputPicture(), fresh.outputPicture()), "new maps from the new weights");
        // maps of another size or look are never kept
        assertEquals(30 * 30, training.snapshot(false, 30, false, false).thumbnails()[0][0].length);
        assertNotSame(fresh.outputPicture(), training.snapshot(true, 30, false, false).outputPicture());
        // after a rebuild the maps are the new network's, though the last ones have the size and look asked for
        PlaygroundSnapshot beforeRebuild = training.snapshot(false, 20, false, false);
        assertSame(beforeRebuild.maps(), training.snapshot(false, 20, false, false).maps());
        setup.withLearningRate("0.3");
        training.rebuild("playground-default", setup.spec(), setup.data());
        assertNotSame(beforeRebuild.maps(), training.snapshot(false, 20, false, false).maps());
    }

    /** Where {@code edges} edges go in a picture of 64 x 48: from (5, 5 + e) to (60, 40 - e). */
    private static double[] ends(int edges) {
        double[] ends = new double[4 * edges];
        for (int e = 0; e < edges; e++) {
            ends[4 * e] = 5;
            ends[4 * e + 1] = 5 + e;
            ends[4 * e + 2] = 60;
            ends[4 * e + 3] = 40 - e;
        }
        return ends;
    }

    @Test
    void aSnapshotBringsTheEdgesDrawnForTheGeometryTheWindowReported() {
        PlaygroundSnapshot first = training.snapshot(false, 20, true, true);
        assertNull(first.edgePicture(), "nothing until the window says where the edges go");
        int edges = first.graph().edges().size();
        double[] ends = ends(edges);
        EdgeGeometry g = new EdgeGeometry(64, 48, ends, 1, -1);
        training.setEdgeGeometry(g);
        EdgePicture p = training.snapshot(false, 20, true, true).edgePicture();
        assertSame(g, p.geometry(), "drawn for that very geometry, which the view recognises");
        training.trainEpoch();
        EdgePicture next = training.snapshot(false, 20, true, true).edgePicture();
        assertSame(g, next.geometry());
        assertNotSame(p.pixels(), next.pixels(), "a picture of its own for each snapshot");
        assertFalse(Arrays.equals(p.pixels(), next.pixels()), "the new weights' widths");
        // kept until a new picture is asked for
        training.trainEpoch();
        assertSame(next, training.snapshot(false, 20, false, false).edgePicture(), "kept while neither is asked for");
        PlaygroundSnapshot mapsOnly = training.snapshot(false, 20, true, false);
        assertSame(next, mapsOnly.edgePicture(), "kept while only the maps are made again");
        PlaygroundSnapshot edgesOnly = training.snapshot(false, 20, false, true);
        assertSame(mapsOnly.maps(), edgesOnly.maps(), "the maps kept while only the edges are drawn again");
        EdgePicture redrawn = edgesOnly.edgePicture();
        assertFalse(Arrays.equals(next.pixels(), redrawn.pixels()), "drawn again with the new weights");
        EdgeGeometry moved = new EdgeGeometry(64, 48, ends, 2, -1);
        training.setEdgeGeometry(moved);
        assertSame(moved, training.snapshot(false, 20, false, false).edgePicture().geometry(), "never kept for another geometry");
        training.setEdgeGeometry(g);
        EdgePicture beforeRebuild = training.snapshot(false, 20, false, false).edgePicture();
        assertSame(beforeRebuild, training.snapshot(false, 20, false, false).edgePicture());
        training.rebuild("playground-default", setup.spec(), setup.data());
        assertNotSame(beforeRebuild, training.snapshot(false, 20, false, false).edgePicture(), "nor after a rebuild");
        // a network of another shape is not drawn with the old geometry
        assertTrue(setup.withLayerAdded());
        training.rebuild("playground-default", setup.spec(), setup.data());
        PlaygroundSnapshot wider = training.snapshot(false, 20, true, true);
        assertNotEquals(edges, wider.graph().edges().size());
        assertNull(wider.edgePicture());
    }

    @Test
    void aSnapshotTellsHowLongThePicturesItMadeTookAndWhichItKept() {
        long[] now = {0};
        // every reading of the clock a millisecond later
        training.timeWith(() -> now[0] += 1_000_000L);
        training.snapshot(false, 20, true, true);
        assertEquals(new PlayPacing.Made(1_000_000L, -1), training.made(), "no edges before the window says where");
        int edges = training.snapshot(false, 20, false, false).graph().edges().size();
        assertEquals(new PlayPacing.Made(-1, -1), training.made(), "both kept");
        training.setEdgeGeometry(new EdgeGeometry(64, 48, ends(edges), 1, -1));
        training.snapshot(false, 20, false, false);
        assertEquals(new PlayPacing.Made(-1, 1_000_000L), training.made(), "a new geometry's edges, though not asked for");
        training.snapshot(false, 30, false, true);
        assertEquals(new PlayPacing.Made(1_000_000L, 1_000_000L), training.made(), "maps of a new size, not asked for");
        training.snapshot(false, 30, true, false);
        assertEquals(new PlayPacing.Made(1_000_000L, -1), training.made());
    }

    @Test
    void trainingStopsBeforeAnEpochThatWouldEndAfterItsTimeAfterOneAtLeast() {
        long[] now = {0};
        // every reading of the clock 5 ms later: each epoch is seen to take 5 ms
        java.util.function.LongSupplier clock = () -> now[0] += 5_000_000L;
        int start = training.epoch();
        // read at 5 ms; epochs end at 10, 15, 20: a fourth would end at 25, after 22
        assertNull(training.trainUntil(clock, 22_000_000L, () -> true));
        assertEquals(start + 3, training.epoch());
        // 20 would do: it ends at 20 exactly, then 25 would not
        now[0] = 0;
        training.trainUntil(clock, 20_000_000L, () -> true);
        assertEquals(start + 6, training.epoch());
        // already past its time: one epoch all the same; and none more once told to stop
        training.trainUntil(clock, 0, () -> true);
        assertEquals(start + 7, training.epoch());
        training.trainUntil(clock, Long.MAX_VALUE / 2, () -> false);
        assertEquals(start + 8, training.epoch());
    }

    @Test
    void theMapsTakeAtMostHalfOfTheWorkersTime() {
        // maps that took 30 ms are due again 60 ms later, not before
        assertFalse(PlayPacing.mapsDue(59_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(60_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(16_000_000L, 5_000_000L), "a small network's maps: every frame");
    }
}
