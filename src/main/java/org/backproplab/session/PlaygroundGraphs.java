package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Parameter;
import org.backproplab.lesson.PlaygroundSpec;

/** What the playground's network graph draws, built on the worker from the set-up and the weights. */
final class PlaygroundGraphs {
    private PlaygroundGraphs() {
    }

    /** The network with no stage run: inputs named by their features, each weight and bias with its value. */
    static GraphSnapshot of(List<Integer> sizes, List<String> inputNames, Map<String, ImmutableMatrix> parameters,
            PlaygroundSpec spec) {
        return GraphSnapshot.ofNetwork(sizes, inputNames, parameters, spec.bias() != BiasMode.NONE,
                spec.bias() == BiasMode.FROZEN);
    }

    /**
     * Each neuron's bias as a colour on the neuron maps' scale (-1 orange, 0 white, 1 blue), as
     * TensorFlow Playground colours its bias squares; null when the layers have no bias.
     */
    static int[][] biasColors(List<Integer> sizes, Map<String, ImmutableMatrix> parameters, PlaygroundSpec spec) {
        if (spec.bias() == BiasMode.NONE) {
            return null;
        }
        int[][] out = new int[sizes.size() - 1][];
        for (int l = 0; l < out.length; l++) {
            ImmutableMatrix b = parameters.get(Parameter.biasName(l));
            out[l] = new int[sizes.get(l + 1)];
            for (int j = 0; j < out[l].length; j++) {
                out[l][j] = PlaygroundPictures.color(b.get(j, 0), -1, 1);
            }
        }
        return out;
    }
}
