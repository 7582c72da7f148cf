package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The image part of a network as data: the input's channels, height and width, then its
 * convolution and max-pooling layers, before the dense layers of a {@link NetworkSpec}. A sample
 * is a row of C x H x W values, channel by channel, row by row ([channel][row][column]).
 */
public record ImageLayers(int channels, int height, int width, List<Spec> layers) {

    /** One layer of maps. */
    public sealed interface Spec permits Conv, MaxPool {
    }

    /**
     * {@code filters} filters of {@code kernel} x {@code kernel} with stride and zero padding;
     * W has one row per filter of C k k values in the order (c, ky, kx).
     */
    public record Conv(int filters, int kernel, int stride, int padding, Activation activation, Initializer weightInit,
            Initializer biasInit) implements Spec {
        public Conv {
            if (filters < 1 || kernel < 1 || stride < 1 || padding < 0) {
                throw new IllegalArgumentException("a convolution needs at least one filter, a kernel and a stride "
                        + "of at least 1 and no negative padding, got " + filters + " filters " + kernel + "x" + kernel
                        + " stride " + stride + " padding " + padding);
            }
            if (activation == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only, not a convolution");
            }
        }
    }

    /** Max-pooling over {@code size} x {@code size} windows with stride {@code size}. */
    public record MaxPool(int size) implements Spec {
    }

    public ImageLayers {
        layers = List.copyOf(layers);
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("an image needs at least one channel, row and column, got " + channels
                    + "x" + height + "x" + width);
        }
    }

    /** C H W: the values of one sample. */
    public int inputSize() {
        return channels * height * width;
    }

    /**
     * The layers, numbered from 0, their parameters drawn from {@code random} layer by layer, W
     * before b.
     */
    public List<Layer> build(SplittableRandom random) {
        List<Layer> out = new ArrayList<>();
        int c = channels;
        int h = height;
        int w = width;
        for (Spec spec : layers) {
            int index = out.size();
            if (spec instanceof Conv conv) {
                ConvLayer layer = new ConvLayer(index, c, h, w, conv.filters(), conv.kernel(), conv.stride(),
                        conv.padding(), conv.activation());
                layer.initialize(conv.weightInit(), conv.biasInit(), random);
                out.add(layer);
                c = conv.filters();
                h = layer.outHeight();
                w = layer.outWidth();
            } else if (spec instanceof MaxPool pool) {
                MaxPoolLayer layer = new MaxPoolLayer(index, c, h, w, pool.size());
                out.add(layer);
                h = layer.outHeight();
                w = layer.outWidth();
            }
        }
        return out;
    }
}
