package org.backproplab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backproplab.engine.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Occlusion against the network run on occluded images built here, pixel by pixel. */
class OcclusionTest {

    @ParameterizedTest(name = "patch {0}, fill {1}, {2}, class {3}")
    @CsvSource({"4,0.5,probability,0", "3,0,probability,2", "1,0.5,logit,1", "8,1,log-probability,3",
            "5,0.25,probability,1"})
    void eachCellIsTheDropOfTheScoreWithThatPatchHidden(int patch, double fill, String target, int c) {
        Network net = TinyNets.convNet(41);
        double[] x = TinyNets.image(42);
        Occlusion o = new Explainer(net, 8, 8).occlusion(x, c, ScoreTarget.fromId(target), patch, fill);
        int cells = (8 + patch - 1) / patch;
        assertEquals(cells, o.cells().rows());
        assertEquals(cells, o.cells().cols());
        double original = TinyNets.score(target, TinyNets.logits(net, x), c);
        assertEquals(original, o.score(), 1e-12);
        int[][] winners = o.winnerMap();
        for (int top = 0, row = 0; top < 8; top += patch, row++) {
            for (int left = 0, col = 0; left < 8; left += patch, col++) {
                double[] hidden = x.clone();
                for (int y = top; y < top + patch && y < 8; y++) {
                    for (int xx = left; xx < left + patch && xx < 8; xx++) {
                        hidden[y * 8 + xx] = fill;
                    }
                }
                double[] z = TinyNets.logits(net, hidden);
                double drop = original - TinyNets.score(target, z, c);
                assertEquals(drop, o.cells().get(row, col), 1e-12, "cell " + row + ", " + col);
                int winner = 0;
                double[] p = TinyNets.softmax(z);
                for (int j = 1; j < p.length; j++) {
                    winner = p[j] > p[winner] ? j : winner;
                }
                assertEquals(winner, o.winners()[row * cells + col]);
                // every pixel of the cell carries the cell's values in the full-size maps
                for (int y = top; y < top + patch && y < 8; y++) {
                    for (int xx = left; xx < left + patch && xx < 8; xx++) {
                        assertEquals(drop, o.map().get(y, xx), 1e-12);
                        assertEquals(winner, winners[y][xx]);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "patch {0}, fill {1}")
    @CsvSource({"0,0.5", "9,0.5", "4,-0.1", "4,1.5", "4,NaN"})
    void badPatchOrFillIsRefused(int patch, double fill) {
        Explainer ex = new Explainer(TinyNets.convNet(1), 8, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ex.occlusion(TinyNets.image(1), 0, ScoreTarget.PROBABILITY, patch, fill));
        assertEquals(1, e.getMessage().lines().count());
        boolean patchIsBad = patch < 1 || patch > 8;
        assertEquals(patchIsBad ? "the patch must be 1 to 8 pixels, not " + patch
                : "the fill value must be between 0 and 1, not " + fill, e.getMessage());
    }
}
