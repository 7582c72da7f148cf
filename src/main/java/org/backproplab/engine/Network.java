package org.backproplab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * Layers in order plus a loss, with the working buffers of one pass: for every layer l its
 * pre-activation z_l, activation a_l, dE/da_l and delta_l = dE/dz_l (one row per sample).
 *
 * <p>The passes are split per layer so that a trainer can run them whole or one stage at a time;
 * both call exactly these methods, so both give the same numbers.
 */
public final class Network {
    private final int inputSize;
    private final List<Layer> layers;
    private final Loss loss;
    private final DMatrixRMaj[] z;
    private final DMatrixRMaj[] a;
    private final DMatrixRMaj[] gradActivation;
    private final DMatrixRMaj[] delta;
    private final DMatrixRMaj gradInput = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj lossTerms = new DMatrixRMaj(1, 1);
    private DMatrixRMaj input = new DMatrixRMaj(1, 1);

    private Network(int inputSize, List<Layer> layers, Loss loss) {
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        int n = layers.size();
        z = new DMatrixRMaj[n];
        a = new DMatrixRMaj[n];
        gradActivation = new DMatrixRMaj[n];
        delta = new DMatrixRMaj[n];
        for (int i = 0; i < n; i++) {
            z[i] = new DMatrixRMaj(1, 1);
            a[i] = new DMatrixRMaj(1, 1);
            gradActivation[i] = new DMatrixRMaj(1, 1);
            delta[i] = new DMatrixRMaj(1, 1);
        }
    }

    /** Assembles layers whose sizes must chain. */
    public static final class Builder {
        private final int inputSize;
        private final Loss loss;
        private final List<Layer> layers = new ArrayList<>();

        public Builder(int inputSize, Loss loss) {
            this.inputSize = inputSize;
            this.loss = loss;
        }

        public Builder add(Layer layer) {
            int expected = layers.isEmpty() ? inputSize : layers.get(layers.size() - 1).outputSize();
            if (layer.inputSize() != expected) {
                throw new IllegalArgumentException("layer " + (layers.size() + 1) + " takes "
                        + layer.inputSize() + " inputs but receives " + expected);
            }
            layers.add(layer);
            return this;
        }

        public Network build() {
            return new Network(inputSize, layers, loss);
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    public List<Layer> layers() {
        return layers;
    }

    public int layerCount() {
        return layers.size();
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    public Loss loss() {
        return loss;
    }

    public Activation outputActivation() {
        return layers.get(layers.size() - 1).activation();
    }

    /** Trainable and frozen parameters in order W1, b1, W2, b2, ... (absent biases left out). */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Layer layer : layers) {
            out.addAll(layer.parameters());
        }
        return out;
    }

    // ---- forward -------------------------------------------------------------------------

    /** Sets the batch the next forward pass reads; {@code x} is copied. */
    public void setInput(DMatrixRMaj x) {
        if (x.numCols != inputSize) {
            throw new IllegalArgumentException("the network takes " + inputSize + " inputs, got " + x.numCols);
        }
        input.setTo(x);
    }

    /** The input of layer l: the batch for l = 0, else a_(l-1). */
    DMatrixRMaj layerInput(int l) {
        return l == 0 ? input : a[l - 1];
    }

    /** Tells every layer that training iteration {@code iteration} (from 0) begins (dropout's masks follow it). */
    public void beginIteration(long iteration) {
        for (Layer l : layers) {
            l.beginIteration(iteration);
        }
    }

    /** z_l = g_l(input of l), a_l = f_l(z_l), in training (dropout drops units): a training iteration's stage. */
    public void forwardLayer(int l) {
        forwardLayer(l, true);
    }

    private void forwardLayer(int l, boolean training) {
        Layer layer = layers.get(l);
        layer.setTraining(training);
        layer.forwardLinear(layerInput(l), z[l]);
        layer.activation().forward(z[l], a[l]);
    }

    /**
     * The whole forward pass of the batch {@code x} (one sample a row; not changed), at test time
     * (dropout is the identity, as PyTorch's {@code model.eval()}). Its numbers
     * are read with {@link #outputValues()} and {@link #activationValues(int)}, which copy them.
     */
    public void forward(DMatrixRMaj x) {
        setInput(x);
        for (int l = 0; l < layers.size(); l++) {
            forwardLayer(l, false);
        }
    }

    /** The forward pass of {@code x}, and a copy of its outputs: one row per sample. */
    public ImmutableMatrix predict(DMatrixRMaj x) {
        forward(x);
        return outputValues();
    }

    /** The network's working buffers stay inside the engine: the next pass overwrites them. */
    DMatrixRMaj output() {
        return a[layers.size() - 1];
    }

    DMatrixRMaj preActivation(int l) {
        return z[l];
    }

    DMatrixRMaj activation(int l) {
        return a[l];
    }

    /** A copy of the outputs of the last forward pass, one row per sample. */
    public ImmutableMatrix outputValues() {
        return ImmutableMatrix.copyOf(output());
    }

    /** A copy of a_l from the last forward pass, one row per sample. */
    public ImmutableMatrix activationValues(int l) {
        return ImmutableMatrix.copyOf(a[l]);
    }

    /**
     * Copies a_l of the last forward pass into {@code into[j][i]} (neuron j, sample i) as floats:
     * the layout of the playground's heatmaps, filled without an intermediate copy.
     */
    public void copyActivationsByNeuron(int l, float[][] into) {
        DMatrixRMaj m = a[l];
        int neurons = m.numCols;
        for (int i = 0; i < m.numRows; i++) {
            int off = i * neurons;
            for (int j = 0; j < neurons; j++) {
                into[j][i] = (float) m.data[off + j];
            }
        }
    }

    /**
     * How many samples to run through at once, at most {@code max}, so that the z and a of one
     * pass hold at most 20 million values (160 MB): 1000 digits for LeNet or the small CNN, 115 for
     * the Keras example, whose 1000 would take 1.4 GB.
     */
    public int rowsAtOnce(int max) {
        long perSample = 0;
        for (Layer l : layers) {
            perSample += 2L * l.outputSize();
        }
        return (int) Math.max(1, Math.min(max, 20_000_000L / perSample));
    }

    /** Neurons of layer l (columns of a_l). */
    public int layerSize(int l) {
        return layers.get(l).outputSize();
    }

    /** A copy of dE/dx from the last backward pass that asked for it, one row per sample. */
    public ImmutableMatrix inputGradientValues() {
        return ImmutableMatrix.copyOf(gradInput);
    }

    // ---- loss ----------------------------------------------------------------------------

    /** The data loss of the last forward pass against {@code targets} (regularisation not included). */
    public double dataLoss(DMatrixRMaj targets) {
        DMatrixRMaj terms = lossTerms(targets);
        double sum = 0;
        for (int i = terms.getNumElements() - 1; i >= 0; i--) {
            sum += terms.data[i];
        }
        return sum;
    }

    /** Each output's share of the data loss, per sample; the returned buffer is overwritten later. */
    public DMatrixRMaj lossTerms(DMatrixRMaj targets) {
        int last = layers.size() - 1;
        loss.contributions(z[last], a[last], targets, outputActivation(), lossTerms);
        return lossTerms;
    }

    /** The penalty of {@code regularization} over every weight matrix. */
    public double penalty(Regularization regularization) {
        if (regularization.kind() == Regularization.Kind.NONE) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : parameters()) {
            if (p.kind() == Parameter.Kind.WEIGHTS) {
                sum += regularization.penalty(p.value());
            }
        }
        return sum;
    }

    /** Forward pass and total loss (data loss plus penalty) for a batch. */
    public double totalLoss(DMatrixRMaj x, DMatrixRMaj targets, Regularization regularization) {
        forward(x);
        return dataLoss(targets) + penalty(regularization);
    }

    // ---- backward ------------------------------------------------------------------------

    /**
     * Backward through layer l, after layer l+1's backward (or, for the output layer, after the
     * forward pass): delta_l = dE/dz_l, the gradients of W_l and b_l (with the penalty's gradient
     * added to W_l), and dE/da_(l-1) for the layer below. For l = 0 the gradient with respect to
     * the input is computed only when {@code inputGradient} is set.
     */
    public void backwardLayer(int l, DMatrixRMaj targets, Regularization regularization, boolean inputGradient) {
        Layer layer = layers.get(l);
        if (l == layers.size() - 1) {
            loss.outputDelta(z[l], a[l], targets, layer.activation(), gradActivation[l], delta[l]);
        } else {
            layer.activation().backward(z[l], a[l], gradActivation[l], delta[l]);
        }
        DMatrixRMaj below = l > 0 ? gradActivation[l - 1] : (inputGradient ? gradInput : null);
        layer.backwardLinear(layerInput(l), delta[l], below);
        if (regularization.kind() != Regularization.Kind.NONE) {
            for (Parameter p : layer.parameters()) {
                if (p.kind() == Parameter.Kind.WEIGHTS) {
                    regularization.addGradient(p.value(), p.gradient());
                }
            }
        }
    }

    /** The whole backward pass after a forward pass. */
    public void backward(DMatrixRMaj targets, Regularization regularization, boolean inputGradient) {
        for (int l = layers.size() - 1; l >= 0; l--) {
            backwardLayer(l, targets, regularization, inputGradient);
        }
    }

    /**
     * dE/da_l as computed by the backward pass; for the output layer only when the loss is not
     * fused with its activation.
     */
    DMatrixRMaj gradActivation(int l) {
        return gradActivation[l];
    }

    DMatrixRMaj delta(int l) {
        return delta[l];
    }

    /** dE/dinput of the last backward pass that asked for it. */
    DMatrixRMaj gradInput() {
        return gradInput;
    }

    // ---- state -------------------------------------------------------------------------

    /** A copy of every parameter value, biases switched off included, keyed by name. */
    public Map<String, ImmutableMatrix> copyParameters() {
        Map<String, ImmutableMatrix> out = new LinkedHashMap<>();
        for (Layer layer : layers) {
            for (Parameter p : layer.allParameters()) {
                out.put(p.name(), ImmutableMatrix.copyOf(p.value()));
            }
        }
        return out;
    }

    /** Puts back values taken by {@link #copyParameters()}. */
    public void restoreParameters(Map<String, ImmutableMatrix> values) {
        for (Layer layer : layers) {
            for (Parameter p : layer.allParameters()) {
                ImmutableMatrix v = values.get(p.name());
                if (v == null) {
                    throw new IllegalArgumentException("no values for " + p.name());
                }
                if (v.rows() != p.value().numRows || v.cols() != p.value().numCols) {
                    throw new IllegalArgumentException(p.name() + " has " + v.rows() + " x " + v.cols()
                            + " values, the network needs " + p.value().numRows + " x " + p.value().numCols);
                }
                for (int r = 0; r < v.rows(); r++) {
                    for (int c = 0; c < v.cols(); c++) {
                        p.value().set(r, c, v.get(r, c));
                    }
                }
            }
        }
    }

    /** An independent network with the same layers and parameter values, for side calculations. */
    public Network copy() {
        Builder b = new Builder(inputSize, loss);
        for (Layer layer : layers) {
            b.add(layer.copy());
        }
        return b.build();
    }

    /**
     * Sets one value of a parameter ("W1", row, col), as the learner's edit does. The network's
     * own matrices are not handed out; this is the one way to change a value in place.
     */
    public void setParameterValue(String name, int row, int col, double value) {
        parameter(name).value().set(row, col, value);
    }

    /** Looks a parameter up by its name ("W1", "b2", ...), including a bias switched off. */
    public Parameter parameter(String name) {
        for (Layer layer : layers) {
            for (Parameter p : layer.allParameters()) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("no parameter named " + name);
    }
}
