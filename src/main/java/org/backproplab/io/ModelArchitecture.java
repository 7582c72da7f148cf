package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.FlattenLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Loss;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.SubsamplingLayer;

/**
 * The structure of a network as a version-2 model file names it: the shape of one input
 * ({@code [C, H, W]} for images, {@code [N]} for a plain vector), each layer's kind and size, and
 * the loss. Enough to rebuild the network without knowing its preset; the parameters come apart.
 *
 * <p>Layer i (counted from 0, as in the file's {@code layers[i]}) is the engine's layer i, whose
 * parameters are named W(i+1) and b(i+1).
 */
public record ModelArchitecture(List<Integer> input, List<LayerShape> layers, Loss loss) {
    /** No input side beyond this, no input beyond this many values: larger is not a model of ours. */
    static final int MAX_SIDE = 4096;
    static final long MAX_INPUT = 4_194_304L;
    /** The largest im2col buffer (taps times output positions) a conv layer may need, in values. */
    static final long MAX_CONV_WORK = 4_000_000L;

    public ModelArchitecture {
        input = List.copyOf(input);
        layers = List.copyOf(layers);
    }

    /** One layer's kind and size, without its parameters. */
    public sealed interface LayerShape permits Conv, MaxPool, Dense, Flatten, Dropout, Subsampling {
        /** "conv", "maxpool", "subsampling", "flatten", "dropout" or "dense": the file's "type". */
        String type();
    }

    /** A 2-D convolution, as PyTorch's nn.Conv2d(C, filters, kernel, stride, padding) then the activation. */
    public record Conv(int filters, int kernel, int stride, int padding, Activation activation) implements LayerShape {
        @Override
        public String type() {
            return "conv";
        }
    }

    /** Max-pooling over size x size windows with stride size, as nn.MaxPool2d(size). */
    public record MaxPool(int size) implements LayerShape {
        @Override
        public String type() {
            return "maxpool";
        }
    }

    /** C x H x W maps as one vector of C H W values, as nn.Flatten (the identity on the engine's layout). */
    public record Flatten() implements LayerShape {
        @Override
        public String type() {
            return "flatten";
        }
    }

    /** Dropout with rate p, as nn.Dropout(p): the identity once loaded (test time). */
    public record Dropout(double p) implements LayerShape {
        @Override
        public String type() {
            return "dropout";
        }
    }

    /**
     * LeNet-5's subsampling: size x size average times a coefficient plus a bias per map, then the
     * activation; W is C x 1 (the file's "coefficient"), b is C values.
     */
    public record Subsampling(int size, Activation activation) implements LayerShape {
        @Override
        public String type() {
            return "subsampling";
        }
    }

    /** A fully connected layer, as nn.Linear(in, units) then the activation; its input flattened first. */
    public record Dense(int units, Activation activation, BiasMode bias) implements LayerShape {
        @Override
        public String type() {
            return "dense";
        }
    }

    /**
     * The structure of {@code network}; {@code input} is the shape of one sample, whose values
     * must multiply to the network's input count (and be the first conv layer's C, H, W).
     */
    public static ModelArchitecture of(Network network, List<Integer> input) {
        List<LayerShape> out = new ArrayList<>();
        for (Layer l : network.layers()) {
            if (l instanceof ConvLayer c) {
                out.add(new Conv(c.filters(), c.kernel(), c.stride(), c.padding(), c.activation()));
            } else if (l instanceof MaxPoolLayer p) {
                out.add(new MaxPool(p.size()));
            } else if (l instanceof DenseLayer d) {
                out.add(new Dense(d.outputSize(), d.activation(), d.biasMode()));
            } else if (l instanceof FlattenLayer) {
                out.add(new Flatten());
            } else if (l instanceof DropoutLayer d) {
                out.add(new Dropout(d.rate()));
            } else if (l instanceof SubsamplingLayer s) {
                out.add(new Subsampling(s.size(), s.activation()));
            } else {
                throw new IllegalArgumentException("a " + l.getClass().getSimpleName()
                        + " layer has no place in a model file");
            }
        }
        ModelArchitecture a = new ModelArchitecture(input, out, network.loss());
        a.check();
        if (a.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("the input " + input + " holds " + a.inputSize()
                    + " values, the network takes " + network.inputSize());
        }
        return a;
    }

    /** How many values one input holds. */
    public int inputSize() {
        long n = 1;
        for (int d : input) {
            n *= d;
        }
        return (int) n;
    }

    /**
     * The shape each layer gives, first layer first ({@code [F, OH, OW]} or {@code [N]}); refused
     * with "\"layers[i]\": ..." when the layers do not chain or are out of range.
     */
    public List<int[]> shapes() {
        check();
        List<int[]> out = new ArrayList<>();
        int[] shape = input.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < layers.size(); i++) {
            shape = next(i, shape, layers.get(i));
            out.add(shape);
        }
        return out;
    }

    /** The rows and columns of layer i's W given the shape it receives; null for a layer without W. */
    static int[] weightShape(LayerShape layer, int[] in) {
        if (layer instanceof Conv c) {
            return new int[] {c.filters(), in[0] * c.kernel() * c.kernel()};
        }
        if (layer instanceof Dense d) {
            return new int[] {d.units(), size(in)};
        }
        if (layer instanceof Subsampling) {
            return new int[] {in[0], 1};
        }
        return null;
    }

    void check() {
        if (input.size() != 1 && input.size() != 3) {
            throw new IllegalArgumentException("\"input\": " + input + " is neither [C, H, W] nor [N]");
        }
        long n = 1;
        for (int d : input) {
            if (d < 1 || d > (input.size() == 1 ? MAX_INPUT : MAX_SIDE)) {
                throw new IllegalArgumentException("\"input\": " + input + " has a side out of range (1 to "
                        + (input.size() == 1 ? MAX_INPUT : MAX_SIDE) + ")");
            }
            n *= d;
        }
        if (n > MAX_INPUT) {
            throw new IllegalArgumentException("\"input\": " + input + " holds " + n + " values, at most " + MAX_INPUT);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("\"layers\": there is no layer");
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (activation(layers.get(i)) == Activation.SOFTMAX) {
                throw new IllegalArgumentException("\"layers[" + i + "].activation\": softmax is for the last layer only");
            }
        }
        Activation last = activation(layers.get(layers.size() - 1));
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && last != Activation.SOFTMAX) {
            throw new IllegalArgumentException("\"loss\": softmax-cross-entropy needs a softmax last layer, not "
                    + (last == null ? "a max-pool" : last.id()));
        }
    }

    private static Activation activation(LayerShape l) {
        return l instanceof Conv c ? c.activation() : l instanceof Dense d ? d.activation()
                : l instanceof Subsampling s ? s.activation() : null;
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape layer i gives when it receives {@code in}. */
    static int[] next(int i, int[] in, LayerShape layer) {
        String where = "\"layers[" + i + "]\": ";
        if (layer instanceof Dense d) {
            if (d.units() < 1 || d.units() > MAX_INPUT) {
                throw new IllegalArgumentException(where + "\"units\" must be 1 to " + MAX_INPUT + ", not " + d.units());
            }
            return new int[] {d.units()};
        }
        if (layer instanceof Flatten) {
            return new int[] {size(in)};
        }
        if (layer instanceof Dropout d) {
            if (!(d.p() >= 0 && d.p() < 1)) {
                throw new IllegalArgumentException(where + "\"p\" must be at least 0 and below 1, not " + d.p());
            }
            return in;
        }
        if (in.length != 3) {
            throw new IllegalArgumentException(where + "a " + layer.type() + " layer needs an input of C x H x W, it gets "
                    + in[0] + " values in a row");
        }
        if (layer instanceof MaxPool || layer instanceof Subsampling) {
            int size = layer instanceof MaxPool p ? p.size() : ((Subsampling) layer).size();
            if (size < 1 || size > in[1] || size > in[2]) {
                throw new IllegalArgumentException(where + "a " + size + " x " + size + " " + layer.type()
                        + " does not fit its " + in[1] + " x " + in[2] + " input");
            }
            return new int[] {in[0], in[1] / size, in[2] / size};
        }
        Conv c = (Conv) layer;
        if (c.filters() < 1 || c.filters() > MAX_SIDE || c.kernel() < 1 || c.stride() < 1 || c.padding() < 0
                || c.padding() > MAX_SIDE || c.kernel() > in[1] + 2 * c.padding() || c.kernel() > in[2] + 2 * c.padding()) {
            throw new IllegalArgumentException(where + c.filters() + " filters of " + c.kernel() + " x " + c.kernel()
                    + ", stride " + c.stride() + ", padding " + c.padding() + " do not fit its " + in[1] + " x " + in[2]
                    + " input");
        }
        int oh = (in[1] + 2 * c.padding() - c.kernel()) / c.stride() + 1;
        int ow = (in[2] + 2 * c.padding() - c.kernel()) / c.stride() + 1;
        long work = (long) in[0] * c.kernel() * c.kernel() * oh * ow;
        if (work > MAX_CONV_WORK || (long) c.filters() * oh * ow > MAX_INPUT) {
            throw new IllegalArgumentException(where + "the layer is too large for this app (" + c.filters() + " x " + oh
                    + " x " + ow + " outputs)");
        }
        return new int[] {c.filters(), oh, ow};
    }

    /**
     * A network of this structure with every parameter 0 (the values are put in afterwards); layer
     * i is the engine's layer i.
     */
    public Network build() {
        List<int[]> shapes = shapes();
        Network.Builder b = new Network.Builder(inputSize(), loss);
        int[] in = input.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < layers.size(); i++) {
            LayerShape l = layers.get(i);
            if (l instanceof Conv c) {
                b.add(new ConvLayer(i, in[0], in[1], in[2], c.filters(), c.kernel(), c.stride(), c.padding(),
                        c.activation()));
            } else if (l instanceof MaxPool p) {
                b.add(new MaxPoolLayer(i, in[0], in[1], in[2], p.size()));
            } else if (l instanceof Subsampling s) {
                b.add(new SubsamplingLayer(i, in[0], in[1], in[2], s.size(), s.activation()));
            } else if (l instanceof Flatten) {
                b.add(in.length == 3 ? new FlattenLayer(in[0], in[1], in[2]) : new FlattenLayer(in[0], 1, 1));
            } else if (l instanceof Dropout d) {
                b.add(in.length == 3 ? new DropoutLayer(in[0], in[1], in[2], d.p(), i)
                        : new DropoutLayer(in[0], 1, 1, d.p(), i));
            } else {
                Dense d = (Dense) l;
                b.add(new DenseLayer(i, size(in), d.units(), d.activation(), d.bias()));
            }
            in = shapes.get(i);
        }
        return b.build();
    }
}
