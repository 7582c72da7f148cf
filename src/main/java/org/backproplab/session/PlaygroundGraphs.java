package org.backproplab.session;

import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.lesson.PlaygroundSpec;

/** What the playground's network graph draws, built on the worker from the set-up and the weights. */
final class PlaygroundGraphs {
    private PlaygroundGraphs() {
    }

    /** The graph as the stepping window's graph view reads it (no stage records, one zero sample). */
    static StepSnapshot stepSnapshot(String lessonId, List<Integer> sizes, List<String> activations, int epoch,
            long iteration, Map<String, ImmutableMatrix> parameters, PlaygroundSpec spec, long version) {
        ImmutableMatrix zeros = ImmutableMatrix.of(new double[1][spec.features().size()]);
        return new StepSnapshot(lessonId, sizes, activations, epoch, iteration, List.of(), null, parameters, zeros,
                ImmutableMatrix.of(new double[1][spec.outputs()]), spec.optimizer().learningRate(), spec.bias(), "",
                spec.output().loss().id(), Map.of(), LossHistory.Curve.EMPTY, false, version);
    }
}
