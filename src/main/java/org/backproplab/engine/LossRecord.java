package org.backproplab.engine;

/**
 * The loss of the batch before the update: each output's share per sample ({@code terms}, which
 * add up to {@code dataLoss}) and the regularisation penalty.
 */
public record LossRecord(long iteration, Loss loss, ImmutableMatrix outputs, ImmutableMatrix targets,
        ImmutableMatrix terms, double dataLoss, double penalty) implements StageRecord {

    /** E = data loss + penalty. */
    public double total() {
        return dataLoss + penalty;
    }

    @Override
    public Stage stage() {
        return new Stage(Stage.Kind.LOSS, -1);
    }
}
