package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Gradient descent on a function of one variable, one step at a time: x ← x − η f'(x). The
 * learner chooses the function, the start and the learning rate η, and steps (or plays); each
 * step is kept so that the view draws the path, and the last one is published with its numbers.
 * Too small an η crawls, too large overshoots; once |x| passes {@link #DIVERGED} the run stops
 * with "diverged at step k". Microseconds of work: the commands compute on the FX thread.
 */
public final class DescentSession {
    /** |x| beyond this (or not a finite number) is a diverged run. */
    public static final double DIVERGED = 1e6;
    /** |f'(x)| below this is a converged run. */
    public static final double CONVERGED = 1e-8;
    /** The most steps one run takes. */
    public static final int MAX_STEPS = 1000;
    /** The largest learning rate accepted. */
    public static final double MAX_RATE = 10;
    private static final int SAMPLES = 240;

    /** A function with its derivative and the window it is drawn in. */
    public record Function(String id, DoubleUnaryOperator f, DoubleUnaryOperator derivative, double xLow,
            double xHigh, double yLow, double yHigh, double start) {
    }

    /** f(x) = x², f'(x) = 2x: one minimum at 0; any 0 < η < 1 converges, η = 1 bounces, η > 1 diverges. */
    public static final Function SQUARE = new Function("square", x -> x * x, x -> 2 * x, -3, 3, -1, 9, 2.5);
    /**
     * f(x) = x⁴ − 3x² + x, f'(x) = 4x³ − 6x + 1: a double well, a global minimum near x = −1.30
     * and a local one near x = 1.13, with a maximum near x = 0.17 between them.
     */
    public static final Function DOUBLE_WELL = new Function("double-well", x -> x * x * x * x - 3 * x * x + x,
            x -> 4 * x * x * x - 6 * x + 1, -2.2, 2.2, -4.5, 8, 2);
    /** The functions offered, in order. */
    public static final List<Function> FUNCTIONS = List.of(SQUARE, DOUBLE_WELL);

    /** One step: from x, with f(x), f'(x) and η, to newX = x − η f'(x). {@code k} counts from 1. */
    public record Step(int k, double x, double fx, double slope, double rate, double newX) {
    }

    /**
     * What the view draws: the curve (xs, ys) in its window, the points visited (x₀, x₁, ...) and
     * f at each, the
     * current point with f and f' there, the tangent at it (from (t0, y0) to (t1, y1)), the last
     * step taken (null before the first), the step the current η would take next, and how the run
     * stands (a message, or null).
     */
    public record Snapshot(Function function, double[] xs, double[] ys, List<Double> path, List<Double> values,
            double x, double fx,
            double slope, double rate, double t0, double y0, double t1, double y1, Step last, Step next,
            Notice status, boolean stopped) {
        public Snapshot {
            path = List.copyOf(path);
            values = List.copyOf(values);
        }
    }

    private Function function = SQUARE;
    private double start = SQUARE.start();
    private double rate = 0.1;
    private final List<Double> path = new ArrayList<>();
    private Step last;
    private Notice status;
    private boolean stopped;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");

    public DescentSession() {
        reset();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Why the last command was refused, or null. */
    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** Whether Play is on (the view calls {@link #step()} on a timer while it is). */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The ids of the functions offered. */
    public List<String> functions() {
        return FUNCTIONS.stream().map(Function::id).toList();
    }

    // ---- commands ---------------------------------------------------------------------------

    /** Chooses a function by id and starts again from its usual start; an unknown id is refused. */
    public void selectFunction(String id) {
        Function f = FUNCTIONS.stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
        if (f == null) {
            inputError.set(new Notice("descent.error.function", List.of(String.valueOf(id)), true));
            return;
        }
        inputError.set(null);
        function = f;
        start = f.start();
        reset();
    }

    /** Sets η from the text typed: a number in (0, 10]; the path so far is kept. */
    public void setLearningRate(String text) {
        NumberInput.Result r = NumberInput.learningRate(text);
        if (!r.ok() || r.value() > MAX_RATE) {
            inputError.set(new Notice("descent.error.rate", List.of(Numbers.shortNumber(MAX_RATE)), true));
            publish();
            return;
        }
        setLearningRate(r.value());
    }

    /** Sets η (the slider): refused unless 0 < η ≤ 10. */
    public void setLearningRate(double eta) {
        if (!(eta > 0 && eta <= MAX_RATE)) {
            inputError.set(new Notice("descent.error.rate", List.of(Numbers.shortNumber(MAX_RATE)), true));
            publish();
            return;
        }
        inputError.set(null);
        rate = eta;
        publish();
    }

    /** Starts again from the x typed, which must lie in the function's window. */
    public void setStart(String text) {
        NumberInput.Result r = NumberInput.parameter(text);
        if (!r.ok() || r.value() < function.xLow() || r.value() > function.xHigh()) {
            inputError.set(new Notice("descent.error.start", List.of(Numbers.shortNumber(function.xLow()),
                    Numbers.shortNumber(function.xHigh())), true));
            publish();
            return;
        }
        setStart(r.value());
    }

    /** Starts again from x (a click on the plot), kept inside the function's window. */
    public void setStart(double x) {
        if (!Double.isFinite(x)) {
            inputError.set(new Notice("edit.error.notFinite", List.of(), true));
            return;
        }
        inputError.set(null);
        start = Math.max(function.xLow(), Math.min(function.xHigh(), x));
        reset();
    }

    /** Back to the start, same function and η. */
    public void reset() {
        playing.set(false);
        path.clear();
        path.add(start);
        last = null;
        status = null;
        stopped = false;
        publish();
    }

    /** One step x ← x − η f'(x); refused once the run has diverged, converged or taken 1000 steps. */
    public void step() {
        if (stopped) {
            playing.set(false);
            inputError.set(new Notice("descent.error.stopped", List.of(), true));
            publish();
            return;
        }
        inputError.set(null);
        double x = path.get(path.size() - 1);
        double fx = function.f().applyAsDouble(x);
        double slope = function.derivative().applyAsDouble(x);
        double next = x - rate * slope;
        int k = path.size();
        last = new Step(k, x, fx, slope, rate, next);
        path.add(next);
        if (!Double.isFinite(next) || Math.abs(next) > DIVERGED) {
            status = new Notice("descent.diverged", List.of(k), true);
            stopped = true;
        } else if (Math.abs(function.derivative().applyAsDouble(next)) < CONVERGED) {
            status = new Notice("descent.converged", List.of(k), false);
            stopped = true;
        } else if (k >= MAX_STEPS) {
            status = new Notice("descent.maxSteps", List.of(k), false);
            stopped = true;
        } else if (Math.abs(next) > Math.abs(x) && function == SQUARE) {
            status = new Notice("descent.growing", List.of(k), true);
        } else {
            status = null;
        }
        if (stopped) {
            playing.set(false);
        }
        publish();
    }

    /** Play or pause; playing a stopped run starts it again from the start. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
            return;
        }
        if (stopped) {
            reset();
        }
        inputError.set(null);
        playing.set(true);
    }

    // ---- the picture ------------------------------------------------------------------------

    private void publish() {
        double[] xs = new double[SAMPLES + 1];
        double[] ys = new double[SAMPLES + 1];
        for (int i = 0; i <= SAMPLES; i++) {
            xs[i] = function.xLow() + (function.xHigh() - function.xLow()) * i / SAMPLES;
            ys[i] = function.f().applyAsDouble(xs[i]);
        }
        double x = path.get(path.size() - 1);
        double fx = function.f().applyAsDouble(x);
        double slope = function.derivative().applyAsDouble(x);
        // the tangent y = f(x) + f'(x) (t - x), a fifth of the window either side of x
        double half = (function.xHigh() - function.xLow()) / 5;
        Step next = new Step(path.size(), x, fx, slope, rate, x - rate * slope);
        List<Double> values = path.stream().map(p -> function.f().applyAsDouble(p)).toList();
        snapshot.set(new Snapshot(function, xs, ys, path, values, x, fx, slope, rate, x - half, fx - slope * half,
                x + half, fx + slope * half, last, next, status, stopped));
    }
}
