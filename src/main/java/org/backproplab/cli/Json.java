package org.backproplab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;

/** One JSON object per line, numbers in full double precision. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String line(Map<String, ?> object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A matrix as rows. */
    static double[][] rows(ImmutableMatrix m) {
        return m == null ? null : m.toArray();
    }

    /**
     * Per-sample values (one row per sample): a flat array when the batch has one sample, else
     * one array per sample.
     */
    static Object samples(ImmutableMatrix m) {
        if (m == null) {
            return null;
        }
        return m.rows() == 1 ? m.rowValues(0) : m.toArray();
    }

    /** A column vector (a bias: one row per neuron) as a flat array. */
    static double[] column(ImmutableMatrix m) {
        if (m == null) {
            return null;
        }
        double[] out = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            out[r] = m.get(r, 0);
        }
        return out;
    }

    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    static List<Object> list() {
        return new ArrayList<>();
    }
}
