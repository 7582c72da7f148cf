package org.backproplab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.io.ModelFile.ModelFileException;

/**
 * Reads a model file strictly: its size is checked before a byte is read, the JSON must stay
 * within small limits (nesting, number and string lengths), keys appear once, nothing follows the
 * object, the version is the integer 1 or 2, no field is unknown, numbers are finite and matrices
 * rectangular. Version 1's parameters are named W1, b1, ...; version 2 is read by
 * {@link ModelFileV2Reader}. Every refusal names the file and the place.
 */
final class ModelFileReader {
    /** A model file deeper than this is not one of ours: {"parameters": {"W1": [[x]]}} is 4 deep. */
    static final int MAX_NESTING = 16;
    /** Longer than any double needs (17 significant digits, a sign, a point and an exponent). */
    static final int MAX_NUMBER_CHARS = 64;
    static final int MAX_STRING_CHARS = 1_000;
    private static final Set<String> FIELDS = Set.of("format", "version", "preset", "parameters");
    /** The versions read. */
    static final String VERSIONS = "1 and 2";
    private static final Pattern PARAMETER = Pattern.compile("[Wb][1-9][0-9]{0,2}");
    private static final ObjectMapper MAPPER;

    static {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_STRING_CHARS)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        MAPPER = new ObjectMapper(factory);
    }

    private final String name;

    private ModelFileReader(String name) {
        this.name = name;
    }

    static ModelFile.Loaded read(Path file, long maxBytes) throws ModelFileException {
        ModelFileReader reader = new ModelFileReader(String.valueOf(file.getFileName()));
        return reader.parse(reader.bytes(file, maxBytes));
    }

    static ModelFile.Loaded read(String name, byte[] bytes) throws ModelFileException {
        return new ModelFileReader(name).parse(bytes);
    }

    private byte[] bytes(Path file, long maxBytes) throws ModelFileException {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new ModelFileException(name + ": the file is " + megabytes(size) + ", a model file is at most "
                        + megabytes(maxBytes) + " (is it really a Backprop Lab model?)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(name + ": no such file");
        } catch (IOException | OutOfMemoryError e) {
            throw new ModelFileException(name + ": cannot be read (" + shorten(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 10_000_000 ? String.format(java.util.Locale.ROOT, "%,d bytes", bytes)
                : String.format(java.util.Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }

    private ModelFile.Loaded parse(byte[] bytes) throws ModelFileException {
        JsonNode root;
        JsonParser p = null;
        try {
            p = MAPPER.createParser(bytes);
            root = MAPPER.readTree(p);
            if (root != null && p.nextToken() != null) {
                throw at(p.currentTokenLocation(), "there is text after the model's closing }");
            }
        } catch (StreamConstraintsException e) {
            // where the value that went over the limit starts
            throw at(p == null ? null : p.currentTokenLocation(), limit(e));
        } catch (JsonProcessingException e) {
            throw at(location(e, p), problem(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw at(location(null, p), "cannot be read as UTF-8 text (" + shorten(String.valueOf(e.getMessage())) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ModelFileException(name + ": not a Backprop Lab model (it does not hold a JSON object)");
        }
        return fields(root);
    }

    private ModelFile.Loaded fields(JsonNode root) throws ModelFileException {
        JsonNode format = root.path("format");
        if (!format.isTextual() || !ModelFile.FORMAT.equals(format.textValue())) {
            throw new ModelFileException(name + ": not a Backprop Lab model (\"format\" is not \"" + ModelFile.FORMAT
                    + "\")");
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() < 1 || version.intValue() > 2) {
            throw field("version", shorten(version.isMissingNode() ? "missing" : version.toString())
                    + " is not a version this app reads (it reads " + VERSIONS + ")");
        }
        if (version.intValue() == 2) {
            return new ModelFileV2Reader(name).read(root);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw field(shorten(field), "is not a field of a model file (it has format, version, preset, parameters)");
            }
        }
        JsonNode preset = root.path("preset");
        if (!preset.isTextual() || preset.textValue().isBlank()) {
            throw field("preset", "is missing or not a preset's name");
        }
        JsonNode params = root.path("parameters");
        if (!params.isObject() || params.isEmpty()) {
            throw field("parameters", "is missing or holds no parameters");
        }
        Map<String, ImmutableMatrix> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!PARAMETER.matcher(e.getKey()).matches()) {
                throw field("parameters." + shorten(e.getKey()), "is not a parameter's name (W1, b1, W2, ...)");
            }
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                throw new ModelFileException(name + ": parameter " + e.getKey() + " is not a matrix");
            }
            out.put(e.getKey(), matrix(name, "parameter " + e.getKey(), e.getValue()));
        }
        return new ModelFile.Loaded(name, 1, preset.textValue(), out, null, null);
    }

    /**
     * A non-empty JSON array of equally long, non-empty rows of finite numbers; refusals read
     * "{file}: {what}, row r ...".
     */
    static ImmutableMatrix matrix(String name, String what, JsonNode rows) throws ModelFileException {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.isEmpty()) {
                throw new ModelFileException(name + ": " + what + ", row " + (r + 1) + " is not a list of numbers");
            }
            if (row.size() != rows.get(0).size()) {
                throw new ModelFileException(name + ": " + what + ", row " + (r + 1) + " has " + row.size()
                        + " values, row 1 has " + rows.get(0).size());
            }
            m[r] = numbers(name, what + ", row " + (r + 1) + ",", row);
        }
        return ImmutableMatrix.of(m);
    }

    /** The finite numbers of a JSON array; refusals read "{file}: {what} column c is ...". */
    static double[] numbers(String name, String what, JsonNode row) throws ModelFileException {
        double[] out = new double[row.size()];
        for (int c = 0; c < row.size(); c++) {
            JsonNode v = row.get(c);
            if (!v.isNumber()) {
                throw new ModelFileException(name + ": " + what + " column " + (c + 1) + " is not a number");
            }
            out[c] = v.asDouble();
            if (!Double.isFinite(out[c])) {
                throw new ModelFileException(name + ": " + what + " column " + (c + 1)
                        + " is too large for a double (it reads as " + v.asText() + ")");
            }
        }
        return out;
    }

    private ModelFileException field(String field, String problem) {
        return new ModelFileException(name + ", field \"" + field + "\": " + problem);
    }

    private ModelFileException at(JsonLocation location, String problem) {
        if (location == null || location.getLineNr() < 1) {
            return new ModelFileException(name + ": " + problem);
        }
        return new ModelFileException(name + ", line " + location.getLineNr() + ", column " + location.getColumnNr()
                + ": " + problem);
    }

    /** Jackson's limit errors carry no location (and its message names its own API): say where and what. */
    private static JsonLocation location(JsonProcessingException e, JsonParser p) {
        if (e != null && e.getLocation() != null) {
            return e.getLocation();
        }
        return p == null ? null : p.currentLocation();
    }

    /** Jackson's parse error in a learner's words. */
    private static String problem(String m) {
        if (m.startsWith("Duplicate field ")) {
            return "the key " + shorten(m.substring("Duplicate field ".length())) + " appears twice";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of the JSON (was it cut short?)";
        }
        if (m.contains("Non-standard token")) {
            return "NaN and Infinity are not numbers a model file can hold";
        }
        if (m.startsWith("Invalid UTF-8")) {
            return "the text is not UTF-8 (" + shorten(m) + ")";
        }
        int colon = m.indexOf("): ");
        return "not valid JSON (" + shorten(colon > 0 ? m.substring(0, colon + 1) : m) + ")";
    }

    private static String limit(StreamConstraintsException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("nesting")) {
            return "the JSON is nested more than " + MAX_NESTING + " levels deep";
        }
        if (m.contains("Number")) {
            return "a number is longer than " + MAX_NUMBER_CHARS + " characters";
        }
        return "a text or a key is longer than " + MAX_STRING_CHARS + " characters";
    }

    /** A value as a user can read it in one line. */
    static String shorten(String s) {
        String oneLine = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
        int cut = oneLine.indexOf(" at [Source");
        if (cut >= 0) {
            oneLine = oneLine.substring(0, cut);
        }
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
