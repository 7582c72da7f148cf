package org.backproplab.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.lesson.MnistLessons;

/**
 * A trained model on disk, as JSON. Version 2 (written) describes itself:
 * <pre>
 * {"format": "backprop-lab-model", "version": 2, "preset": "mnist-lenet", "input": [1, 28, 28],
 *  "loss": "softmax-cross-entropy",
 *  "layers": [{"type": "conv", "filters": 6, "kernel": 5, "stride": 1, "padding": 2,
 *              "activation": "relu", "W": [[...], ...], "b": [...]},
 *             {"type": "maxpool", "size": 2},
 *             {"type": "dense", "units": 120, "activation": "relu", "W": [[...], ...], "b": [...]}, ...],
 *  "training": {"epochs": 2, "seed": 1, "test_accuracy": 0.9875}}
 * </pre>
 * Version 1 (still read) holds the parameters only and needs its preset's network:
 * <pre>
 * {"format": "backprop-lab-model", "version": 1, "preset": "mnist-lenet",
 *  "parameters": {"W1": [[...], ...], "b1": [[...], ...], ...}}
 * </pre>
 * The layouts (the engine's, which are PyTorch's) are in docs/MODEL-FORMAT.md. Written
 * atomically: a crash leaves the old file or the new one, never half of one.
 */
public final class ModelFile {
    public static final String FORMAT = "backprop-lab-model";
    /** The version written; {@link #load} reads 1 and 2. */
    public static final int VERSION = 2;

    private ModelFile() {
    }

    /** A model file that cannot be used; the message names the file and what is wrong. */
    public static final class ModelFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public ModelFileException(String message) {
            super(message);
        }
    }

    /** A save refused because the network holds NaN or infinite values. */
    public static final class NonFiniteException extends IOException {
        private static final long serialVersionUID = 1L;

        NonFiniteException(String message) {
            super(message);
        }
    }

    /** "W2, row 3, column 1 is NaN", or null when every value is finite. */
    public static String firstNonFinite(Network network) {
        for (Map.Entry<String, ImmutableMatrix> e : network.copyParameters().entrySet()) {
            ImmutableMatrix m = e.getValue();
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.cols(); c++) {
                    if (!Double.isFinite(m.get(r, c))) {
                        return e.getKey() + ", row " + (r + 1) + ", column " + (c + 1) + " is " + m.get(r, c);
                    }
                }
            }
        }
        return null;
    }

    /** How a model was trained, as far as known; each part may be null. */
    public record Training(Integer epochs, Long seed, Double testAccuracy) {
    }

    /**
     * What a model file holds: the parameters by the engine's names (W1, b1, ...), and for version 2
     * the structure (null for version 1) and, when the file says, how it was trained (else null).
     */
    public record Loaded(String file, int version, String preset, Map<String, ImmutableMatrix> parameters,
            ModelArchitecture architecture, Training training) {
        public Loaded {
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }

        /**
         * Puts the values into {@code network}; a parameter it does not have, one it lacks or
         * one of another shape is refused with the file and the parameter named, and so is (for
         * version 2) a network whose layers are not the file's.
         */
        public void restoreInto(Network network) throws ModelFileException {
            if (architecture != null) {
                checkLayers(network);
            }
            Map<String, ImmutableMatrix> needed = network.copyParameters();
            for (Map.Entry<String, ImmutableMatrix> e : parameters.entrySet()) {
                ImmutableMatrix want = needed.get(e.getKey());
                ImmutableMatrix got = e.getValue();
                String where = file + ", field \"parameters." + e.getKey() + "\": ";
                if (want == null) {
                    throw new ModelFileException(where + "the " + shorten(preset) + " network has no parameter "
                            + e.getKey() + " (it has " + String.join(", ", needed.keySet()) + ")");
                }
                if (want.rows() != got.rows() || want.cols() != got.cols()) {
                    throw new ModelFileException(where + got.rows() + " x " + got.cols() + " values, the "
                            + shorten(preset) + " network needs " + want.rows() + " x " + want.cols());
                }
            }
            for (String key : needed.keySet()) {
                if (!parameters.containsKey(key)) {
                    throw new ModelFileException(file + ", field \"parameters\": no values for " + key);
                }
            }
            network.restoreParameters(parameters);
        }

        private void checkLayers(Network network) throws ModelFileException {
            List<ModelArchitecture.LayerShape> theirs;
            try {
                theirs = ModelArchitecture.of(network, architecture.input()).layers();
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file + ": the network does not fit the file (" + shorten(e.getMessage())
                        + ")");
            }
            List<ModelArchitecture.LayerShape> ours = architecture.layers();
            for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
                if (i >= ours.size() || i >= theirs.size() || !ours.get(i).equals(theirs.get(i))) {
                    throw new ModelFileException(file + ", field \"layers[" + i + "]\": the file's layer is "
                            + (i < ours.size() ? describe(ours.get(i)) : "missing") + ", the network's is "
                            + (i < theirs.size() ? describe(theirs.get(i)) : "missing"));
                }
            }
        }

        /**
         * A new network holding the file's model: for version 2 built from the file alone, for
         * version 1 from its digits preset (another preset is refused, named).
         */
        public Network buildNetwork() throws ModelFileException {
            Network net;
            if (architecture != null) {
                net = architecture.build();
            } else if (MnistLessons.has(preset)) {
                net = MnistLessons.byId(preset).network().apply(1);
            } else {
                throw new ModelFileException(file + ", field \"preset\": a version 1 file needs its preset's network, and "
                        + shorten(preset) + " is not a digits preset (" + String.join(", ", MnistLessons.ids()) + ")");
            }
            restoreInto(net);
            return net;
        }
    }

    /** "conv 6 filters 5x5, stride 1, padding 2, relu", for a message. */
    static String describe(ModelArchitecture.LayerShape l) {
        if (l instanceof ModelArchitecture.Conv c) {
            return "conv " + c.filters() + " filters " + c.kernel() + "x" + c.kernel() + ", stride " + c.stride()
                    + ", padding " + c.padding() + ", " + c.activation().id();
        }
        if (l instanceof ModelArchitecture.MaxPool p) {
            return "maxpool " + p.size() + "x" + p.size();
        }
        if (l instanceof ModelArchitecture.Subsampling s) {
            return "subsampling " + s.size() + "x" + s.size() + ", " + s.activation().id();
        }
        if (l instanceof ModelArchitecture.Flatten) {
            return "flatten";
        }
        if (l instanceof ModelArchitecture.Dropout d) {
            return "dropout " + d.p();
        }
        ModelArchitecture.Dense d = (ModelArchitecture.Dense) l;
        return "dense " + d.units() + ", " + d.activation().id() + (d.bias() == BiasMode.TRAINED ? "" : ", bias "
                + d.bias().id());
    }

    /**
     * Writes the network as version 2, with the input shape of its first conv layer, or
     * [1, 28, 28] for a digits preset, or [N]; no training facts. See
     * {@link #save(Path, String, Network, List, Training, boolean)}.
     */
    public static void save(Path file, String preset, Network network, boolean allowNonFinite) throws IOException {
        save(file, preset, network, defaultInput(preset, network), null, allowNonFinite);
    }

    /** The shape of one input of {@code network} when nothing else says it. */
    static List<Integer> defaultInput(String preset, Network network) {
        if (network.layer(0) instanceof ConvLayer c) {
            return List.of(c.inputChannels(), c.inputHeight(), c.inputWidth());
        }
        if (MnistLessons.has(preset) && network.inputSize() == MnistFiles.SIDE * MnistFiles.SIDE) {
            return List.of(1, MnistFiles.SIDE, MnistFiles.SIDE);
        }
        return List.of(network.inputSize());
    }

    /**
     * Writes the network as a version-2 file: {@code input} is the shape of one sample,
     * {@code training} (may be null) what is known of its training. Refused
     * ({@link NonFiniteException}, nothing written) when a value is NaN or infinite, unless
     * {@code allowNonFinite}: such a file no longer loads.
     */
    public static void save(Path file, String preset, Network network, List<Integer> input, Training training,
            boolean allowNonFinite) throws IOException {
        String bad = firstNonFinite(network);
        if (bad != null && !allowNonFinite) {
            throw new NonFiniteException(file.getFileName() + ": not saved, " + bad
                    + " (training diverged); a model with such values cannot be loaded again");
        }
        byte[] bytes = ModelFileWriter.write(preset, network, ModelArchitecture.of(network, input), training);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The largest model file read: LeNet's or the MLP's parameters take a few megabytes as JSON. */
    public static final long MAX_BYTES = 64_000_000L;

    /** {@code s} in one line of at most 60 characters, for a message. */
    public static String shorten(String s) {
        return ModelFileReader.shorten(s);
    }

    /** Reads a model file strictly, version 1 or 2; see {@link ModelFileReader} for what is checked. */
    public static Loaded load(Path file) throws ModelFileException {
        return ModelFileReader.read(file, MAX_BYTES);
    }

    /** As {@link #load}, from bytes already read (a model inside the jar); {@code name} names it in messages. */
    public static Loaded read(String name, byte[] bytes) throws ModelFileException {
        if (bytes.length > MAX_BYTES) {
            throw new ModelFileException(name + ": the file is larger than a model file (" + MAX_BYTES + " bytes)");
        }
        return ModelFileReader.read(name, bytes);
    }
}
