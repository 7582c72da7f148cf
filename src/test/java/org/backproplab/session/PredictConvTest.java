package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predict mode on the convolution worked example ({@code conv-worked}), run synchronously; the
 * expected numbers come from {@link ConvWorkedByHand} (loops over the preset's numbers, no engine)
 * and from sums written out here.
 */
class PredictConvTest {
    private final ConvWorkedByHand hand = new ConvWorkedByHand();
    private ManualWorker worker;
    private StepSession step;
    private PredictSession predict;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        step = new StepSession(worker, Runnable::run);
        step.loadLesson("conv-worked");
        worker.runUntilIdle();
        predict = step.predict();
        predict.setOn(true);
    }

    private static String text(Phrase p) {
        return p.format((key, args) -> key + java.util.Arrays.toString(args));
    }

    private PredictSnapshot shown() {
        worker.runUntilIdle();
        return predict.snapshotProperty().get();
    }

    private List<String> prompts() {
        return shown().rows().stream().map(r -> text(r.prompt())).toList();
    }

    private String feedback(int row) {
        return String.join("\n", shown().rows().get(row).feedback().stream().map(PredictConvTest::text).toList());
    }

    private void stages(int n) {
        for (int i = 0; i < n; i++) {
            step.nextStage();
        }
        worker.runUntilIdle();
    }

    /** The cell of the (masked) map grids showing {@code item}. */
    private MapGraphSnapshot.Cell cell(GraphItem item) {
        MapGraphSnapshot m = predict.maps(step.getSnapshot().screen().maps());
        return m.columns().stream().flatMap(c -> c.grids().stream()).flatMap(g -> g.cells().stream())
                .filter(c -> item.equals(c.item())).findFirst().orElseThrow();
    }

    @Test
    void theConvolutionStageAsksACellsZAndAAndHidesThemInTheGrid() {
        assertTrue(shown().supported());
        stages(1);
        assertEquals(List.of("predict.prompt[z1[0][0][0]]", "predict.prompt[a1[0][0][0]]"), prompts());
        MapGraphSnapshot.Cell first = cell(GraphItem.neuron(0, 0));
        assertEquals("?", first.text(), "z and a hidden, as one ? whether or not relu clipped");
        assertEquals(0, first.shade(), "its colour does not tell the sign");
        assertFalse(first.tip().matches(".*\\d\\.\\d.*"), "nor does its tooltip: " + first.tip());
        // z1[0][0][1] = 0.2 x 0.1 + 0.5 x 0.8 - 0.3 x 0.9 + 0.6 x 0.3 - 0.4 x 0.9 + 0.4 x 0.1 + 0.1 x 0.8 + 0.05 = 0.14
        assertEquals("0.14", cell(GraphItem.neuron(0, 1)).text(), "not asked: shown");
        assertEquals("predict.inspectorHidden[]", text(predict.inspector(step.getSnapshot().screen().inspector()).title()));

        // z1[0][0][0] = 0.5 x 0.1 - 0.3 x 0.8 - 0.4 x 0.3 + 0.1 x 0.1 + 0.05 = -0.25 (the other products are 0)
        double z = 0.5 * 0.1 - 0.3 * 0.8 - 0.4 * 0.3 + 0.1 * 0.1 + 0.05;
        assertEquals(z, hand.z1[0][0][0], 1e-12);
        predict.answer(0, "-0.25");
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());
        assertTrue(feedback(0).startsWith("predict.rightFirst[-0.25]"), feedback(0));
        assertTrue(feedback(0).contains("z1[0][0][0] = 0.2 \u00d7 0 + 0.5 \u00d7 0.1 + (-0.3) \u00d7 0.8"), feedback(0));
        assertEquals("?", cell(GraphItem.neuron(0, 0)).text(), "a still asked: z -> ? would tell relu clipped");

        // a1[0][0][0] = relu(-0.25) = 0: 0.25 is wrong
        predict.answer(1, "0.25");
        assertEquals(PredictSnapshot.Status.WRONG, shown().rows().get(1).status());
        assertTrue(feedback(1).contains("predict.formula[a1[0][0][0] = relu(z1[0][0][0]) = relu(-0.25) = ?]"),
                feedback(1));
        predict.hint(1);
        assertTrue(feedback(1).contains("predict.hint[z1[0][0][0] = -0.25]"), feedback(1));
        predict.answer(1, "0");
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(1).status());
        assertEquals(Naming.number(hand.z1[0][0][0]) + "\u21920", cell(GraphItem.neuron(0, 0)).text());
        PredictProgress.Counts c = predict.progressProperty().get();
        assertEquals(2, c.asked());
        assertEquals(1, c.rightFirst());
        assertEquals(1, c.missed(PredictKind.FORWARD));

        // the dense layer: a3[0]'s hint e^z3[0] = e^0.008 would tell z3[0], asked beside it
        stages(1);
        assertEquals(List.of("predict.prompt[a2[0][0][0]]", "predict.prompt[a2[0][0][1]]"), prompts());
        stages(1);
        assertEquals(List.of("predict.prompt[z3[0]]", "predict.prompt[a3[0]]"), prompts());
        predict.hint(1);
        assertTrue(feedback(1).contains("predict.hintPending[z3[0]]"), feedback(1));
        predict.answer(0, Naming.number(hand.z3[0]));
        assertTrue(feedback(1).contains("predict.hint[e^z3[0] = e^" + Naming.number(hand.z3[0])), feedback(1));
        step.back();
        worker.runUntilIdle();

        // pooling: a2[0][0][0] = max(a1[0][0][0], a1[0][0][1], a1[0][1][0], a1[0][1][1]) = max(0, 0.14, 0, 0)
        assertEquals(List.of("predict.prompt[a2[0][0][0]]", "predict.prompt[a2[0][0][1]]"), prompts());
        assertEquals("?", cell(GraphItem.neuron(1, 0)).text());
        predict.answer(0, Naming.number(hand.p[0][0][0]));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());
        assertEquals(0.14, hand.p[0][0][0], 1e-12);
    }

    /** The cells of the conv layer's maps framed as a pooling window's winner, in the masked grids. */
    private java.util.Set<Integer> winners() {
        MapGraphSnapshot m = predict.maps(step.getSnapshot().screen().maps());
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        m.columns().stream().flatMap(c -> c.grids().stream()).flatMap(g -> g.cells().stream())
                .filter(c -> c.winner() && c.item().kind() == GraphItem.Kind.NEURON && c.item().layer() == 0)
                .forEach(c -> out.add(c.item().row()));
        return out;
    }

    @Test
    void whileAPooledValueIsAskedItsWindowsWinnerIsNotFramed() {
        stages(2);
        assertEquals(List.of("predict.prompt[a2[0][0][0]]", "predict.prompt[a2[0][0][1]]"), prompts());
        // a1[f] is 4 x 4, the cell y 4 + x of filter f is neuron f 16 + y 4 + x; one winner per 2 x 2 window
        java.util.Set<Integer> all = new java.util.TreeSet<>();
        for (int f = 0; f < 2; f++) {
            for (int py = 0; py < 2; py++) {
                for (int px = 0; px < 2; px++) {
                    all.add(f * 16 + hand.winner[f][py][px]);
                }
            }
        }
        assertEquals(1, hand.winner[0][0][0], "a1[0][0][1] = 0.14 wins the first window");
        java.util.Set<Integer> shown = new java.util.TreeSet<>(all);
        shown.remove(hand.winner[0][0][0]);
        shown.remove(hand.winner[0][0][1]);
        assertEquals(shown, winners(), "the winners of a2[0][0][0]'s and a2[0][0][1]'s windows are not framed");
        // nor do the formula and the hint of a wrong answer name the winner
        predict.answer(1, "12345");
        predict.hint(1);
        assertTrue(feedback(1).contains("predict.hint[max over a1[0][0..1][2..3]]"), feedback(1));
        assertFalse(feedback(1).toLowerCase(java.util.Locale.ROOT).contains("winner"), feedback(1));
        assertFalse(String.join("\n", prompts()).contains("winner"));
        predict.answer(0, Naming.number(hand.p[0][0][0]));
        assertTrue(winners().contains(hand.winner[0][0][0]), "answered: its winner is framed");
        assertFalse(winners().contains(hand.winner[0][0][1]), "a2[0][0][1] still asked");
        predict.reveal(1);
        assertEquals(all, winners(), "revealed: every winner framed");
        predict.setOn(false);
        stages(0);
        assertEquals(all, winners());
    }

    @Test
    void aCellWithItsZOrAAskedShowsOneQuestionMarkWhetherOrNotReluClipped() {
        assertTrue(predict.setPerStage("0"));
        stages(1);
        // z1[0][0][0] = -0.25 (relu clips it), z1[0][0][1] = 0.14 (a = z): both cells look alike
        assertEquals("?", cell(GraphItem.neuron(0, 0)).text());
        assertEquals("?", cell(GraphItem.neuron(0, 1)).text());
        predict.answer(0, "-0.25");
        assertEquals("?", cell(GraphItem.neuron(0, 0)).text(), "a still asked");
    }

    @Test
    void theShadesOfTheShownCellsAreScaledByTheLargestShownValue() {
        predict.setAsked(PredictKind.FORWARD, false);
        stages(1);
        // the largest a1[0] and the largest after it, from the hand computation
        int top = 0;
        for (int i = 1; i < 16; i++) {
            top = Math.abs(hand.a1[0][i / 4][i % 4]) > Math.abs(hand.a1[0][top / 4][top % 4]) ? i : top;
        }
        double second = 0;
        for (int i = 0; i < 16; i++) {
            second = i == top ? second : Math.max(second, Math.abs(hand.a1[0][i / 4][i % 4]));
        }
        assertTrue(second > 0 && second < Math.abs(hand.a1[0][top / 4][top % 4]), "a strict largest");
        step.select(GraphItem.neuron(0, top));
        worker.runUntilIdle();
        predict.askSelected();
        assertEquals(0, cell(GraphItem.neuron(0, top)).shade());
        for (int i = 0; i < 16; i++) {
            if (i != top) {
                assertEquals(hand.a1[0][i / 4][i % 4] / second, cell(GraphItem.neuron(0, i)).shade(), 1e-12,
                        "a shown cell's colour does not tell how large the hidden one is: cell " + i);
            }
        }
    }

    @Test
    void theConvolutionsBackwardStageAsksDeltasAndKernelGradientsAndTheHintWaitsForTheDeltas() {
        predict.setChoice(new PredictChoice(EnumSet.of(PredictKind.HIDDEN_DELTA, PredictKind.WEIGHT_GRADIENT), 0));
        stages(6); // forward x 3, the loss, back through the dense layer and the pooling
        List<String> pooled = prompts();
        assertTrue(pooled.get(0).equals("predict.prompt[delta2[0][0][0]]"), pooled.toString());
        // delta2[0][0][0] = W3[0][0] delta3[0] + W3[1][0] delta3[1], delta3 = o - t
        double d2 = ConvWorkedByHand.W3[0][0] * (hand.o[0] - 1) + ConvWorkedByHand.W3[1][0] * hand.o[1];
        predict.hint(0);
        assertTrue(feedback(0).contains("predict.hint[W3[0][0] \u00d7 delta3[0] = 0.3 \u00d7 (" + Naming.number(hand.o[0] - 1)
                + ") = " + Naming.number(0.3 * (hand.o[0] - 1)) + "]"), "its first term: " + feedback(0));
        predict.answer(0, Naming.number(d2));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());

        stages(1);
        List<String> asked = prompts();
        // the cells that won a pooling window come first: a1[0][0][1] won the first window
        assertEquals("predict.prompt[delta1[0][0][1]]", asked.get(0));
        int gradient = asked.indexOf("predict.prompt[dE/dW1[0][0][0][0]]");
        assertTrue(gradient > 0, asked.toString());
        assertTrue(asked.contains("predict.prompt[dE/db1[1]]"), asked.toString());
        assertEquals(2 * 16 + 2 * 9 + 2, asked.size(), "every delta, kernel weight and bias gradient");
        assertEquals("0.2\n\u2202 ?", cell(GraphItem.weight(0, 0, 0)).text());
        assertTrue(cell(GraphItem.neuron(0, 1)).text().endsWith("\u03b4 ?"), cell(GraphItem.neuron(0, 1)).text());

        // the hint of dE/dW1[0][0][0][0] is the map's deltas: not while one of them is asked
        predict.hint(gradient);
        assertTrue(feedback(gradient).contains("predict.hintPending[delta1[0][0][1]]"), feedback(gradient));
        // dE/dW1[0][0][0][0] = sum over (y, x) of delta1[0][y][x] X[y][x], by hand
        double dK = 0;
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                dK += hand.delta1[0][y][x] * ConvWorkedByHand.X[y][x];
            }
        }
        assertEquals(hand.dK[0][0][0], dK, 1e-12);
        predict.answer(gradient, Naming.number(dK * 1.01)); // off by 1 %
        assertEquals(PredictSnapshot.Status.WRONG, shown().rows().get(gradient).status());
        assertTrue(feedback(gradient).contains("predict.formula[dE/dW1[0][0][0][0] = sum over (y, x) of delta1[0][y][x]"),
                feedback(gradient));
        for (int i = 0; i < gradient; i++) {
            predict.reveal(i);
        }
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).startsWith("predict.prompt[delta1[0]")) {
                predict.reveal(i);
            }
        }
        assertTrue(feedback(gradient).contains("predict.hint[delta1[0][0][1] = "
                + Naming.number(hand.delta1[0][0][1])), "the deltas shown, the hint gives them: " + feedback(gradient));
        predict.answer(gradient, Naming.number(dK));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(gradient).status());
        assertEquals("0.2\n\u2202 " + MapGraph.cellNumber(dK), cell(GraphItem.weight(0, 0, 0)).text());
        assertTrue(predict.progressProperty().get().missed(PredictKind.WEIGHT_GRADIENT) >= 1);
    }

    @Test
    void theLossTheOutputDeltaAndTheUpdateAreAskedToo() {
        predict.setChoice(new PredictChoice(EnumSet.allOf(PredictKind.class), 0));
        stages(4);
        assertEquals(List.of("predict.prompt[E[0]]", "predict.prompt[E[1]]", "predict.prompt[E]"), prompts());
        assertEquals("t 1\nE ?", cell(GraphItem.target(0).forSample(0)).text());
        // E[0] = -1 x ln(o0), the hint ln(o0)
        assertTrue(feedback(0).isEmpty());
        predict.hint(0);
        assertTrue(feedback(0).contains("predict.hint[ln(a3[0]) = ln(" + Naming.number(hand.o[0]) + ") = "), feedback(0));
        predict.hint(2);
        assertTrue(feedback(2).contains("predict.hintPending[E[0]]"), "E's hint is E[0], asked: " + feedback(2));
        predict.answer(2, Naming.number(-Math.log(hand.o[0])));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(2).status());
        assertEquals(hand.loss, -Math.log(hand.o[0]), 1e-12);

        stages(1);
        assertEquals("predict.prompt[delta3[0]]", prompts().get(0));
        predict.answer(0, Naming.number(hand.o[0] - 1));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(0).status());

        stages(3);
        List<String> update = prompts();
        assertEquals("predict.promptAfter[W3[0][0]]", update.get(0), "the last layer first");
        int kernel = update.indexOf("predict.promptAfter[W1[0][0][0][0]]");
        assertTrue(kernel > 0, update.toString());
        assertEquals("0.2\n\u2192 ?", cell(GraphItem.weight(0, 0, 0)).text());
        // W1[0][0][0][0]+ = 0.2 - 0.1 x dE/dW1[0][0][0][0]
        predict.answer(kernel, Naming.number(0.2 - 0.1 * hand.dK[0][0][0]));
        assertEquals(PredictSnapshot.Status.RIGHT, shown().rows().get(kernel).status());
        assertEquals(hand.kAfter[0][0][0], 0.2 - 0.1 * hand.dK[0][0][0], 1e-12);
        assertEquals("0.2\n\u2192 " + MapGraph.cellNumber(hand.kAfter[0][0][0]), cell(GraphItem.weight(0, 0, 0)).text());
    }

    @Test
    void theTeachersChoiceAndTheCellsTheLearnerAsksAbout() {
        predict.setAsked(PredictKind.FORWARD, false);
        stages(1);
        assertTrue(shown().rows().isEmpty(), "forward values are not asked");
        step.select(GraphItem.neuron(0, 5));
        worker.runUntilIdle();
        predict.askSelected();
        assertEquals(List.of("predict.prompt[z1[0][1][1]]", "predict.prompt[a1[0][1][1]]"), prompts(),
                "asked about that cell: its z and a");
        predict.setOn(false);
        assertEquals(MapGraph.cellNumber(hand.z1[0][1][1]) + "\u21920", cell(GraphItem.neuron(0, 5)).text(),
                "off: every value shows");
    }
}
