package org.backproplab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Samples;

/**
 * The IDX files of MNIST (gzip-compressed or not): images (magic 0x803: count, rows, columns,
 * then one unsigned byte per pixel) and labels (magic 0x801: count, then one byte per label).
 * A wrong magic number, a truncated file or counts that do not match are refused with a message
 * that names the file.
 */
public final class Idx {
    private static final int IMAGES_MAGIC = 0x803;
    private static final int LABELS_MAGIC = 0x801;

    private Idx() {
    }

    /** Images as unsigned bytes, one image after the other, row by row. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int size() {
            return rows * cols;
        }

        /** Pixel i of image n, from 0 to 255. */
        public int pixel(int n, int i) {
            return pixels[n * size() + i] & 0xFF;
        }
    }

    /** A labelled set: images and their labels (0 to 9). */
    public record LabelledImages(Images images, byte[] labels) {
        public int count() {
            return labels.length;
        }

        public int label(int n) {
            return labels[n];
        }

        /**
         * The first {@code n} images (all when n is 0 or larger than the set) as samples: pixels
         * scaled to [0, 1] (kept as bytes, turned into pixel / 255.0 a batch at a time), targets
         * one-hot over {@code classes}.
         */
        public Samples samples(int n, int classes) {
            int count = n <= 0 ? count() : Math.min(n, count());
            double[][] t = new double[count][classes];
            for (int i = 0; i < count; i++) {
                t[i][labels[i]] = 1;
            }
            return new Samples(ImmutableMatrix.ofUnsignedBytes(count, images.size(), images.pixels()),
                    ImmutableMatrix.of(t));
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    public static Images readImages(Path file) throws DataFileException {
        String name = file.getFileName().toString();
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = header(in, name, "magic number");
            if (magic != IMAGES_MAGIC) {
                throw new DataFileException(name, 0, 0, String.format(
                        "not an IDX image file: magic number 0x%X, expected 0x%X", magic, IMAGES_MAGIC));
            }
            int count = header(in, name, "image count");
            int rows = header(in, name, "row count");
            int cols = header(in, name, "column count");
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DataFileException(name, 0, 0, "implausible size " + count + " x " + rows + " x " + cols);
            }
            byte[] pixels = new byte[count * rows * cols];
            int read = in.readNBytes(pixels, 0, pixels.length);
            if (read < pixels.length) {
                throw new DataFileException(name, 0, 0, "truncated: the header promises " + count + " images of "
                        + rows + "x" + cols + " (" + pixels.length + " bytes) but the file holds " + read);
            }
            return new Images(count, rows, cols, pixels);
        } catch (IOException e) {
            throw new DataFileException(name, 0, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    public static byte[] readLabels(Path file) throws DataFileException {
        String name = file.getFileName().toString();
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = header(in, name, "magic number");
            if (magic != LABELS_MAGIC) {
                throw new DataFileException(name, 0, 0, String.format(
                        "not an IDX label file: magic number 0x%X, expected 0x%X", magic, LABELS_MAGIC));
            }
            int count = header(in, name, "label count");
            if (count < 0) {
                throw new DataFileException(name, 0, 0, "implausible label count " + count);
            }
            byte[] labels = new byte[count];
            int read = in.readNBytes(labels, 0, count);
            if (read < count) {
                throw new DataFileException(name, 0, 0, "truncated: the header promises " + count
                        + " labels but the file holds " + read);
            }
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw new DataFileException(name, 0, 0, "label " + (i + 1) + " is " + labels[i] + ", not 0 to 9");
                }
            }
            return labels;
        } catch (IOException e) {
            throw new DataFileException(name, 0, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads an image file and its label file, which must hold the same number of items. */
    public static LabelledImages read(Path images, Path labels) throws DataFileException {
        Images im = readImages(images);
        byte[] lb = readLabels(labels);
        if (im.count() != lb.length) {
            throw new DataFileException(images.getFileName() + " and " + labels.getFileName(), 0, 0, im.count()
                    + " images but " + lb.length + " labels");
        }
        return new LabelledImages(im, lb);
    }

    private static int header(DataInputStream in, String name, String what) throws IOException, DataFileException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFileException(name, 0, 0, "truncated: the header ends before the " + what);
        }
    }
}
