package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded mutations of a valid model file, version 1 and version 2: each ends in a clear refusal (a
 * ModelFileException whose one-line message starts with the file's name) or in a model that fits
 * the network (version 2: that also rebuilds a network) and holds only finite numbers; never
 * another exception. Run alone:
 * {@code mvn -B -o test -Dtest=ModelFileFuzzTest}; more cases: {@code -Dfuzz.cases=100000}.
 */
class ModelFileFuzzTest {
    private static final long SEED = 20261130L;
    private static final int CASES = Integer.getInteger("fuzz.cases", 1500);

    enum Kind { TRUNCATE, FLIP, RANDOM_BYTES, GARBAGE, NUMBER, SHAPE, NESTING, DUPLICATE, TRAILING, VERSION, ENCODING }

    /** The valid file mutated: version 1 (dense 3-4-2) or version 2 (conv, max-pool, dense). */
    enum Base { V1, V2 }

    @TempDir
    Path dir;

    private static Network network(Base base) {
        if (base == Base.V1) {
            return new Network.Builder(3, Loss.HALF_SQUARED_ERROR)
                    .add(new DenseLayer(0, 3, 4, Activation.SIGMOID, BiasMode.TRAINED))
                    .add(new DenseLayer(1, 4, 2, Activation.SIGMOID, BiasMode.TRAINED)).build();
        }
        Network net = new ModelArchitecture(List.of(1, 6, 6), List.of(
                new ModelArchitecture.Conv(2, 3, 1, 1, Activation.RELU), new ModelArchitecture.MaxPool(2),
                new ModelArchitecture.Dense(2, Activation.SOFTMAX, BiasMode.TRAINED)), Loss.SOFTMAX_CROSS_ENTROPY).build();
        Random r = new Random(SEED);
        for (Map.Entry<String, ImmutableMatrix> e : net.copyParameters().entrySet()) {
            for (int i = 0; i < e.getValue().rows(); i++) {
                for (int j = 0; j < e.getValue().cols(); j++) {
                    net.setParameterValue(e.getKey(), i, j, r.nextGaussian());
                }
            }
        }
        return net;
    }

    /** Version 1 as the app wrote it: the parameters by name, each a matrix of rows. */
    private static String versionOne(Network net) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("format", "backprop-lab-model").put("version", 1)
                .put("preset", "fuzz");
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, ImmutableMatrix> e : net.copyParameters().entrySet()) {
            params.set(e.getKey(), mapper.valueToTree(e.getValue().toArray()));
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    @ParameterizedTest
    @EnumSource(Base.class)
    void everyMutationIsRefusedClearlyOrGivesAValidModel(Base base) throws Exception {
        Path valid = dir.resolve("valid.json");
        String text;
        if (base == Base.V1) {
            text = versionOne(network(base));
        } else {
            ModelFile.save(valid, "fuzz", network(base), List.of(1, 6, 6), new ModelFile.Training(2, 5L, 0.75), false);
            text = Files.readString(valid);
        }
        Random random = new Random(SEED);
        Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class); // {refused, loaded}
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            byte[] bytes = base == Base.V1 ? mutate(kind, text, random) : mutateV2(kind, text, random);
            Path file = dir.resolve("case-" + i + ".json");
            Files.write(file, bytes);
            boolean loaded = check(file, base, kind + " case " + i);
            outcomes.computeIfAbsent(kind, k -> new int[2])[loaded ? 1 : 0]++;
            if (Boolean.getBoolean("fuzz.verbose") && !loaded) {
                System.out.println(kind + ": " + refusal(file, base));
            }
            if (!Boolean.getBoolean("fuzz.verbose")) {
                Files.delete(file);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 20, "took " + seconds + " s");
        for (Kind k : Kind.values()) {
            assertTrue(outcomes.get(k)[0] > 0, k + " never refused: the mutation does nothing");
        }
        assertEquals(0, outcomes.get(Kind.NUMBER)[1], "a number beyond a double is never accepted");
        assertEquals(0, outcomes.get(Kind.DUPLICATE)[1], "a duplicate key is never accepted");
        assertEquals(0, outcomes.get(Kind.TRAILING)[1], "text after the object is never accepted");
        assertEquals(0, outcomes.get(Kind.VERSION)[1], "another version is never accepted");
        assertEquals(0, outcomes.get(Kind.NESTING)[1], "a deeper value is never accepted");
    }

    private static String refusal(Path file, Base base) {
        try {
            ModelFile.load(file).restoreInto(network(base));
            return "loaded";
        } catch (ModelFile.ModelFileException e) {
            return e.getMessage();
        }
    }

    /** True when the file loaded into the network, false when it was refused clearly. */
    private static boolean check(Path file, Base base, String what) {
        String name = file.getFileName().toString();
        try {
            ModelFile.Loaded m = ModelFile.load(file);
            Network net = base == Base.V1 ? network(base) : m.buildNetwork();
            m.restoreInto(base == Base.V1 ? net : network(base));
            for (Map.Entry<String, ImmutableMatrix> e : net.copyParameters().entrySet()) {
                for (double[] row : e.getValue().toArray()) {
                    for (double v : row) {
                        assertTrue(Double.isFinite(v), what + ": " + e.getKey() + " holds " + v);
                    }
                }
            }
            return true;
        } catch (ModelFile.ModelFileException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith(name + ":") || m.startsWith(name + ","), what + ": does not name the file: " + m);
            assertTrue(m.length() < 300 && !m.contains("\n"), what + ": not one short line: " + m);
            assertTrue(!m.contains("Exception") && !m.contains("at [Source"), what + ": library text: " + m);
            return false;
        } catch (Throwable t) {
            fail(what + ": " + t, t);
            return false;
        }
    }

    private static byte[] mutate(Kind kind, String text, Random r) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        switch (kind) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case FLIP: {
                byte[] c = b.clone();
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    c[r.nextInt(c.length)] ^= (byte) (1 + r.nextInt(255));
                }
                return c;
            }
            case RANDOM_BYTES: {
                int at = r.nextInt(b.length);
                byte[] noise = new byte[1 + r.nextInt(20)];
                r.nextBytes(noise);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.writeBytes(noise);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case GARBAGE: {
                byte[] g = new byte[r.nextInt(200)];
                r.nextBytes(g);
                return g;
            }
            case NUMBER:
                return replaceANumber(text, r, new String[] {"1e400", "-1e999", "NaN", "Infinity", "-Infinity",
                    "1".repeat(65 + r.nextInt(2000)), "0." + "9".repeat(500), "1" + "0".repeat(400), "\"0.5\"",
                    "0x1p3", "+1", ".5", "1.", "--1"});
            case SHAPE:
                return shape(text, r);
            case NESTING: {
                int depth = 15 + r.nextInt(r.nextBoolean() ? 50 : 5000);
                return text.replaceFirst("\"W1\" : ", "\"W1\" : " + "[".repeat(depth))
                        .replaceFirst("\\],\\s*\"b1\"", "]" + "]".repeat(depth) + ", \"b1\"")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case DUPLICATE: {
                String key = new String[] {"\"W1\"", "\"b2\"", "\"format\"", "\"version\"", "\"preset\""}[r.nextInt(5)];
                String dup = key.equals("\"W1\"") || key.equals("\"b2\"") ? key + " : [[0.5]], " : key + " : 1, ";
                int at = text.indexOf(key);
                return (text.substring(0, at) + dup + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case TRAILING:
                return (text + new String[] {"x", "{}", "}", ",", "1", "\"", "[", "null", "//"}[r.nextInt(9)])
                        .getBytes(StandardCharsets.UTF_8);
            case VERSION:
                return text.replaceFirst("\"version\" : 1", "\"version\" : " + new String[] {"1.5", "\"1\"", "true",
                    "4294967297", "1.0", "2", "0", "-1", "null", "[1]", "{}", "1e0", "10", "2147483648"}[r.nextInt(14)])
                        .getBytes(StandardCharsets.UTF_8);
            case ENCODING:
            default:
                return encode(text, r);
        }
    }

    private static byte[] replaceANumber(String text, Random r, String[] replacements) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+\\.\\d+(E-?\\d+)?").matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        String with = replacements[r.nextInt(replacements.length)];
        return (text.substring(0, s[0]) + with + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] shape(String text, Random r) {
        switch (r.nextInt(5)) {
            case 0: // a value fewer in a row
                return text.replaceFirst(",\\s*(-?\\d+\\.\\d+(E-?\\d+)?)\\s*\\]", "]").getBytes(StandardCharsets.UTF_8);
            case 1: // an extra row in W2
                return text.replaceFirst("\"W2\" : \\[", "\"W2\" : [ [1, 2, 3, 4], ").getBytes(StandardCharsets.UTF_8);
            case 2: // a parameter the network lacks, or none of one it needs
                return text.replaceFirst("\"b2\"", r.nextBoolean() ? "\"W99\"" : "\"b3\"").getBytes(StandardCharsets.UTF_8);
            case 3: // a row that is a number, or an empty matrix
                return text.replaceFirst("\"b1\" : \\[[^\\]]*\\]", r.nextBoolean() ? "\"b1\" : [ 1" : "\"b1\" : [ [ ]")
                        .getBytes(StandardCharsets.UTF_8);
            default: // the parameters as a list
                return text.replaceFirst("\"parameters\" : \\{", "\"parameters\" : [ {").replaceFirst("\\}\\s*\\}\\s*$", "} ] }")
                        .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** As {@link #mutate}, with the version-2 file's own keys for the kinds that need them. */
    private static byte[] mutateV2(Kind kind, String text, Random r) {
        switch (kind) {
            case SHAPE:
                return shapeV2(text, r).getBytes(StandardCharsets.UTF_8);
            case NESTING: {
                int depth = 15 + r.nextInt(r.nextBoolean() ? 50 : 5000);
                return text.replaceFirst("\"W\" : ", "\"W\" : " + "[".repeat(depth))
                        .replaceFirst("\\],\\s*\"b\"", "]" + "]".repeat(depth) + ", \"b\"")
                        .getBytes(StandardCharsets.UTF_8);
            }
            case DUPLICATE: {
                String key = new String[] {"\"W\"", "\"b\"", "\"format\"", "\"version\"", "\"preset\"", "\"filters\"",
                    "\"layers\"", "\"seed\""}[r.nextInt(8)];
                String dup = key + (key.equals("\"W\"") ? " : [[0.5]], " : key.equals("\"b\"") ? " : [0.5], " : " : 1, ");
                int at = text.indexOf(key);
                return (text.substring(0, at) + dup + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            case VERSION:
                return text.replaceFirst("\"version\" : 2", "\"version\" : " + new String[] {"1.5", "\"2\"", "true",
                    "4294967298", "2.0", "1", "0", "-2", "null", "[2]", "{}", "2e0", "20", "2147483648"}[r.nextInt(14)])
                        .getBytes(StandardCharsets.UTF_8);
            default:
                return mutate(kind, text, r);
        }
    }

    private static String shapeV2(String text, Random r) {
        switch (r.nextInt(6)) {
            case 0: // a value fewer in a row
                return text.replaceFirst(",\\s*(-?\\d+\\.\\d+(E-?\\d+)?)\\s*\\]", "]");
            case 1: // an extra row in the dense layer's W
                return text.replaceFirst("(\"units\"[^W]*\"W\" : \\[)", "$1 [1, 2, 3, 4], ");
            case 2: // another kind of layer, or an unknown one
                return text.replaceFirst(new String[] {"\"maxpool\"", "\"conv\"", "\"dense\""}[r.nextInt(3)],
                        new String[] {"\"dense\"", "\"maxpool\"", "\"conv\"", "\"pool\""}[r.nextInt(4)]);
            case 3: // a bias that is a number, or empty
                return text.replaceFirst("\"b\" : \\[[^\\]]*\\]", r.nextBoolean() ? "\"b\" : 1" : "\"b\" : [ ]");
            case 4: // a size, kernel, padding or input that does not chain
                return text.replaceFirst(new String[] {"\"size\" : 2", "\"kernel\" : 3", "\"padding\" : 1",
                    "\"input\" : \\[ 1, 6, 6 \\]", "\"units\" : 2", "\"filters\" : 2"}[r.nextInt(6)],
                        new String[] {"\"size\" : 7", "\"kernel\" : 9", "\"padding\" : 0", "\"input\" : [ 36 ]",
                            "\"units\" : 3", "\"filters\" : 0"}[r.nextInt(6)]);
            default: // the layers as an object
                return text.replaceFirst("\"layers\" : \\[", "\"layers\" : {");
        }
    }

    private static byte[] encode(String text, Random r) {
        String[] charsets = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE", "ISO-8859-1", "windows-1252"};
        switch (r.nextInt(4)) {
            case 0: { // a byte-order mark, then UTF-8
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
                return out.toByteArray();
            }
            case 1: // a preset name with letters outside ASCII, in Latin-1 (not UTF-8)
                return text.replace("\"fuzz\"", "\"f\u00fc\u00df\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
            case 2: // the whole file in another encoding
                return text.getBytes(Charset.forName(charsets[r.nextInt(charsets.length)]));
            default: { // an invalid UTF-8 sequence or a NUL inside a string
                String bad = r.nextBoolean() ? "\u0000" : "\ud800";
                return text.replace("\"fuzz\"", "\"fu" + bad + "zz\"").getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
