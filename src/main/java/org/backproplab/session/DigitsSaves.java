package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;
import org.backproplab.io.ModelFile;

/**
 * The digits tab's model saves: a network holding NaN or infinite values (training diverged) is
 * written only after the user said yes, since such a file cannot be loaded again and may replace
 * a good one. Until then {@link #unconfirmedProperty()} names the file waiting for the answer.
 */
final class DigitsSaves {
    private final ReadOnlyObjectWrapper<Path> unconfirmed;
    private final Executor fx;
    private String loadedPreset; // worker thread only

    DigitsSaves(Object bean, Executor fx) {
        this.unconfirmed = new ReadOnlyObjectWrapper<>(bean, "unconfirmedSave");
        this.fx = fx;
    }

    ReadOnlyObjectProperty<Path> unconfirmedProperty() {
        return unconfirmed.getReadOnlyProperty();
    }

    /** FX thread: no save waits any more. */
    void clear() {
        unconfirmed.set(null);
    }

    /** Worker thread: saves and posts what happened, or, when the save waits for a yes, posts nothing. */
    void save(Path file, String preset, Network network, boolean confirmedNonFinite, Consumer<Notice> post) {
        try {
            ModelFile.save(file, preset, network, confirmedNonFinite);
            post.accept(new Notice("notice.exported", List.of(file.getFileName().toString()), false));
        } catch (ModelFile.NonFiniteException e) {
            fx.execute(() -> unconfirmed.set(file));
        } catch (IOException e) {
            post.accept(new Notice("notice.exportFailed", List.of(file.toString(), String.valueOf(e.getMessage())),
                    true));
        }
    }

    /** Worker thread: shows the file's network through {@code use} (its preset, the network) and says so, or why not. */
    void load(Path file, java.util.function.BiConsumer<String, Network> use, Consumer<Notice> post) {
        Network n = load(file, post);
        if (n != null) {
            use.accept(loadedPreset, n);
            post.accept(new Notice("notice.modelLoaded", List.of(file.getFileName().toString()), false));
        }
    }

    /** Worker thread: the file's network, or null after posting why the file is refused. */
    private Network load(Path file, Consumer<Notice> post) {
        try {
            ModelFile.Loaded m = ModelFile.load(file);
            if (!MnistLessons.has(m.preset())) {
                throw new ModelFile.ModelFileException(file.getFileName() + ", field \"preset\": "
                        + ModelFile.shorten(m.preset()) + " is not a digits preset (" + String.join(", ", MnistLessons.ids())
                        + ")");
            }
            MnistLessons.Preset preset = MnistLessons.byId(m.preset());
            Network n = preset.network().apply(preset.seed());
            m.restoreInto(n);
            loadedPreset = m.preset();
            return n;
        } catch (ModelFile.ModelFileException e) {
            post.accept(new Notice("notice.modelFailed", List.of(e.getMessage()), true));
            return null;
        }
    }
}
