package org.backproplab.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Epoch, batch and iteration for the playground's set-up: N its training points, B its batch
 * size (the whole set when 0), the updates done so far; follows each new snapshot (a rebuild
 * after a change of batch size or points publishes one). On the FX thread.
 */
public final class PlaygroundEpochs {
    private final ReadOnlyObjectWrapper<EpochBatch> epochs = new ReadOnlyObjectWrapper<>(this, "epochs");
    private final PlaygroundSession session;

    public PlaygroundEpochs(PlaygroundSession session) {
        this.session = session;
        session.snapshotProperty().addListener((o, a, s) -> show(s));
        show(session.getSnapshot());
    }

    public ReadOnlyObjectProperty<EpochBatch> epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    private void show(PlaygroundSnapshot s) {
        if (s == null || s.trainCount() < 1) {
            return;
        }
        epochs.set(EpochBatch.of(s.trainCount(), session.setup().spec().batchSize(), s.iteration()));
    }
}
