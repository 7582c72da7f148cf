package org.backproplab.lesson;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;

/**
 * The backward pass through a convolution, written out: each cell's delta = dE/da x f'(z), each
 * kernel weight's gradient as the sum over the output cells of delta x the pixel under the tap,
 * each bias's as the sum of its map's deltas, and the gradient sent back to each input pixel.
 */
final class ConvBackwardText {
    private ConvBackwardText() {
    }

    /**
     * @param n     the layer's number as shown (from 1)
     * @param input what feeds the layer ("x", "a2")
     */
    static void lines(MapArithmetic.ConvShape g, ForwardRecord f, BackwardRecord b, int n, String input,
            List<String> out) {
        int rows = b.delta().rows();
        for (int s = 0; s < rows; s++) {
            String tag = rows == 1 ? "" : "{sample " + (s + 1) + "}";
            for (int fi = 0; fi < g.filters(); fi++) {
                for (int y = 0; y < g.outHeight(); y++) {
                    for (int x = 0; x < g.outWidth(); x++) {
                        int o = g.output(fi, y, x);
                        String d = "delta" + n + tag + "[" + fi + "][" + y + "][" + x + "]";
                        String derivative = b.derivative() == null ? "" : " x " + factor(b.derivative().get(s, o));
                        out.add("    " + d + " = dE/da x f'(z) = " + factor(b.gradActivation().get(s, o)) + derivative
                                + " = " + number(b.delta().get(s, o)));
                    }
                }
            }
        }
        for (int fi = 0; fi < g.filters(); fi++) {
            for (int c = 0; c < g.channels(); c++) {
                for (int i = 0; i < g.kernel(); i++) {
                    for (int j = 0; j < g.kernel(); j++) {
                        MapArithmetic.WeightGradient w = MapArithmetic.weight(g, f, b, fi, c, i, j);
                        List<double[]> terms = new ArrayList<>();
                        for (MapArithmetic.Term t : w.terms()) {
                            terms.add(new double[] {t.delta(), t.input()});
                        }
                        out.add("    dE/dW" + n + "[" + fi + "][" + c + "][" + i + "][" + j + "] = sum over (y, x) of delta"
                                + n + "[" + fi + "][y][x] x " + input + "[" + c + "][y+" + i + "][x+" + j + "] = "
                                + MapWalkThrough.sum(terms, b.gradWeights().get(fi, g.tap(c, i, j))));
                    }
                }
            }
            List<double[]> deltas = new ArrayList<>();
            for (double d : MapArithmetic.biasTerms(g, b, fi)) {
                deltas.add(new double[] {d, 1});
            }
            out.add("    dE/db" + n + "[" + fi + "] = sum of delta" + n + "[" + fi + "] = "
                    + MapWalkThrough.sum(deltas, b.gradBias().get(fi, 0)).replace(" x 1", ""));
        }
        if (b.gradInput() == null) {
            return;
        }
        for (int s = 0; s < rows; s++) {
            String tag = rows == 1 ? "" : "{sample " + (s + 1) + "}";
            for (int c = 0; c < g.channels(); c++) {
                for (int y = 0; y < g.height(); y++) {
                    for (int x = 0; x < g.width(); x++) {
                        MapArithmetic.InputGradient in = MapArithmetic.input(g, f, b, s, c, y, x);
                        List<double[]> terms = new ArrayList<>();
                        for (MapArithmetic.InputTerm t : in.terms()) {
                            terms.add(new double[] {t.delta(), t.weight()});
                        }
                        out.add("    dE/d" + input + tag + "[" + c + "][" + y + "][" + x + "] = sum of delta" + n
                                + " x W" + n + " over the windows that read it = "
                                + MapWalkThrough.sum(terms, b.gradInput().get(s, g.input(c, y, x))));
                    }
                }
            }
        }
    }
}
