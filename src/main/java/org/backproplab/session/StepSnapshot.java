package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Stage;
import org.backproplab.engine.StageRecord;
import org.backproplab.lesson.Naming;

/**
 * Everything the stepping window shows, as immutable values copied on the worker thread.
 *
 * @param layerSizes        neuron counts, inputs first
 * @param activations       id of each layer's activation
 * @param iteration         number of the iteration the records belong to, counted from 1
 * @param completed         iterations completed (updates done)
 * @param records           the stages of that iteration run so far, in order
 * @param nextStage         what "next stage" runs
 * @param parameters        current parameter values by name (W1, b1, ...)
 * @param inputs            the training inputs (one row per sample)
 * @param targets           the training targets
 * @param numericGradients  finite-difference estimates of dE/dparameter at the start of the
 *                          current iteration, by name (empty while playing)
 * @param curve             loss of every completed iteration (decimated)
 * @param screen            what the stepping tab draws, ready to show (null in a snapshot made
 *                          only to draw a graph)
 */
public record StepSnapshot(String lessonId, List<Integer> layerSizes, List<String> activations, long iteration,
        long completed, List<StageRecord> records, Stage nextStage, Map<String, ImmutableMatrix> parameters,
        ImmutableMatrix inputs, ImmutableMatrix targets, double learningRate, BiasMode biasMode, String optimizer,
        String loss, Map<String, ImmutableMatrix> numericGradients, LossHistory.Curve curve, boolean canGoBack,
        long version, StepScreen screen) {

    /** The state alone; {@link #withScreen} adds what the tab draws of it. */
    public StepSnapshot(String lessonId, List<Integer> layerSizes, List<String> activations, long iteration,
            long completed, List<StageRecord> records, Stage nextStage, Map<String, ImmutableMatrix> parameters,
            ImmutableMatrix inputs, ImmutableMatrix targets, double learningRate, BiasMode biasMode, String optimizer,
            String loss, Map<String, ImmutableMatrix> numericGradients, LossHistory.Curve curve, boolean canGoBack,
            long version) {
        this(lessonId, layerSizes, activations, iteration, completed, records, nextStage, parameters, inputs, targets,
                learningRate, biasMode, optimizer, loss, numericGradients, curve, canGoBack, version, null);
    }

    /** This state with what the tab draws of it. */
    StepSnapshot withScreen(StepScreen screen) {
        return new StepSnapshot(lessonId, layerSizes, activations, iteration, completed, records, nextStage, parameters,
                inputs, targets, learningRate, biasMode, optimizer, loss, numericGradients, curve, canGoBack, version,
                screen);
    }

    /** This state with {@code estimates} as its finite-difference estimates (and no screen). */
    StepSnapshot withNumericGradients(Map<String, ImmutableMatrix> estimates) {
        return new StepSnapshot(lessonId, layerSizes, activations, iteration, completed, records, nextStage, parameters,
                inputs, targets, learningRate, biasMode, optimizer, loss, estimates, curve, canGoBack, version);
    }

    public StepSnapshot {
        layerSizes = List.copyOf(layerSizes);
        activations = List.copyOf(activations);
        records = List.copyOf(records);
        parameters = Map.copyOf(parameters);
        numericGradients = Map.copyOf(numericGradients);
    }

    public Naming naming() {
        return new Naming(layerSizes);
    }

    /** The stage last run, or null before the first one. */
    public StageRecord lastRecord() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    public int layerCount() {
        return layerSizes.size() - 1;
    }
}
