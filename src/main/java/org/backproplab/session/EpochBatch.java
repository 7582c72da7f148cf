package org.backproplab.session;

import java.util.List;

/**
 * Epoch, batch and iteration for a set-up of N training samples and batch size B: an epoch is
 * one pass over all N samples, a batch the B samples of one update, an iteration one update; so
 * an epoch takes ⌈N/B⌉ iterations (the last batch holds the N mod B left over when B does not
 * divide N).
 *
 * @param samples    N, the training samples
 * @param batch      B, samples per update (the whole set for batch gradient descent)
 * @param iterations updates done so far
 */
public record EpochBatch(int samples, int batch, long iterations) {
    /** Which gradient descent a batch size makes. */
    public enum Kind { BATCH, STOCHASTIC, MINI_BATCH }

    /**
     * One row of the table of the three kinds of gradient descent.
     *
     * @param batchSize the batch size that kind uses, for this N
     * @param updates   updates per epoch, for this N
     * @param current   whether the set-up shown is of this kind
     */
    public record Row(Kind kind, int batchSize, int updates, boolean current) {
        /** The message key of the kind's name: "epochs.kind.batch", ... */
        public String key() {
            return "epochs.kind." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param batch 0 (or anything from N up) for the whole set
     */
    public static EpochBatch of(int samples, int batch, long iterations) {
        if (samples < 1) {
            throw new IllegalArgumentException("at least one sample, got " + samples);
        }
        if (batch < 0) {
            throw new IllegalArgumentException("batch size must be >= 0, got " + batch);
        }
        int b = batch == 0 ? samples : Math.min(batch, samples);
        return new EpochBatch(samples, b, Math.max(0, iterations));
    }

    /** ⌈N/B⌉: updates in one epoch. */
    public int updatesPerEpoch() {
        return (samples + batch - 1) / batch;
    }

    /** Samples in the last batch of an epoch: B, or N mod B when B does not divide N. */
    public int lastBatch() {
        int rest = samples % batch;
        return rest == 0 ? batch : rest;
    }

    /** What many tutorials write instead: N/B + 1 (integer division). */
    public int naiveCount() {
        return samples / batch + 1;
    }

    /** N/B + 1 is one too many exactly when B divides N. */
    public boolean naiveIsWrong() {
        return naiveCount() != updatesPerEpoch();
    }

    public Kind kind() {
        if (batch == samples) {
            return Kind.BATCH;
        }
        return batch == 1 ? Kind.STOCHASTIC : Kind.MINI_BATCH;
    }

    /** Epochs completed after {@link #iterations()} updates. */
    public long epochsDone() {
        return iterations / updatesPerEpoch();
    }

    /** Updates done in the epoch under way (0 at an epoch's start). */
    public long updatesIntoEpoch() {
        return iterations % updatesPerEpoch();
    }

    /**
     * Batch: 1 update per epoch; stochastic: N; mini-batch: ⌈N/B⌉, with this set-up's B when it
     * is a mini-batch set-up, else with an example B (10, or half of a small N).
     */
    public List<Row> table() {
        Kind k = kind();
        int b = k == Kind.MINI_BATCH ? batch : Math.min(samples, Math.max(2, Math.min(10, samples / 2)));
        return List.of(new Row(Kind.BATCH, samples, 1, k == Kind.BATCH),
                new Row(Kind.STOCHASTIC, 1, samples, k == Kind.STOCHASTIC),
                new Row(Kind.MINI_BATCH, b, (samples + b - 1) / b, k == Kind.MINI_BATCH));
    }
}
