package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The 2-D data sets of the playground, after TensorFlow Playground's generators (coordinates in
 * about [-6, 6]), plus two moons, a linearly separable set whose boundary misses the origin, and
 * three Gaussian blobs. {@code noise} is 0 to 0.5 (0 to 50 %).
 */
public enum DataShape {
    /** Class 1 inside radius 2.5, class 0 in a ring from 3.5 to 5. */
    CIRCLE(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            double radius = 5;
            for (int i = 0; i < n; i++) {
                boolean inner = i < n / 2;
                double rr = inner ? r.nextDouble(0, radius * 0.5) : r.nextDouble(radius * 0.7, radius);
                double angle = r.nextDouble(0, 2 * Math.PI);
                double x = rr * Math.sin(angle);
                double y = rr * Math.cos(angle);
                double nx = r.nextDouble(-radius, radius) * noise;
                double ny = r.nextDouble(-radius, radius) * noise;
                // the label follows the clean position, so noise pushes points across the boundary
                out.add(new DataPoint(x + nx, y + ny, inner ? 1 : 0));
            }
            return out;
        }
    },
    /** Class 1 where x1 x2 >= 0. */
    XOR(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            double padding = 0.3;
            for (int i = 0; i < n; i++) {
                double x = r.nextDouble(-5, 5);
                x += x > 0 ? padding : -padding;
                double y = r.nextDouble(-5, 5);
                y += y > 0 ? padding : -padding;
                double nx = r.nextDouble(-5, 5) * noise;
                double ny = r.nextDouble(-5, 5) * noise;
                out.add(new DataPoint(x + nx, y + ny, x * y >= 0 ? 1 : 0));
            }
            return out;
        }
    },
    /** Two Gaussians around (2, 2) (class 1) and (-2, -2) (class 0). */
    GAUSSIAN(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            double variance = 0.5 + noise * 7;
            double sd = Math.sqrt(variance);
            for (int i = 0; i < n; i++) {
                boolean one = i < n / 2;
                double c = one ? 2 : -2;
                out.add(new DataPoint(c + sd * r.nextGaussian(), c + sd * r.nextGaussian(), one ? 1 : 0));
            }
            return out;
        }
    },
    /** Two interleaved spirals. */
    SPIRAL(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            int half = n / 2;
            for (int k = 0; k < 2; k++) {
                double deltaT = k == 0 ? 0 : Math.PI;
                for (int i = 0; i < half; i++) {
                    double rr = (double) i / half * 5;
                    double t = 1.75 * i / half * 2 * Math.PI + deltaT;
                    double x = rr * Math.sin(t) + r.nextDouble(-1, 1) * noise;
                    double y = rr * Math.cos(t) + r.nextDouble(-1, 1) * noise;
                    out.add(new DataPoint(x, y, k == 0 ? 1 : 0));
                }
            }
            return out;
        }
    },
    /** Two interleaved half circles (scikit-learn's make_moons, scaled to the playground). */
    MOONS(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            int half = n / 2;
            for (int i = 0; i < n; i++) {
                boolean upper = i < half;
                double t = Math.PI * r.nextDouble();
                double x = upper ? Math.cos(t) : 1 - Math.cos(t);
                double y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
                // centre on the origin and scale to about [-5, 5]
                x = (x - 0.5) * 3.3 + r.nextGaussian() * noise * 2;
                y = (y - 0.25) * 3.3 + r.nextGaussian() * noise * 2;
                out.add(new DataPoint(x, y, upper ? 1 : 0));
            }
            return out;
        }
    },
    /**
     * Linearly separable: class 1 where 0.8 x1 + 0.6 x2 > 1.5. The boundary misses the origin, so
     * a single neuron needs its bias to separate the classes.
     */
    LINEAR(Task.BINARY, 2) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            while (out.size() < n) {
                double x = r.nextDouble(-5, 5);
                double y = r.nextDouble(-5, 5);
                double side = 0.8 * x + 0.6 * y - 1.5;
                if (Math.abs(side) < 0.5) {
                    continue;
                }
                double nx = r.nextDouble(-5, 5) * noise;
                double ny = r.nextDouble(-5, 5) * noise;
                out.add(new DataPoint(x + nx, y + ny, side > 0 ? 1 : 0));
            }
            return out;
        }
    },
    /** Three Gaussian blobs, classes 0, 1, 2, at 90, 210 and 330 degrees. */
    BLOBS(Task.MULTICLASS, 3) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            double sd = Math.sqrt(0.5 + noise * 6);
            for (int i = 0; i < n; i++) {
                int cls = i % 3;
                double angle = Math.toRadians(90 + 120 * cls);
                double cx = 3 * Math.cos(angle);
                double cy = 3 * Math.sin(angle);
                out.add(new DataPoint(cx + sd * r.nextGaussian(), cy + sd * r.nextGaussian(), cls));
            }
            return out;
        }
    },
    /** Regression: the plane y = (x1 + x2) / 12, in [-1, 1]. */
    PLANE(Task.REGRESSION, 0) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            List<DataPoint> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double x = r.nextDouble(-6, 6);
                double y = r.nextDouble(-6, 6);
                double nx = r.nextDouble(-6, 6) * noise;
                double ny = r.nextDouble(-6, 6) * noise;
                out.add(new DataPoint(x, y, Math.max(-1, Math.min(1, (x + nx + y + ny) / 12))));
            }
            return out;
        }
    },
    /** Regression: a sum of Gaussian bumps, positive and negative. */
    MULTI_GAUSSIAN(Task.REGRESSION, 0) {
        @Override
        List<DataPoint> points(int n, double noise, SplittableRandom r) {
            double[][] bumps = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
            List<DataPoint> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double x = r.nextDouble(-6, 6);
                double y = r.nextDouble(-6, 6);
                double nx = r.nextDouble(-6, 6) * noise;
                double ny = r.nextDouble(-6, 6) * noise;
                double v = 0;
                for (double[] b : bumps) {
                    double d2 = (x + nx - b[0]) * (x + nx - b[0]) + (y + ny - b[1]) * (y + ny - b[1]);
                    v += b[2] * Math.exp(-d2 / 2);
                }
                out.add(new DataPoint(x, y, Math.max(-1, Math.min(1, v))));
            }
            return out;
        }
    };

    private final Task task;
    private final int classes;

    DataShape(Task task, int classes) {
        this.task = task;
        this.classes = classes;
    }

    public Task task() {
        return task;
    }

    /** Number of classes (0 for regression). */
    public int classes() {
        return classes;
    }

    abstract List<DataPoint> points(int n, double noise, SplittableRandom r);

    /** {@code n} points with this shape, from {@code seed}; noise in [0, 0.5]. */
    public List<DataPoint> generate(int n, double noise, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("need at least one point, got " + n);
        }
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new IllegalArgumentException("noise must be between 0 and 0.5 (0 to 50 %), got " + noise);
        }
        return List.copyOf(points(n, noise, new SplittableRandom(seed)));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DataShape fromId(String id) {
        for (DataShape s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown data set '" + id + "'");
    }
}
