package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The playground's commands, run by hand on a {@link ManualWorker}. */
class PlaygroundSessionTest {
    private ManualWorker worker;
    private PlaygroundSession session;
    private PlaygroundSetup setup;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new PlaygroundSession(worker, Runnable::run);
        setup = session.setup();
        session.loadLesson("playground-default");
        await();
    }

    @AfterEach
    void close() {
        session.pause();
        worker.runUntilIdle();
    }

    private void await() {
        worker.runUntilIdle();
    }

    private PlaygroundSnapshot snapshot() {
        return session.getSnapshot();
    }

    private PlaygroundSnapshot epochs(int n) {
        for (int i = 0; i < n; i++) {
            session.stepEpoch();
        }
        await();
        return snapshot();
    }

    /** Lets a play run until it stops by itself (at most {@code rounds} chunks). */
    private void playOut(int rounds) {
        await();
        for (int i = 0; i < rounds && session.isPlaying(); i++) {
            worker.advance(10_000_000L);
        }
    }

    private String inputError() {
        Notice n = setup.inputErrorProperty().get();
        return n == null ? null : n.key();
    }

    /** Asserts that a refused command left the set-up, the weights and the epoch as they were. */
    private void assertRefused(Runnable command, String key) {
        PlaygroundSnapshot before = snapshot();
        List<PlaygroundChoices.LayerRow> layers = setup.layersProperty().get();
        String lr = setup.learningRateTextProperty().get();
        boolean modified = setup.modifiedProperty().get();
        command.run();
        await();
        assertEquals(key, inputError());
        assertEquals(layers, setup.layersProperty().get());
        assertEquals(lr, setup.learningRateTextProperty().get());
        assertEquals(modified, setup.modifiedProperty().get());
        assertEquals(before.parameters(), snapshot().parameters());
        assertEquals(before.epoch(), snapshot().epoch());
    }

    @Test
    void changingTheLearningRateKeepsTheWeights() {
        PlaygroundSnapshot trained = epochs(3);
        session.setLearningRate("0.1");
        await();
        PlaygroundSnapshot after = snapshot();
        assertEquals(trained.parameters(), after.parameters());
        assertEquals(3, after.epoch());
        assertEquals("0.1", setup.learningRateTextProperty().get());
        assertNull(inputError());
        assertSame(trained.points(), after.points(), "the data is kept, not generated again");
        session.addLayer();
        await();
        assertSame(trained.points(), snapshot().points(), "a change of the network keeps the data too");
    }

    @Test
    void theNewLearningRateIsTheOneTheNextEpochUses() {
        epochs(3);
        session.setLearningRate("0.1");
        PlaygroundSnapshot fast = epochs(1);
        // the same three epochs from the same seed, then one at the lesson's 0.03
        ManualWorker otherWorker = new ManualWorker();
        PlaygroundSession other = new PlaygroundSession(otherWorker, Runnable::run);
        other.loadLesson("playground-default");
        for (int i = 0; i < 4; i++) {
            other.stepEpoch();
        }
        otherWorker.runUntilIdle();
        PlaygroundSnapshot slow = other.getSnapshot();
        assertEquals(4, slow.epoch());
        assertNotEquals(slow.parameters(), fast.parameters(), "the fourth epoch ran at 0.1, not 0.03");
        // and three epochs of both agree: the difference is the rate alone
        ManualWorker thirdWorker = new ManualWorker();
        PlaygroundSession third = new PlaygroundSession(thirdWorker, Runnable::run);
        third.loadLesson("playground-default");
        for (int i = 0; i < 3; i++) {
            third.stepEpoch();
        }
        third.setLearningRate("0.1");
        third.stepEpoch();
        thirdWorker.runUntilIdle();
        assertEquals(fast.parameters(), third.getSnapshot().parameters(), "the same run gives the same weights");
    }

    @Test
    void aRefusedLearningRateChangesNothingAndSaysWhy() {
        epochs(2);
        assertRefused(() -> session.setLearningRate("abc"), "edit.error.notANumber");
        assertRefused(() -> session.setLearningRate("-1"), "edit.error.learningRate");
        assertEquals(2, snapshot().epoch());
        session.setLearningRate("0.05");
        assertNull(inputError(), "a good value clears the message");
    }

    @Test
    void resetReturnsToTheSameStartingWeightsAndAChangeOfNetworkStartsAgain() {
        PlaygroundSnapshot start = snapshot();
        epochs(2);
        session.reset();
        await();
        assertEquals(start.parameters(), snapshot().parameters());
        assertEquals(0, snapshot().epoch());
        epochs(2);
        session.setOptimizer("adam");
        await();
        assertEquals("adam", setup.optimizerProperty().get());
        assertEquals(0, snapshot().epoch(), "a new optimizer starts training again");
        assertEquals(start.parameters(), snapshot().parameters(), "from the same seed's weights");
        assertRefused(() -> session.setOptimizer("lbfgs"), "pg.error.optimizer");
    }

    @Test
    void everyNeuronHasAMapOfTheGridAndAPicture() {
        PlaygroundSnapshot s = snapshot();
        // 4 and 2 hidden neurons, 1 output, 100 x 100 each
        assertEquals(3, s.thumbnails().length);
        assertEquals(4, s.thumbnails()[0].length);
        assertEquals(1, s.outputMaps().length);
        assertEquals(10_000, s.outputMaps()[0].length);
        assertEquals(2, s.inputMaps().length);
        // the X1 input's map runs from -6 (left) to +6 (right)
        assertTrue(s.inputMaps()[0][0] < -5.9 && s.inputMaps()[0][99] > 5.9);
        assertEquals(4, s.thumbnails()[0].length);
        assertEquals(PlaygroundSession.DEFAULT_THUMBNAIL, s.thumbnailSize());
        assertEquals(40 * 40, s.thumbnails()[2][0].length, "as large as shown, not the grid's 100 x 100");
        assertNull(s.neuronMap(), "none until the window shows one large");
        session.showNeuronMap(GraphItem.neuron(2, 0));
        await();
        assertEquals(10_000, snapshot().neuronMap().picture().length, "the large map at the grid's resolution");
        session.showNeuronMap(GraphItem.weight(0, 0, 0));
        await();
        assertNull(snapshot().neuronMap(), "an edge has no map");
        assertEquals(10_000, s.outputPicture().length);
        assertEquals(0xFF, s.outputPicture()[0] >>> 24, "opaque");
        assertEquals(2, s.inputNames().size());
        assertEquals(List.of(2, 4, 2, 1), s.graph().layerSizes());
        assertEquals(s.trainCount() + s.testCount(), s.points().size());
    }

    @Test
    void theThumbnailsTakeTheSizeTheWindowShowsThemAt() {
        session.setThumbnailSize(18);
        await();
        assertEquals(18 * 18, snapshot().thumbnails()[0][1].length);
        session.setThumbnailSize(1000);
        await();
        PlaygroundSnapshot s = snapshot();
        assertEquals(100, s.thumbnailSize(), "never more than the grid");
        // one cell a pixel: the thumbnail is the full map, coloured alike
        for (int l = 0; l < s.thumbnails().length; l++) {
            for (int j = 0; j < s.thumbnails()[l].length; j++) {
                session.showNeuronMap(GraphItem.neuron(l, j));
                await();
                assertArrayEquals(snapshot().neuronMap().picture(), snapshot().thumbnails()[l][j]);
            }
        }
    }

    @Test
    void discretizeChangesWhatTheWorkerRenders() {
        epochs(5);
        int[] smooth = snapshot().outputPicture();
        session.setDiscretize(true);
        await();
        assertTrue(setup.discretizeProperty().get());
        int[] sharp = snapshot().outputPicture();
        long colours = java.util.Arrays.stream(sharp).distinct().count();
        assertTrue(colours <= 2, "two colours: " + colours);
        assertTrue(java.util.Arrays.stream(smooth).distinct().count() > 2);
    }

    @Test
    void newDataAndFeaturesRebuild() {
        session.setShape("spiral");
        session.setNoise(0.1);
        session.setTrainSplit(0.4);
        for (String f : PlaygroundChoices.features()) {
            if (!setup.featuresProperty().get().contains(f)) {
                session.toggleFeature(f);
            }
        }
        await();
        PlaygroundSnapshot s = snapshot();
        assertEquals("spiral", setup.shapeProperty().get());
        assertEquals(0.1, setup.noiseProperty().get(), 0);
        assertEquals(200, s.trainCount(), "40 % of 500 points");
        assertEquals(7, s.inputMaps().length);
        session.regenerate();
        await();
        assertNotEquals(s.points(), snapshot().points());
        assertRefused(() -> session.setShape("moon"), "pg.error.shape");
        assertRefused(() -> session.setNoise(0.9), "pg.error.noise");
        assertRefused(() -> session.setTrainSplit(0.95), "pg.error.split");
    }

    @Test
    void oneFeatureAlwaysStaysOn() {
        session.toggleFeature("x1");
        await();
        assertEquals(List.of("x2"), setup.featuresProperty().get());
        assertRefused(() -> session.toggleFeature("x2"), "pg.error.noFeature");
        assertEquals(List.of("x2"), setup.featuresProperty().get());
        assertRefused(() -> session.toggleFeature("x9"), "pg.error.feature");
    }

    @Test
    void layersAreAddedWithTheLastActivationUpToEightAndResizedWithinLimits() {
        session.setActivation(1, "relu");
        session.addLayer();
        await();
        assertEquals(new PlaygroundChoices.LayerRow(4, "relu"), setup.layersProperty().get().get(2));
        assertEquals(List.of(2, 4, 2, 4, 1), snapshot().graph().layerSizes());
        for (int i = 0; i < 5; i++) {
            session.addLayer();
        }
        await();
        assertEquals(8, setup.layersProperty().get().size());
        assertRefused(session::addLayer, "pg.error.layers");
        session.resizeLayer(0, +3);
        await();
        assertEquals(7, setup.layersProperty().get().get(0).size());
        assertRefused(() -> session.resizeLayer(1, -2), "pg.error.neurons");
        assertRefused(() -> session.resizeLayer(9, 1), "pg.error.noSuchLayer");
        assertRefused(() -> session.setActivation(0, "softmax"), "pg.error.activation");
        for (int i = 0; i < 8; i++) {
            session.removeLayer();
        }
        await();
        assertRefused(session::removeLayer, "pg.error.noLayer");
        await();
        assertEquals(List.of(2, 1), snapshot().graph().layerSizes());
    }

    @Test
    void anOutputMustSuitTheTask() {
        session.setOutput("sigmoid-bce");
        await();
        assertEquals("sigmoid-bce", setup.outputProperty().get());
        assertRefused(() -> session.setOutput("softmax-ce"), "pg.error.output");
        session.setShape("blobs");
        assertEquals("softmax-ce", setup.outputProperty().get(), "three classes take softmax");
        assertEquals(List.of(0, 1, 2), setup.pointClassesProperty().get());
    }

    @Test
    void batchRegularizationInitAndSeedAreCheckedAndRebuild() {
        epochs(2);
        session.setBatchSize("16");
        await();
        assertEquals(0, snapshot().epoch());
        assertEquals("16", setup.batchTextProperty().get());
        assertRefused(() -> session.setBatchSize("-3"), "pg.error.batch");
        assertRefused(() -> session.setBatchSize("ten"), "pg.error.batch");
        session.setRegularizationRate("0.01");
        session.setRegularization("l2");
        assertEquals("l2", setup.regularizationProperty().get());
        assertEquals("0.01", setup.regularizationRateTextProperty().get());
        assertRefused(() -> session.setRegularizationRate("-1"), "pg.error.regRate");
        assertRefused(() -> session.setRegularization("l3"), "pg.error.regularization");
        PlaygroundSnapshot seed1 = snapshot();
        session.setInit("he");
        session.setSeed("7");
        await();
        assertEquals("he", setup.initProperty().get());
        assertEquals("7", setup.seedTextProperty().get());
        assertNotEquals(seed1.parameters(), snapshot().parameters());
        assertRefused(() -> session.setSeed("1.5"), "pg.error.seed");
        assertRefused(() -> session.setInit("magic"), "pg.error.init");
    }

    @Test
    void aChangedSetUpIsMarkedModifiedAndSummarised() {
        assertFalse(setup.modifiedProperty().get());
        session.setActivation(0, "relu");
        session.setActivation(1, "relu");
        session.setOptimizer("adam");
        assertTrue(setup.modifiedProperty().get());
        assertEquals(new PlaygroundChoices.Summary("2-4-2-1", "relu", "adam", "tanh-half-mse", "0.03", "10"),
                setup.summaryProperty().get());
        assertEquals("playground-default", setup.lessonIdProperty().get(), "still names the lesson it came from");
        session.loadLesson("playground-default");
        assertFalse(setup.modifiedProperty().get());
        assertRefused(() -> session.loadLesson("no-such-lesson"), "pg.error.lesson");
    }

    @Test
    void pointsAreAddedAndRemovedKeepingTheWeights() {
        PlaygroundSnapshot trained = epochs(2);
        session.addPoint(4.8, 4.8, 1);
        await();
        PlaygroundSnapshot s = snapshot();
        assertEquals(trained.trainCount() + 1, s.trainCount());
        assertEquals(4.8, s.points().get(s.trainCount() - 1).x1(), 0);
        assertEquals(trained.parameters(), s.parameters(), "the same weights go on training");
        assertEquals(2, s.epoch());
        assertNull(setup.shapeProperty().get(), "own points");
        session.removePoint(4.8, 4.8);
        await();
        assertEquals(trained.trainCount(), snapshot().trainCount());
        assertRefused(() -> session.addPoint(1, 1, 5), "pg.error.pointClass");
        assertRefused(() -> session.addPoint(9, 1, 0), "pg.error.pointOutside");
        assertRefused(() -> session.removePoint(4.8, 4.8), "pg.error.noPointNear");
    }

    @Test
    void aChosenPointBecomesALessonForTheSteppingWindow() throws Exception {
        assertTrue(session.editor().lessonForChosenPoint().get().isEmpty(), "none chosen");
        assertEquals("pg.choosePoint", session.noticeProperty().get().key());
        session.choosePoint(3, 3);
        PlaygroundChoices.MapPoint p = setup.chosenPointProperty().get();
        assertTrue(p.x1() > 0 && p.x2() > 0, String.valueOf(p));
        var future = session.editor().lessonForChosenPoint();
        await();
        var lesson = future.get().orElseThrow();
        assertEquals(p.x1(), lesson.train().inputs().get(0, 0), 0);
        assertEquals(1, lesson.train().inputs().rows());
    }

    @Test
    void spaceAndThePlayButtonStopAtTheLessonsEpochs() {
        session.loadLesson("neuron-bias");
        await();
        session.togglePlay();
        assertTrue(session.isPlaying());
        playOut(1000);
        assertFalse(session.isPlaying(), "paused by itself");
        assertEquals(100, snapshot().epoch(), "the lesson's 100 epochs");
        // once they are done, playing again goes on
        session.togglePlay();
        worker.advance(10_000_000L);
        worker.advance(10_000_000L);
        session.togglePlay();
        await();
        assertFalse(session.isPlaying());
        assertTrue(snapshot().epoch() > 100, "went on: " + snapshot().epoch());
    }

    @Test
    void playTrainsBatchByBatchAndAPauseEndsTheEpochBegun() {
        // TensorFlow Playground's default: 250 training points in batches of 10, 25 batches an epoch
        session.togglePlay();
        worker.advance(10_000_000L);
        PlaygroundSnapshot playing = snapshot();
        assertTrue(playing.iteration() > 0);
        assertNotEquals(0, playing.iteration() % 25, "a snapshot between two batches of an epoch: " + playing.iteration());
        assertEquals(playing.iteration() / 25, playing.epoch());
        session.togglePlay();
        await();
        PlaygroundSnapshot paused = snapshot();
        assertFalse(session.isPlaying());
        assertEquals(playing.epoch() + 1, paused.epoch(), "the epoch begun, ended");
        assertEquals(25L * paused.epoch(), paused.iteration());
        assertEquals(paused.epoch(), paused.trainLoss().iterations()[paused.trainLoss().size() - 1], "with its loss");
        // a step from there is one whole epoch
        session.stepEpoch();
        await();
        assertEquals(25L * (paused.epoch() + 1), snapshot().iteration());
    }

    @Test
    void theTooLargeLearningRateLessonDivergesWithinItsEpochsAndPauses() {
        session.loadLesson("lr-too-large");
        await();
        session.togglePlay();
        playOut(1000);
        assertFalse(session.isPlaying());
        PlaygroundSnapshot s = snapshot();
        assertTrue(s.diverged());
        assertFalse(Double.isFinite(s.trainLossNow()), "loss " + s.trainLossNow());
        assertTrue(s.epoch() < 150, "within its epochs: " + s.epoch());
        assertTrue(session.noticeProperty().get().key().startsWith("notice.diverged"), session.noticeProperty().get().key());
        session.restoreLastGood();
        await();
        assertTrue(Double.isFinite(snapshot().trainLossNow()));
        assertFalse(snapshot().diverged());
        assertEquals("notice.restored", session.noticeProperty().get().key());
    }

    @Test
    void aCsvFileIsImportedAndExported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "x1,x2,label\n1,oops,0\n");
        List<PlaygroundChoices.MapPoint> before = snapshot().points();
        session.points().importCsv(bad);
        await();
        assertEquals("notice.importFailed", session.noticeProperty().get().key());
        assertSame(before, snapshot().points(), "nothing changed");
        java.nio.file.Path good = dir.resolve("good.csv");
        session.points().importCsv(good);
        // the file is read on the worker, not by the command (a large file would freeze the window):
        // written only now, it is there when the worker reads it
        java.nio.file.Files.writeString(good, "x1,x2,label\n1,2,0\n3,4,1\n-1,-2,0\n2,2,1\n");
        await();
        // read, said, and not used before the yes
        assertEquals(new PlaygroundPoints.PendingImport("good.csv", 4, 2, false), session.points().pendingImportProperty().get());
        assertSame(before, snapshot().points(), "nothing changed before the yes");
        session.points().cancelImport();
        await();
        assertEquals(new Notice("notice.importCancelled", List.of("good.csv"), false), session.noticeProperty().get());
        assertNull(session.points().pendingImportProperty().get());
        assertSame(before, snapshot().points(), "nothing changed after the no");
        session.points().confirmImport(); // nothing waits: nothing happens
        await();
        assertSame(before, snapshot().points());
        session.points().importCsv(good);
        await();
        session.points().confirmImport();
        await();
        assertNull(session.points().pendingImportProperty().get());
        assertEquals(4, snapshot().points().size());
        assertEquals(new Notice("notice.importedClasses", List.of("good.csv", 4, 2), false), session.noticeProperty().get());
        java.nio.file.Path target = dir.resolve("target.csv");
        java.nio.file.Files.writeString(target, "x1,x2,target\n1,2,0.5\n3,4,-1\n");
        session.points().importCsv(target);
        await();
        assertEquals(new PlaygroundPoints.PendingImport("target.csv", 2, 0, true), session.points().pendingImportProperty().get());
        session.points().confirmImport();
        await();
        assertEquals(new Notice("notice.importedTarget", List.of("target.csv", 2), false), session.noticeProperty().get());
        session.points().importCsv(good);
        await();
        session.points().confirmImport();
        await();
        java.nio.file.Path out = dir.resolve("out.csv");
        session.points().exportCsv(out);
        await();
        assertEquals("notice.exported", session.noticeProperty().get().key());
        assertEquals(5, java.nio.file.Files.readAllLines(out).size());
    }
}
