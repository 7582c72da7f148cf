package org.backproplab.data;

import java.nio.file.Path;
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

    /** Images of any shape; see {@link #readImages(Path, int, int)}. */
    public static Images readImages(Path file) throws DataFileException {
        return readImages(file, 0, 0);
    }

    /**
     * Images whose header must say {@code rows} x {@code cols} (0 and 0: any shape). Every size
     * is checked against the file before the pixels are read.
     */
    public static Images readImages(Path file, int rows, int cols) throws DataFileException {
        try (IdxStream in = IdxStream.open(file)) {
            int magic = in.header("magic number");
            if (magic != IMAGES_MAGIC) {
                throw in.refuse(String.format("not an IDX image file: magic number 0x%X, expected 0x%X", magic,
                        IMAGES_MAGIC));
            }
            int count = in.header("image count");
            int r = in.header("row count");
            int c = in.header("column count");
            if (count < 0 || r <= 0 || c <= 0) {
                throw in.refuse("impossible size in the header: " + count + " images of " + r + " x " + c
                        + " pixels");
            }
            if (rows > 0 && (r != rows || c != cols)) {
                throw in.refuse("the images are " + r + " x " + c + " pixels; MNIST images must be " + rows + " x "
                        + cols);
            }
            long bytes;
            try {
                bytes = Math.multiplyExact((long) count * r, c);
            } catch (ArithmeticException e) {
                bytes = Long.MAX_VALUE;
            }
            byte[] pixels = in.body(bytes, count + " images of " + r + "x" + c);
            return new Images(count, r, c, pixels);
        }
    }

    public static byte[] readLabels(Path file) throws DataFileException {
        try (IdxStream in = IdxStream.open(file)) {
            int magic = in.header("magic number");
            if (magic != LABELS_MAGIC) {
                throw in.refuse(String.format("not an IDX label file: magic number 0x%X, expected 0x%X", magic,
                        LABELS_MAGIC));
            }
            int count = in.header("label count");
            if (count < 0) {
                throw in.refuse("impossible label count in the header: " + count);
            }
            byte[] labels = in.body(count, count + " labels");
            for (int i = 0; i < count; i++) {
                if (labels[i] < 0 || labels[i] > 9) {
                    throw in.refuse("label " + (i + 1) + " (byte " + (8 + i) + ") is " + (labels[i] & 0xFF)
                            + ", not 0 to 9");
                }
            }
            return labels;
        }
    }

    /** Reads an image file and its label file, which must hold the same number of items. */
    public static LabelledImages read(Path images, Path labels) throws DataFileException {
        return read(images, labels, 0, 0);
    }

    /** As {@link #read(Path, Path)}, the images required to be {@code rows} x {@code cols}. */
    public static LabelledImages read(Path images, Path labels, int rows, int cols) throws DataFileException {
        Images im = readImages(images, rows, cols);
        byte[] lb = readLabels(labels);
        if (im.count() != lb.length) {
            throw new DataFileException(images.getFileName() + " and " + labels.getFileName(), 0, 0, im.count()
                    + " images but " + lb.length + " labels");
        }
        return new LabelledImages(im, lb);
    }
}
