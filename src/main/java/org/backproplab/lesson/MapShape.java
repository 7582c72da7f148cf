package org.backproplab.lesson;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;

/**
 * A layer of a network with maps as plain numbers: a convolution's shape, a max-pooling's, or a
 * dense layer's units (the one that applies is not null), and its activation. What the
 * walk-through of such a network needs of it, so that a copy taken on one thread can write the
 * lines on another.
 *
 * @param conv       the convolution's shape, or null
 * @param pool       the max-pooling's shape, or null
 * @param units      a dense (or other) layer's outputs
 * @param activation the layer's activation
 * @param other      the class name of a layer that is none of the three ("DropoutLayer"), else null
 */
public record MapShape(MapArithmetic.ConvShape conv, MapArithmetic.PoolShape pool, int units, Activation activation,
        String other) {

    public static MapShape conv(MapArithmetic.ConvShape conv, Activation activation) {
        return new MapShape(conv, null, conv.filters() * conv.outHeight() * conv.outWidth(), activation, null);
    }

    public static MapShape pool(MapArithmetic.PoolShape pool, Activation activation) {
        return new MapShape(null, pool, pool.channels() * pool.outHeight() * pool.outWidth(), activation, null);
    }

    public static MapShape dense(int units, Activation activation) {
        return new MapShape(null, null, units, activation, null);
    }

    public static MapShape of(Layer layer) {
        if (layer instanceof ConvLayer c) {
            return conv(MapArithmetic.ConvShape.of(c), c.activation());
        }
        if (layer instanceof MaxPoolLayer p) {
            return pool(MapArithmetic.PoolShape.of(p), p.activation());
        }
        return new MapShape(null, null, layer.outputSize(), layer.activation(),
                layer instanceof DenseLayer ? null : layer.getClass().getSimpleName());
    }

    /** Every layer of {@code network}, in order. */
    public static List<MapShape> of(Network network) {
        return network.layers().stream().map(MapShape::of).toList();
    }
}
