package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backproplab.data.DataPoint;
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
     * The graph with each neuron's tooltip telling its output {@code outputs[l][j]} for the chosen
     * point, or (no point chosen: {@code outputs} null) how to choose one.
     */
    static GraphSnapshot withOutputs(GraphSnapshot g, double[][] outputs, DataPoint point) {
        List<List<GraphSnapshot.Neuron>> neurons = new ArrayList<>();
        for (int l = 0; l < g.neurons().size(); l++) {
            List<GraphSnapshot.Neuron> column = new ArrayList<>();
            for (int j = 0; j < g.neurons().get(l).size(); j++) {
                GraphSnapshot.Neuron n = g.neurons().get(l).get(j);
                Phrase tip = outputs == null ? Phrase.of(n.name() + " \u2014 ").thenKey("pg.neuronHint")
                        : Phrase.of(n.name() + ": out = " + Numbers.exact(outputs[l][j]) + " ").thenKey("pg.neuronAt",
                                Numbers.number(point.x1()), Numbers.number(point.x2()));
                String out = outputs == null ? n.out() : "out " + Numbers.shortNumber(outputs[l][j]);
                column.add(new GraphSnapshot.Neuron(n.name(), n.net(), out, n.delta(), tip, n.active(), n.backward(),
                        n.deltaActive(), n.selected()));
            }
            neurons.add(column);
        }
        return new GraphSnapshot(g.layerSizes(), g.inputs(), neurons, g.biases(), g.edges(), g.targets(), g.errors(),
                g.showTargets());
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
