package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        assertSame(first.outputMaps(), kept.outputMaps());
        assertSame(first.outputPicture(), kept.outputPicture());
        PlaygroundSnapshot fresh = training.snapshot(false, 20, true, true);
        assertFalse(Arrays.equals(first.outputPicture(), fresh.outputPicture()), "new maps from the new weights");
        // maps of another size or look are never kept
        assertEquals(30 * 30, training.snapshot(false, 30, false, false).thumbnails()[0][0].length);
        assertNotSame(fresh.outputPicture(), training.snapshot(true, 30, false, false).outputPicture());
        // after a rebuild the maps are the new network's, though the last ones have the size and look asked for
        PlaygroundSnapshot beforeRebuild = training.snapshot(false, 20, false, false);
        assertSame(beforeRebuild.outputMaps(), training.snapshot(false, 20, false, false).outputMaps());
        setup.withLearningRate("0.3");
        training.rebuild("playground-default", setup.spec(), setup.data());
        assertNotSame(beforeRebuild.outputMaps(), training.snapshot(false, 20, false, false).outputMaps());
    }

    @Test
    void theShownNeuronsMapIsCarriedAndKeptWithItsMaps() {
        PlaygroundSnapshot none = training.snapshot(false, 100, true, true);
        assertNull(none.neuronMap(), "no neuron shown large");
        GraphItem neuron = GraphItem.neuron(0, 2);
        training.showNeuron(neuron);
        PlaygroundSnapshot shown = training.snapshot(false, 100, false, false);
        assertTrue(shown.neuronMap().shows(neuron));
        assertFalse(shown.neuronMap().shows(GraphItem.neuron(0, 1)));
        assertFalse(shown.neuronMap().shows(GraphItem.bias(0, 2)));
        // at 100 x 100 the thumbnail is the grid's own map, coloured alike, though made by another path
        assertArrayEquals(shown.thumbnails()[0][2], shown.neuronMap().picture());
        assertSame(shown.neuronMap(), training.snapshot(false, 100, false, false).neuronMap(), "the same while the maps are kept");
        training.trainEpoch();
        PlaygroundSnapshot fresh = training.snapshot(false, 100, true, false);
        assertNotSame(shown.neuronMap(), fresh.neuronMap(), "made again with the maps");
        assertArrayEquals(fresh.thumbnails()[0][2], fresh.neuronMap().picture());
        assertFalse(Arrays.equals(shown.neuronMap().picture(), fresh.neuronMap().picture()), "the new weights' map");
        assertArrayEquals(shown.thumbnails()[0][2], shown.neuronMap().picture(), "the snapshot published before keeps its own");
        // a neuron the network does not have, or none: no large map
        training.showNeuron(GraphItem.neuron(7, 0));
        assertNull(training.snapshot(false, 100, false, false).neuronMap());
        training.showNeuron(null);
        assertNull(training.snapshot(false, 100, false, false).neuronMap());
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
        assertSame(mapsOnly.outputMaps(), edgesOnly.outputMaps(), "the maps kept while only the edges are drawn again");
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
    void trainingStopsBeforeABatchThatWouldEndAfterItsTimeAfterOneAtLeast() {
        long[] now = {0};
        // every reading of the clock 1 ms later: each batch is seen to take 1 ms
        java.util.function.LongSupplier clock = () -> now[0] += 1_000_000L;
        // TensorFlow Playground's default: 250 training points in batches of 10, 25 batches an epoch
        PlaygroundSnapshot start = training.snapshot(false, 20, false, false);
        assertEquals(0, start.iteration());
        // read at 1 ms; batches end at 2, 3, ... 10: an eleventh would end at 11, after 10
        assertNull(training.trainUntil(clock, 10_000_000L, () -> true));
        PlaygroundSnapshot nine = training.snapshot(false, 20, false, false);
        assertEquals(9, nine.iteration());
        assertEquals(start.epoch(), nine.epoch(), "stopped in the middle of the epoch");
        assertEquals(start.trainLoss().size(), nine.trainLoss().size(), "no epoch's end: no point on the curve");
        // already past its time: one batch all the same; and none more once told to stop
        training.trainUntil(clock, 0, () -> true);
        training.trainUntil(clock, Long.MAX_VALUE / 2, () -> false);
        assertEquals(11, training.snapshot(false, 20, false, false).iteration());
        // through the epoch's end (25 batches): it records the loss there, and goes on into the next epoch
        now[0] = 0;
        training.trainUntil(clock, 20_000_000L, () -> true);
        PlaygroundSnapshot after = training.snapshot(false, 20, false, false);
        assertEquals(30, after.iteration());
        assertEquals(start.epoch() + 1, after.epoch());
        assertEquals(start.trainLoss().size() + 1, after.trainLoss().size());
        assertEquals(start.epoch() + 1, after.trainLoss().iterations()[after.trainLoss().size() - 1], "at the epoch's end");
        // a pause ends the epoch begun: 20 batches more, one more point; at an epoch's start, nothing
        assertNull(training.finishEpoch());
        PlaygroundSnapshot paused = training.snapshot(false, 20, false, false);
        assertEquals(50, paused.iteration());
        assertEquals(start.epoch() + 2, paused.epoch());
        assertEquals(start.trainLoss().size() + 2, paused.trainLoss().size());
        assertNull(training.finishEpoch());
        assertEquals(50, training.snapshot(false, 20, false, false).iteration(), "nothing to finish");
    }

    @Test
    void theMapsTakeAtMostHalfOfTheWorkersTime() {
        // maps that took 30 ms are due again 60 ms later, not before
        assertFalse(PlayPacing.mapsDue(59_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(60_000_000L, 30_000_000L));
        assertTrue(PlayPacing.mapsDue(16_000_000L, 5_000_000L), "a small network's maps: every frame");
    }
}
