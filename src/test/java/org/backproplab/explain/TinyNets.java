package org.backproplab.explain;

import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.ejml.data.DMatrixRMaj;

/**
 * Networks small enough to write out, and an independent way to run them: layer by layer through
 * the engine's public forward methods, from the input or from any layer's output, reading the
 * logits before the softmax. Nothing of the explain package is used here.
 */
final class TinyNets {
    static final int SIDE = 8;

    private TinyNets() {
    }

    /**
     * 8 x 8 input -> conv 2 filters 3x3 pad 1, ReLU (2 x 8 x 8) -> max-pool 2 (2 x 4 x 4) -> conv 3
     * filters 3x3, ReLU (3 x 2 x 2) -> dense 12 -> 4, softmax. Every weight and bias drawn
     * uniformly from [-1, 1] with {@code seed}.
     */
    static Network convNet(long seed) {
        return convNet(seed, Activation.RELU);
    }

    static Network convNet(long seed, Activation hidden) {
        Network net = new Network.Builder(SIDE * SIDE, Loss.SOFTMAX_CROSS_ENTROPY)
                .add(new ConvLayer(0, 1, SIDE, SIDE, 2, 3, 1, 1, hidden))
                .add(new MaxPoolLayer(1, 2, SIDE, SIDE, 2))
                .add(new ConvLayer(2, 2, 4, 4, 3, 3, 1, 0, hidden))
                .add(new DenseLayer(3, 12, 4, Activation.SOFTMAX, BiasMode.TRAINED)).build();
        SplittableRandom r = new SplittableRandom(seed);
        for (Parameter p : net.parameters()) {
            for (int i = 0; i < p.rows(); i++) {
                for (int j = 0; j < p.cols(); j++) {
                    net.setParameterValue(p.name(), i, j, r.nextDouble(-1, 1));
                }
            }
        }
        return net;
    }

    /** A random image of 8 x 8 pixels in [0, 1]. */
    static double[] image(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        return x;
    }

    /** The logits z of the last layer for {@code x}. */
    static double[] logits(Network net, double[] x) {
        return logitsFrom(net, -1, x);
    }

    /**
     * The logits when the output of layer {@code layer} (after its activation) is {@code a}, or
     * the input when {@code layer} is -1: the layers above run on it one by one.
     */
    static double[] logitsFrom(Network net, int layer, double[] a) {
        DMatrixRMaj act = new DMatrixRMaj(1, a.length);
        System.arraycopy(a, 0, act.data, 0, a.length);
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        int last = net.layerCount() - 1;
        for (int l = layer + 1; l <= last; l++) {
            Layer layerL = net.layer(l);
            layerL.forwardLinear(act, z);
            if (l < last) {
                DMatrixRMaj next = new DMatrixRMaj(1, 1);
                layerL.activation().forward(z, next);
                act = next;
            }
        }
        return java.util.Arrays.copyOf(z.data, z.numCols);
    }

    /** softmax(z), written out. */
    static double[] softmax(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            m = Math.max(m, v);
        }
        double s = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - m);
            s += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= s;
        }
        return p;
    }

    /** y_c for a target, from the logits, written out without the explain package. */
    static double score(String target, double[] z, int c) {
        double[] p = softmax(z);
        return switch (target) {
            case "logit" -> z[c];
            case "probability" -> p[c];
            case "log-probability" -> Math.log(p[c]);
            default -> throw new IllegalArgumentException(target);
        };
    }

    /** The output of layer {@code layer} after its activation, for input x, through the network's own forward. */
    static double[] layerOutput(Network net, int layer, double[] x) {
        DMatrixRMaj in = new DMatrixRMaj(1, x.length);
        System.arraycopy(x, 0, in.data, 0, x.length);
        net.forward(in);
        var a = net.activationValues(layer);
        double[] out = new double[a.cols()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(0, i);
        }
        return out;
    }
}
