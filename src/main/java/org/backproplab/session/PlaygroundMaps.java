package org.backproplab.session;

import java.util.Arrays;
import java.util.List;
import org.backproplab.data.Feature;
import org.backproplab.engine.Network;
import org.backproplab.lesson.Heatmaps;
import org.backproplab.lesson.OutputKind;

/**
 * The playground's maps, on the worker thread only (not thread-safe): every neuron's output over
 * the grid, one forward pass of its points ({@link Heatmaps}) into arrays used again each time,
 * and what a snapshot carries of them: each neuron's thumbnail and range, the output picture and
 * the output layer's values, and the one neuron's map at full size that the window shows large.
 * The maps themselves stay here: at 8 layers of 16 they are 5 MB, which a snapshot at every frame
 * would make anew 60 times a second for one neuron's picture.
 */
final class PlaygroundMaps {
    /**
     * What one computation of the maps gives the snapshots.
     *
     * @param outputMaps the output layer's maps, a copy ({@code outputMaps[k][r * res + c]})
     */
    record Pictures(int[][][] thumbnails, int size, double[][][] ranges, int[] output, float[][] outputMaps,
            boolean discretize) {
    }

    private final int resolution;
    private final Heatmaps heatmaps;
    private final OutputKind output;
    /** The maps of the last {@link #compute}, {@code maps[l][j][r * res + c]}; null before it. */
    private float[][][] maps;
    private Pictures last;
    /** The large map made last, and the pictures it was made from. */
    private PlaygroundSnapshot.NeuronMap lastNeuron;
    private Pictures lastNeuronFrom;

    PlaygroundMaps(List<Feature> features, OutputKind output, int resolution) {
        this.resolution = resolution;
        this.heatmaps = new Heatmaps(features, resolution);
        this.output = output;
    }

    /** Each input feature's values over the grid, not to be changed. */
    float[][] inputMaps() {
        return heatmaps.inputMaps();
    }

    /** The pictures of the last {@link #compute}, or null before it. */
    Pictures last() {
        return last;
    }

    /**
     * Every neuron's map of {@code network} (its working buffers are overwritten: give it a copy),
     * coloured over each neuron's range ({@code activations}, layer by layer), thumbnails of
     * {@code size} x {@code size} pixels, and the output picture (its decision alone when {@code discretize}).
     */
    Pictures compute(Network network, List<String> activations, int size, boolean discretize) {
        maps = heatmaps.compute(network);
        int[][][] thumbnails = new int[maps.length][][];
        double[][][] ranges = new double[maps.length][][];
        for (int l = 0; l < maps.length; l++) {
            boolean softmaxLayer = l == maps.length - 1 && output == OutputKind.SOFTMAX_CE;
            thumbnails[l] = new int[maps[l].length][];
            ranges[l] = new double[maps[l].length][];
            for (int j = 0; j < maps[l].length; j++) {
                double[] r = softmaxLayer ? new double[] {0, 1} : PlaygroundPictures.range(activations.get(l), maps[l][j]);
                ranges[l][j] = r;
                thumbnails[l][j] = PlaygroundPictures.thumbnail(maps[l][j], resolution, size, r[0], r[1]);
            }
        }
        float[][] out = maps[maps.length - 1];
        int[] outputPicture = switch (output) {
            case SOFTMAX_CE -> PlaygroundPictures.classes(out, discretize);
            case SIGMOID_BCE -> PlaygroundPictures.map(out[0], 0, 1, discretize);
            case TANH_MSE, TANH_HALF_MSE, LINEAR_MSE -> PlaygroundPictures.map(out[0], -1, 1, discretize);
        };
        float[][] outputMaps = new float[out.length][];
        for (int k = 0; k < out.length; k++) {
            outputMaps[k] = Arrays.copyOf(out[k], out[k].length);
        }
        last = new Pictures(thumbnails, size, ranges, outputPicture, outputMaps, discretize);
        return last;
    }

    /**
     * The large map of {@code neuron} (a neuron of the network the last {@link #compute} drew, else
     * null), at the grid's resolution over its range; the same object while nothing was computed since.
     */
    PlaygroundSnapshot.NeuronMap neuronMap(GraphItem neuron) {
        if (neuron == null || neuron.kind() != GraphItem.Kind.NEURON || maps == null || neuron.layer() >= maps.length
                || neuron.row() >= maps[neuron.layer()].length) {
            return null;
        }
        if (lastNeuron != null && lastNeuronFrom == last && lastNeuron.layer() == neuron.layer()
                && lastNeuron.row() == neuron.row()) {
            return lastNeuron;
        }
        double[] r = last.ranges()[neuron.layer()][neuron.row()];
        lastNeuron = new PlaygroundSnapshot.NeuronMap(neuron.layer(), neuron.row(),
                PlaygroundPictures.map(maps[neuron.layer()][neuron.row()], r[0], r[1], false));
        lastNeuronFrom = last;
        return lastNeuron;
    }
}
