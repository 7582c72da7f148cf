package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;

/** The flow diagram lights, for each stage of the 2-2-2 worked example, the part that stage computes. */
class StepFlowTest {
    @Test
    void eachStageOfTheWorkedExampleLightsItsOwnPart() {
        ManualWorker worker = new ManualWorker();
        StepSession session = new StepSession(worker, Runnable::run);
        StepLessons lessons = new StepLessons(session);
        session.loadLesson(Lessons.WORKED_2_2_2);
        worker.runUntilIdle();
        assertEquals(List.of(), lessons.flowProperty().get().lit(), "nothing before the first stage");
        List<List<String>> expected = List.of(
                List.of("A1", "Z1", "cache1"),                 // forward through the hidden layer
                List.of("A2", "Z2", "cache2"),                 // forward through the output layer
                List.of("E"),                                  // the loss
                List.of("dA1", "dA2", "dW2", "dZ2", "db2"),    // back through the output layer
                List.of("dA1", "dW1", "dZ1", "db1"),           // back through the hidden layer
                List.of("update1", "update2"));                // the update
        for (List<String> part : expected) {
            session.nextStage();
            worker.runUntilIdle();
            StepFlowSnapshot flow = lessons.flowProperty().get();
            assertEquals(part, flow.lit().stream().sorted().toList(), flow.stage().toString());
        }
        StepFlowSnapshot end = lessons.flowProperty().get();
        assertEquals(StepFlowSnapshot.State.DONE, end.node("Z1").state(), "computed earlier in the iteration");
        assertEquals("dW[2] = dZ[2] A[1]\u1d40", end.node("dW2").formula());
        assertEquals("[2, 2]", end.node("dW2").shape());
        // symbols only, read the same in both languages (was "half-squared-error(A[2], Y)", "cache: A[0], ...")
        assertEquals("E = \u03a3 1/2 (Y \u2212 A[2])\u00b2", end.node("E").formula());
        assertEquals("A[0], Z[1], W[1]", end.node("cache1").formula());
    }

    @Test
    void theOtherLossesAreWrittenAsFormulasOrAsPyTorchNamesThem() {
        assertEquals("E = BCE(A[3], Y)", StepFlow.lossFormula("binary-cross-entropy", "A[3]"));
        assertEquals("E = \u2212(1/m) \u03a3 Y ln A[2]", StepFlow.lossFormula("softmax-cross-entropy", "A[2]"));
        assertEquals("E = \u03a3 (Y \u2212 A[2])\u00b2", StepFlow.lossFormula("sum-squared-error", "A[2]"));
        assertEquals("E = MSE(A[2], Y)", StepFlow.lossFormula("mean-squared-error", "A[2]"));
        assertEquals("E = 1/2 MSE(A[2], Y)", StepFlow.lossFormula("half-mean-squared-error", "A[2]"));
    }

    @Test
    void onTheWayBackTheCacheOfTheLayerIsRead() {
        ManualWorker worker = new ManualWorker();
        StepSession session = new StepSession(worker, Runnable::run);
        StepLessons lessons = new StepLessons(session);
        session.loadLesson(Lessons.WORKED_2_2_2);
        for (int i = 0; i < 4; i++) {
            session.nextStage();
        }
        worker.runUntilIdle();
        StepFlowSnapshot flow = lessons.flowProperty().get();
        assertEquals(StepFlowSnapshot.State.READ, flow.node("cache2").state());
        assertEquals(StepFlowSnapshot.State.DONE, flow.node("cache1").state());
        assertEquals("flow.stage.backward", flow.stage().parts().get(0).key());
    }
}
