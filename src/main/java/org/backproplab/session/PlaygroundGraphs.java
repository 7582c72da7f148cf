package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
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
}
