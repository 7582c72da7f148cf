package org.backproplab.session;

import java.util.Arrays;

/**
 * The loss curve's points with memory that stays flat however long training runs: once it holds
 * {@code capacity} points it drops every second one and from then on keeps only every 2nd (then
 * 4th, 8th, ...) new point. The newest point is always kept apart, so the curve's end is live.
 *
 * <p>Confined to the session's worker thread; {@link #copy()} makes what a view may keep.
 */
public final class LossHistory {
    /** An immutable copy: iterations (x, counted from 1) and losses (y), newest last. */
    public record Curve(long[] iterations, double[] losses) {
        public static final Curve EMPTY = new Curve(new long[0], new double[0]);

        public int size() {
            return iterations.length;
        }
    }

    private final int capacity;
    private long[] xs;
    private double[] ys;
    private int size;
    private long stride = 1;
    private long lastX = -1;
    private long firstX;
    private double lastY;

    public LossHistory(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be an even number >= 4");
        }
        this.capacity = capacity;
        this.xs = new long[capacity];
        this.ys = new double[capacity];
    }

    /** Adds the loss of iteration {@code x} (x increasing). */
    public void add(long x, double y) {
        lastX = x;
        lastY = y;
        if (size == 0) {
            firstX = x;
        } else if ((x - firstX) % stride != 0) {
            return;
        }
        if (size == capacity) {
            // keep every second point, the first included: memory stays at capacity, resolution halves
            int j = 0;
            for (int i = 0; i < size; i += 2) {
                xs[j] = xs[i];
                ys[j] = ys[i];
                j++;
            }
            size = j;
            stride *= 2;
            if ((x - firstX) % stride != 0) {
                return;
            }
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    /** Forgets every point after iteration {@code x} (after stepping back). */
    public void truncateAfter(long x) {
        while (size > 0 && xs[size - 1] > x) {
            size--;
        }
        if (lastX > x) {
            lastX = size > 0 ? xs[size - 1] : -1;
            lastY = size > 0 ? ys[size - 1] : 0;
        }
    }

    /**
     * Puts back what {@link #copy()} gave of a history of consecutive iterations (as training adds them), into this
     * one of the same capacity: the same points kept, the same stride (the gap of the first two points once it was
     * thinned) and the same newest point, so that adding on gives what the history that was never copied gives.
     */
    public void restore(Curve c) {
        clear();
        int n = c.size();
        long s = n >= 3 ? c.iterations()[1] - c.iterations()[0] : 1;
        if (n == 0 || s < 1) {
            for (int i = 0; i < n; i++) {
                add(c.iterations()[i], c.losses()[i]);
            }
            return;
        }
        firstX = c.iterations()[0];
        stride = s;
        for (int i = 0; i < n; i++) {
            long x = c.iterations()[i];
            if ((x - firstX) % s == 0 && size < capacity) {
                xs[size] = x;
                ys[size] = c.losses()[i];
                size++;
            }
            lastX = x;
            lastY = c.losses()[i];
        }
    }

    public void clear() {
        size = 0;
        stride = 1;
        lastX = -1;
    }

    /** Points kept (not counting the newest one when it was not kept). */
    public int size() {
        return size;
    }

    public Curve copy() {
        boolean extra = lastX >= 0 && (size == 0 || xs[size - 1] != lastX);
        int n = size + (extra ? 1 : 0);
        long[] x = Arrays.copyOf(xs, n);
        double[] y = Arrays.copyOf(ys, n);
        if (extra) {
            x[n - 1] = lastX;
            y[n - 1] = lastY;
        }
        return new Curve(x, y);
    }
}
