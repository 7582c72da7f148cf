package org.backproplab.engine;

/**
 * What one stage computed, as immutable copies. Matrices have one row per sample of the batch.
 */
public sealed interface StageRecord
        permits ForwardRecord, LossRecord, BackwardRecord, UpdateRecord {

    /** The iteration this stage belongs to, counted from 0. */
    long iteration();

    Stage stage();
}
