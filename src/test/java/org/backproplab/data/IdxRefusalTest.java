package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files that lie about their size, are damaged or have the wrong shape: refused, by name, before allocating. */
class IdxRefusalTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");

    static byte[] header(int magic, int... sizes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int s : sizes) {
            out.writeInt(s);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The refusal of an image file; reading it may allocate at most 64 MB more than the file's size. */
    private static String refusal(Path file) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String message = assertThrows(DataFileException.class, () -> Idx.readImages(file)).getMessage();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < Files.size(file) * 4 + (64 << 20), allocated + " bytes allocated for " + message);
        return message;
    }

    @Test
    void hugeHeadersAreRefusedBeforeAnythingIsAllocated(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("huge-images-idx3-ubyte");
        Files.write(plain, concat(header(0x803, Integer.MAX_VALUE, 28, 28), new byte[784]));
        String m = refusal(plain);
        assertTrue(m.startsWith("huge-images-idx3-ubyte: truncated: the header promises 2147483647 images of 28x28"), m);
        assertTrue(m.endsWith("but the file holds 784"), m);
        Path wide = dir.resolve("wide.gz");
        Files.write(wide, gzip(concat(header(0x803, 60000, 60000, 60000), new byte[100])));
        m = refusal(wide);
        assertTrue(m.startsWith("wide.gz: the header promises 60000 images of 60000x60000"), m);
        assertTrue(m.contains("a compressed file of " + Files.size(wide) + " bytes holds at most"), m);
        Path cube = dir.resolve("cube.gz");
        Files.write(cube, gzip(concat(header(0x803, 2000, 1000, 1000), new byte[5000])));
        m = refusal(cube);
        assertTrue(m.startsWith("cube.gz: the header promises 2000 images of 1000x1000 (2000000000 bytes)"), m);
        Path labels = dir.resolve("labels.gz");
        Files.write(labels, gzip(concat(header(0x801, Integer.MAX_VALUE), new byte[10])));
        m = assertThrows(DataFileException.class, () -> Idx.readLabels(labels)).getMessage();
        assertTrue(m.startsWith("labels.gz: the header promises 2147483647 labels"), m);
    }

    @Test
    void aLyingHeaderInALargeGzipIsReadOnlyAsFarAsTheDataGoes(@TempDir Path dir) throws Exception {
        // 8 MB of random pixels compress badly, so the ratio check passes: the reader must grow as it reads
        java.util.Random random = new java.util.Random(7);
        byte[] pixels = new byte[8 << 20];
        random.nextBytes(pixels);
        Path f = dir.resolve("liar.gz");
        Files.write(f, gzip(concat(header(0x803, 2000, 1000, 1000), pixels)));
        String m = refusal(f);
        assertEquals("liar.gz: truncated: the header promises 2000 images of 1000x1000 (2000000000 bytes) but the file holds "
                + pixels.length, m);
    }

    @Test
    void aGzipFileIsReadToItsEndSoItsChecksumIsChecked(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(TINY.resolve("t10k-images-idx3-ubyte.gz"));
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 8] ^= 0x55;
        Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
        Files.write(f, badCrc);
        assertEquals("t10k-images-idx3-ubyte.gz: is damaged: the gzip checksum at its end does not match the data"
                + " (a broken download?)", refusal(f));
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        Files.write(f, cut);
        String m = refusal(f);
        assertTrue(m.startsWith("t10k-images-idx3-ubyte.gz: the compressed data ends early near byte "), m);
        assertTrue(m.contains("the file is cut short"), m);
        assertFalse(m.contains("ZLIB"), m);
        Files.writeString(f, "x1,x2,label\n1,2,0\n");
        assertEquals("t10k-images-idx3-ubyte.gz: is named .gz but is not gzip-compressed data", refusal(f));
        Files.write(f, new byte[0]);
        assertTrue(refusal(f).startsWith("t10k-images-idx3-ubyte.gz: the compressed data ends early"), refusal(f));
    }

    @Test
    void dataPastTheDeclaredCountIsRefused(@TempDir Path dir) throws Exception {
        byte[] three = concat(header(0x803, 3, 2, 2), new byte[12 + 5]);
        Path plain = dir.resolve("images.idx");
        Files.write(plain, three);
        assertEquals("images.idx: the header promises 3 images of 2x2 (12 bytes) but the file holds 5 bytes more",
                refusal(plain));
        Path gz = dir.resolve("images.gz");
        Files.write(gz, gzip(three));
        assertEquals("images.gz: the header promises 3 images of 2x2 (12 bytes) but 5 more bytes follow them: the"
                + " header and the data disagree", refusal(gz));
        Path labels = dir.resolve("labels.idx");
        Files.write(labels, concat(header(0x801, 2), new byte[] {1, 2, 3}));
        assertEquals("labels.idx: the header promises 2 labels (2 bytes) but the file holds 1 bytes more",
                assertThrows(DataFileException.class, () -> Idx.readLabels(labels)).getMessage());
    }

    @Test
    void mnistImagesMustBe28By28(@TempDir Path dir) throws Exception {
        for (String f : new String[] {MnistFiles.TRAIN_LABELS, MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS}) {
            Files.copy(TINY.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] images;
        try (var in = new GZIPInputStream(Files.newInputStream(TINY.resolve(MnistFiles.TRAIN_IMAGES)))) {
            images = in.readAllBytes();
        }
        int[][] shapes = {{14, 56}, {784, 1}};
        for (int[] shape : shapes) {
            byte[] reshaped = images.clone();
            java.nio.ByteBuffer.wrap(reshaped).putInt(8, shape[0]).putInt(12, shape[1]);
            Files.write(dir.resolve(MnistFiles.TRAIN_IMAGES), gzip(reshaped));
            DataFileException e = assertThrows(DataFileException.class, () -> MnistFiles.train(dir));
            assertEquals(MnistFiles.TRAIN_IMAGES + ": the images are " + shape[0] + " x " + shape[1]
                    + " pixels; MNIST images must be 28 x 28", e.getMessage());
        }
        Files.write(dir.resolve(MnistFiles.TRAIN_IMAGES), gzip(images));
        assertEquals(1000, MnistFiles.train(dir).count());
    }
}
