package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running out of memory ends {@code train} with one readable line and an exit code, never a stack trace. */
class OutOfMemoryCliTest {

    private static void write(Path file, int... header) throws Exception {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            for (int v : header) {
                out.writeInt(v);
            }
        }
    }

    @Test
    void digitsTooLargeForMemoryEndInOneLine(@TempDir Path dir) throws Exception {
        // a header asking for 2^31 - 1 pixels: more than a Java array holds
        write(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, Integer.MAX_VALUE, 1, 1);
        write(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, 0);
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), 0x803, 0, 28, 28);
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, 0);
        CliRun run = CliRun.of("train", "mnist-mlp", "--data", dir.toString());
        assertNotEquals(0, run.exitCode());
        assertEquals("", run.out());
        String err = run.err().strip();
        assertFalse(err.isEmpty());
        assertTrue(err.lines().count() <= 2, err);
        assertTrue(err.startsWith("backprop-lab"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception in thread"), err);
    }
}
