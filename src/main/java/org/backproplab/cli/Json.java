package org.backproplab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.ImmutableMatrix;

/**
 * One JSON object per line, numbers in full double precision. A NaN or infinite value is written
 * as {@code null}: a field holds a number or null, never Jackson's default string "NaN".
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("finite-or-null")
            .addSerializer(Double.class, new FiniteOrNull())
            .addSerializer(double.class, new FiniteOrNull())
            .addSerializer(double[].class, new StdSerializer<double[]>(double[].class) {
                @Override
                public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                    gen.writeStartArray(values, values.length);
                    for (double v : values) {
                        writeFiniteOrNull(v, gen);
                    }
                    gen.writeEndArray();
                }
            }));

    private static final class FiniteOrNull extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteOrNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeFiniteOrNull(value, gen);
        }
    }

    private static void writeFiniteOrNull(double v, JsonGenerator gen) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }

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
