package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.engine.StageRecords;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stepping tab's view-model on {@code conv-worked}: grids, inspector, edits and undo, against the hand calculation. */
class StepConvTest {
    private final ConvWorkedByHand hand = new ConvWorkedByHand();
    private ManualWorker worker;
    private StepSession session;

    @BeforeEach
    void open() {
        worker = new ManualWorker();
        session = new StepSession(worker, Runnable::run);
        session.loadLesson(Lessons.CONV_WORKED);
        worker.runUntilIdle();
    }

    private StepScreen screen() {
        worker.runUntilIdle();
        return session.getSnapshot().screen();
    }

    private static String text(Phrase p) {
        return p.format((key, args) -> key + java.util.Arrays.toString(args));
    }

    private static List<String> lines(StepScreen s) {
        return s.inspector().lines().stream().map(StepConvTest::text).toList();
    }

    private void stages(int n) {
        for (int i = 0; i < n; i++) {
            session.nextStage();
        }
        worker.runUntilIdle();
    }

    private static MapGraphSnapshot.Grid grid(StepScreen s, String name) {
        return s.maps().columns().stream().flatMap(c -> c.grids().stream()).filter(g -> g.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no grid " + name));
    }

    @Test
    void theTabOffersTheLessonAndDrawsGridsInsteadOfTheGraph() {
        assertTrue(StepSession.lessonIds().contains(Lessons.CONV_WORKED));
        StepScreen s = screen();
        assertNull(s.graph());
        assertNotNull(s.maps());
        assertEquals(4, s.maps().columns().size(), "the input and three layers");
        MapGraphSnapshot.Grid x = grid(s, "x[0]");
        assertEquals(6, x.rows());
        assertEquals("0.8", x.cells().get(2).text());
        MapGraphSnapshot.Grid kernel = grid(s, "W1[1]");
        assertEquals(3, kernel.rows());
        assertEquals("-0.6", kernel.cells().get(8).text());
        assertEquals("\u2013", grid(s, "a1[0]").cells().get(0).text(), "nothing computed yet");
    }

    @Test
    void theStagesNameTheLayersByTheirKind() {
        stages(1);
        assertEquals("stage.iteration[1] \u00b7 stage.forward[layer.conv[1]]", text(screen().stage()));
        stages(1);
        assertEquals("stage.iteration[1] \u00b7 stage.forward[layer.pool[2]]", text(screen().stage()));
        stages(1);
        assertEquals("stage.iteration[1] \u00b7 stage.forward[layer.output[]]", text(screen().stage()));
    }

    @Test
    void aConvCellShowsItsWindowProductsSumBiasAndActivation() {
        stages(2);
        session.select(GraphItem.neuron(0, 2));
        StepScreen s = screen();
        assertEquals("inspector.cell[a1[0][0][2]]", text(s.inspector().title()));
        List<String> lines = lines(s);
        assertEquals("map.window[x, 0, 2, 2, 4]", lines.get(0));
        assertEquals("  0.2 \u00d7 0.8 = " + Naming.number(0.2 * 0.8) + "   (W1[0][0][0][0] \u00d7 x[0][0][2])", lines.get(1));
        assertTrue(lines.contains("z = sum + b1[0] = " + Naming.number(hand.z1[0][0][2] - 0.05) + " + 0.05 = "
                + Naming.number(hand.z1[0][0][2])), lines.toString());
        assertTrue(lines.contains("a = relu(z) = 1.37"));
        // the pooling stage marked it: it won its window
        MapGraphSnapshot.Cell cell = grid(s, "a1[0]").cells().get(2);
        assertTrue(cell.winner());
        assertTrue(cell.selected());
        assertFalse(grid(s, "a1[0]").cells().get(3).winner());
        assertEquals("1.37", grid(s, "a2[0]").cells().get(1).text());
    }

    @Test
    void aKernelWeightShowsItsGradientAsASumAndTheFiniteDifference() {
        stages(7);
        session.select(GraphItem.weight(0, 0, 0));
        StepScreen s = screen();
        assertEquals("inspector.kernelWeight[W1[0][0][0][0], 0.2]", text(s.inspector().title()));
        List<String> lines = lines(s);
        assertEquals("dE/dW1[0][0][0][0] = sum over (y, x) of \u03b41[0][y][x] \u00d7 x[0][y+0][x+0]", lines.get(0));
        assertEquals("= " + Naming.factor(hand.delta1[0][0][1]) + " \u00d7 0.1 + " + Naming.factor(hand.delta1[0][0][2])
                + " \u00d7 0.8 + " + Naming.factor(hand.delta1[0][2][3]) + " \u00d7 0.8 = " + Naming.number(hand.dK[0][0][0])
                + "   map.zeroTerms[13]", lines.get(1));
        String numeric = text(s.inspector().numeric());
        assertTrue(numeric.startsWith("inspector.numeric[dE/dW1[0][0][0][0], "), numeric);
        assertTrue(numeric.contains(", " + Naming.number(hand.dK[0][0][0]) + ", "), numeric);
        assertEquals(hand.dK[0][0][0], s.inspector().rows().get(0).numeric(), 1e-8);
        assertEquals(hand.dK[0][0][0], s.inspector().rows().get(0).gradient(), 1e-12);
        assertEquals("W1[0][0][0][0]", s.inspector().rows().get(0).name());
        assertEquals("0.2\n\u2202 " + MapGraph.cellNumber(hand.dK[0][0][0]), grid(s, "W1[0]").cells().get(0).text());
    }

    @Test
    void anEditedPixelChangesEveryMapDownstreamAndBackUndoesIt() {
        stages(3);
        session.select(GraphItem.input(2 * 6 + 3));
        assertTrue(session.edit("0.1"));
        double[][] x = ConvWorkedByHand.copy(ConvWorkedByHand.X);
        x[2][3] = 0.1;
        ConvWorkedByHand edited = new ConvWorkedByHand(x, ConvWorkedByHand.K, ConvWorkedByHand.B1, ConvWorkedByHand.W3,
                ConvWorkedByHand.B3);
        StepScreen s = screen();
        assertEquals("0.1", grid(s, "x[0]").cells().get(15).text());
        StageRecords records = StageRecords.of(session.getSnapshot().records());
        assertEquals(edited.z1[0][0][2], records.forward(0).preActivation().get(0, 2), 1e-12);
        assertEquals(edited.z3[1], records.forward(2).preActivation().get(0, 1), 1e-12);
        session.back();
        s = screen();
        assertEquals("0.8", grid(s, "x[0]").cells().get(15).text());
        records = StageRecords.of(session.getSnapshot().records());
        assertEquals(3, session.getSnapshot().records().size());
        assertEquals(hand.z3[1], records.forward(2).preActivation().get(0, 1), 1e-12);
    }

    @Test
    void aWeightOutsideTheKernelIsRefused() {
        session.select(GraphItem.weight(0, 0, 9));
        worker.runUntilIdle();
        assertEquals("step.error.noSuchItem", session.noticeProperty().get().key());
        assertNull(session.selectionProperty().get());
        session.select(GraphItem.weight(1, 0, 0));
        worker.runUntilIdle();
        assertNull(session.selectionProperty().get(), "the pooling layer has no weights");
    }

    @Test
    void withTheDenseBiasSwitchedOffTheUpdateStageStillDraws() {
        session.setBiasMode("none");
        stages(8);
        session.select(GraphItem.bias(2, 0));
        StepScreen s = screen();
        assertNull(session.noticeProperty().get(), "no error");
        assertTrue(s.inspector().rows().stream().noneMatch(r -> r.name().startsWith("b3")), "b3 takes no part");
        assertTrue(s.inspector().rows().stream().anyMatch(r -> r.name().equals("b1[1]")), "the conv bias is trained");
        // no dense bias is the hand calculation with b3 = 0
        ConvWorkedByHand noBias = new ConvWorkedByHand(ConvWorkedByHand.X, ConvWorkedByHand.K, ConvWorkedByHand.B1,
                ConvWorkedByHand.W3, new double[] {0, 0});
        assertEquals("0.2\n\u2192 " + MapGraph.cellNumber(noBias.kAfter[0][0][0]), grid(s, "W1[0]").cells().get(0).text());
    }

    @Test
    void theHandoutWritesTheConvolutionOut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("conv.md");
        session.exportHandout(file, 1, "A convolution by hand", org.backproplab.io.HandoutWordsForTests.ENGLISH);
        worker.runUntilIdle();
        assertEquals("notice.exported", session.noticeProperty().get().key());
        String md = java.nio.file.Files.readString(file);
        assertTrue(md.contains("z1[0][0][2] = 0.2 x 0.8 + 0.5 x 0.9 + (-0.3) x 0.2 + 0.1 x 0.3 + 0.6 x 0.9 + (-0.4) x 0.4"
                + " + (-0.2) x 0.1 + 0.4 x 0.8 + 0.1 x 0.6 + 0.05 = " + Naming.number(hand.z1[0][0][2])), md);
        assertTrue(md.contains("E = " + Naming.number(hand.loss)), md);
    }

    @Test
    void anEditedKernelWeightOrBiasChangesItsMapAndBackUndoesIt() {
        stages(2);
        session.select(GraphItem.weight(0, 1, 4));
        assertTrue(session.edit("0"));
        session.select(GraphItem.bias(0, 1));
        assertTrue(session.edit("0.3"));
        double[][][] k = ConvWorkedByHand.copy(ConvWorkedByHand.K);
        k[1][1][1] = 0;
        ConvWorkedByHand edited = new ConvWorkedByHand(ConvWorkedByHand.X, k, new double[] {0.05, 0.3},
                ConvWorkedByHand.W3, ConvWorkedByHand.B3);
        StepScreen s = screen();
        assertEquals("0", grid(s, "W1[1]").cells().get(4).text());
        StageRecords records = StageRecords.of(session.getSnapshot().records());
        for (int i = 0; i < 16; i++) {
            assertEquals(edited.z1[1][i / 4][i % 4], records.forward(0).preActivation().get(0, 16 + i), 1e-12);
            assertEquals(hand.z1[0][i / 4][i % 4], records.forward(0).preActivation().get(0, i), 1e-12, "filter 0 keeps");
        }
        assertEquals(edited.p[1][0][1], records.forward(1).activation().get(0, 5), 1e-12);
        session.back();
        session.back();
        records = StageRecords.of(screen() == null ? null : session.getSnapshot().records());
        assertEquals(hand.z1[1][2][1], records.forward(0).preActivation().get(0, 16 + 9), 1e-12);
        assertEquals("-0.1", grid(screen(), "W1[1]").cells().get(4).text());
    }

    @Test
    void aPooledCellShowsItsWindowWinnerAndRoutingAndAPixelItsGradient() {
        stages(7);
        session.select(GraphItem.neuron(1, 1));
        List<String> pool = lines(screen());
        // the window 1.37 0.74 / 1.01 1.08, its winner in brackets
        assertEquals("  [1.37]   0.74", pool.get(0));
        assertEquals("  1.01   1.08", pool.get(1));
        assertTrue(pool.contains("map.poolForward[1.37, a1[0][0][2]]"), pool.toString());
        assertTrue(pool.contains("map.poolBackward[" + Naming.number(hand.dp[0][0][1]) + ", a1[0][0][2], 3]"),
                pool.toString());
        session.select(GraphItem.input(2 * 6 + 3));
        List<String> pixel = lines(screen());
        assertEquals("map.pixelGradient[dE/dx[0][2][3]]", pixel.get(0));
        assertTrue(pixel.get(1).contains(" = " + Naming.number(hand.dX[2][3])), pixel.get(1));
    }
}
