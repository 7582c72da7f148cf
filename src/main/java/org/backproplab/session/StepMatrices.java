package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;

/**
 * Turns the stage records of the stepping tab (one row per sample, as the engine and PyTorch
 * keep them) into the tutorial's vectorised matrices (one column per sample): X = A[0] stacked
 * column by column, W[l] with one row wᵀ per neuron, b[l] a column, Z[l] = W[l] A[l-1] + b[l],
 * A[l] = g(Z[l]), and on the way back dA[l], dZ[l], dW[l] = dZ[l] A[l-1]ᵀ,
 * db[l] = dZ[l] summed over the samples, dA[l-1] = W[l]ᵀ dZ[l].
 */
public final class StepMatrices {
    private StepMatrices() {
    }

    /** The matrices of the layer the current stage is about. */
    public static StepMatrixSnapshot of(StepSnapshot s) {
        int layers = s.layerCount();
        if (!dense(s)) {
            return StepMatrixSnapshot.NOT_DENSE;
        }
        StageRecords records = StageRecords.of(s.records());
        StageRecord last = records.last();
        int l = layerShown(last, layers);
        ForwardRecord f = records.forward(l);
        BackwardRecord b = records.backward(l);
        boolean forwardNow = last instanceof ForwardRecord;
        boolean backwardNow = last instanceof BackwardRecord;
        int in = s.layerSizes().get(l);
        int out = s.layerSizes().get(l + 1);
        int m = f != null ? f.input().rows() : s.inputs().rows();
        String n = Integer.toString(l + 1);
        String p = Integer.toString(l);
        List<StepMatrixSnapshot.Block> blocks = new ArrayList<>();
        String x = l == 0 ? "X = A[0]" : "A[" + p + "]";
        blocks.add(block(x, "", in, m, f == null ? null : transposed(f.input()), false));
        ImmutableMatrix w = f != null ? f.weights() : s.parameters().get(Parameter.weightsName(l));
        blocks.add(block("W[" + n + "]", "", out, in, w == null ? null : w.toArray(), false));
        ImmutableMatrix bias = f != null ? f.bias() : s.parameters().get(Parameter.biasName(l));
        if (bias != null) {
            blocks.add(block("b[" + n + "]", "", out, 1, column(bias), false));
        }
        String plusB = bias != null ? " + b[" + n + "]" : "";
        blocks.add(block("Z[" + n + "]", "W[" + n + "] A[" + p + "]" + plusB, out, m,
                f == null ? null : transposed(f.preActivation()), forwardNow));
        blocks.add(block("A[" + n + "]", "g(Z[" + n + "])", out, m, f == null ? null : transposed(f.activation()),
                forwardNow));
        boolean fused = b != null && b.gradActivation() == null;
        if (!fused) {
            blocks.add(block("dA[" + n + "]", l == layers - 1 ? "\u2202E/\u2202A[" + n + "]" : "W[" + (l + 2)
                    + "]\u1d40 dZ[" + (l + 2) + "]", out, m, b == null ? null : transposed(b.gradActivation()),
                    backwardNow));
        }
        blocks.add(block("dZ[" + n + "]", fused ? "(A[" + n + "] \u2212 Y) / m" : "dA[" + n + "] \u2299 g\u2032(Z["
                + n + "])", out, m, b == null ? null : transposed(b.delta()), backwardNow));
        blocks.add(block("dW[" + n + "]", "dZ[" + n + "] A[" + p + "]\u1d40", out, in,
                b == null || b.gradWeights() == null ? null : b.gradWeights().toArray(), backwardNow));
        if (bias != null) {
            blocks.add(block("db[" + n + "]", "\u03a3 dZ[" + n + "]", out, 1,
                    b == null || b.gradBias() == null ? null : column(b.gradBias()), backwardNow));
        }
        if (l > 0) {
            blocks.add(block("dA[" + p + "]", "W[" + n + "]\u1d40 dZ[" + n + "]", in, m,
                    b == null || b.gradInput() == null ? null : transposed(b.gradInput()), backwardNow));
        }
        return new StepMatrixSnapshot(true, l + 1, layers, m, blocks, table(in, out, m, n));
    }

    /** Forward l and backward l show layer l; the loss the last layer; before the first stage and at the update the first. */
    static int layerShown(StageRecord last, int layers) {
        if (last instanceof ForwardRecord f) {
            return f.layer();
        }
        if (last instanceof BackwardRecord b) {
            return b.layer();
        }
        if (last == null || last instanceof UpdateRecord) {
            return 0;
        }
        return layers - 1;
    }

    private static List<StepMatrixSnapshot.ShapeRow> table(int in, int out, int m, String n) {
        return List.of(
                new StepMatrixSnapshot.ShapeRow("W[" + n + "], dW[" + n + "]", "[n_l, n_(l\u22121)]",
                        "[" + out + ", " + in + "]"),
                new StepMatrixSnapshot.ShapeRow("b[" + n + "], db[" + n + "]", "[n_l, 1]", "[" + out + ", 1]"),
                new StepMatrixSnapshot.ShapeRow("Z[" + n + "], A[" + n + "], dZ[" + n + "], dA[" + n + "]",
                        "[n_l, m]", "[" + out + ", " + m + "]"),
                new StepMatrixSnapshot.ShapeRow("A[" + (Integer.parseInt(n) - 1) + "]", "[n_(l\u22121), m]",
                        "[" + in + ", " + m + "]"));
    }

    /** Whether every layer is dense (a weight matrix with one row per neuron), which this view covers. */
    private static boolean dense(StepSnapshot s) {
        for (int l = 0; l < s.layerCount(); l++) {
            ImmutableMatrix w = s.parameters().get(Parameter.weightsName(l));
            if (w == null || w.rows() != s.layerSizes().get(l + 1) || w.cols() != s.layerSizes().get(l)) {
                return false;
            }
        }
        return s.screen() == null || s.screen().maps() == null;
    }

    private static StepMatrixSnapshot.Block block(String name, String formula, int rows, int cols, double[][] v,
            boolean current) {
        double[] flat = null;
        if (v != null) {
            flat = new double[rows * cols];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(v[r], 0, flat, r * cols, cols);
            }
        }
        return new StepMatrixSnapshot.Block(name, formula, rows, cols, flat, current);
    }

    /** The engine's one row per sample, turned into the tutorial's one column per sample. */
    private static double[][] transposed(ImmutableMatrix perSample) {
        double[][] out = new double[perSample.cols()][perSample.rows()];
        for (int i = 0; i < perSample.rows(); i++) {
            for (int j = 0; j < perSample.cols(); j++) {
                out[j][i] = perSample.get(i, j);
            }
        }
        return out;
    }

    /** A bias, however the engine shapes it, as a column. */
    private static double[][] column(ImmutableMatrix bias) {
        int n = bias.rows() * bias.cols();
        double[][] out = new double[n][1];
        for (int k = 0; k < n; k++) {
            out[k][0] = bias.cols() == 1 ? bias.get(k, 0) : bias.get(0, k);
        }
        return out;
    }
}
