package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.backproplab.lesson.MnistLessons;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Large networks are evaluated a chunk at a time, with the numbers of one sample at a time. */
class ChunkedPassesTest {

    @Test
    void theKerasExampleRunsAFewHundredDigitsAtOnce() {
        Network keras = MnistLessons.byId("mnist-keras-example").network().apply(1);
        // z and a of 26x26x32 + 24x24x64 + 3 x 12x12x64 (pool, dropout, flatten) + 2 x 128 + 10 values
        long perSample = 2L * (26 * 26 * 32 + 24 * 24 * 64 + 3 * 12 * 12 * 64 + 2 * 128 + 10);
        assertEquals(20_000_000L / perSample, keras.rowsAtOnce(1000));
        assertEquals(115, keras.rowsAtOnce(1000));
        assertEquals(1000, MnistLessons.byId("mnist-lenet").network().apply(1).rowsAtOnce(1000));
        assertEquals(7, keras.rowsAtOnce(7));
    }

    @Test
    void aChunkedReportEqualsOneSampleAtATime() {
        Network net = MnistLessons.byId("mnist-keras-example").network().apply(2);
        SplittableRandom r = new SplittableRandom(4);
        int n = 240;
        double[][] x = new double[n][784];
        double[][] t = new double[n][10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                x[i][j] = r.nextDouble() < 0.2 ? r.nextDouble() : 0;
            }
            t[i][r.nextInt(10)] = 1;
        }
        ClassificationReport report = ClassificationReport.of(net, Samples.of(x, t));
        // by hand: each digit alone, -ln p of its class, averaged; right when its largest p is its class
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            double[] p = net.predict(new DMatrixRMaj(new double[][] {x[i]})).rowValues(0);
            int cls = 0;
            int best = 0;
            for (int k = 0; k < 10; k++) {
                cls = t[i][k] == 1 ? k : cls;
                best = p[k] > p[best] ? k : best;
            }
            loss -= Math.log(p[cls]) / n;
            correct += best == cls ? 1 : 0;
        }
        assertEquals(loss, report.loss(), 1e-12);
        assertEquals(correct, report.correct());
    }
}
