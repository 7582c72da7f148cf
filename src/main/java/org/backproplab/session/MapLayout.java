package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MapArithmetic;

/**
 * The shapes of a network with maps (convolution, pooling, then dense layers), as plain numbers
 * the stepping tab's graph and inspector need: copied from the network on the worker.
 *
 * @param channels the input's channels, height and width
 * @param layers   one shape per layer
 */
public record MapLayout(int channels, int height, int width, List<Shape> layers) {

    /** A layer: a convolution, a max-pooling or a dense layer (the one whose shape is not null). */
    public record Shape(MapArithmetic.ConvShape conv, MapArithmetic.PoolShape pool, int units, String activation) {
        public boolean isConv() {
            return conv != null;
        }

        public boolean isPool() {
            return pool != null;
        }

        /** Channels, height and width of the output ({units, 1, 1} for a dense layer). */
        public int[] output() {
            if (conv != null) {
                return new int[] {conv.filters(), conv.outHeight(), conv.outWidth()};
            }
            if (pool != null) {
                return new int[] {pool.channels(), pool.outHeight(), pool.outWidth()};
            }
            return new int[] {units, 1, 1};
        }
    }

    public MapLayout {
        layers = List.copyOf(layers);
    }

    /** Whether the network has a layer the dense graph cannot draw. */
    public static boolean hasMaps(Network network) {
        return network.layers().stream().anyMatch(l -> !(l instanceof DenseLayer));
    }

    /** The layout of a network whose layers are convolutions, max-poolings and dense layers. */
    public static MapLayout of(Network network) {
        List<Shape> shapes = new ArrayList<>();
        int[] in = null;
        for (Layer l : network.layers()) {
            String f = l.activation().id();
            if (l instanceof ConvLayer c) {
                shapes.add(new Shape(MapArithmetic.ConvShape.of(c), null, 0, f));
                if (in == null) {
                    in = new int[] {c.inputChannels(), c.inputHeight(), c.inputWidth()};
                }
            } else if (l instanceof MaxPoolLayer p) {
                shapes.add(new Shape(null, MapArithmetic.PoolShape.of(p), 0, f));
                if (in == null) {
                    in = new int[] {p.channels(), p.inputHeight(), p.inputWidth()};
                }
            } else {
                shapes.add(new Shape(null, null, l.outputSize(), f));
                if (in == null) {
                    in = new int[] {1, 1, l.inputSize()};
                }
            }
        }
        return new MapLayout(in[0], in[1], in[2], shapes);
    }

    /** Whether the network has this item: a cell of a layer's output, a weight, a bias, a pixel, a target. */
    public boolean has(GraphItem item) {
        int inputs = channels * height * width;
        return switch (item.kind()) {
            case INPUT -> item.col() >= 0 && item.col() < inputs;
            case TARGET -> item.col() >= 0 && item.col() < size(layers.size() - 1);
            case NEURON -> item.layer() >= 0 && item.layer() < layers.size() && item.row() >= 0
                    && item.row() < size(item.layer());
            case WEIGHT, BIAS -> {
                if (item.layer() < 0 || item.layer() >= layers.size() || layers.get(item.layer()).isPool()) {
                    yield false;
                }
                Shape s = layers.get(item.layer());
                int rows = s.isConv() ? s.conv().filters() : s.units();
                int cols = s.isConv() ? s.conv().channels() * s.conv().kernel() * s.conv().kernel()
                        : item.layer() == 0 ? inputs : size(item.layer() - 1);
                yield item.row() >= 0 && item.row() < rows && (item.kind() == GraphItem.Kind.BIAS
                        || item.col() >= 0 && item.col() < cols);
            }
        };
    }

    /** The layers as the walk-through takes them. */
    public List<org.backproplab.lesson.MapShape> shapes() {
        return layers.stream().map(s -> {
            org.backproplab.engine.Activation f = org.backproplab.engine.Activation.fromId(s.activation());
            return s.isConv() ? org.backproplab.lesson.MapShape.conv(s.conv(), f)
                    : s.isPool() ? org.backproplab.lesson.MapShape.pool(s.pool(), f)
                    : org.backproplab.lesson.MapShape.dense(s.units(), f);
        }).toList();
    }

    /** Values of layer l's output per sample. */
    public int size(int l) {
        int[] o = layers.get(l).output();
        return o[0] * o[1] * o[2];
    }
}
