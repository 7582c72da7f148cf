package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.backproplab.engine.Samples;

/**
 * 2-D points split into a training and a test part, with the task their labels mean.
 */
public record DataSet(List<DataPoint> train, List<DataPoint> test, Task task, int classes) {

    public DataSet {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * Generates {@code n} points of a shape and splits them: {@code trainFraction} of them
     * (0.1 to 0.9), picked at random from {@code seed}, for training, the rest for testing.
     */
    public static DataSet generate(DataShape shape, int n, double noise, double trainFraction, long seed) {
        return split(shape.generate(n, noise, seed), shape.task(), shape.classes(), trainFraction, seed);
    }

    /** Shuffles {@code points} from {@code seed} and splits them. */
    public static DataSet split(List<DataPoint> points, Task task, int classes, double trainFraction, long seed) {
        if (!(trainFraction >= 0.1 && trainFraction <= 0.9)) {
            throw new IllegalArgumentException("the training share must be between 10 % and 90 %, got "
                    + Math.round(trainFraction * 100) + " %");
        }
        List<DataPoint> shuffled = new ArrayList<>(points);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            DataPoint t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        int cut = (int) Math.round(shuffled.size() * trainFraction);
        cut = Math.max(1, Math.min(shuffled.size() - (shuffled.size() > 1 ? 1 : 0), cut));
        return new DataSet(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()), task, classes);
    }

    /** The same points with one more in the training part. */
    public DataSet withTrainPoint(DataPoint p) {
        List<DataPoint> t = new ArrayList<>(train);
        t.add(p);
        return new DataSet(t, test, task, classes);
    }

    /** The same points without the one nearest to (x1, x2) within {@code radius}, if any. */
    public DataSet withoutPointNear(double x1, double x2, double radius) {
        List<DataPoint> t = new ArrayList<>(train);
        List<DataPoint> s = new ArrayList<>(test);
        DataPoint best = null;
        double bestD = radius * radius;
        for (DataPoint p : train) {
            double d = (p.x1() - x1) * (p.x1() - x1) + (p.x2() - x2) * (p.x2() - x2);
            if (d <= bestD) {
                bestD = d;
                best = p;
            }
        }
        for (DataPoint p : test) {
            double d = (p.x1() - x1) * (p.x1() - x1) + (p.x2() - x2) * (p.x2() - x2);
            if (d <= bestD) {
                bestD = d;
                best = p;
            }
        }
        if (best == null) {
            return this;
        }
        if (!t.remove(best)) {
            s.remove(best);
        }
        return new DataSet(t, s, task, classes);
    }

    /** How the network sees the points: the chosen features as inputs, labels as targets. */
    public static Samples samples(List<DataPoint> points, List<Feature> features, Task task, int classes,
            boolean tanhTargets) {
        double[][] x = new double[points.size()][features.size()];
        int outputs = task == Task.MULTICLASS ? classes : 1;
        double[][] t = new double[points.size()][outputs];
        for (int i = 0; i < points.size(); i++) {
            DataPoint p = points.get(i);
            for (int f = 0; f < features.size(); f++) {
                x[i][f] = features.get(f).of(p.x1(), p.x2());
            }
            switch (task) {
                case MULTICLASS -> t[i][(int) p.label()] = 1;
                case BINARY -> t[i][0] = tanhTargets ? 2 * p.label() - 1 : p.label();
                case REGRESSION -> t[i][0] = p.label();
            }
        }
        if (points.isEmpty()) {
            return new Samples(org.backproplab.engine.ImmutableMatrix.of(new double[0][0]),
                    org.backproplab.engine.ImmutableMatrix.of(new double[0][0]));
        }
        return Samples.of(x, t);
    }

    /** Distinct labels seen (for checks). */
    public Set<Double> labels() {
        Set<Double> out = new java.util.TreeSet<>();
        train.forEach(p -> out.add(p.label()));
        test.forEach(p -> out.add(p.label()));
        return out;
    }
}
