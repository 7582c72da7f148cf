package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step graph's fit and its weight labels' places, as plain numbers: no JavaFX is started. */
class GraphFitTest {
    /** The sizes the labels take at scale 1 (measured in the window, rounded): two-line weights, biases, deltas, boxes. */
    private static GraphFit.Sizes sizes(double scale) {
        return new GraphFit.Sizes(91 * scale, 29 * scale, 44 * scale, 16 * scale, 75 * scale, 14 * scale, 50 * scale,
                23 * scale, 50 * scale, 23 * scale, 79 * scale, 16 * scale, 41 * scale);
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    @Test
    void noLabelOverlapsAnotherOrABiasOrADeltaAndEachStaysOnItsEdge() {
        List<List<Integer>> networks = List.of(List.of(2, 2, 2), List.of(3, 4, 1), List.of(2, 4, 1), List.of(2, 3, 3, 2),
                List.of(4, 2));
        double[][] panes = {{874, 357}, {733, 470}, {874, 289}, {500, 250}, {1500, 900}};
        int checked = 0;
        for (List<Integer> net : networks) {
            for (double[] pane : panes) {
                for (double scale : new double[] {1, 1.6}) {
                    GraphFit.Sizes s = sizes(scale);
                    GraphFit.Fitted f = GraphFit.fit(net, pane[0], pane[1], scale, s, true, true);
                    String what = net + " in " + pane[0] + " x " + pane[1] + " at " + scale;
                    assertTrue(f.clear(), what);
                    GraphLayout.Frame frame = f.frame();
                    assertTrue(frame.fit() > 0 && frame.fit() <= 1, what);
                    assertEquals(pane[0] / pane[1], frame.width() / frame.height(), 1e-9, what + ": the pane's shape");
                    GraphLayout g = GraphFit.layout(net, frame.width(), frame.height(), scale, s);
                    List<double[]> boxes = new ArrayList<>();
                    double r = g.radius();
                    for (int l = 0; l + 1 < net.size(); l++) {
                        for (int j = 0; j < net.get(l + 1); j++) {
                            double x = g.neuronX(l, j);
                            double y = g.neuronY(l, j);
                            boxes.add(new double[] {x - s.biasW() / 2, y - r - s.biasH() - 2, x + s.biasW() / 2, y - r - 2});
                            boxes.add(new double[] {x + 0.75 * r, y + 0.7 * r, x + 0.75 * r + s.deltaW(), y + 0.7 * r + s.deltaH()});
                        }
                    }
                    int e = 0;
                    for (int l = 0; l + 1 < net.size(); l++) {
                        for (int j = 0; j < net.get(l + 1); j++) {
                            for (int i = 0; i < net.get(l); i++, e++) {
                                double[] p = g.edge(l, j, i, l == 0 ? s.inputW() / 2 : 0);
                                double t = f.along()[e];
                                double cx = p[0] + t * (p[2] - p[0]);
                                double cy = p[1] + t * (p[3] - p[1]);
                                double[] label = {cx - s.weightW() / 2, cy - s.weightH() / 2, cx + s.weightW() / 2,
                                        cy + s.weightH() / 2};
                                assertTrue(label[0] >= p[0] && label[2] <= p[2], what + ": label " + e + " on its edge");
                                for (double[] other : boxes) {
                                    assertTrue(!overlap(label, other), what + ": label " + e + " overlaps");
                                }
                                boxes.add(label);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(10 * (8 + 16 + 12 + 21 + 8), checked);
    }

    @Test
    void theFitIsTheLargestTriedAtWhichTheNeuronsHaveRoom() {
        // no labels: two neurons of radius 40 need 84 px each between margins of 4; 150 px of pane has room for
        // them at a fit of 150 / 176 = 0.852 or less, and the fits tried are 0.97, 0.97^2, ...: 0.97^6 = 0.833
        GraphFit.Sizes bare = new GraphFit.Sizes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40);
        GraphFit.Fitted f = GraphFit.fit(List.of(2, 2), 600, 150, 1, bare, false, false);
        assertTrue(f.clear());
        assertEquals(Math.pow(0.97, 6), f.frame().fit(), 1e-9);
        assertEquals(600 / f.frame().fit(), f.frame().width(), 1e-9);
        assertEquals(null, f.along(), "no labels, no places");
        // 200 px: room at a fit of 1, not more
        assertEquals(1, GraphFit.fit(List.of(2, 2), 600, 200, 1, bare, false, false).frame().fit(), 0);
    }

    @Test
    void aTargetsErrorSitsUnderItsBoxAtAnyFit() {
        // a selected target's box is taller (its border): 32 px, its error 18 px under the centre overlapped it at
        // every fit and the graph fell to the smallest one tried
        GraphFit.Sizes s = new GraphFit.Sizes(105, 32, 48, 19, 76, 14, 71, 32, 82, 32, 88, 17, 45);
        GraphFit.Fitted f = GraphFit.fit(List.of(2, 2, 2), 804, 533, 1, s, true, true);
        assertTrue(f.clear());
        assertEquals(1, f.frame().fit(), 0);
        assertEquals(100 + 16 + 4, GraphFit.errorY(100, 32), 0, "4 px under the box's bottom (3 px of air and one)");
    }

    @Test
    void manyInputsAreDrawnSmallerRatherThanOnTopOfEachOther() {
        // 24 input boxes 23 px high (weights unlabelled: 48 edges) need 24 x 26 = 624 px of the 250; spread over the
        // pane's height at a fit of 1 they would be 10 px apart
        GraphFit.Sizes s = sizes(1);
        GraphFit.Fitted f = GraphFit.fit(List.of(24, 2), 600, 250, 1, s, false, false);
        assertTrue(f.clear());
        GraphLayout g = GraphFit.layout(List.of(24, 2), f.frame().width(), f.frame().height(), 1, s);
        assertTrue(g.inputY(1) - g.inputY(0) >= s.inputH(), "inputs " + (g.inputY(1) - g.inputY(0)) + " apart");
        assertTrue(f.frame().fit() < 250.0 / 624, "fit " + f.frame().fit());
    }

    @Test
    void theWorkedExampleInPresentationModeIsDrawnLargerThanOutOfIt() {
        // the 2-2-2 at presentation mode's scale in the pane a 1280 x 800 window gives it: laid out at 160 px a
        // neuron times the scale, as before, it was drawn at 357 / (410 x 1.6) = 0.54 of its design size, its
        // text at 0.87 of its size out of presentation mode
        GraphFit.Fitted f = GraphFit.fit(List.of(2, 2, 2), 874, 357, 1.6, sizes(1.6), true, true);
        assertTrue(f.frame().fit() * 1.6 > 1.1, "text at " + f.frame().fit() * 1.6);
    }
}
