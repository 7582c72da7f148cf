package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Predict mode in the stepping tab's other panels, on the worked 2-2-2 example (inputs 0.05/0.10,
 * weights 0.15..0.55, biases 0.35/0.60, targets 0.01/0.99, one sample): the matrices over the
 * batch hide what is asked like the graph does; a bias's tooltip (its gradient is the delta) too;
 * the flow diagram and the loss curve carry no asked value. Numbers worked out by hand.
 */
class PredictPanelsTest {
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
        predict.setOn(true);
    }

    private void stages(int n) {
        for (int i = 0; i < n; i++) {
            step.nextStage();
        }
        worker.runUntilIdle();
    }

    private StepMatrixSnapshot.Block shown(String name) {
        return predict.matrices(StepMatrices.of(step.getSnapshot())).block(name);
    }

    private List<String> prompts() {
        return predict.snapshotProperty().get().rows().stream()
                .map(r -> r.prompt().format((key, args) -> String.valueOf(args[0]))).toList();
    }

    @Test
    void theMatricesHideTheAskedNetAndOutOfTheSampleUntilAnswered() {
        stages(1);
        assertEquals(List.of("net_h1", "out_h1"), prompts());
        assertEquals("0.3775", StepMatrices.of(step.getSnapshot()).block("Z[1]").text(0, 0),
                "unmasked, the matrices tab would tell net_h1");
        assertEquals("?", shown("Z[1]").text(0, 0));
        assertEquals("?", shown("A[1]").text(0, 0));
        // net_h2 = 0.25 x 0.05 + 0.30 x 0.10 + 0.35 = 0.3925, out_h2 = 1 / (1 + e^-0.3925) = 0.596884378: not asked
        assertEquals("0.3925", shown("Z[1]").text(1, 0));
        assertEquals("0.596884", shown("A[1]").text(1, 0));
        assertEquals("0.15", shown("W[1]").text(0, 0), "the weights are not asked in a forward stage");

        predict.answer(0, "0.3775");
        assertEquals("0.3775", shown("Z[1]").text(0, 0), "answered: shown");
        assertEquals("?", shown("A[1]").text(0, 0), "still asked");
        predict.reveal(1);
        // out_h1 = 1 / (1 + e^-0.3775) = 0.593269992
        assertEquals("0.59327", shown("A[1]").text(0, 0));
        assertFalse(shown("A[1]").isHidden(0, 0));

        predict.setOn(false);
        stages(1);
        assertEquals(StepMatrices.of(step.getSnapshot()), predict.matrices(StepMatrices.of(step.getSnapshot())),
                "off: nothing hidden");
    }

    @Test
    void inABatchTheMatricesHideTheColumnOfTheSampleAskedAbout() {
        step.loadLesson("from-scratch-3-4-1");
        worker.runUntilIdle();
        step.chooseSample(1);
        stages(1);
        assertEquals(List.of("net_h1 [sample 2]", "out_h1 [sample 2]"), prompts());
        StepMatrixSnapshot.Block z = shown("Z[1]");
        StepMatrixSnapshot.Block w = shown("W[1]");
        // sample 2 is [0, 1, 1] and there is no bias: net_h1 = w2 + w3, every other column shown
        assertEquals("?", z.text(0, 1));
        assertEquals("?", shown("A[1]").text(0, 1));
        assertEquals(4, z.cols());
        for (int c : new int[] {0, 2, 3}) {
            assertFalse(z.isHidden(0, c), "sample " + (c + 1) + " is not asked about");
        }
        assertEquals(w.value(0, 1) + w.value(0, 2), StepMatrices.of(step.getSnapshot()).block("Z[1]").value(0, 1),
                1e-12);
        assertEquals(Numbers.shortNumber(w.value(0, 2)), z.text(0, 0), "sample 1 is [0, 0, 1]: net_h1 = w3");
        predict.answer(0, Double.toString(w.value(0, 1) + w.value(0, 2)));
        assertEquals(Numbers.shortNumber(w.value(0, 1) + w.value(0, 2)), shown("Z[1]").text(0, 1));
    }

    @Test
    void theMatricesAndTheBiasTooltipHideTheOutputDeltaAndTheGradientAsked() {
        stages(4);
        assertEquals(List.of("delta_o1", "dE/dw5"), prompts());
        assertEquals("?", shown("dZ[2]").text(0, 0));
        assertEquals("?", shown("dW[2]").text(0, 0));
        // dE/dw6 = delta_o1 x out_h2 = 0.138498562 x 0.596884378 = 0.0826676; delta_o2 = -0.0380982 (not asked)
        assertEquals("0.0826676", shown("dW[2]").text(0, 1));
        assertEquals("-0.0380982", shown("dZ[2]").text(1, 0));
        // dE/db_o1 = delta_o1 summed over a batch of one sample: the same number, hidden too
        StepMatrixSnapshot.Block db = shown("db[2]");
        assertEquals("?", db.text(0, 0));
        assertEquals("-0.0380982", db.text(1, 0));
        assertEquals("0.138499", StepMatrices.of(step.getSnapshot()).block("db[2]").text(0, 0));
        GraphSnapshot raw = step.getSnapshot().screen().graph();
        String rawTip = raw.biases().get(1).get(0).tip().format((k, a) -> k);
        assertTrue(rawTip.contains("0.13849856"), "unmasked, the bias's tooltip tells delta_o1: " + rawTip);
        String tip = predict.graph(raw).biases().get(1).get(0).tip().format((k, a) -> k);
        assertFalse(tip.contains("0.1384"), tip);

        predict.reveal(0);
        assertEquals("0.138499", shown("dZ[2]").text(0, 0));
        assertEquals("0.138499", shown("db[2]").text(0, 0));
        assertEquals("?", shown("dW[2]").text(0, 0), "dE/dw5 is still asked");
        assertTrue(predict.graph(step.getSnapshot().screen().graph()).biases().get(1).get(0).tip()
                .format((k, a) -> k).contains("0.13849856"), "revealed: the tooltip tells it again");
        // dE/dw5 = 0.138498562 x 0.593269992 = 0.082167041
        predict.answer(1, "0.08217");
        assertEquals("0.082167", shown("dW[2]").text(0, 0));
    }

    /**
     * 2 inputs 0.05/0.10, 3 ReLU hidden neurons (weights -0.15 -0.20 / -0.25 -0.30 / 0.35 0.40,
     * biases 0), a sigmoid output (0.4 0.5 0.6, bias 0.1), target 0.5, one sample.
     */
    private static org.backproplab.lesson.Lesson reluZeros() {
        org.backproplab.engine.NetworkSpec net = new org.backproplab.engine.NetworkSpec(2, List.of(
                new org.backproplab.engine.LayerSpec(3, org.backproplab.engine.Activation.RELU,
                        org.backproplab.engine.BiasMode.TRAINED, new org.backproplab.engine.Initializer.Explicit(
                                new double[][] {{-0.15, -0.20}, {-0.25, -0.30}, {0.35, 0.40}}),
                        new org.backproplab.engine.Initializer.Constant(0)),
                new org.backproplab.engine.LayerSpec(1, org.backproplab.engine.Activation.SIGMOID,
                        org.backproplab.engine.BiasMode.FROZEN, new org.backproplab.engine.Initializer.Explicit(
                                new double[][] {{0.4, 0.5, 0.6}}), new org.backproplab.engine.Initializer.Constant(0.1))),
                org.backproplab.engine.Loss.HALF_SQUARED_ERROR);
        return new org.backproplab.lesson.Lesson("relu-zeros", net, new org.backproplab.engine.OptimizerSpec.Sgd(0.5),
                org.backproplab.engine.Regularization.NONE, 0, 10, 0, org.backproplab.engine.Samples.of(
                        new double[][] {{0.05, 0.10}}, new double[][] {{0.5}}), null, false);
    }

    @Test
    void anAskedZeroHidesItsOwnCellNotEveryZeroOfTheMatrices() {
        step.loadLesson(reluZeros());
        worker.runUntilIdle();
        stages(1);
        assertEquals(List.of("net_h1", "out_h1"), prompts());
        // net_h1 = -0.15 x 0.05 - 0.20 x 0.10 = -0.0275, out_h1 = relu(-0.0275) = 0;
        // net_h2 = -0.25 x 0.05 - 0.30 x 0.10 = -0.0425, out_h2 = 0, not asked: shown
        assertEquals("?", shown("A[1]").text(0, 0));
        assertEquals("?", shown("Z[1]").text(0, 0));
        assertEquals("0", shown("A[1]").text(1, 0), "out_h2 is 0 as well, but not asked");
        assertEquals("-0.0425", shown("Z[1]").text(1, 0));
        assertFalse(shown("A[1]").isHidden(2, 0));

        stages(4);
        assertEquals(List.of("delta_h1", "dE/dw1"), prompts());
        // delta_h1 = (W2 delta_o)[0] x relu'(-0.0275) = 0, dE/dw1 = delta_h1 x 0.05 = 0; h2 is clipped as well
        assertEquals("?", shown("dZ[1]").text(0, 0));
        assertEquals("?", shown("dW[1]").text(0, 0));
        assertEquals("0", shown("dZ[1]").text(1, 0), "delta_h2 = 0, not asked");
        assertEquals("0", shown("dW[1]").text(0, 1), "dE/dw2 = delta_h1 x 0.10 = 0, not asked");
        assertEquals("0", shown("dW[1]").text(1, 0), "dE/dw3 = 0, not asked");
        // dE/db_h1 = delta_h1 over a batch of one: it would tell delta_h1; dE/db_h2 does not
        assertEquals("?", shown("db[1]").text(0, 0));
        assertEquals("0", shown("db[1]").text(1, 0));
    }

    @Test
    void theFlowDiagramShowsNoNumberOfTheValuesAsked() {
        assertTrue(predict.setPerStage("0"));
        for (int stage = 1; stage <= 7; stage++) {
            stages(1);
            StepFlowSnapshot flow = StepFlow.of(step.getSnapshot());
            String texts = flow.stage().format((k, a) -> k + java.util.Arrays.toString(a)) + "\n" + String.join("\n",
                    flow.nodes().stream().map(n -> n.id() + " " + n.formula() + " " + n.shape()).toList());
            assertFalse(prompts().isEmpty(), "stage " + stage + " asks");
            List<PredictQuestion> asked = PredictQuestions.ofLastStage(step.getSnapshot(), 0);
            assertEquals(asked.size(), prompts().size(), "0: every value of the stage is asked");
            for (PredictQuestion q : asked) {
                double v = q.answer();
                for (String number : List.of(Naming.number(v), Numbers.shortNumber(v), Numbers.exact(v))) {
                    assertFalse(texts.contains(number) && number.length() > 2, "stage " + stage + ": " + number
                            + " in\n" + texts);
                }
            }
        }
    }

    @Test
    void theLossCurveGetsAnIterationsPointOnlyAfterItsUpdateSoNeverWhileItsTotalIsAsked() {
        assertTrue(predict.setPerStage("0"));
        stages(3);
        assertTrue(prompts().contains("E_total"), prompts().toString());
        assertEquals(0, currentCurve().size(), "E_total of iteration 1 asked: no point on the curve");
        assertEquals("Iteration 1 \u00b7 error E = ?", predict.text("Iteration 1 \u00b7 error E = 0.298371109"));
        predict.answer(prompts().indexOf("E_total"), "0.2984");
        stages(3);
        // the update: iteration 1's E = 1/2 (0.01 - 0.75136507)^2 + 1/2 (0.99 - 0.772928465)^2 = 0.298371109
        assertEquals(1, currentCurve().size());
        assertEquals(1, currentCurve().iterations()[0]);
        assertEquals(0.298371109, currentCurve().losses()[0], 1e-9);
        stages(3);
        assertTrue(prompts().contains("E_total"));
        assertEquals(1, currentCurve().size(), "iteration 2's E is asked: the curve still ends at iteration 1");
        stages(4);
        assertEquals(2, currentCurve().size(), "after iteration 2's update");
        for (int i = 0; i < 4; i++) {
            step.back();
        }
        worker.runUntilIdle();
        assertTrue(prompts().contains("E_total"), "back at iteration 2's loss: " + prompts());
        assertEquals(1, currentCurve().size(), "stepping back takes iteration 2's point off again");
        assertEquals(0, step.curves().chartProperty().get().hover().xs()[0] - 1, "the mouse reads iteration 1 only");
        assertEquals(1, step.curves().chartProperty().get().hover().xs().length);
    }

    private LossHistory.Curve currentCurve() {
        List<CurveRuns.Run> runs = step.curves().runs();
        return runs.get(runs.size() - 1).train();
    }
}
