package org.backproplab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the four MNIST IDX files are: a given folder, ./assets/mnist, or the copy inside the jar. */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    private static final String[] FILES = {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS};

    private MnistFiles() {
    }

    /** {@code preferred} when given; else ./assets/mnist when it holds the files; else the jar's copy, unpacked. */
    public static Path folder(Path preferred) throws IOException {
        if (preferred != null) {
            return preferred;
        }
        Path local = Path.of("assets", "mnist");
        if (Files.exists(local.resolve(TRAIN_IMAGES))) {
            return local;
        }
        Path tmp = Files.createTempDirectory("backprop-lab-mnist");
        tmp.toFile().deleteOnExit();
        for (String f : FILES) {
            try (InputStream in = MnistFiles.class.getResourceAsStream("/assets/mnist/" + f)) {
                if (in == null) {
                    throw new IOException("the digits are not in this build (no /assets/mnist/" + f + ")");
                }
                Files.copy(in, tmp.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                tmp.resolve(f).toFile().deleteOnExit();
            }
        }
        return tmp;
    }

    /** MNIST digits are 28 x 28 pixels; other shapes would train as scrambled digits, so they are refused. */
    public static final int SIDE = 28;

    public static Idx.LabelledImages train(Path folder) throws DataFileException {
        return Idx.read(folder.resolve(TRAIN_IMAGES), folder.resolve(TRAIN_LABELS), SIDE, SIDE);
    }

    public static Idx.LabelledImages test(Path folder) throws DataFileException {
        return Idx.read(folder.resolve(TEST_IMAGES), folder.resolve(TEST_LABELS), SIDE, SIDE);
    }
}
