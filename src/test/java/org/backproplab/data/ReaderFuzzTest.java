package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of valid CSV and IDX files: every one must end in a valid result or in a
 * DataFileException whose one-line message names the file, never another exception. A failure
 * names the seed and the mutation, so it can be replayed.
 */
class ReaderFuzzTest {
    static final int RUNS = 1200;
    private static final String[] ODD_CELLS = {"1e308", "-1e308", "NaN", "Infinity", "-Infinity", "1d", "0x1p3",
        "1\0", "\0", "1e999999", "1000001", "-1000000", "1e6", "1.5", "-1", "10", "9", "", " ", "\"1\"", "１",
        "1,5", "x1", "\uFEFF1", "0.000000000000000000000000001", "1".repeat(400), "é", "\uD83D\uDE00", "1e", ".",
        "+", "-0", "+3", "3.", ".5", "1_000", "0b1", "Infinityx", "a".repeat(100_000)};

    /** A generator for run {@code seed}: the seeds are spread, as java.util.Random's first draws from neighbouring seeds are alike. */
    static Random random(int seed) {
        return new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    // ---- CSV ---------------------------------------------------------------------------

    private static String validCsv(Random r) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "x1,x2,label\n" : "");
        int classes = 2 + r.nextInt(3);
        for (int i = 0; i < 20; i++) {
            sb.append(r.nextGaussian()).append(',').append(r.nextDouble() * 4 - 2).append(',').append(i % classes)
                    .append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    /** One mutation of a valid CSV file's bytes, described in {@code what}. */
    private static byte[] mutateCsv(Random r, StringBuilder what) {
        String text = validCsv(r);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(11)) {
            case 0 -> {
                what.append("truncate");
                return Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 1 -> {
                what.append("byte flips");
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                what.append("random bytes");
                byte[] noise = new byte[1 + r.nextInt(20)];
                r.nextBytes(noise);
                int at = r.nextInt(b.length);
                return concat(Arrays.copyOf(b, at), concat(noise, Arrays.copyOfRange(b, at, b.length)));
            }
            case 3, 4, 5 -> {
                String[] lines = text.split("\n", -1);
                int line = r.nextInt(lines.length - 1);
                String[] cells = lines[line].split(",", -1);
                String odd = ODD_CELLS[r.nextInt(ODD_CELLS.length)];
                cells[r.nextInt(cells.length)] = odd;
                what.append("cell ").append(Excerpt.of(odd)).append(" on line ").append(line + 1);
                lines[line] = String.join(",", cells);
                return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                what.append("byte-order mark");
                return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            }
            case 7 -> {
                what.append(r.nextBoolean() ? "UTF-16" : "Latin-1 with é");
                return what.toString().equals("UTF-16") ? text.getBytes(StandardCharsets.UTF_16)
                        : ("# café\n" + text).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 8 -> {
                what.append("NULs");
                int at = r.nextInt(b.length);
                return concat(Arrays.copyOf(b, at), concat(new byte[1 + r.nextInt(3)], Arrays.copyOfRange(b, at, b.length)));
            }
            case 9 -> {
                what.append("wrong shape: cells added or removed");
                return text.replaceFirst(r.nextBoolean() ? ",(?=[^,\\n]*\\n)" : "\\n", r.nextBoolean() ? ",,7" : "")
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                what.append("the header made 'target' or a data row; a label changed");
                return (r.nextBoolean() ? "x1,x2,target\n" + text : text.replaceFirst(",0\\n", ",1" + r.nextInt(12) + "\n"))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void mutatedCsvFilesAreReadOrRefusedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.csv");
        int refused = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Random r = random(seed);
            StringBuilder what = new StringBuilder();
            Files.write(file, mutateCsv(r, what));
            try {
                PointsCsv.Content c = PointsCsv.read(file);
                assertFalse(c.points().isEmpty());
                for (DataPoint p : c.points()) {
                    assertTrue(Math.abs(p.x1()) <= PointsCsv.LIMIT && Math.abs(p.x2()) <= PointsCsv.LIMIT
                            && Math.abs(p.label()) <= PointsCsv.LIMIT, "seed " + seed + " " + what + ": " + p);
                    if (c.task() != Task.REGRESSION) {
                        assertTrue(p.label() == Math.rint(p.label()) && p.label() >= 0 && p.label() < c.classes(),
                                "seed " + seed + " " + what + ": label " + p.label());
                    }
                }
            } catch (DataFileException e) {
                refused++;
                clear(e, "points.csv", seed, what);
            } catch (RuntimeException e) {
                fail("seed " + seed + " (" + what + "): " + e, e);
            }
        }
        assertTrue(refused > RUNS / 4 && refused < RUNS, refused + " of " + RUNS + " refused");
    }

    // ---- IDX ---------------------------------------------------------------------------

    private static byte[] unzip(Path gz) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static final int[] ODD_SIZES = {0, 1, -1, 27, 29, 14, 56, 784, 60_000, 65_536, 1_000_000,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0x803, 0x801};

    /** One mutation of an unpacked IDX file (header of {@code headerInts} numbers). */
    private static byte[] mutateIdx(byte[] valid, int headerInts, Random r, StringBuilder what) {
        byte[] b = valid.clone();
        switch (r.nextInt(6)) {
            case 0 -> {
                what.append("truncate");
                return Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 1 -> {
                what.append("byte flips");
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    int at = r.nextInt(3) == 0 ? r.nextInt(headerInts * 4) : r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 2, 3 -> {
                int field = 1 + r.nextInt(headerInts - 1);
                int v = r.nextBoolean() ? ODD_SIZES[r.nextInt(ODD_SIZES.length)] : r.nextInt();
                what.append("header field ").append(field).append(" = ").append(v);
                ByteBuffer.wrap(b).putInt(4 * field, v);
                return b;
            }
            case 4 -> {
                what.append("bytes appended");
                byte[] noise = new byte[1 + r.nextInt(3000)];
                r.nextBytes(noise);
                return concat(b, noise);
            }
            default -> {
                what.append("random bytes");
                byte[] noise = new byte[r.nextInt(200)];
                r.nextBytes(noise);
                return r.nextBoolean() ? noise : concat(Arrays.copyOf(b, 4 * headerInts), noise);
            }
        }
    }

    /** The file as written: plain, gzipped, or gzipped and then damaged. */
    private static byte[] pack(byte[] data, boolean gz, Random r, StringBuilder what) throws IOException {
        if (!gz) {
            return data;
        }
        byte[] packed = gzip(data);
        if (r.nextInt(3) == 0) {
            what.append(", compressed bytes flipped");
            packed[r.nextInt(packed.length)] ^= (byte) (1 << r.nextInt(8));
        } else if (r.nextInt(4) == 0) {
            what.append(", compressed file cut");
            packed = Arrays.copyOf(packed, r.nextInt(packed.length));
        }
        return packed;
    }

    @Test
    void mutatedIdxFilesAreReadOrRefusedClearly(@TempDir Path dir) throws IOException {
        Path tiny = Path.of("src", "test", "resources", "mnist-tiny");
        byte[] allImages = unzip(tiny.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] allLabels = unzip(tiny.resolve("t10k-labels-idx1-ubyte.gz"));
        int n = 12;
        byte[] images = Arrays.copyOf(allImages, 16 + n * 784);
        ByteBuffer.wrap(images).putInt(4, n);
        byte[] labels = Arrays.copyOf(allLabels, 8 + n);
        ByteBuffer.wrap(labels).putInt(4, n);
        int refused = 0;
        for (int seed = 0; seed < RUNS; seed++) {
            Random r = random(seed);
            boolean gz = r.nextBoolean();
            boolean imageFile = r.nextInt(3) != 0;
            StringBuilder what = new StringBuilder(imageFile ? "images: " : "labels: ");
            byte[] data = mutateIdx(imageFile ? images : labels, imageFile ? 4 : 2, r, what);
            String name = (imageFile ? "images-idx3-ubyte" : "labels-idx1-ubyte") + (gz ? ".gz" : "");
            Path file = dir.resolve(name);
            Files.write(file, pack(data, gz, r, what));
            try {
                if (imageFile) {
                    Idx.Images im = Idx.readImages(file, 28, 28);
                    assertEquals((long) im.count() * 784, im.pixels().length, "seed " + seed + " " + what);
                } else {
                    byte[] l = Idx.readLabels(file);
                    for (byte v : l) {
                        assertTrue(v >= 0 && v <= 9, "seed " + seed + " " + what + ": label " + v);
                    }
                }
            } catch (DataFileException e) {
                refused++;
                clear(e, name, seed, what);
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("seed " + seed + " (" + what + "): " + e, e);
            }
        }
        assertTrue(refused > RUNS / 2 && refused < RUNS, refused + " of " + RUNS + " refused");
    }

    /** A clear refusal: one line, naming the file, shortened, no library or null text. */
    private static void clear(DataFileException e, String name, int seed, CharSequence what) {
        String m = e.getMessage();
        String context = "seed " + seed + " (" + what + "): " + m;
        assertTrue(m.startsWith(name + ": ") || m.startsWith(name + ", line "), context);
        assertTrue(m.length() < 400, context);
        assertFalse(m.contains("\n") || m.contains("\r") || m.contains("\0"), context);
        assertFalse(m.contains("null") || m.contains("ZLIB") || m.contains("Exception"), context);
    }
}
