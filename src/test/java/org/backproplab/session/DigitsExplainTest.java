package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Why this class?" as a view-model, run by hand on the tiny MNIST subset: refused choices change
 * nothing, every method gives a map per class, nothing is computed while the view is hidden, and a
 * maximisation reports its progress and can be cancelled.
 */
class DigitsExplainTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");
    private final ManualWorker worker = new ManualWorker(20_000_000L);
    private final List<Runnable> background = new ArrayList<>();
    private final DigitsSession session = new DigitsSession(worker, Runnable::run, worker::execute, TINY, 0, 0);
    private final DigitsExplain explain = session.explain();

    private ExplainSnapshot opened(String preset) {
        session.open();
        worker.runUntilIdle();
        session.loadPreset(preset);
        explain.setActive(true);
        worker.runUntilIdle();
        return explain.snapshotProperty().get();
    }

    private String errorKey() {
        Notice n = explain.inputErrorProperty().get();
        return n == null ? null : n.key();
    }

    @Test
    void nothingIsComputedWhileHiddenAndEveryMethodGivesAMapPerClass() {
        session.open();
        worker.runUntilIdle();
        assertNull(explain.snapshotProperty().get(), "hidden: no maps");
        explain.setActive(true);
        worker.runUntilIdle();
        ExplainSnapshot s = explain.snapshotProperty().get();
        assertEquals("saliency", s.method());
        assertEquals(10, s.row().size());
        assertEquals(session.getSnapshot().label(), s.shownClass(), "the label's map first");
        assertEquals(List.of("conv 1"), s.layers());
        for (String m : List.of("guided", "rectified", "gradcam", "guided-gradcam", "occlusion")) {
            explain.setMethod(m);
            worker.runUntilIdle();
            s = explain.snapshotProperty().get();
            assertEquals(m, s.method());
            assertEquals(10, s.row().size(), m);
            assertEquals(28, s.map().width(), m);
        }
        assertEquals("explain.winners", s.secondKey());
        assertEquals("probability", s.target(), "occlusion reads the drop of p_c by default");
        assertEquals(28, s.second().width());
        explain.setMethod("gradcam");
        worker.runUntilIdle();
        assertEquals("logit", explain.snapshotProperty().get().target(), "and the logit again after it");
        assertEquals(24, explain.snapshotProperty().get().second().width(), "conv 1 of the small CNN is 24 x 24");
    }

    @Test
    void refusedChoicesSayWhyAndChangeNothing() {
        ExplainSnapshot before = opened("mnist-mlp");
        explain.setMethod("lime");
        assertEquals("explain.error.method", errorKey());
        explain.setTarget("softmax");
        assertEquals("explain.error.target", errorKey());
        explain.chooseClass(10);
        assertEquals("explain.error.class", errorKey());
        explain.setPatch(0);
        assertEquals("explain.error.patch", errorKey());
        explain.setFill(Double.NaN);
        assertEquals("explain.error.fill", errorKey());
        explain.setLayer(1);
        assertEquals("explain.error.layer", errorKey());
        assertEquals(0, worker.pending(), "nothing queued");
        assertEquals(before, explain.snapshotProperty().get());
        explain.setMethod("gradcam");
        worker.runUntilIdle();
        assertNull(errorKey());
        assertEquals("explain.noConv", explain.snapshotProperty().get().notes().get(0).key(), "an MLP has no conv");
        explain.maximize(true);
        assertEquals("explain.noConv", errorKey(), "no filters to maximise");
        explain.chooseClass(3);
        worker.runUntilIdle();
        assertEquals(3, explain.snapshotProperty().get().shownClass());
    }

    @Test
    void theMlpHasNoReluRuleToSkipButTheSigmoidCnnSaysItsRulesChangeNothing() {
        opened("mnist-cnn-small");
        explain.setMethod("guided");
        worker.runUntilIdle();
        assertEquals("explain.noRelu", explain.snapshotProperty().get().notes().get(0).key());
        session.loadPreset("mnist-lenet");
        worker.runUntilIdle();
        assertTrue(explain.snapshotProperty().get().notes().isEmpty(), "LeNet has ReLUs");
        assertEquals(List.of("conv 1", "conv 2"), explain.snapshotProperty().get().layers());
    }

    @Test
    void aMaximisationReportsProgressOnItsOwnThreadAndCanBeCancelled() {
        DigitsSession s = new DigitsSession(worker, Runnable::run, background::add, TINY, 0, 0);
        DigitsExplain e = s.explain();
        s.open();
        background.remove(0).run(); // the digits
        worker.runUntilIdle();
        s.loadPreset("mnist-mlp");
        e.setActive(true);
        e.setMethod("maximize");
        worker.runUntilIdle();
        assertEquals("explain.maximizeFirst", e.snapshotProperty().get().notes().get(0).key());
        e.maximize(false);
        assertTrue(e.maximizingProperty().get());
        e.maximize(false);
        assertEquals("explain.error.busy", e.inputErrorProperty().get().key());
        e.cancelMaximize();
        background.remove(0).run();
        assertFalse(e.maximizingProperty().get());
        assertEquals("explain.cancelled", e.inputErrorProperty().get().key());
        e.maximize(false);
        List<Double> seen = new ArrayList<>();
        e.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        background.remove(0).run();
        worker.runUntilIdle();
        assertTrue(seen.size() > 100 && seen.contains(0.5), "progress by step: " + seen.size());
        ExplainSnapshot done = e.snapshotProperty().get();
        assertEquals(10, done.row().size());
        assertTrue(done.rowCaptions().get(4).startsWith("4: p "), done.rowCaptions().get(4));
    }
}
