package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predict mode on the worked 2-2-2 example, run synchronously. The expected numbers are worked
 * out by hand here (inputs 0.05/0.10, weights 0.15..0.55, biases 0.35/0.60, targets 0.01/0.99).
 */
class PredictSessionTest {
    private ManualWorker worker;
    private StepSession step;
    private PredictSession predict;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        step = new StepSession(worker, Runnable::run);
        step.loadLesson("worked-2-2-2");
        worker.runUntilIdle();
        predict = step.predict();
    }

    private static String text(Phrase p) {
        return p.format((key, args) -> key + java.util.Arrays.toString(args));
    }

    private PredictSnapshot shown() {
        worker.runUntilIdle();
        return predict.snapshotProperty().get();
    }

    private String feedback(int row) {
        return String.join("\n", shown().rows().get(row).feedback().stream().map(PredictSessionTest::text).toList());
    }

    private GraphSnapshot graph() {
        return predict.graph(step.getSnapshot().screen().graph());
    }

    private void stages(int n) {
        for (int i = 0; i < n; i++) {
            step.nextStage();
        }
        worker.runUntilIdle();
    }

    @Test
    void theForwardStageAsksNetAndOutOfTheFirstNeuronAndHidesThemUntilAnswered() {
        predict.setOn(true);
        assertTrue(shown().on());
        assertTrue(shown().rows().isEmpty(), "nothing is asked before a stage has run");
        stages(1);
        List<PredictSnapshot.Row> rows = shown().rows();
        assertEquals(List.of("predict.prompt[net_h1]", "predict.prompt[out_h1]"),
                rows.stream().map(r -> text(r.prompt())).toList());
        assertEquals("net ?", graph().neurons().get(0).get(0).net());
        assertEquals("out ?", graph().neurons().get(0).get(0).out());
        assertEquals("h1", text(graph().neurons().get(0).get(0).tip()), "the tooltip does not tell it either");
        // net_h2 = 0.25 x 0.05 + 0.30 x 0.10 + 0.35 = 0.3925 is not asked: shown
        assertEquals("net 0.3925", graph().neurons().get(0).get(1).net());
        assertEquals("predict.inspectorHidden[]", text(predict.inspector(step.getSnapshot().screen().inspector()).title()));

        // net_h1 = 0.15 x 0.05 + 0.20 x 0.10 + 0.35 x 1 = 0.3775
        predict.answer(0, "0.3775");
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());
        assertTrue(feedback(0).startsWith("predict.rightFirst[0.3775]"), feedback(0));
        assertTrue(feedback(0).contains("net_h1 = w1 \u00d7 i1 + w2 \u00d7 i2 + b_h1 \u00d7 1 = 0.15 \u00d7 0.05 + "
                + "0.2 \u00d7 0.1 + 0.35 \u00d7 1 = 0.3775"), feedback(0));
        assertEquals("net 0.3775", graph().neurons().get(0).get(0).net());
        assertEquals("out ?", graph().neurons().get(0).get(0).out());

        // out_h1 = 1 / (1 + e^-0.3775) = 0.593269992: three wrong tries show the formula, the hint, the answer
        predict.answer(1, "0.6");
        assertEquals(PredictSnapshot.Status.WRONG, shown().rows().get(1).status());
        assertEquals("predict.wrong[0.6]\npredict.formula[out_h1 = 1 / (1 + e^-net_h1) = 1 / (1 + e^-0.3775) = ?]",
                feedback(1));
        predict.answer(1, "0.59");
        // e^-0.3775 = 1 / 0.593269992 - 1 = 0.685573202
        assertTrue(feedback(1).endsWith("predict.hint[e^-net_h1 = e^-0.3775 = 0.685573202]"), feedback(1));
        assertEquals("out ?", graph().neurons().get(0).get(0).out());
        predict.answer(1, "0.58");
        assertEquals(PredictSnapshot.Status.REVEALED, shown().rows().get(1).status());
        assertTrue(feedback(1).endsWith("= 0.593269992]"), feedback(1));
        assertEquals("out 0.59327", graph().neurons().get(0).get(0).out());
        predict.answer(1, "0.593269992");
        assertEquals(PredictSnapshot.Status.REVEALED, shown().rows().get(1).status(), "no answers once revealed");
    }

    @Test
    void theOutputLayersGradientGivesTheFormulaThenTheHintThenTheAnswer() {
        predict.setOn(true);
        stages(4);
        assertEquals(List.of("predict.prompt[delta_o1]", "predict.prompt[dE/dw5]"),
                shown().rows().stream().map(r -> text(r.prompt())).toList());
        String w5 = graph().edges().stream().filter(e -> e.layer() == 1 && e.to() == 0 && e.from() == 0).findFirst()
                .orElseThrow().label().text();
        assertEquals("dE/dw5\n?", w5);
        assertTrue(graph().neurons().get(1).get(0).delta().endsWith("?"));
        assertTrue(step.getSnapshot().screen().graph().neurons().get(1).get(1).delta().contains("0.0380982"),
                "delta_o2 is not asked");

        // dE/dw5 = (0.75136507 - 0.01) x 0.75136507 x (1 - 0.75136507) x 0.593269992 = 0.082167041
        predict.answer(1, "0.0821");
        assertEquals("predict.wrong[0.0821]\npredict.formula[dE/dw5 = dE/dout_o1 \u00d7 dout_o1/dnet_o1 \u00d7 "
                + "dnet_o1/dw5 = 0.74136507 \u00d7 0.186815602 \u00d7 0.593269992 = ?]", feedback(1));
        predict.hint(1);
        assertTrue(feedback(1).endsWith("predict.hintPending[delta_o1]"), "delta_o1 is asked too: " + feedback(1));
        predict.reveal(0);
        assertTrue(feedback(1).endsWith("predict.hint[delta_o1 = dE/dout_o1 \u00d7 dout_o1/dnet_o1 = 0.74136507 "
                + "\u00d7 0.186815602 = 0.138498562]"), feedback(1));
        predict.reveal(1);
        assertTrue(feedback(1).endsWith("= 0.0821670406]"), feedback(1));
        assertEquals("dE/dw5\n0.082167", graph().edges().get(4).label().text());
    }

    @Test
    void theUpdateAsksTheNewWeightsLastLayerFirst() {
        predict.setOn(true);
        stages(6);
        assertEquals("predict.promptAfter[w5]", text(shown().rows().get(0).prompt()));
        assertTrue(graph().edges().get(4).label().text().endsWith("\u2192 ?"), graph().edges().get(4).label().text());
        // w5+ = 0.4 - 0.5 x 0.082167041 = 0.35891648
        predict.answer(0, "0.3589");
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());
        assertEquals("w5 0.4\n\u2192 0.358916", graph().edges().get(4).label().text());
        // the learning rate written as the lessons write it, not "eta"
        assertTrue(feedback(0).contains("w5+ = w5 - \u03b7 \u00d7 dE/dw5 = 0.4 - 0.5 \u00d7 0.0821670406"), feedback(0));
    }

    @Test
    void aRefusedAnswerCountsNoTryAndStepBackAndResetWork() {
        predict.setOn(true);
        stages(1);
        predict.answer(0, "abc");
        assertEquals(PredictSnapshot.Status.OPEN, shown().rows().get(0).status());
        assertEquals("edit.error.notANumber[1000000]", feedback(0));
        step.back();
        assertTrue(shown().rows().isEmpty());
        stages(1);
        predict.answer(0, "0.3775");
        step.reset();
        stages(1);
        assertEquals(PredictSnapshot.Status.OPEN, shown().rows().get(0).status(), "a reset asks again");
        predict.setOn(false);
        assertFalse(shown().on());
        assertEquals("net 0.3775", graph().neurons().get(0).get(0).net());
    }

    @Test
    void theToleranceIsInSignificantDigits() {
        assertTrue(PredictSession.isRight(0.08217, 0.0821670406, 4));
        assertFalse(PredictSession.isRight(0.0821, 0.0821670406, 4));
        assertTrue(PredictSession.isRight(0.0822, 0.0821670406, 3));
        assertTrue(PredictSession.isRight(-0.03810, -0.0380982365, 4));
        assertFalse(PredictSession.isRight(0.0381, -0.0380982365, 4));
        assertTrue(PredictSession.isRight(0, 0, 4));
        assertFalse(predict.setTolerance("0"));
        assertFalse(predict.setTolerance("ten"));
        assertEquals("predict.error.digits[9]", text(predict.toleranceErrorProperty().get()));
        assertEquals(4, predict.digitsProperty().get());
        assertTrue(predict.setTolerance("2"));
        assertEquals(2, predict.digitsProperty().get());
        predict.setOn(true);
        stages(1);
        predict.answer(0, "0.38");
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());
    }

    @Test
    void theTeachersChoiceSaysWhichKindsAndHowManyAndRoundTripsAsJson() {
        PredictChoice choice = new PredictChoice(EnumSet.of(PredictKind.UPDATE, PredictKind.OUTPUT_DELTA), 0);
        Map<String, Object> json = choice.toJson();
        assertEquals(Map.of("kinds", List.of("output-delta", "update"), "perStage", 0), json);
        assertEquals(choice, PredictChoice.fromJson(json));
        assertEquals(PredictChoice.DEFAULT, PredictChoice.fromJson(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PredictChoice.fromJson(Map.of("kinds", List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> PredictChoice.fromJson(Map.of("perStage", 1.5)));
        assertThrows(IllegalArgumentException.class, () -> new PredictChoice(EnumSet.of(PredictKind.LOSS), -1));

        predict.setChoice(choice);
        predict.setOn(true);
        stages(1);
        assertTrue(shown().rows().isEmpty(), "forward values are not asked");
        stages(3);
        assertEquals(List.of("predict.prompt[delta_o1]", "predict.prompt[delta_o2]"),
                shown().rows().stream().map(r -> text(r.prompt())).toList(), "only the deltas of the output layer");
        stages(2);
        assertEquals(8, shown().rows().size(), "every weight (the biases are frozen)");
    }

    @Test
    void progressCountsRightFirstTimeAndMissesByKindAcrossRestartsAndResets(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot()
                .node("org/backproplab/test/predict-" + System.nanoTime());
        try {
            predict.keepProgressIn(node);
            predict.setOn(true);
            stages(1);
            predict.answer(0, "0.3775");
            predict.answer(1, "0.5");
            predict.answer(1, "0.593269992");
            stages(3);
            predict.reveal(0);
            PredictProgress.Counts c = predict.progressProperty().get();
            assertEquals(3, c.asked());
            assertEquals(1, c.rightFirst());
            assertEquals(1, c.missed(PredictKind.FORWARD), "out_h1 was wrong the first time");
            assertEquals(1, c.missed(PredictKind.OUTPUT_DELTA), "delta_o1 was revealed before any answer");
            assertEquals("1 of 3 right first time; missed: forward 1, output delta 1", c.markdown());

            // the next run of the app reads the same node
            PredictProgress again = new PredictProgress();
            again.keepIn(node);
            assertEquals(c, again.of("worked-2-2-2"));
            assertEquals(PredictProgress.Counts.NONE, again.of("xor"), "per lesson");

            java.nio.file.Path handout = dir.resolve("h.md");
            step.exportHandout(handout, 1, "t", org.backproplab.io.HandoutWordsForTests.ENGLISH);
            worker.runUntilIdle();
            assertTrue(java.nio.file.Files.readString(handout).endsWith(
                    "## Predict, then reveal\n\n1 of 3 right first time; missed: forward 1, output delta 1.\n"));

            predict.resetProgress();
            assertEquals(PredictProgress.Counts.NONE, predict.progressProperty().get());
            PredictProgress third = new PredictProgress();
            third.keepIn(node);
            assertEquals(0, third.of("worked-2-2-2").asked());
        } finally {
            node.removeNode();
        }
    }

    @Test
    void theTeachersChoiceIsSetKindByKindAndCountByCount() {
        predict.setOn(true);
        predict.setAsked(PredictKind.FORWARD, false);
        stages(1);
        assertTrue(shown().rows().isEmpty());
        assertFalse(predict.setPerStage("-1"));
        assertFalse(predict.setPerStage("100"));
        assertEquals("predict.error.perStage[99]", text(predict.toleranceErrorProperty().get()));
        assertEquals(2, predict.choiceProperty().get().perStage(), "a refused count changes nothing");
        assertTrue(predict.setPerStage("0"));
        stages(2);
        assertEquals(List.of("predict.prompt[E_o1]", "predict.prompt[E_o2]", "predict.prompt[E_total]"),
                shown().rows().stream().map(r -> text(r.prompt())).toList());
        // E_total = 1/2 (0.01 - 0.75136507)^2 + 1/2 (0.99 - 0.772928465)^2 = 0.298371109, hidden in the stage line
        String stage = "Iteration 1 \u00b7 error E = 0.298371109";
        assertEquals("Iteration 1 \u00b7 error E = ?", predict.text(stage));
        predict.answer(2, "0.2984");
        assertEquals(stage, predict.text(stage));
        predict.setAsked(PredictKind.FORWARD, true);
        assertEquals(PredictChoice.fromJson(Map.of("perStage", 0)), predict.choiceProperty().get());
    }

    @Test
    void aClickedValueIsAskedBesidesTheAppsChoice() {
        predict.setOn(true);
        predict.askSelected();
        assertEquals("predict.error.select[]", text(predict.toleranceErrorProperty().get()));
        step.select(GraphItem.neuron(0, 1));
        worker.runUntilIdle();
        predict.askSelected();
        stages(1);
        assertEquals(List.of("predict.prompt[net_h1]", "predict.prompt[out_h1]", "predict.prompt[net_h2]",
                "predict.prompt[out_h2]"), shown().rows().stream().map(r -> text(r.prompt())).toList());
        assertEquals("net ?", graph().neurons().get(0).get(1).net());
        stages(3); // the loss, then backward through the output layer and the hidden layer
        stages(1);
        assertTrue(shown().rows().stream().anyMatch(r -> text(r.prompt()).equals("predict.prompt[delta_h2]")),
                "and its delta on the way back");
        step.select(GraphItem.weight(1, 1, 1));
        worker.runUntilIdle();
        predict.askSelected();
        stages(1);
        assertTrue(shown().rows().stream().anyMatch(r -> text(r.prompt()).equals("predict.promptAfter[w8]")));
    }

    @Test
    void aNetworkWithMapsIsAskedToo() {
        predict.setOn(true);
        step.loadLesson("conv-worked");
        stages(1);
        assertEquals(2, shown().rows().size(), "(PredictConvTest asks it in full)");
        assertTrue(shown().supported());
        step.loadLesson("worked-2-2-2");
        stages(1);
        assertTrue(shown().supported());
        assertEquals(2, shown().rows().size());
    }
}
