package org.backproplab.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;

/**
 * A trained model on disk, as JSON:
 * <pre>
 * {"format": "backprop-lab-model", "version": 1, "preset": "mnist-lenet",
 *  "parameters": {"W1": [[...], ...], "b1": [[...], ...], ...}}
 * </pre>
 * Parameters are named as in the engine (W and b, layers counted from 1), each a matrix as rows
 * (W: one row per neuron or filter; b: one row per neuron, one column). Written atomically: a
 * crash leaves the old file or the new one, never half of one.
 */
public final class ModelFile {
    public static final String FORMAT = "backprop-lab-model";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /** What a model file holds. */
    public record Loaded(String file, String preset, Map<String, ImmutableMatrix> parameters) {
        /**
         * Puts the values into {@code network}; a parameter it does not have, one it lacks or
         * one of another shape is refused with the file and the parameter named.
         */
        public void restoreInto(Network network) throws ModelFileException {
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
    }

    /**
     * Writes the network's parameters. Refused ({@link NonFiniteException}, nothing written) when
     * a value is NaN or infinite, unless {@code allowNonFinite}: such a file no longer loads.
     */
    public static void save(Path file, String preset, Network network, boolean allowNonFinite) throws IOException {
        String bad = firstNonFinite(network);
        if (bad != null && !allowNonFinite) {
            throw new NonFiniteException(file.getFileName() + ": not saved, " + bad
                    + " (training diverged); a model with such values cannot be loaded again");
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("preset", preset);
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, ImmutableMatrix> e : network.copyParameters().entrySet()) {
            ArrayNode rows = params.putArray(e.getKey());
            ImmutableMatrix m = e.getValue();
            for (int r = 0; r < m.rows(); r++) {
                ArrayNode row = rows.addArray();
                for (int c = 0; c < m.cols(); c++) {
                    // a non-finite value (allowed above) as null, not Jackson's "NaN" string
                    if (Double.isFinite(m.get(r, c))) {
                        row.add(m.get(r, c));
                    } else {
                        row.addNull();
                    }
                }
            }
        }
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The largest model file read: LeNet's or the MLP's parameters take a few megabytes as JSON. */
    public static final long MAX_BYTES = 64_000_000L;

    /** {@code s} in one line of at most 60 characters, for a message. */
    public static String shorten(String s) {
        return ModelFileReader.shorten(s);
    }

    /** Reads a model file strictly; see {@link ModelFileReader} for what is checked. */
    public static Loaded load(Path file) throws ModelFileException {
        return ModelFileReader.read(file, MAX_BYTES);
    }
}
