package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A network as data: input count, dense layers (first hidden layer first) and the loss; for a
 * convolutional network also its {@link ImageLayers} (null for a dense network), which come
 * before the dense layers and are numbered first.
 */
public record NetworkSpec(int inputSize, List<LayerSpec> layers, Loss loss, ImageLayers image) {

    /** A dense network. */
    public NetworkSpec(int inputSize, List<LayerSpec> layers, Loss loss) {
        this(inputSize, layers, loss, null);
    }

    /** Image layers then dense layers. */
    public static NetworkSpec convolutional(ImageLayers image, List<LayerSpec> layers, Loss loss) {
        return new NetworkSpec(image.inputSize(), layers, loss, image);
    }

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (inputSize <= 0) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (image != null && image.inputSize() != inputSize) {
            throw new IllegalArgumentException("the image has " + image.inputSize() + " values, the network takes "
                    + inputSize);
        }
        Activation out = layers.get(layers.size() - 1).activation();
        if (loss == Loss.SOFTMAX_CROSS_ENTROPY && out != Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax cross-entropy needs a softmax output layer, not "
                    + out.id());
        }
        for (int i = 0; i < layers.size() - 1; i++) {
            if (layers.get(i).activation() == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax is for the output layer only (layer " + (i + 1) + ")");
            }
        }
    }

    /** Builds the network with its first parameters drawn from {@code seed}, layer by layer, W before b. */
    public Network build(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Network.Builder builder = new Network.Builder(inputSize, loss);
        int fanIn = inputSize;
        int first = 0;
        if (image != null) {
            for (Layer layer : image.build(random)) {
                builder.add(layer);
                fanIn = layer.outputSize();
                first++;
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec spec = layers.get(i);
            DenseLayer layer = new DenseLayer(first + i, fanIn, spec.size(), spec.activation(), spec.biasMode());
            layer.initialize(spec.weightInit(), spec.biasInit(), random);
            builder.add(layer);
            fanIn = spec.size();
        }
        return builder.build();
    }

    public NetworkSpec withLayers(List<LayerSpec> newLayers) {
        return new NetworkSpec(inputSize, newLayers, loss, image);
    }
}
