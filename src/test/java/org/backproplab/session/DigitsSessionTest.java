package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digits tab's view-model on the tiny MNIST subset (200 test digits), run by hand: each
 * command, including a refused value, with no thread and no sleep.
 */
class DigitsSessionTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");
    /** Each clock reading moves 20 ms, so a 40 ms chunk of training is one or two batches. */
    private final ManualWorker worker = new ManualWorker(20_000_000L);
    private final DigitsSession session = new DigitsSession(worker, Runnable::run, TINY, 0, 0);

    private DigitsSnapshot opened() {
        session.open();
        worker.runUntilIdle();
        return session.getSnapshot();
    }

    private static String errorKey(DigitsSession s) {
        Notice n = s.inputErrorProperty().get();
        return n == null ? null : n.key();
    }

    @Test
    void openLoadsTheDigitsAndTheFirstPresetReadyToDraw() {
        DigitsSnapshot s = opened();
        assertEquals("mnist-cnn-small", session.presetProperty().get());
        assertTrue(session.loadedProperty().get());
        assertEquals(200, session.digitCountProperty().get());
        assertEquals(5, s.summary().size(), "input, conv, pool, dense, dense");
        assertEquals("185,998", s.totalParameters());
        assertEquals(1, s.filters().size(), "one conv layer");
        assertEquals(10, s.filters().get(0).kernels().size());
        assertEquals(5, s.filters().get(0).kernels().get(0).width());
        assertEquals(3, s.featureMaps().size(), "conv, pool and the dense hidden layer");
        assertEquals(10, s.featureMaps().get(0).maps().size());
        assertEquals(24, s.featureMaps().get(0).maps().get(0).width());
        assertEquals(1, s.featureMaps().get(2).maps().size(), "128 neurons as one block");
        assertEquals(784, s.digit().argb().length);
        assertEquals(49, s.occlusion().argb().length);
        int total = 0;
        for (int[] row : s.confusion()) {
            for (int v : row) {
                total += v;
            }
        }
        assertEquals(200, total);
        assertTrue(!s.gallery().isEmpty() && s.gallery().size() <= 24);
        session.open();
        assertEquals(0, worker.pending(), "opening again loads nothing");
    }

    @Test
    void aNetworkAnswersBeforeTheDigitsAreRead() {
        ManualWorker reader = new ManualWorker(20_000_000L);
        DigitsSession session = new DigitsSession(worker, Runnable::run, reader::execute, TINY, 0, 0);
        session.open();
        worker.runUntilIdle(); // the network; the digits wait for the reader
        assertTrue(session.loadedProperty().get());
        assertEquals(0, session.digitCountProperty().get());
        DigitsSnapshot s = session.getSnapshot();
        assertEquals(-1, s.label(), "no test digit yet: a blank page");
        assertEquals(10, s.probabilities().length);
        session.select(3);
        assertEquals("digits.error.noDigits", errorKey(session));
        session.drawAt(14, 14);
        session.endStroke();
        worker.runUntilIdle();
        assertTrue(java.util.Arrays.stream(session.getSnapshot().image()).sum() > 1, "the drawing reached the network");
        assertEquals(0, session.digitCountProperty().get());
        reader.runUntilIdle();
        worker.runUntilIdle();
        assertEquals(200, session.digitCountProperty().get());
    }

    @Test
    void anUnknownPresetIsRefusedAndAKnownOneLoads() {
        opened();
        session.loadPreset("mnist-resnet");
        assertEquals("digits.error.preset", errorKey(session));
        assertEquals(0, worker.pending(), "nothing queued");
        assertEquals("mnist-cnn-small", session.presetProperty().get());
        session.loadPreset("mnist-mlp");
        assertNull(errorKey(session));
        worker.runUntilIdle();
        assertEquals("mnist-mlp", session.getSnapshot().presetId());
        assertEquals("mnist-mlp", session.presetProperty().get());
        assertTrue(session.getSnapshot().filters().isEmpty(), "an MLP has no filters");
        session.loadPreset("mnist-lenet");
        worker.runUntilIdle();
        var banks = session.getSnapshot().filters();
        assertEquals(2, banks.size(), "LeNet's two conv layers");
        assertEquals(6, banks.get(0).kernels().size());
        assertEquals(16, banks.get(1).filters());
        assertEquals(6, banks.get(1).channels());
        assertEquals(16 * 6, banks.get(1).kernels().size(), "16 filters x 6 channels");
        assertEquals(java.util.List.of("input", "conv", "maxpool", "conv", "maxpool", "dense", "dense", "dense"),
                session.getSnapshot().summary().stream().map(DigitsSnapshot.SummaryRow::kind).toList());
    }

    @Test
    void playIsRefusedUntilTheDigitsAreLoadedAndSpaceDoesWhatTheButtonDoes() {
        session.togglePlay();
        assertFalse(session.isPlaying());
        assertEquals("digits.error.notLoaded", errorKey(session));
        assertEquals(0, worker.pending());

        opened();
        session.togglePlay();
        assertTrue(session.isPlaying());
        assertNull(errorKey(session));
        worker.runTasks(3);
        session.togglePlay();
        assertFalse(session.isPlaying());
        worker.runUntilIdle();
        int trained = session.getSnapshot().batchLoss().size();
        assertTrue(trained >= 3, "batches trained: " + trained);
        worker.runUntilIdle();
        assertEquals(trained, session.getSnapshot().batchLoss().size(), "paused");

        // the same chunks with play() and pause() train the same batches to the same losses
        ManualWorker w2 = new ManualWorker(20_000_000L);
        DigitsSession other = new DigitsSession(w2, Runnable::run, TINY, 0, 0);
        other.open();
        w2.runUntilIdle();
        other.play();
        w2.runTasks(3);
        other.pause();
        w2.runUntilIdle();
        assertArrayEquals(session.getSnapshot().batchLoss().losses(), other.getSnapshot().batchLoss().losses());
    }

    @Test
    void selectShowsATestDigitAndRefusesOneThatIsNotThere() {
        assertEquals(0, opened().selected());
        session.select(200);
        assertEquals("digits.error.digit", errorKey(session));
        session.select(-1);
        assertEquals("digits.error.digit", errorKey(session));
        assertEquals(0, worker.pending());
        session.select(7);
        assertNull(errorKey(session));
        worker.runUntilIdle();
        assertEquals(7, session.getSnapshot().selected());
        session.selectAfter(1);
        worker.runUntilIdle();
        assertEquals(8, session.getSnapshot().selected());
        session.select(0);
        worker.runUntilIdle();
        session.selectAfter(-1);
        worker.runUntilIdle();
        assertEquals(199, session.getSnapshot().selected(), "before the first, the last");
    }

    @Test
    void drawingInksThePictureAndReachesTheNetworkAndClearGoesBack() {
        DigitsSnapshot before = opened();
        DigitsSnapshot.Picture blank = session.drawingProperty().get();
        session.drawAt(28, 3);
        session.drawAt(Double.NaN, 3);
        assertEquals("digits.error.outside", errorKey(session));
        assertSame(blank, session.drawingProperty().get(), "nothing inked");
        for (int y = 4; y < 24; y++) {
            session.drawAt(14, y);
        }
        session.endStroke();
        assertNull(errorKey(session));
        assertNotEquals(0xFFFFFFFF, session.drawingProperty().get().argb()[10 * 28 + 13], "ink on the pad");
        worker.runUntilIdle();
        DigitsSnapshot s = session.getSnapshot();
        assertEquals(-1, s.label(), "the drawing is shown");
        double ink = 0;
        for (double v : s.image()) {
            ink += v;
        }
        assertTrue(ink > 5, "the stroke reached the network: " + ink);
        session.clearDrawing();
        worker.runUntilIdle();
        assertEquals(before.label(), session.getSnapshot().label(), "the test digit again");
        assertEquals(0xFFFFFFFF, session.drawingProperty().get().argb()[10 * 28 + 13]);
    }

    @Test
    void aModelIsSavedAndLoadedAndNoFileOrABrokenOneChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        session.saveModel(file, false);
        assertEquals("digits.error.notLoaded", errorKey(session));
        session.loadPreset("mnist-mlp");
        worker.runUntilIdle();
        session.play();
        worker.runTasks(2);
        session.pause();
        worker.runUntilIdle();
        double[] trained = session.getSnapshot().probabilities();
        session.saveModel(null, false);
        assertEquals("digits.error.noFile", errorKey(session));
        session.saveModel(file, false);
        worker.runUntilIdle();
        assertTrue(Files.readString(file).contains("\"format\" : \"backprop-lab-model\""));
        session.loadPreset("mnist-lenet");
        worker.runUntilIdle();
        session.loadModel(null);
        assertEquals("digits.error.noFile", errorKey(session));
        assertEquals("mnist-lenet", session.presetProperty().get());
        session.loadModel(file);
        worker.runUntilIdle();
        assertEquals("mnist-mlp", session.presetProperty().get());
        assertEquals(trained[0], session.getSnapshot().probabilities()[0], 1e-12, "the same network again");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"backprop-lab-model\", \"version\": 1, \"preset\": \"mnist-mlp\",\n\"parameters\": {\"W1\": [[1, 2], [3");
        session.loadModel(broken);
        worker.runUntilIdle();
        assertTrue(session.noticeProperty().get().error());
        assertEquals("notice.modelFailed", session.noticeProperty().get().key());
        assertEquals("mnist-mlp", session.getSnapshot().presetId(), "nothing changed");
        assertEquals(trained[0], session.getSnapshot().probabilities()[0], 1e-12, "the same network still");
    }

    @Test
    void aDivergedModelIsSavedOnlyAfterAYesAndNeverOverAGoodFileWithoutOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        session.loadPreset("mnist-mlp");
        worker.runUntilIdle();
        session.saveModel(good, false);
        worker.runUntilIdle();
        String goodText = Files.readString(good);
        // weights of 1e300 are finite and load, but the first batch overflows them to NaN
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, goodText.replaceAll("-?\\d\\.\\d+(E-?\\d+)?", "1e300"));
        session.loadModel(huge);
        worker.runUntilIdle();
        assertEquals("notice.modelLoaded", session.noticeProperty().get().key());
        session.play();
        worker.runTasks(1);
        worker.runUntilIdle();
        assertEquals("notice.divergedLoss", session.noticeProperty().get().key());

        session.saveModel(good, false);
        worker.runUntilIdle();
        assertEquals(good, session.unconfirmedSaveProperty().get(), "the window is asked first");
        assertEquals(goodText, Files.readString(good), "nothing written yet");
        session.cancelSave();
        assertNull(session.unconfirmedSaveProperty().get());
        assertEquals(goodText, Files.readString(good), "no: nothing written");

        session.saveModel(good, true);
        worker.runUntilIdle();
        assertNull(session.unconfirmedSaveProperty().get());
        assertEquals("notice.exported", session.noticeProperty().get().key());
        assertTrue(Files.readString(good).contains("null"), "yes: written, NaN as null");
        session.loadModel(good);
        worker.runUntilIdle();
        assertEquals("notice.modelFailed", session.noticeProperty().get().key());
        assertTrue(String.valueOf(session.noticeProperty().get().args().get(0)).startsWith("good.json: field \"layers[0].W\", row 1"),
                session.noticeProperty().get().args().toString());
    }
}
