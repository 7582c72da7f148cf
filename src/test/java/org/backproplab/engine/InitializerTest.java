package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static DMatrixRMaj draw(Initializer init, int rows, int cols, long seed) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        init.fill(m, cols, rows, new SplittableRandom(seed));
        return m;
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Initializer init = new Initializer.HeNormal();
        assertArrayEquals(draw(init, 8, 5, 42).data, draw(init, 8, 5, 42).data, 0);
        assertNotEquals(draw(init, 8, 5, 42).get(0, 0), draw(init, 8, 5, 43).get(0, 0));
    }

    @Test
    void xavierUniformStaysWithinItsLimit() {
        // fanIn 30, fanOut 20: limit sqrt(6 / 50)
        DMatrixRMaj m = draw(new Initializer.XavierUniform(), 20, 30, 1);
        double limit = Math.sqrt(6.0 / 50);
        double max = 0;
        for (double v : m.data) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= limit);
        assertTrue(max > 0.9 * limit, "600 draws should come near the limit");
    }

    @Test
    void heNormalHasItsStandardDeviation() {
        // fanIn 200: std sqrt(2 / 200) = 0.1; 40,000 draws give the sample std within 2 %
        DMatrixRMaj m = draw(new Initializer.HeNormal(), 200, 200, 5);
        double sum = 0;
        double sq = 0;
        for (double v : m.data) {
            sum += v;
            sq += v * v;
        }
        int n = m.data.length;
        double mean = sum / n;
        double std = Math.sqrt(sq / n - mean * mean);
        assertEquals(0.1, std, 0.002);
        assertEquals(0, mean, 0.002);
    }

    @Test
    void uniformAndExplicit() {
        DMatrixRMaj u = draw(new Initializer.Uniform(0, 1), 4, 3, 9);
        for (double v : u.data) {
            assertTrue(v >= 0 && v < 1);
        }
        DMatrixRMaj e = draw(new Initializer.Explicit(new double[][] {{1, 2}, {3, 4}}), 2, 2, 0);
        assertEquals(3, e.get(1, 0), 0);
        assertThrows(IllegalArgumentException.class,
                () -> draw(new Initializer.Explicit(new double[][] {{1, 2}}), 2, 2, 0));
    }
}
