package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.backproplab.lesson.PlaygroundLessons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs kept as TensorBoard keeps them: their labels, their CSV, and the playground's commands. */
class CurveRunsTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.backproplab.ui.messages", Locale.ENGLISH);
    private ManualWorker worker;
    private PlaygroundSession session;

    static String english(String key, Object... args) {
        return new MessageFormat(EN.getString(key), Locale.ENGLISH).format(args);
    }

    static List<String> labels(List<CurveRuns.Run> runs) {
        return CurveRuns.labels(runs).stream().map(p -> p.format(CurveRunsTest::english)).toList();
    }

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new PlaygroundSession(worker, Runnable::run);
    }

    @AfterEach
    void close() {
        session.pause();
        worker.runUntilIdle();
    }

    private void train(String lesson, int epochs) {
        if (lesson != null) {
            session.loadLesson(lesson);
        }
        for (int i = 0; i < epochs; i++) {
            session.stepEpoch();
        }
        worker.runUntilIdle();
    }

    private static CurveRuns.Run run(String lesson, int n, boolean current) {
        return new CurveRuns.Run(n, CurveRuns.playground(lesson, PlaygroundLessons.all().get(lesson)),
                new LossHistory.Curve(new long[] {1}, new double[] {1}), LossHistory.Curve.EMPTY, current);
    }

    @Test
    void aRunIsNamedByTheSettingsInWhichTheRunsDiffer() {
        assertEquals(List.of("lr 0.002", "lr 0.03", "lr 0.06"),
                labels(List.of(run("lr-too-small", 1, false), run("lr-right", 2, false), run("lr-overshoot", 3, true))));
        assertEquals(List.of("batch all points", "batch 1", "batch 10"),
                labels(List.of(run("batch-full", 1, false), run("batch-stochastic", 2, false), run("batch-mini", 3, true))));
        // alone, a run is named by its learning rate and batch
        assertEquals(List.of("lr 0.03 \u00b7 batch 10"), labels(List.of(run("playground-default", 1, true))));
        // the same settings twice: told apart by their numbers
        assertEquals(List.of("lr 0.03 \u00b7 batch all points (run 1)", "lr 0.03 \u00b7 batch all points (run 2)"),
                labels(List.of(run("lr-right", 1, false), run("lr-right", 2, true))));
    }

    @Test
    void theLearningRateLessonsShowTheirRunsOnOneChart() {
        train("lr-too-small", 3);
        train("lr-right", 2);
        List<CurveRuns.Run> runs = session.curves().runs();
        assertEquals(List.of("lr 0.002", "lr 0.03"), labels(runs));
        assertEquals(3, runs.get(0).train().size());
        assertFalse(runs.get(0).current());
        assertEquals(2, runs.get(1).train().size());
        assertTrue(runs.get(1).current());
        assertEquals(2, session.curves().chartProperty().get().legend().size());
    }

    @Test
    void aNewLearningRateGoesOnAsANewRunAndClearRunsKeepsTheCurrentOneAlone() {
        train("playground-default", 2);
        session.setLearningRate("0.1");
        train(null, 3);
        List<CurveRuns.Run> runs = session.curves().runs();
        assertEquals(List.of("lr 0.03", "lr 0.1"), labels(runs));
        // the weights were kept: the new run goes on from epoch 3
        assertEquals(3, runs.get(1).train().iterations()[0]);
        session.curves().clearRuns();
        worker.runUntilIdle();
        assertEquals(1, session.curves().runs().size());
        assertEquals(1, session.curves().runs().get(0).number());
        // a reset with nothing trained keeps no empty run
        session.reset();
        session.reset();
        worker.runUntilIdle();
        assertEquals(2, session.curves().runs().size());
    }

    @Test
    void aSmoothingOutsideZeroTo099IsRefusedAndSaid() {
        assertTrue(session.curves().setSmoothing(0.6));
        assertFalse(session.curves().setSmoothing(1));
        assertFalse(session.curves().setSmoothing(Double.NaN));
        assertEquals(0.6, session.curves().smoothingProperty().get(), 0);
        assertEquals("curves.error.smoothing", session.noticeProperty().get().key());
    }

    /** A CSV line split into fields, with RFC 4180 quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                f.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    @Test
    void theCsvHoldsEveryRunAndReadsBackExactly() {
        CurveRuns.Run a = new CurveRuns.Run(1, List.of(), new LossHistory.Curve(new long[] {1, 2}, new double[] {0.5, 0.1}),
                new LossHistory.Curve(new long[] {2}, new double[] {0.30000000000000004}), false);
        CurveRuns.Run b = new CurveRuns.Run(2, List.of(), new LossHistory.Curve(new long[] {1}, new double[] {1e-9}),
                LossHistory.Curve.EMPTY, true);
        String csv = CurveBoard.csv(List.of(a, b), List.of("lr 0.1, \"fast\"", "lr 0.01"), "epoch");
        List<List<String>> rows = csv.lines().map(CurveRunsTest::fields).toList();
        assertEquals(List.of("run", "epoch", "train_loss", "test_loss"), rows.get(0));
        assertEquals(List.of("lr 0.1, \"fast\"", "1", "0.5", ""), rows.get(1));
        assertEquals(List.of("lr 0.1, \"fast\"", "2", "0.1", "0.30000000000000004"), rows.get(2));
        assertEquals(List.of("lr 0.01", "1", "1.0E-9", ""), rows.get(3));
        assertEquals(4, rows.size());
        assertEquals(0.30000000000000004, Double.parseDouble(rows.get(2).get(3)), 0);
    }

    @Test
    void exportWritesTheRunsShownAndSaysSo(@TempDir Path dir) throws Exception {
        train("lr-too-small", 2);
        train("lr-right", 3);
        Path file = dir.resolve("runs.csv");
        session.curves().exportCsv(file, CurveRunsTest::english);
        worker.runUntilIdle();
        List<List<String>> rows = Files.readAllLines(file).stream().map(CurveRunsTest::fields).toList();
        assertEquals(1 + 2 + 3, rows.size());
        assertEquals(List.of("lr 0.002", "1"), rows.get(1).subList(0, 2));
        assertEquals(List.of("lr 0.03", "3"), rows.get(5).subList(0, 2));
        assertEquals(session.curves().runs().get(1).train().losses()[2], Double.parseDouble(rows.get(5).get(2)), 0);
        assertEquals("notice.exported", session.noticeProperty().get().key());
        // a "folder" that is a file: an error said, no exception
        Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
        session.curves().exportCsv(notAFolder.resolve("runs.csv"), CurveRunsTest::english);
        worker.runUntilIdle();
        assertEquals("notice.exportFailed", session.noticeProperty().get().key());
        assertTrue(session.noticeProperty().get().error());
    }

    @Test
    void theDigitsTabKeepsARunPerPresetTrained() {
        ManualWorker w = new ManualWorker(20_000_000L);
        DigitsSession digits = new DigitsSession(w, Runnable::run, Path.of("src", "test", "resources", "mnist-tiny"), 0, 0);
        digits.open();
        w.runUntilIdle();
        for (String preset : List.of("mnist-mlp", "mnist-lenet")) {
            digits.loadPreset(preset);
            w.runUntilIdle();
            digits.play();
            w.runTasks(2);
            digits.pause();
            w.runUntilIdle();
        }
        List<CurveRuns.Run> runs = digits.curves().runs();
        assertEquals(2, runs.size());
        assertTrue(runs.get(0).train().size() > 0 && runs.get(1).train().size() > 0);
        // both presets train with Adam at 0.001 on batches of 64: they differ only in the network, named by its title
        assertEquals(List.of(english("digits.mnist-mlp"), english("digits.mnist-lenet")), labels(runs));
        digits.curves().clearRuns();
        w.runUntilIdle();
        assertEquals(1, digits.curves().runs().size());
    }
}
