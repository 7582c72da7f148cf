package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph's geometry, as plain numbers: no JavaFX is started. */
class GraphLayoutTest {
    private static final List<Integer> WORKED = List.of(2, 2, 2);

    @Test
    void columnsRunLeftToRightWithTheTargetsCloseToTheOutputs() {
        GraphLayout g = new GraphLayout(WORKED, 1000, 600, 1, false, 0);
        // four columns: inputs, hidden, outputs, targets; gaps 1.3 : 1.3 : 0.75 of 860
        assertEquals(70, g.columnX(0), 1e-9);
        double unit = 860 / 3.35;
        assertEquals(70 + 1.3 * unit, g.columnX(1), 1e-9);
        assertEquals(70 + 2.6 * unit, g.columnX(2), 1e-9);
        assertEquals(930, g.columnX(3), 1e-9);
        assertEquals(g.columnX(1), g.neuronX(0, 1), 0);
        assertEquals(g.columnX(3), g.targetX(0), 0);
    }

    @Test
    void anErrorLabelStaysInsideTheGraph() {
        GraphLayout g = new GraphLayout(WORKED, 1000, 600, 1, false, 0);
        // the targets' column is at 930 (see above): a 60-wide box starts its label at 900
        assertEquals(900, g.errorLabelX(0, 60, 80), 1e-9, "a short label sits under its box");
        assertEquals(1000 - 130 - 10, g.errorLabelX(0, 60, 130), 1e-9, "a long one moves left to fit, clear of the edge");
        assertEquals(0, g.errorLabelX(0, 60, 2000), 1e-9, "but never past the left edge");
    }

    @Test
    void neuronsAreSpreadEvenlyBetweenTheMargins() {
        GraphLayout g = new GraphLayout(List.of(3, 4, 1), 1000, 840, 1, false, 0);
        // 760 between the margins of 40: slots of 190 for four neurons
        assertEquals(40 + 95, g.neuronY(0, 0), 1e-9);
        assertEquals(40 + 3.5 * 190, g.neuronY(0, 3), 1e-9);
        assertEquals(420, g.neuronY(1, 0), 1e-9, "a single neuron sits in the middle");
        assertEquals(420, g.targetY(0), 1e-9);
        assertEquals(40 + 760 / 6.0, g.inputY(0), 1e-9);
    }

    @Test
    void theRadiusFitsTheNeuronTextAndShrinksWhenCompact() {
        assertEquals(46, new GraphLayout(WORKED, 2000, 1000, 1, false, 0).radius(), 1e-9, "at most 46 by default");
        assertEquals(60, new GraphLayout(WORKED, 2000, 1000, 1, false, 60).radius(), 1e-9, "large enough for the text");
        assertEquals(32, new GraphLayout(WORKED, 2000, 1000, 1, true, 60).radius(), 1e-9, "compact ignores the text");
        assertEquals(12, new GraphLayout(List.of(2, 16, 1), 500, 200, 1, true, 0).radius(), 1e-9, "but at least 12");
        assertEquals(46 * 1.6, new GraphLayout(WORKED, 4000, 2000, 1.6, false, 0).radius(), 1e-9);
    }

    @Test
    void edgesRunFromTheRightOfTheirSourceToTheLeftOfTheirNeuron() {
        GraphLayout g = new GraphLayout(WORKED, 1000, 600, 1, false, 0);
        double r = g.radius();
        double[] in = g.edge(0, 1, 0, 25);
        assertEquals(g.inputX(0) + 25, in[0], 1e-9);
        assertEquals(g.inputY(0), in[1], 1e-9);
        assertEquals(g.neuronX(0, 1) - r, in[2], 1e-9);
        assertEquals(g.neuronY(0, 1), in[3], 1e-9);
        double[] hidden = g.edge(1, 0, 1, 25);
        assertEquals(g.neuronX(0, 1) + r, hidden[0], 1e-9, "the input width is used for the inputs only");
        assertEquals(g.neuronY(0, 1), hidden[1], 1e-9);
    }

    @Test
    void weightLabelsSitNearTheNeuronTheyFeedButStayOnTheirEdge() {
        assertEquals(0.75, GraphLayout.labelAt(0, 400, 60), 1e-9);
        // a long label on a short edge: pulled back so its right end stays 4 px off the neuron
        assertEquals(1 - 54.0 / 200, GraphLayout.labelAt(0, 200, 100), 1e-9);
        assertEquals(0.5, GraphLayout.labelAt(0, 100, 100), 0, "too long: centred");
    }

    @Test
    void aSmallPaneShowsTheCompactDesignSizeScaledDownAndCentred() {
        GraphLayout.Frame big = GraphLayout.compactFrame(WORKED, 1400, 800, 1);
        assertEquals(1400, big.width(), 0);
        assertEquals(800, big.height(), 0);
        assertEquals(1, big.fit(), 0);
        // 2 x 70 + 3.35 x 90 / 1.3 wide, (62 x 2 + 90) tall
        GraphLayout.Frame small = GraphLayout.compactFrame(WORKED, 300, 100, 1);
        double minWidth = 140 + 3.35 * 90 / 1.3;
        assertEquals(minWidth, small.width(), 1e-9);
        assertEquals(214, small.height(), 1e-9);
        double fit = Math.min(300 / minWidth, 100 / 214.0);
        assertEquals(fit, small.fit(), 1e-12);
        assertTrue(small.fit() < 1);
        assertEquals((300 - minWidth * fit) / 2, small.x(), 1e-9);
        assertEquals((100 - 214 * fit) / 2, small.y(), 1e-9);
    }
}
