package org.backproplab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Dropout(p), "inverted" as in PyTorch's {@code nn.Dropout} and Keras's {@code Dropout}: in
 * training each value is kept with probability 1 - p and scaled by 1 / (1 - p), else set to 0,
 * so that its expected value is unchanged; at test time (predict, evaluate, explanations) it is
 * the identity. Backward: dE/dx = delta * m / (1 - p) with the same mask m (identity at test time).
 *
 * <p>The mask of the n-th training pass is drawn from a generator seeded by (seed, n), so a run is
 * reproducible and a copy draws the same masks. {@link #fixMask} holds one mask for every pass
 * (the gradient check, and showing which units were dropped). It keeps C, H, W so that a
 * summary can show maps; for a vector they are N, 1, 1. No parameters.
 */
public final class DropoutLayer implements Layer {
    private final int channels;
    private final int height;
    private final int width;
    private final double p;
    private final long seed;
    private long passes;
    private boolean training;
    /** Per sample and unit: 1 / (1 - p) if kept, 0 if dropped, for the last training pass. */
    private double[] scale = new double[0];
    private boolean fixed;
    private boolean lastApplied;

    public DropoutLayer(int channels, int height, int width, double p, long seed) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("a dropout rate must be at least 0 and below 1, not " + p);
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("dropout needs at least one unit");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.p = p;
        this.seed = seed;
    }

    /** The probability of dropping a unit. */
    public double rate() {
        return p;
    }

    public long seed() {
        return seed;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The next mask is iteration {@code iteration}'s: the same whenever that iteration is run again. */
    @Override
    public void beginIteration(long iteration) {
        passes = iteration;
    }

    /** Whether the next forward pass drops units (training) or is the identity (test time). */
    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /**
     * Holds {@code keep} (one row per sample, true = kept) as the mask of every later pass, in
     * training and at test time alike; null goes back to drawing masks in training only.
     */
    public void fixMask(boolean[][] keep) {
        if (keep == null) {
            fixed = false;
            return;
        }
        scale = new double[keep.length * inputSize()];
        for (int s = 0; s < keep.length; s++) {
            if (keep[s].length != inputSize()) {
                throw new IllegalArgumentException("a mask row needs " + inputSize() + " values, not " + keep[s].length);
            }
            for (int i = 0; i < inputSize(); i++) {
                scale[s * inputSize() + i] = keep[s][i] ? 1 / (1 - p) : 0;
            }
        }
        fixed = true;
    }

    /** The mask of the last pass that dropped units (one row per sample, true = kept); empty if none did. */
    public boolean[][] lastMask() {
        if (!lastApplied) {
            return new boolean[0][];
        }
        int n = inputSize();
        boolean[][] out = new boolean[scale.length / n][n];
        for (int i = 0; i < scale.length; i++) {
            out[i / n][i % n] = scale[i] != 0;
        }
        return out;
    }

    @Override
    public int inputSize() {
        return channels * height * width;
    }

    @Override
    public int outputSize() {
        return inputSize();
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    /** Training: z = x * m / (1 - p), m_i ~ Bernoulli(1 - p); test time: z = x. */
    @Override
    public void forwardLinear(DMatrixRMaj input, DMatrixRMaj z) {
        z.setTo(input);
        lastApplied = fixed || (training && p > 0);
        if (!lastApplied) {
            return;
        }
        int n = input.getNumElements();
        if (!fixed) {
            if (scale.length != n) {
                scale = new double[n];
            }
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + passes++);
            double kept = 1 / (1 - p);
            for (int i = 0; i < n; i++) {
                scale[i] = random.nextDouble() < p ? 0 : kept;
            }
        } else if (scale.length != n) {
            throw new IllegalArgumentException("the fixed dropout mask is for " + scale.length / inputSize()
                    + " samples, the batch has " + input.numRows);
        }
        for (int i = 0; i < n; i++) {
            z.data[i] *= scale[i];
        }
    }

    /** dE/dx = delta * m / (1 - p) with the mask of the last forward pass (delta itself at test time). */
    @Override
    public void backwardLinear(DMatrixRMaj input, DMatrixRMaj delta, DMatrixRMaj gradInput) {
        if (gradInput == null) {
            return;
        }
        gradInput.setTo(delta);
        if (lastApplied) {
            for (int i = 0; i < gradInput.getNumElements(); i++) {
                gradInput.data[i] *= scale[i];
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** The same rate, seed and pass count (so the same next mask); a fixed mask is kept; test mode. */
    @Override
    public DropoutLayer copy() {
        DropoutLayer c = new DropoutLayer(channels, height, width, p, seed);
        c.passes = passes;
        if (fixed) {
            c.scale = Arrays.copyOf(scale, scale.length);
            c.fixed = true;
        }
        return c;
    }
}
