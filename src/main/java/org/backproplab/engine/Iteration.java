package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One training iteration on one batch, run stage by stage: forward through layers 0..L-1, the
 * loss, backward through layers L-1..0, the update.
 *
 * <p>The fast path ({@link Trainer#trainIteration()}) and stepping both run these same stages;
 * the only difference is whether each stage's numbers are copied into a {@link StageRecord}.
 */
public final class Iteration {
    private final Trainer trainer;
    private final Network network;
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj targets;
    private boolean record;
    private final long number;
    private final int stageCount;
    private int next;
    private double dataLoss = Double.NaN;
    private double penalty = Double.NaN;

    Iteration(Trainer trainer, DMatrixRMaj inputs, DMatrixRMaj targets, boolean record) {
        this.trainer = trainer;
        this.network = trainer.network();
        // a recorded iteration keeps its own batch (it may be replayed after the trainer moved on);
        // the fast path runs at once, before the trainer gathers the next batch into the same buffers
        this.inputs = record ? inputs.copy() : inputs;
        this.targets = record ? targets.copy() : targets;
        this.record = record;
        this.number = trainer.iteration();
        network.beginIteration(number);
        this.stageCount = Stage.count(network.layerCount());
    }

    /** The iteration's number, counted from 0. */
    public long number() {
        return number;
    }

    public boolean hasNext() {
        return next < stageCount;
    }

    /** The stage {@link #next()} will run. */
    public Stage nextStage() {
        return Stage.at(next, network.layerCount());
    }

    /** Stages run so far. */
    public int stagesDone() {
        return next;
    }

    /** The batch's inputs (a copy). */
    public ImmutableMatrix inputs() {
        return ImmutableMatrix.copyOf(inputs);
    }

    /** The batch's targets (a copy). */
    public ImmutableMatrix targets() {
        return ImmutableMatrix.copyOf(targets);
    }

    /** Batch loss before the update (penalty included); NaN until the loss stage has run. */
    public double loss() {
        return dataLoss + penalty;
    }

    /** Runs the next stage; returns its record, or null when this iteration does not record. */
    public StageRecord next() {
        if (!hasNext()) {
            throw new IllegalStateException("iteration " + number + " is complete");
        }
        // the stage order of Stage.at, without building a Stage on the hot path
        int layers = network.layerCount();
        int index = next++;
        if (index < layers) {
            return forward(index);
        }
        if (index == layers) {
            return lossStage();
        }
        if (index <= 2 * layers) {
            return backward(2 * layers - index);
        }
        return update();
    }

    /** Runs the next {@code stages} stages without recording them (to replay after stepping back). */
    void skip(int stages) {
        boolean was = record;
        record = false;
        try {
            for (int i = 0; i < stages; i++) {
                next();
            }
        } finally {
            record = was;
        }
    }

    /** Runs every stage left; returns the records of those stages (empty when not recording). */
    public List<StageRecord> runToEnd() {
        List<StageRecord> out = new ArrayList<>();
        while (hasNext()) {
            StageRecord r = next();
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private ForwardRecord forward(int l) {
        if (l == 0) {
            network.setInput(inputs);
        }
        network.forwardLayer(l);
        if (!record) {
            return null;
        }
        Layer layer = network.layer(l);
        ImmutableMatrix winners = layer instanceof MaxPoolLayer pool ? pool.winners(inputs.numRows) : null;
        return new ForwardRecord(number, l, layer.activation(), ImmutableMatrix.copyOf(network.layerInput(l)),
                values(layer, Parameter.Kind.WEIGHTS, false), values(layer, Parameter.Kind.BIAS, false),
                ImmutableMatrix.copyOf(network.preActivation(l)), ImmutableMatrix.copyOf(network.activation(l)),
                winners);
    }

    /** A copy of the layer's parameter of this kind (its value or its gradient), or null when it has none. */
    private static ImmutableMatrix values(Layer layer, Parameter.Kind kind, boolean gradient) {
        for (Parameter p : layer.parameters()) {
            if (p.kind() == kind) {
                return ImmutableMatrix.copyOf(gradient ? p.gradient() : p.value());
            }
        }
        return null;
    }

    private LossRecord lossStage() {
        dataLoss = network.dataLoss(targets);
        penalty = network.penalty(trainer.regularization());
        if (!record) {
            return null;
        }
        return new LossRecord(number, network.loss(), ImmutableMatrix.copyOf(network.output()),
                ImmutableMatrix.copyOf(targets), ImmutableMatrix.copyOf(network.lossTerms(targets)), dataLoss,
                penalty);
    }

    private BackwardRecord backward(int l) {
        boolean inputGradient = record;
        network.backwardLayer(l, targets, trainer.regularization(), inputGradient);
        if (!record) {
            return null;
        }
        Layer layer = network.layer(l);
        boolean last = l == network.layerCount() - 1;
        boolean fused = last && network.loss().fusesWith(layer.activation());
        ImmutableMatrix gradA = fused ? null : ImmutableMatrix.copyOf(network.gradActivation(l));
        ImmutableMatrix derivative = null;
        if (layer.activation().isElementwise()) {
            DMatrixRMaj z = network.preActivation(l);
            DMatrixRMaj a = network.activation(l);
            DMatrixRMaj d = new DMatrixRMaj(z.numRows, z.numCols);
            for (int i = 0; i < d.getNumElements(); i++) {
                d.data[i] = layer.activation().derivative(z.data[i], a.data[i]);
            }
            derivative = ImmutableMatrix.copyOf(d);
        }
        ImmutableMatrix gradW = values(layer, Parameter.Kind.WEIGHTS, true);
        ImmutableMatrix gradB = values(layer, Parameter.Kind.BIAS, true);
        ImmutableMatrix gradInput = l > 0 ? ImmutableMatrix.copyOf(network.gradActivation(l - 1))
                : ImmutableMatrix.copyOf(network.gradInput());
        return new BackwardRecord(number, l, layer.activation(), gradA, derivative,
                ImmutableMatrix.copyOf(network.delta(l)), gradW, gradB, gradInput);
    }

    private UpdateRecord update() {
        Optimizer optimizer = trainer.optimizer();
        List<Parameter> parameters = network.parameters();
        List<ImmutableMatrix> before = new ArrayList<>();
        List<java.util.Map<String, ImmutableMatrix>> stateBefore = new ArrayList<>();
        if (record) {
            for (Parameter p : parameters) {
                before.add(ImmutableMatrix.copyOf(p.value()));
                stateBefore.add(optimizer.stateOf(p));
            }
        }
        optimizer.step(parameters);
        trainer.advance(inputs.numRows);
        if (!record) {
            return null;
        }
        List<ParameterUpdate> updates = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            ImmutableMatrix step = p.trainable() ? optimizer.lastStep(p)
                    : ImmutableMatrix.copyOf(new DMatrixRMaj(p.value().numRows, p.value().numCols));
            // a frozen parameter takes no step; its buffers are shown as the optimizer keeps them for
            // when it is trained again (zeros unless it was trained before it was frozen)
            updates.add(new ParameterUpdate(p.name(), p.layer(), p.kind(), p.trainable(), before.get(i),
                    ImmutableMatrix.copyOf(p.gradient()), step, ImmutableMatrix.copyOf(p.value()),
                    stateBefore.get(i), optimizer.stateOf(p)));
        }
        return new UpdateRecord(number, optimizer.id(), optimizer.learningRate(), optimizer.steps(), updates,
                optimizer.spec());
    }
}
