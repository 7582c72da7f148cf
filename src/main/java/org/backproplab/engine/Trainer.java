package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a network on a data set by gradient descent: batch (all samples, one update), stochastic
 * (batch size 1) or mini-batch (batch size B, the last batch of an epoch possibly smaller).
 *
 * <p>With batches smaller than the data set, each epoch visits the samples in an order shuffled
 * from (seed, epoch), so the order can be recomputed after stepping back.
 *
 * <p>Inputs held compactly ({@link ImmutableMatrix#isCompact()}, the digits' pixels as bytes) stay
 * so: each batch is turned into doubles when it is gathered, so the training set is never held as
 * doubles in full.
 *
 * <p>Not thread-safe: one thread at a time (the session's worker) drives a trainer.
 */
public final class Trainer {
    private final Network network;
    private final Optimizer optimizer;
    /** The training inputs as doubles, or null while they are held compactly in {@link #compactInputs}. */
    private DMatrixRMaj inputs;
    private ImmutableMatrix compactInputs;
    private final DMatrixRMaj targets;
    private final long shuffleSeed;
    private Regularization regularization;
    private int batchSize;
    private boolean classification;

    private int epoch;
    private int cursor;
    private long iteration;
    private int[] order;
    private int orderEpoch = -1;

    private final DMatrixRMaj batchInputs = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj batchTargets = new DMatrixRMaj(1, 1);

    /**
     * @param batchSize samples per update; 0 or anything at least the data set's size means the
     *                  whole set (batch gradient descent)
     */
    public Trainer(Network network, Optimizer optimizer, Regularization regularization, Samples data,
            int batchSize, long shuffleSeed) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("there are no training samples");
        }
        if (data.inputSize() != network.inputSize() || data.targetSize() != network.outputSize()) {
            throw new IllegalArgumentException("the data has " + data.inputSize() + " inputs and "
                    + data.targetSize() + " targets per sample but the network takes " + network.inputSize()
                    + " and gives " + network.outputSize());
        }
        this.network = network;
        this.optimizer = optimizer;
        this.regularization = regularization;
        if (data.inputs().isCompact()) {
            this.compactInputs = data.inputs();
        } else {
            this.inputs = data.inputs().toMatrix();
        }
        this.targets = data.targets().toMatrix();
        this.shuffleSeed = shuffleSeed;
        setBatchSize(batchSize);
        this.classification = network.loss() != Loss.MEAN_SQUARED_ERROR && network.loss() != Loss.HALF_MEAN_SQUARED_ERROR
                || network.outputSize() > 1;
    }

    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Regularization regularization() {
        return regularization;
    }

    public void setRegularization(Regularization regularization) {
        this.regularization = regularization;
    }

    /** The seed of the batch order (see {@link #shuffledOrder}). */
    long shuffleSeed() {
        return shuffleSeed;
    }

    /** Samples per update, between 1 and the data set's size. */
    public int batchSize() {
        return batchSize;
    }

    /** Takes effect from the next iteration. 0 means the whole data set. */
    public void setBatchSize(int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be >= 0 (0 = all samples), got " + batchSize);
        }
        this.batchSize = batchSize == 0 ? sampleCount() : Math.min(batchSize, sampleCount());
    }

    /** Whether {@link #evaluate} reports accuracy. */
    public void setClassification(boolean classification) {
        this.classification = classification;
    }

    public int sampleCount() {
        return targets.numRows;
    }

    /** Updates done so far. */
    public long iteration() {
        return iteration;
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }

    /** Position of the next batch within the epoch. */
    public int cursor() {
        return cursor;
    }

    /** The stored training input (sample {@code row}, input {@code col}). */
    public double input(int row, int col) {
        return inputs == null ? compactInputs.get(row, col) : inputs.get(row, col);
    }

    public double target(int row, int col) {
        return targets.get(row, col);
    }

    /** Changes one training input; batches gathered from now on see the new value. */
    public void setInput(int row, int col, double value) {
        if (inputs == null) {
            inputs = compactInputs.toMatrix();
            compactInputs = null;
        }
        inputs.set(row, col, value);
    }

    /** Changes one training target; batches gathered from now on see the new value. */
    public void setTarget(int row, int col, double value) {
        targets.set(row, col, value);
    }

    /** The training set as it is now (edits included). */
    public Samples samples() {
        return new Samples(inputs == null ? compactInputs : ImmutableMatrix.copyOf(inputs),
                ImmutableMatrix.copyOf(targets));
    }

    // ---- iterations --------------------------------------------------------------------

    /** Starts an iteration on the next batch; it recording its stages when asked. */
    public Iteration newIteration(boolean record) {
        gatherNextBatch();
        return new Iteration(this, batchInputs, batchTargets, record);
    }

    /** One whole iteration, nothing recorded. Returns the batch loss before the update. */
    public double trainIteration() {
        Iteration it = newIteration(false);
        it.runToEnd();
        return it.loss();
    }

    /**
     * Iterations until the epoch ends. Returns the mean of the batch losses (each before its
     * update), weighted by batch size.
     */
    public double trainEpoch() {
        int startEpoch = epoch;
        double sum = 0;
        int count = 0;
        while (epoch == startEpoch) {
            int size = Math.min(batchSize, sampleCount() - cursor);
            sum += trainIteration() * size;
            count += size;
        }
        return sum / count;
    }

    /** Called by an iteration after its update. */
    void advance(int batchRows) {
        iteration++;
        cursor += batchRows;
        if (cursor >= sampleCount()) {
            cursor = 0;
            epoch++;
        }
    }

    private void gatherNextBatch() {
        int n = sampleCount();
        int size = Math.min(batchSize, n - cursor);
        int[] ord = orderOf(epoch);
        int cols = network.inputSize();
        batchInputs.reshape(size, cols);
        batchTargets.reshape(size, targets.numCols);
        for (int i = 0; i < size; i++) {
            int row = ord == null ? cursor + i : ord[cursor + i];
            if (inputs == null) {
                compactInputs.copyRow(row, batchInputs.data, i * cols);
            } else {
                System.arraycopy(inputs.data, row * cols, batchInputs.data, i * cols, cols);
            }
            System.arraycopy(targets.data, row * targets.numCols, batchTargets.data, i * targets.numCols,
                    targets.numCols);
        }
    }

    /** The sample order of an epoch, or null for the stored order (whole-batch descent). */
    private int[] orderOf(int e) {
        if (batchSize >= sampleCount()) {
            return null;
        }
        if (orderEpoch != e || order == null) {
            order = shuffledOrder(sampleCount(), shuffleSeed, e);
            orderEpoch = e;
        }
        return order;
    }

    /** Fisher-Yates shuffle of 0..n-1 from a generator seeded by (seed, epoch). */
    static int[] shuffledOrder(int n, long seed, int epoch) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = out[i];
            out[i] = out[j];
            out[j] = tmp;
        }
        return out;
    }

    // ---- evaluation --------------------------------------------------------------------

    /** Loss (penalty included) and accuracy on {@code data}; does not change the parameters. */
    public Evaluation evaluate(Samples data) {
        if (data.inputs().isCompact()) {
            return evaluateCompact(data.inputs(), data.targets().toMatrix());
        }
        return evaluate(data.inputs().toMatrix(), data.targets().toMatrix());
    }

    /** Loss and accuracy on the training set. */
    public Evaluation evaluateTraining() {
        return inputs == null ? evaluateCompact(compactInputs, targets) : evaluate(inputs, targets);
    }

    /** As {@link #evaluate(DMatrixRMaj, DMatrixRMaj)}, turning compact inputs into doubles a chunk at a time. */
    private Evaluation evaluateCompact(ImmutableMatrix x, DMatrixRMaj t) {
        int cols = x.cols();
        if (x.rows() <= evaluationChunk()) {
            return evaluate(x.toMatrix(), t);
        }
        return evaluateChunks(x.rows(), t, (start, rows, cx) -> {
            cx.reshape(rows, cols);
            for (int i = 0; i < rows; i++) {
                x.copyRow(start + i, cx.data, i * cols);
            }
        });
    }

    /** Fills {@code dst} with the inputs of rows start to start + rows - 1. */
    private interface ChunkSource {
        void fill(int start, int rows, DMatrixRMaj dst);
    }

    /** Rows evaluated at once, so that large sets (10,000 digits) never need one huge batch. */
    private static final int EVALUATION_CHUNK = 1000;

    /** Rows evaluated at once: {@link #EVALUATION_CHUNK}, fewer for a network with large layers. */
    private int evaluationChunk() {
        return network.rowsAtOnce(EVALUATION_CHUNK);
    }

    private Evaluation evaluate(DMatrixRMaj x, DMatrixRMaj t) {
        if (x.numRows <= evaluationChunk()) {
            double loss = network.totalLoss(x, t, regularization);
            double accuracy = classification
                    ? Metrics.accuracy(network.output(), t, network.outputActivation()) : Double.NaN;
            return new Evaluation(loss, accuracy);
        }
        return evaluateChunks(x.numRows, t, (start, rows, cx) ->
                org.ejml.dense.row.CommonOps_DDRM.extract(x, start, start + rows, 0, x.numCols, cx));
    }

    private Evaluation evaluateChunks(int n, DMatrixRMaj t, ChunkSource x) {
        // the mean losses average over samples, the sums add up: combine the chunks the same way
        boolean mean = network.loss() == Loss.MEAN_SQUARED_ERROR || network.loss() == Loss.HALF_MEAN_SQUARED_ERROR
                || network.loss() == Loss.BINARY_CROSS_ENTROPY
                || network.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        double loss = 0;
        double correct = 0;
        DMatrixRMaj cx = new DMatrixRMaj(1, 1);
        DMatrixRMaj ct = new DMatrixRMaj(1, 1);
        int step = evaluationChunk();
        for (int start = 0; start < n; start += step) {
            int rows = Math.min(step, n - start);
            x.fill(start, rows, cx);
            org.ejml.dense.row.CommonOps_DDRM.extract(t, start, start + rows, 0, t.numCols, ct);
            network.forward(cx);
            double chunk = network.dataLoss(ct);
            loss += mean ? chunk * rows / n : chunk;
            if (classification) {
                correct += Metrics.accuracy(network.output(), ct, network.outputActivation()) * rows;
            }
        }
        loss += network.penalty(regularization);
        return new Evaluation(loss, classification ? correct / n : Double.NaN);
    }

    // ---- checkpoints -------------------------------------------------------------------

    public Checkpoint checkpoint() {
        return new Checkpoint(network.copyParameters(), optimizer.state(), epoch, cursor, iteration);
    }

    /** Returns exactly to a checkpoint of this trainer. */
    public void restore(Checkpoint checkpoint) {
        network.restoreParameters(checkpoint.parameters());
        List<Parameter> all = network.layers().stream().flatMap(l -> l.allParameters().stream()).toList();
        optimizer.restore(checkpoint.optimizer(), all);
        epoch = checkpoint.epoch();
        cursor = checkpoint.cursor();
        iteration = checkpoint.iteration();
    }
}
