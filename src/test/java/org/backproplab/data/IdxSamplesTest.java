package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backproplab.engine.Samples;
import org.junit.jupiter.api.Test;

/** The digits become samples kept as bytes, read as pixel / 255.0 exactly as before. */
class IdxSamplesTest {
    private static final Path TINY = Path.of("src", "test", "resources", "mnist-tiny");

    @Test
    void samplesKeepPixelsAsBytesAndReadThemAsBefore() throws Exception {
        Idx.LabelledImages train = MnistFiles.train(TINY);
        Samples all = train.samples(0, 10);
        assertTrue(all.inputs().isCompact(), "60,000 digits as doubles take 376 MB; as bytes 47 MB");
        assertEquals(train.count(), all.size());
        for (int n : new int[] {0, 1, 500, train.count() - 1}) {
            double[] row = all.inputs().rowValues(n);
            for (int p = 0; p < 784; p++) {
                assertEquals(train.images().pixel(n, p) / 255.0, row[p], 0);
            }
            assertEquals(1.0, all.targets().get(n, train.label(n)), 0);
        }
        Samples first = train.samples(10, 10);
        assertEquals(10, first.size());
        assertEquals(train.images().pixel(9, 400) / 255.0, first.inputs().get(9, 400), 0);
    }
}
