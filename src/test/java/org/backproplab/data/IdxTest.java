package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");

    @Test
    void readsTheTinySetAsPublished() throws Exception {
        Idx.LabelledImages train = Idx.read(TINY.resolve("train-images-idx3-ubyte.gz"),
                TINY.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(1000, train.count());
        assertEquals(28, train.images().rows());
        // PROVENANCE.md: the first training labels are 5 0 4 1 9
        assertEquals(5, train.label(0));
        assertEquals(0, train.label(1));
        assertEquals(4, train.label(2));
        assertEquals(1, train.label(3));
        assertEquals(9, train.label(4));
        int[] histogram = new int[10];
        for (int i = 0; i < train.count(); i++) {
            histogram[train.label(i)]++;
        }
        // PROVENANCE.md: tiny train 97 116 99 93 105 92 94 117 87 100
        assertEquals(97, histogram[0]);
        assertEquals(117, histogram[7]);
        var samples = train.samples(10, 10);
        assertEquals(784, samples.inputSize());
        assertEquals(1.0, samples.targets().get(0, 5), 0);
        for (double v : samples.inputs().rowValues(0)) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    private static Path idx(Path dir, String name, int magic, int count, int extraBytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        if (magic == 0x803) {
            out.writeInt(2);
            out.writeInt(2);
        }
        out.write(new byte[extraBytes]);
        Path f = dir.resolve(name);
        Files.write(f, bytes.toByteArray());
        return f;
    }

    @Test
    void aTruncatedFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path truncated = idx(dir, "images.idx", 0x803, 3, 10);
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(truncated));
        assertTrue(e.getMessage().startsWith("images.idx: truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("12 bytes") && e.getMessage().contains("holds 10"), e.getMessage());
        // a real file cut short, as a broken download leaves it
        byte[] full;
        try (var in = new GZIPInputStream(Files.newInputStream(TINY.resolve("t10k-images-idx3-ubyte.gz")))) {
            full = in.readAllBytes();
        }
        Path cut = dir.resolve("t10k-images-idx3-ubyte");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        e = assertThrows(DataFileException.class, () -> Idx.readImages(cut));
        assertTrue(e.getMessage().startsWith("t10k-images-idx3-ubyte: truncated"), e.getMessage());
        Path header = dir.resolve("header.idx");
        Files.write(header, new byte[] {0, 0, 8, 3, 0});
        assertTrue(assertThrows(DataFileException.class, () -> Idx.readImages(header)).getMessage()
                .contains("header ends"));
    }

    @Test
    void aWrongMagicNumberOrMismatchedCountsAreRefused(@TempDir Path dir) throws Exception {
        Path labelsAsImages = idx(dir, "labels.idx", 0x801, 4, 4);
        DataFileException e = assertThrows(DataFileException.class, () -> Idx.readImages(labelsAsImages));
        assertEquals("labels.idx: not an IDX image file: magic number 0x801, expected 0x803", e.getMessage());
        Path images = idx(dir, "images.idx", 0x803, 3, 12);
        e = assertThrows(DataFileException.class, () -> Idx.read(images, labelsAsImages));
        assertEquals("images.idx and labels.idx: 3 images but 4 labels", e.getMessage());
    }
}
