package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The float path's team of threads: every body once a part, failures passed on, nested and concurrent calls. */
class FloatTeamTest {
    @Test
    void everyShareRunsOnceInEveryPart() {
        int parts = 5_000;
        AtomicIntegerArray runs = new AtomicIntegerArray(Kernels.THREADS);
        long[] sums = new long[Kernels.THREADS];
        for (int p = 0; p < parts; p++) {
            int part = p;
            FloatTeam.run(t -> {
                runs.incrementAndGet(t);
                // each t writes its own output: the sum of its share of 0..999
                for (int i = Kernels.share(1000, t); i < Kernels.share(1000, t + 1); i++) {
                    sums[t] += i + part;
                }
            });
        }
        long total = 0;
        for (int t = 0; t < Kernels.THREADS; t++) {
            assertEquals(parts, runs.get(t), "runs of share " + t);
            total += sums[t];
        }
        // sum over parts of (0 + ... + 999 + 1000 part) = parts 499,500 + 1000 (0 + ... + parts - 1)
        assertEquals(parts * 499_500L + 1000L * parts * (parts - 1) / 2, total);
    }

    @Test
    void aFailingBodyIsRethrownByTheCallerAndTheTeamGoesOn() {
        IllegalStateException thrown = new IllegalStateException("share failed");
        for (int failing = 0; failing < Kernels.THREADS; failing++) {
            int f = failing;
            assertSame(thrown, assertThrows(IllegalStateException.class, () -> FloatTeam.run(t -> {
                if (t == f) {
                    throw thrown;
                }
            })));
        }
        int[] seen = new int[Kernels.THREADS];
        FloatTeam.run(t -> seen[t] = t + 1);
        int[] expected = new int[Kernels.THREADS];
        for (int t = 0; t < expected.length; t++) {
            expected[t] = t + 1;
        }
        assertArrayEquals(expected, seen);
    }

    @Test
    void aCallInsideAPartAndCallsFromTwoThreadsEachRunEveryShare() throws InterruptedException {
        int threads = Kernels.THREADS;
        int[][] inner = new int[threads][threads];
        FloatTeam.run(t -> FloatTeam.run(u -> inner[t][u]++));
        for (int t = 0; t < threads; t++) {
            for (int u = 0; u < threads; u++) {
                assertEquals(1, inner[t][u], "inner share " + u + " of outer share " + t);
            }
        }
        long[][] counts = new long[2][threads];
        Thread other = new Thread(() -> {
            for (int p = 0; p < 2_000; p++) {
                FloatTeam.run(t -> counts[1][t]++);
            }
        });
        other.start();
        for (int p = 0; p < 2_000; p++) {
            FloatTeam.run(t -> counts[0][t]++);
        }
        other.join();
        for (int t = 0; t < threads; t++) {
            assertEquals(2_000, counts[0][t], "this thread's share " + t);
            assertEquals(2_000, counts[1][t], "the other thread's share " + t);
        }
    }
}
