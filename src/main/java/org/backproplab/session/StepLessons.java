package org.backproplab.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.lesson.Lessons;

/**
 * The view-model of the stepping tab's lesson views: the vectorised matrices
 * ({@link StepMatrices}), the forward and backward flow ({@link StepFlow}) and epoch, batch and
 * iteration ({@link EpochBatch}) of each new {@link StepSnapshot}. Computed on the FX thread when
 * a snapshot arrives (microseconds: a few small matrices), from the snapshot only.
 */
public final class StepLessons {
    private final ReadOnlyObjectWrapper<StepMatrixSnapshot> matrices = new ReadOnlyObjectWrapper<>(this, "matrices");
    private final ReadOnlyObjectWrapper<StepFlowSnapshot> flow = new ReadOnlyObjectWrapper<>(this, "flow");
    private final ReadOnlyObjectWrapper<EpochBatch> epochs = new ReadOnlyObjectWrapper<>(this, "epochs");

    /** Follows the snapshots {@code session} publishes. */
    public StepLessons(StepSession session) {
        session.snapshotProperty().addListener((o, a, s) -> show(s));
        show(session.getSnapshot());
    }

    public ReadOnlyObjectProperty<StepMatrixSnapshot> matricesProperty() {
        return matrices.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepFlowSnapshot> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EpochBatch> epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    private void show(StepSnapshot s) {
        if (s == null || s.screen() == null) {
            return;
        }
        matrices.set(StepMatrices.of(s));
        flow.set(StepFlow.of(s));
        epochs.set(epochsOf(s));
    }

    /** N: the lesson's training samples; B: its batch size (the whole set for a playground point). */
    static EpochBatch epochsOf(StepSnapshot s) {
        int n = s.inputs().rows();
        String id = s.lessonId();
        int batch = id != null && Lessons.ids().contains(id) && !Lessons.isPlayground(id)
                ? Lessons.byId(id).batchSize() : 0;
        return EpochBatch.of(n, batch, s.completed());
    }
}
