package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tutorials' presets in the digits tab's view-model: each loads (the Keras example trained, the
 * others from random weights), shows its summary and maps and reads a digit; the two smaller train.
 */
class DigitsTutorialPresetsTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "mnist-keras-example; input conv conv maxpool dropout flatten dense dropout dense; 1,199,882; 2; false",
        "mnist-from-scratch; input conv maxpool dense dense; 185,998; 1; true",
        "lenet-1998; input conv subsampling conv subsampling flatten dense dense dense; 61,750; 2; true"})
    void eachPresetLoadsShowsItsLayersAndTrains(String preset, String kinds, String total, int convLayers,
            boolean train) {
        ManualWorker worker = new ManualWorker(20_000_000L);
        DigitsSession session = new DigitsSession(worker, Runnable::run, TINY, 0, 0);
        session.open();
        worker.runUntilIdle();
        assertTrue(session.presets().contains(preset));
        session.loadPreset(preset);
        assertNull(session.inputErrorProperty().get());
        worker.runUntilIdle();
        DigitsSnapshot s = session.getSnapshot();
        assertEquals(preset, s.presetId());
        assertEquals(List.of(kinds.split(" ")), s.summary().stream().map(DigitsSnapshot.SummaryRow::kind).toList());
        assertEquals(total, s.totalParameters());
        assertEquals(convLayers, s.filters().size());
        // a map (or a block of values) for every layer but the output
        assertEquals(kinds.split(" ").length - 2, s.featureMaps().size());
        assertEquals(10, s.probabilities().length);
        assertEquals(1, java.util.Arrays.stream(s.probabilities()).sum(), 1e-9);
        assertEquals("digits.about." + preset, DigitsTexts.aboutKey(session.presetProperty().get()));

        if (!train) {
            // a batch of 128 through the Keras example's buffers takes about 350 MB: more than this
            // suite's 2 GB heap can be sure to spare after the window tests (shipped trained instead)
            return;
        }
        session.togglePlay();
        worker.runTasks(2);
        session.togglePlay();
        worker.runUntilIdle();
        assertFalse(session.isPlaying());
        assertTrue(session.getSnapshot().batchLoss().size() >= 1, "trained at least one batch; notice: "
                + session.noticeProperty().get());
        assertTrue(Double.isFinite(session.getSnapshot().batchLoss().losses()[0]));
    }
}
