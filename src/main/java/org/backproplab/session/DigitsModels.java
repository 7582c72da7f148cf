package org.backproplab.session;

import java.util.List;
import java.util.function.Consumer;
import org.backproplab.engine.Network;
import org.backproplab.io.ModelFile;
import org.backproplab.io.ShippedModels;
import org.backproplab.lesson.MnistLessons;

/**
 * The trained networks that ship with the app (assets/models/PRESET.json, in the working folder or
 * inside the jar), so that the digits tab answers from its first second.
 */
final class DigitsModels {
    private DigitsModels() {
    }

    /**
     * The preset's shipped trained network, or (said why) one from random weights when none ships or
     * the shipped file cannot be read.
     */
    static Network trainedOrFresh(String presetId, Consumer<Notice> say) {
        try {
            Network trained = trained(presetId);
            if (trained != null) {
                say.accept(new Notice("notice.trainedModel", List.of(presetId), false));
                return trained;
            }
            say.accept(new Notice("notice.noTrainedModel", List.of(presetId), false));
        } catch (ModelFile.ModelFileException e) {
            say.accept(new Notice("notice.modelFailed", List.of(String.valueOf(e.getMessage())), true));
        }
        return fresh(presetId);
    }

    /** The preset's network from random weights (its seed), said. */
    static Network fresh(String presetId, Consumer<Notice> say) {
        say.accept(new Notice("notice.fromRandom", List.of(MnistLessons.byId(presetId).seed()), false));
        return fresh(presetId);
    }

    /** The preset's network from random weights (its seed). */
    static Network fresh(String presetId) {
        return MnistLessons.byId(presetId).network().apply(MnistLessons.byId(presetId).seed());
    }

    /** The shipped trained network of a digits preset (io.ShippedModels), or null when none ships with the app. */
    static Network trained(String presetId) throws ModelFile.ModelFileException {
        return ShippedModels.has(presetId) ? ShippedModels.network(presetId) : null;
    }
}
