package org.backproplab.explain;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Forward and backward passes through a private copy of a network, for explanations: the
 * backward pass starts from any gradient on the logits (or on one layer's output) instead of the
 * loss, and goes through every ReLU by a {@link ReluRule}.
 *
 * <p>It works on its own copy because {@link Layer#backwardLinear} overwrites the parameters'
 * gradients: the network being trained never sees an explanation. Not thread-safe: one user at a
 * time (the session's worker, or the command line).
 */
final class Backprop {
    private final List<Layer> layers;
    private final int last;
    /** Per layer l: z_l, a_l = f(z_l), and dy/da_l after a backward pass. One row per sample. */
    private final DMatrixRMaj[] z;
    private final DMatrixRMaj[] a;
    private final DMatrixRMaj[] gradA;
    private final DMatrixRMaj input = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj delta = new DMatrixRMaj(1, 1);

    /** {@code network} is copied; later changes to it are not seen. */
    Backprop(Network network) {
        this.layers = network.copy().layers();
        this.last = layers.size() - 1;
        int n = layers.size();
        z = new DMatrixRMaj[n];
        a = new DMatrixRMaj[n];
        gradA = new DMatrixRMaj[n];
        for (int i = 0; i < n; i++) {
            z[i] = new DMatrixRMaj(1, 1);
            a[i] = new DMatrixRMaj(1, 1);
            gradA[i] = new DMatrixRMaj(1, 1);
        }
    }

    List<Layer> layers() {
        return layers;
    }

    /** z_l = g_l(a_(l-1)), a_l = f_l(z_l) for every layer, a_(-1) = x (one sample a row; copied). */
    void forward(DMatrixRMaj x) {
        input.setTo(x);
        for (int l = 0; l <= last; l++) {
            Layer layer = layers.get(l);
            layer.forwardLinear(l == 0 ? input : a[l - 1], z[l]);
            layer.activation().forward(z[l], a[l]);
        }
    }

    /** z of the last layer (the logits) of sample i of the last forward pass. */
    double[] logits(int i) {
        return row(z[last], i);
    }

    /** a of the last layer (the softmax probabilities) of sample i of the last forward pass. */
    double[] probabilities(int i) {
        return row(a[last], i);
    }

    /** a_l of sample i of the last forward pass. */
    double[] activation(int l, int i) {
        return row(a[l], i);
    }

    /** dy/da_l of sample i of the last backward pass that went through layer l + 1. */
    double[] activationGradient(int l, int i) {
        return row(gradA[l], i);
    }

    /** dy/dx of sample i of the last backward pass. */
    double[] inputGradient(int i) {
        return row(gradInput, i);
    }

    /** Backward from dy/dz of the last layer ({@code gradLogits}, one row per sample; not changed). */
    void backwardFromLogits(DMatrixRMaj gradLogits, ReluRule rule) {
        delta.setTo(gradLogits);
        layers.get(last).backwardLinear(last == 0 ? input : a[last - 1], delta, last == 0 ? gradInput : gradA[last - 1]);
        below(last - 1, rule);
    }

    /** Backward from dy/da_l ({@code gradActivation}, one row per sample; not changed), through f_l first. */
    void backwardFromActivation(int l, DMatrixRMaj gradActivation, ReluRule rule) {
        gradA[l].setTo(gradActivation);
        below(l, rule);
    }

    /** From dy/da_top down to dy/dx: delta_l = f_l'(z_l) dy/da_l (or the rule), then the layer's linear part. */
    private void below(int top, ReluRule rule) {
        for (int l = top; l >= 0; l--) {
            Layer layer = layers.get(l);
            if (layer.activation() == Activation.RELU) {
                delta.reshape(z[l].numRows, z[l].numCols);
                double[] zl = z[l].data;
                double[] g = gradA[l].data;
                for (int i = z[l].getNumElements() - 1; i >= 0; i--) {
                    delta.data[i] = rule.pass(zl[i], g[i]);
                }
            } else {
                layer.activation().backward(z[l], a[l], gradA[l], delta);
            }
            layer.backwardLinear(l == 0 ? input : a[l - 1], delta, l == 0 ? gradInput : gradA[l - 1]);
        }
    }

    private static double[] row(DMatrixRMaj m, int i) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, i * m.numCols, out, 0, m.numCols);
        return out;
    }
}
