package org.backproplab.lesson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The textbook names of a dense network's numbers: inputs i1, i2, ...; hidden neurons h1, h2, ...
 * (h1_1, h2_3, ... when there are several hidden layers); outputs o1, o2, ...; weights w1, w2, ...
 * numbered layer by layer and, within a layer, neuron by neuron (row-major over W, so the worked
 * example's w1 is i1 -> h1 and w2 is i2 -> h1); the bias of neuron h1 is b_h1.
 */
public final class Naming {
    private final List<Integer> sizes;

    /** @param sizes neuron counts, inputs first, output layer last */
    public Naming(List<Integer> sizes) {
        this.sizes = List.copyOf(sizes);
    }

    /** Neuron counts of a network, inputs first, output layer last. */
    public static List<Integer> layerSizes(org.backproplab.engine.Network network) {
        List<Integer> sizes = new java.util.ArrayList<>();
        sizes.add(network.inputSize());
        for (org.backproplab.engine.Layer l : network.layers()) {
            sizes.add(l.outputSize());
        }
        return sizes;
    }

    /** The names of a network's numbers. */
    public static Naming of(org.backproplab.engine.Network network) {
        return new Naming(layerSizes(network));
    }

    /** Number of layers after the inputs. */
    public int layers() {
        return sizes.size() - 1;
    }

    /** Name of neuron j (0-based) of layer l, where l = -1 is the input layer. */
    public String neuron(int l, int j) {
        if (l < 0) {
            return "i" + (j + 1);
        }
        if (l == layers() - 1) {
            return "o" + (j + 1);
        }
        return layers() == 2 ? "h" + (j + 1) : "h" + (l + 1) + "_" + (j + 1);
    }

    /** Name of the weight W_l[j][i], from input i of layer l to its neuron j. */
    public String weight(int l, int j, int i) {
        int offset = 0;
        for (int k = 0; k < l; k++) {
            offset += sizes.get(k) * sizes.get(k + 1);
        }
        return "w" + (offset + j * sizes.get(l) + i + 1);
    }

    public String bias(int l, int j) {
        return "b_" + neuron(l, j);
    }

    /** What feeds layer l: "out_h1" for a hidden neuron, "i1" for an input. */
    public String input(int l, int i) {
        return l == 0 ? neuron(-1, i) : "out_" + neuron(l - 1, i);
    }

    /**
     * A number as the walk-throughs print it: 9 significant digits, trailing zeros dropped,
     * scientific notation only for very small or large magnitudes.
     */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(9)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs < 1e-6 || abs >= 1e9) {
            return d.toString();
        }
        return d.toPlainString();
    }

    /** Like {@link #number} but in parentheses when negative, for use inside a product. */
    public static String factor(double v) {
        String s = number(v);
        return v < 0 ? "(" + s + ")" : s;
    }
}
