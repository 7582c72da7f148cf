package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the user typed comes back shortened: a pasted page must not flood the terminal. */
class LongValuesTest {
    private static final String LONG = "z".repeat(100_000);

    @Test
    void anUnknownPresetOfAHundredThousandCharactersIsShortened() {
        CliRun run = CliRun.of("train", LONG);
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("backprop-lab: unknown preset '" + "z".repeat(40) + "… (100000 characters)'"
                + " (known: "), run.err().substring(0, Math.min(200, run.err().length())));
        assertTrue(run.err().length() < 600, "length " + run.err().length());
    }

    @Test
    void longOptionValuesAreShortened() {
        for (String[] args : new String[][] {{"train", "xor", "--epochs", LONG}, {"train", "xor", LONG},
            {"trace", LONG}}) {
            CliRun run = CliRun.of(args);
            assertEquals(Cli.USAGE, run.exitCode(), run.err().substring(0, Math.min(200, run.err().length())));
            assertTrue(run.err().matches("(?s).*z{40}… \\(10000[0-9] characters\\).*"), run.err().substring(0, 200));
            assertTrue(run.err().length() < 600, "length " + run.err().length());
        }
    }

    @Test
    void aMissingDataFolderIsNamed(@TempDir Path dir) throws Exception {
        Path nowhere = dir.resolve("no-such-folder");
        CliRun run = CliRun.of("train", "mnist-mlp", "--data", nowhere.toString(), "--epochs", "1");
        assertEquals(Cli.USAGE, run.exitCode());
        assertEquals("backprop-lab train: train-images-idx3-ubyte.gz: not found (looked in "
                + org.backproplab.data.Excerpt.of(nowhere.toAbsolutePath().toString()) + ")\n", run.err());
    }
}
