package org.backproplab.session;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.io.ExperimentFile;

/**
 * The digits tab's precision: float (float32, as PyTorch trains by default, the float path of
 * {@code train --precision float}) or double. The choice is checked on the FX thread: an unknown
 * one, or float for a network the float path does not take (dropout, subsampling, tanh, momentum),
 * is refused with the reason and changes nothing; an accepted one reaches the training on the
 * worker, which goes on from where it is in the other precision. A network shown that cannot train
 * in float brings the choice back to double, and says why beside the choice.
 */
public final class DigitsPrecision {
    private final ReadOnlyStringWrapper precision = new ReadOnlyStringWrapper(this, "precision", ExperimentFile.DOUBLE);
    private final ReadOnlyObjectWrapper<Notice> floatRefused = new ReadOnlyObjectWrapper<>(this, "floatRefused");
    private final Executor fx;
    /** Sets the tab's input error (null: none). */
    private final Consumer<Notice> error;
    /** Hands an accepted choice to the training, on the worker. */
    private final Consumer<String> apply;
    /** The float refusal this choice shows as the tab's input error, or null: a network that can train in float clears it. */
    private Notice said;

    DigitsPrecision(Executor fx, Consumer<Notice> error, Consumer<String> apply) {
        this.fx = fx;
        this.error = error;
        this.apply = apply;
    }

    /** The choices, in order: float, double. */
    public List<String> choices() {
        return List.of(ExperimentFile.FLOAT, ExperimentFile.DOUBLE);
    }

    /** The precision training runs in (float or double). */
    public ReadOnlyStringProperty precisionProperty() {
        return precision.getReadOnlyProperty();
    }

    /** Why the network shown cannot train in float (a digits.floatRefused.* text), or null when it can. */
    public ReadOnlyObjectProperty<Notice> floatRefusedProperty() {
        return floatRefused.getReadOnlyProperty();
    }

    /** Trains in {@code id} from the next batch on: float or double; refused (nothing changes) otherwise or when float cannot. */
    public void choose(String id) {
        said = null;
        if (!choices().contains(id)) {
            error.accept(new Notice("digits.error.precision", List.of(String.valueOf(id)), true));
            return;
        }
        if (ExperimentFile.FLOAT.equals(id) && floatRefused.get() != null) {
            said = floatRefused.get();
            error.accept(said);
            return;
        }
        error.accept(null);
        if (!id.equals(precision.get())) {
            precision.set(id);
            apply.accept(id);
        }
    }

    /** Worker: the training's precision now, and why the network shown cannot train in float (or null). */
    void shown(String inUse, Notice whyNotFloat) {
        fx.execute(() -> {
            floatRefused.set(whyNotFloat);
            if (ExperimentFile.FLOAT.equals(precision.get()) && !inUse.equals(precision.get()) && whyNotFloat != null) {
                // float was chosen and the network now shown cannot train so: say why it trains in double
                said = whyNotFloat;
                error.accept(said);
            } else if (whyNotFloat == null && said != null) {
                said = null;
                error.accept(null);
            }
            precision.set(inUse);
        });
    }
}
