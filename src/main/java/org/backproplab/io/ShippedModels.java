package org.backproplab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.engine.Network;
import org.backproplab.io.ModelFile.ModelFileException;

/**
 * The trained models the app ships with ({@code assets/models/PRESET.json}, made as
 * assets/models/README.md says): read from ./assets/models when the app runs from the project's
 * folder, else from the copy inside the jar ({@code /assets/models/PRESET.json}), as
 * {@link org.backproplab.data.MnistFiles} finds the digits.
 */
public final class ShippedModels {
    /** The presets that have a shipped model, in the order the lessons list them. */
    public static final List<String> PRESETS = List.of("mnist-cnn-small", "mnist-lenet", "mnist-mlp",
            "mnist-keras-example");

    private ShippedModels() {
    }

    public static boolean has(String presetId) {
        return PRESETS.contains(presetId);
    }

    /** The file inside the project's folder (relative to the working directory): assets/models/PRESET.json. */
    public static Path path(String presetId) {
        check(presetId);
        return Path.of("assets", "models", presetId + ".json");
    }

    /** The name of the copy inside the jar (or on the class path): /assets/models/PRESET.json. */
    public static String resource(String presetId) {
        check(presetId);
        return "/assets/models/" + presetId + ".json";
    }

    /**
     * The shipped model of {@code presetId}, from {@link #path} when that file exists, else from
     * {@link #resource}. Refused (the message names the file) when neither is there or the file is
     * not a valid model; an unknown preset is an IllegalArgumentException.
     */
    public static ModelFile.Loaded load(String presetId) throws ModelFileException {
        Path local = path(presetId);
        if (Files.isRegularFile(local)) {
            return ModelFile.load(local);
        }
        return loadResource(presetId);
    }

    /** The copy inside the jar (or on the class path), whatever the working directory holds. */
    public static ModelFile.Loaded loadResource(String presetId) throws ModelFileException {
        String name = resource(presetId);
        try (InputStream in = ShippedModels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelFileException(presetId + ".json: no trained model in this build (no " + name + ")");
            }
            return ModelFile.read(presetId + ".json", in.readNBytes((int) ModelFile.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new ModelFileException(presetId + ".json: cannot be read (" + ModelFile.shorten(e.getMessage()) + ")");
        }
    }

    /** A new network holding the shipped model of {@code presetId}: {@code load(presetId).buildNetwork()}. */
    public static Network network(String presetId) throws ModelFileException {
        return load(presetId).buildNetwork();
    }

    private static void check(String presetId) {
        if (!has(presetId)) {
            throw new IllegalArgumentException("no trained model is shipped for '" + presetId + "' (there are: "
                    + String.join(", ", PRESETS) + ")");
        }
    }
}
