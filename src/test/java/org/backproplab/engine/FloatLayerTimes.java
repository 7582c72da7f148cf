package org.backproplab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.lesson.MnistLessons;

/**
 * Not a test: a small timing harness for the float32 path (run by hand, see docs/PERFORMANCE.md).
 * For a digits preset, times each layer's forward (with its activation) and backward (with the
 * activation's derivative) on batches of 64 made-up digits (pixels in [0, 1], four in five 0),
 * warm; prints the minimum over blocks of ms per batch, and of the process's CPU ms per batch.
 *
 * <pre>java -cp target/classes:target/test-classes:target/backprop-lab.jar org.backproplab.engine.FloatLayerTimes mnist-lenet [blocks] [batches]</pre>
 */
public final class FloatLayerTimes {
    private FloatLayerTimes() {
    }

    public static void main(String[] args) {
        String preset = args.length > 0 ? args[0] : "mnist-lenet";
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int perBlock = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int batch = 64;
        Network network = MnistLessons.byId(preset).network().apply(1);
        FloatNetwork fn = new FloatNetwork(network);
        List<FloatLayer> layers = fn.layers();
        int n = layers.size();
        SplittableRandom r = new SplittableRandom(3);
        float[][] inputs = new float[8][batch * 784];
        for (float[] in : inputs) {
            for (int i = 0; i < in.length; i++) {
                in[i] = r.nextInt(5) == 0 ? r.nextInt(1, 256) / 255f : 0f;
            }
        }
        double[] targets = new double[batch * 10];
        for (int s = 0; s < batch; s++) {
            targets[s * 10 + r.nextInt(10)] = 1;
        }
        long[][] best = new long[n][2];
        long bestStep = Long.MAX_VALUE;
        // the process's CPU time (every thread, JIT and GC included): less sensitive than wall time to
        // other processes on a shared machine, which take cores away but add no CPU time here
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long bestCpu = Long.MAX_VALUE;
        for (long[] b : best) {
            b[0] = Long.MAX_VALUE;
            b[1] = Long.MAX_VALUE;
        }
        FloatNetwork.Timer timer = new FloatNetwork.Timer(n);
        for (int b = 0; b < blocks; b++) {
            timer.reset();
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < perBlock; i++) {
                float[] in = fn.inputBuffer(batch);
                System.arraycopy(inputs[i & 7], 0, in, 0, batch * 784);
                fn.timer = timer;
                fn.forward(batch);
                fn.backward(targets, batch);
            }
            long step = System.nanoTime() - t0;
            bestStep = Math.min(bestStep, step);
            bestCpu = Math.min(bestCpu, os.getProcessCpuTime() - c0);
            for (int l = 0; l < n; l++) {
                best[l][0] = Math.min(best[l][0], timer.forward[l]);
                best[l][1] = Math.min(best[l][1], timer.backward[l]);
            }
        }
        StringBuilder sb = new StringBuilder(preset + " ms/batch (min of " + blocks + " x " + perBlock + "):");
        double sum = 0;
        for (int l = 0; l < n; l++) {
            double f = best[l][0] / 1e6 / perBlock;
            double bw = best[l][1] / 1e6 / perBlock;
            sum += f + bw;
            sb.append(String.format(" | %d %s %.3f/%.3f", l, layers.get(l).getClass().getSimpleName().replace("Float", ""), f, bw));
        }
        sb.append(String.format(" | layers %.3f | step %.3f | cpu %.3f", sum, bestStep / 1e6 / perBlock,
                bestCpu / 1e6 / perBlock));
        System.out.println(sb);
    }
}
