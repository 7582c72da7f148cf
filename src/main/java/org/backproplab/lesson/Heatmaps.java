package org.backproplab.lesson;

import java.util.List;
import org.backproplab.data.Feature;
import org.backproplab.engine.FloatNeuronMaps;
import org.backproplab.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Every neuron's output over a square grid of the 2-D input plane, as TensorFlow Playground draws
 * them: the grid's points go through the chosen features and one forward pass (all points as one
 * batch), and each neuron's activations become a map. The window's maps are computed in single
 * precision ({@link FloatNeuronMaps}: a picture needs no more, and 8 hidden layers of 16 take a
 * fraction of the time); {@link #computeInDouble} runs the engine's own double forward pass.
 *
 * <p>Not thread-safe: one per worker.
 */
public final class Heatmaps {
    /** The plane shown: x1 and x2 from -RANGE to RANGE. */
    public static final double RANGE = 6;

    private final int resolution;
    private final DMatrixRMaj gridInputs;
    /** The grid's inputs feature by feature ({@code rows[f][r * resolution + c]}), as the float maps take them. */
    private final float[][] gridRows;
    /** The largest |input| over the grid. */
    private final double largestInput;
    /** The float maps, written again by each {@link #compute} (5 MB a frame at 8 layers of 16, not made anew); null until then. */
    private float[][][] buffers;

    /** A grid of resolution x resolution points; row r of the grid is x2 from +RANGE (top) down. */
    public Heatmaps(List<Feature> features, int resolution) {
        this.resolution = resolution;
        gridInputs = new DMatrixRMaj(resolution * resolution, features.size());
        for (int r = 0; r < resolution; r++) {
            double x2 = RANGE - (r + 0.5) * 2 * RANGE / resolution;
            for (int c = 0; c < resolution; c++) {
                double x1 = -RANGE + (c + 0.5) * 2 * RANGE / resolution;
                int row = r * resolution + c;
                for (int f = 0; f < features.size(); f++) {
                    gridInputs.set(row, f, features.get(f).of(x1, x2));
                }
            }
        }
        gridRows = byFeature();
        double largest = 0;
        for (double v : gridInputs.data) {
            largest = Math.max(largest, Math.abs(v));
        }
        largestInput = largest;
    }

    public int resolution() {
        return resolution;
    }

    /**
     * The maps of every neuron, layer by layer (first hidden layer first, the output layer last):
     * {@code maps[l][j][r * resolution + c]}, in single precision for a dense network (the
     * playground's) whose sums a float holds ({@link FloatNeuronMaps#fits}), else as {@link
     * #computeInDouble} (which overwrites the network's working buffers): a network far gone in
     * divergence, whose sums could pass a float's 3.4e38 where the double ones do not, is drawn in double.
     * The float maps are this object's own, written again by the next call: copy what must outlive it.
     */
    public float[][][] compute(Network network) {
        if (!FloatNeuronMaps.fits(network, largestInput)) {
            return computeInDouble(network);
        }
        if (!shapedFor(network)) {
            buffers = new float[network.layerCount()][][];
            for (int l = 0; l < buffers.length; l++) {
                buffers[l] = new float[network.layerSize(l)][gridInputs.numRows];
            }
        }
        FloatNeuronMaps.compute(network, gridRows, buffers);
        return buffers;
    }

    private boolean shapedFor(Network network) {
        if (buffers == null || buffers.length != network.layerCount()) {
            return false;
        }
        for (int l = 0; l < buffers.length; l++) {
            if (buffers[l].length != network.layerSize(l)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The maps as {@link #compute}, from the engine's double forward pass (as TensorFlow Playground's
     * engine computes them: the benchmark's frame). Runs a forward pass on {@code network} (its
     * working buffers are overwritten; give it a copy of the trained network).
     */
    public float[][][] computeInDouble(Network network) {
        network.forward(gridInputs);
        float[][][] out = new float[network.layerCount()][][];
        for (int l = 0; l < network.layerCount(); l++) {
            float[][] maps = new float[network.layerSize(l)][gridInputs.numRows];
            network.copyActivationsByNeuron(l, maps);
            out[l] = maps;
        }
        return out;
    }

    /** The maps of the input features themselves (what each input node shows): the grid's own rows, not to be changed. */
    public float[][] inputMaps() {
        return gridRows;
    }

    private float[][] byFeature() {
        int n = gridInputs.numCols;
        float[][] maps = new float[n][gridInputs.numRows];
        for (int i = 0; i < gridInputs.numRows; i++) {
            for (int f = 0; f < n; f++) {
                maps[f][i] = (float) gridInputs.get(i, f);
            }
        }
        return maps;
    }
}
