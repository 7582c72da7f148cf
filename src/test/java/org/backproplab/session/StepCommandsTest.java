package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command of the stepping tab's view-model, run synchronously, with a value it refuses. */
class StepCommandsTest {
    private ManualWorker worker;
    private StepSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new StepSession(worker, Runnable::run);
        session.loadLesson("worked-2-2-2");
        worker.runUntilIdle();
    }

    private StepScreen screen() {
        worker.runUntilIdle();
        return session.getSnapshot().screen();
    }

    private static String text(Phrase p) {
        return p.format((key, args) -> key + java.util.Arrays.toString(args));
    }

    private Notice notice() {
        return session.noticeProperty().get();
    }

    @Test
    void theScreenSaysWhereTheIterationStands() {
        assertEquals("stage.iteration[1] \u00b7 stage.start[]", text(screen().stage()));
        session.nextStage();
        assertEquals("stage.iteration[1] \u00b7 stage.forward[layer.hidden[1]]", text(screen().stage()));
        assertEquals("worked-2-2-2", session.lessonIdProperty().get());
        assertEquals("frozen", session.biasModeProperty().get());
        assertEquals("0.5", session.learningRateProperty().get());
        assertEquals(1, session.sampleCountProperty().get());
    }

    @Test
    void loadLessonOpensAKnownLessonAndRefusesAnUnknownOne() {
        session.loadLesson("no-such-lesson");
        worker.runUntilIdle();
        assertEquals("step.error.unknownLesson", notice().key());
        assertTrue(notice().error());
        assertEquals("worked-2-2-2", session.getSnapshot().lessonId(), "still the same lesson");
        session.loadLesson(Lessons.XOR);
        assertEquals("xor", screen().lessonId());
        assertEquals("xor", session.lessonIdProperty().get());
    }

    @Test
    void selectMarksTheItemInTheGraphAndFillsTheInspector() {
        session.nextStage();
        session.select(GraphItem.neuron(0, 0));
        StepScreen s = screen();
        assertEquals(GraphItem.neuron(0, 0), session.selectionProperty().get());
        assertTrue(s.graph().neurons().get(0).get(0).selected());
        assertEquals("inspector.neuron[h1]", text(s.inspector().title()));
        assertTrue(text(s.inspector().lines().get(0)).startsWith("net_h1 = w1 \u00d7 i1"), text(s.inspector().lines().get(0)));
        assertFalse(s.inspector().editable());

        session.select(GraphItem.weight(3, 0, 0));
        worker.runUntilIdle();
        assertEquals("step.error.noSuchItem", notice().key());
        assertEquals(GraphItem.neuron(0, 0), session.selectionProperty().get(), "the selection stays");

        session.select(null);
        assertNull(screen().inspector().item());
        assertEquals("inspector.empty[]", text(screen().inspector().title()));
    }

    @Test
    void editSetsTheSelectedValueAndRefusesWhatIsNotANumber() {
        assertFalse(session.edit("0.9"), "nothing selected: nothing to edit");
        session.select(GraphItem.weight(0, 0, 0));
        assertFalse(session.edit("abc"));
        assertEquals("edit.error.notANumber[1000000]", text(session.editErrorProperty().get()));
        assertFalse(session.edit("1e9"));
        assertEquals(0.15, session.getSnapshot().parameters().get("W1").get(0, 0), 0, "nothing changed");
        assertTrue(session.edit("0.9"));
        assertNull(session.editErrorProperty().get());
        StepScreen s = screen();
        assertEquals(0.9, session.getSnapshot().parameters().get("W1").get(0, 0), 0);
        assertEquals("0.9", s.inspector().value());
        assertEquals("w1 0.9", s.graph().edges().get(0).label().text());
        session.select(GraphItem.input(1));
        assertTrue(session.edit("0.2"));
        worker.runUntilIdle();
        assertEquals(0.2, session.getSnapshot().inputs().get(0, 1), 0);
    }

    @Test
    void setLearningRateTakesTextAndRefusesANegativeRate() {
        assertFalse(session.setLearningRate("-2"));
        assertEquals("edit.error.learningRate[1000]", text(session.learningRateErrorProperty().get()));
        worker.runUntilIdle();
        assertEquals(0.5, session.getSnapshot().learningRate(), 0);
        assertTrue(session.setLearningRate("0,1"));
        assertNull(session.learningRateErrorProperty().get());
        assertEquals("0.1", screen().learningRate());
        assertEquals("0.1", session.learningRateProperty().get());
    }

    @Test
    void setBiasModeTakesAnIdAndRefusesAnUnknownOne() {
        session.setBiasMode("sometimes");
        worker.runUntilIdle();
        assertEquals("step.error.biasMode", notice().key());
        assertEquals("frozen", session.biasModeProperty().get());
        session.setBiasMode("none");
        assertEquals("none", screen().biasMode());
        assertFalse(screen().graph().biases().get(0).get(0).visible());
    }

    @Test
    void chooseSampleShowsAnotherSampleAndRefusesOneTheLessonHasNot() {
        session.loadLesson(Lessons.FROM_SCRATCH_3_4_1);
        assertEquals(4, screen().sampleCount());
        session.select(GraphItem.input(1));
        session.chooseSample(3);
        StepScreen s = screen();
        assertEquals(3, session.sampleProperty().get());
        assertEquals(3, s.sample());
        assertEquals("i1  1", s.graph().inputs().get(0).text(), "sample 4 is [1, 1, 1]");
        assertEquals(GraphItem.input(1).forSample(3), session.selectionProperty().get(), "the input of that sample");
        session.chooseSample(4);
        worker.runUntilIdle();
        assertEquals("step.error.sample", notice().key());
        assertEquals(3, session.sampleProperty().get());
    }

    @Test
    void setSpeedAndTogglePlay() {
        session.setSpeed(Speed.MAX);
        assertEquals(Speed.MAX, session.speedProperty().get());
        session.setSpeed(null);
        assertEquals(Speed.MAX, session.getSpeed(), "no speed: refused");
        session.togglePlay();
        worker.runTasks(2);
        assertTrue(session.isPlaying());
        session.togglePlay();
        worker.runUntilIdle();
        assertFalse(session.isPlaying());
        assertTrue(session.getSnapshot().completed() > 0);
    }

    @Test
    void exportHandoutWritesTheFileAndRefusesZeroIterations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("handout.md");
        session.exportHandout(file, 0, "title", org.backproplab.io.HandoutWordsForTests.ENGLISH);
        worker.runUntilIdle();
        assertEquals("step.error.iterations", notice().key());
        assertFalse(Files.exists(file));
        session.exportHandout(file, 1, "My handout", org.backproplab.io.HandoutWordsForTests.ENGLISH);
        worker.runUntilIdle();
        assertEquals("notice.exported", notice().key());
        assertTrue(Files.readString(file).startsWith("# My handout"));
    }

    @Test
    void theHandoutStartsFromTheIterationShownWithItsEditsInTheWordsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("handout.md");
        // halfway through iteration 1, w1 edited to 0.9: the handout writes iteration 1 whole, from w1 = 0.9
        session.nextStage();
        session.nextStage();
        worker.runUntilIdle();
        session.select(GraphItem.weight(0, 0, 0));
        assertTrue(session.edit("0.9"));
        worker.runUntilIdle();
        session.exportHandout(file, 1, "\u8bb2\u4e49", org.backproplab.io.HandoutWordsForTests.CHINESE);
        worker.runUntilIdle();
        String md = Files.readString(file);
        assertTrue(md.startsWith("# \u8bb2\u4e49\n"), md);
        assertTrue(md.contains("## \u7b2c 1 \u6b21\u8fed\u4ee3\n"), md);
        // net_h1 = 0.9 x 0.05 + 0.2 x 0.1 + 0.35 = 0.045 + 0.02 + 0.35 = 0.415
        assertTrue(md.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.9 x 0.05 + 0.2 x 0.1 + 0.35 x 1 = 0.415\n"), md);
        assertTrue(md.contains("| \u4f18\u5316\u5668 | sgd, \u5b66\u4e60\u7387 0.5 |"), md);
        assertFalse(md.contains("From iteration"), "the first iteration needs no 'from'");
        assertEquals(0.9, session.getSnapshot().parameters().get("W1").get(0, 0), 0, "the session is not touched");
    }

    @Test
    void stepLessonFromLoadsThePlaygroundsPointPausedAtItsStart() {
        session.wholeIteration();
        CompletableFuture<Boolean> none = session.stepLessonFrom(CompletableFuture.completedFuture(Optional.empty()));
        worker.runUntilIdle();
        assertFalse(none.join(), "no point chosen: nothing changes");
        assertEquals(1, session.getSnapshot().completed());
        var lesson = Lessons.byId(Lessons.XOR);
        CompletableFuture<Boolean> one = session.stepLessonFrom(CompletableFuture.completedFuture(Optional.of(lesson)));
        worker.runUntilIdle();
        assertTrue(one.join());
        assertEquals("xor", session.getSnapshot().lessonId());
        assertEquals(0, session.getSnapshot().completed());
        assertFalse(session.isPlaying());
    }

    @Test
    void thePlaygroundsChosenPointOpensHereOnTheFxThreadPausedAtItsStart() {
        ManualWorker playWorker = new ManualWorker();
        PlaygroundSession playground = new PlaygroundSession(playWorker, Runnable::run);
        playground.loadLesson("playground-default");
        playWorker.runUntilIdle();
        java.util.List<Runnable> fx = new java.util.ArrayList<>();
        StepSession step = new StepSession(worker, fx::add);
        boolean[] shown = {false};

        // nothing chosen: nothing changes, and the tab is not shown
        CompletableFuture<Boolean> none = step.stepChosenPointOf(playground, () -> shown[0] = true);
        runFx(fx);
        assertFalse(none.join());
        assertFalse(shown[0]);

        playground.choosePoint(2.0, -1.0);
        var point = playground.setup().chosenPointProperty().get();
        CompletableFuture<Boolean> found = step.stepChosenPointOf(playground, () -> shown[0] = true);
        playWorker.runUntilIdle();
        assertFalse(found.isDone(), "the playground's worker made the lesson; loading it waits for the FX thread");
        runFx(fx);
        worker.runUntilIdle();
        runFx(fx);
        assertTrue(found.join());
        assertTrue(shown[0], "the shell shows the stepping tab");
        assertFalse(step.isPlaying());
        StepSnapshot s = step.getSnapshot();
        assertEquals(0, s.completed(), "paused at its start");
        assertEquals(1, s.inputs().rows(), "one sample: the chosen point");
        assertEquals(point.x1(), s.inputs().get(0, 0), 0, "x1 of the chosen point");
        assertEquals(point.x2(), s.inputs().get(0, 1), 0, "x2 of the chosen point");
    }

    private static void runFx(java.util.List<Runnable> fx) {
        while (!fx.isEmpty()) {
            fx.remove(0).run();
        }
    }
}
