package org.backproplab.explain;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.backproplab.engine.ConvLayer;
import org.ejml.data.DMatrixRMaj;

/**
 * Activation maximisation as keras-vis' {@code Optimizer.minimize} does it, on an image of pixels
 * in [0, 1]: start from grey 0.5 plus seeded noise, then each step
 * <pre>
 * (dy, dx)  = a random shift in [-jitter, jitter]^2                     (jitter)
 * g         = dL/dx at x, the objective's part taken on x rolled by (dy, dx) and rolled back
 * g         = g / ||g||_2                                               (gradients normalised)
 * cache     = 0.95 cache + 0.05 g^2;  x = x - stepSize g / sqrt(cache + 1e-7)   (RMSProp)
 * x         = clamp(x, 0, 1)
 * </pre>
 * with L the loss of {@link MaximizeSettings}. Two differences from keras-vis, both so that the
 * image returned is the one the network judged: keras-vis rolls the image itself and never rolls
 * it back (so the picture wanders), and it rescales the image it returns (mean 0.5, standard
 * deviation 0.1); here the jitter only moves the network's view, and the image is the optimised
 * input, clamped to [0, 1] at every step. The same seed gives the same image.
 */
public final class Maximizer {
    /** keras-vis' K.epsilon(), in the RMSProp step and the gradient's normalisation. */
    private static final double EPSILON = 1e-7;
    private static final double DECAY = 0.95;
    private final Backprop pass;
    private final int height;
    private final int width;
    private final MaximizeSettings settings;

    /** Hears of each step: a progress bar. */
    @FunctionalInterface
    public interface Progress {
        /** Step {@code done} of {@code total} is over; {@code score} is the objective at it. */
        void step(int done, int total, double score);

        Progress NONE = (done, total, score) -> { };
    }

    Maximizer(Backprop pass, int height, int width, MaximizeSettings settings) {
        this.pass = pass;
        this.height = height;
        this.width = width;
        this.settings = settings;
    }

    Maximization run(Objective objective, Progress progress, BooleanSupplier cancelled) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        int n = height * width;
        double[] x = start(random, n);
        double[] cache = new double[n];
        double[] g = new double[n];
        for (int step = 1; step <= settings.steps(); step++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("activation maximisation cancelled at step " + step);
            }
            int j = settings.jitter();
            int dy = j == 0 ? 0 : random.nextInt(-j, j + 1);
            int dx = j == 0 ? 0 : random.nextInt(-j, j + 1);
            double score = objectiveGradient(objective, roll(x, dy, dx), g);
            // g holds dy/dx' at the rolled image x'; x'[r][c] = x[r - dy][c - dx], so dL/dx[r][c] gets g[r + dy][c + dx]
            double[] grad = roll(g, -dy, -dx);
            for (int i = 0; i < n; i++) {
                grad[i] *= -settings.activationWeight();
            }
            addNormGradient(x, settings.normWeight() / n, grad);
            addTvGradient(x, settings.tvWeight() / n, grad);
            double norm = 0;
            for (double v : grad) {
                norm += v * v;
            }
            // K.l2_normalize: g / sqrt(max(sum g^2, epsilon))
            norm = Math.sqrt(Math.max(norm, EPSILON));
            for (int i = 0; i < n; i++) {
                double gi = grad[i] / norm;
                cache[i] = DECAY * cache[i] + (1 - DECAY) * gi * gi;
                x[i] = Math.min(1, Math.max(0, x[i] - settings.stepSize() * gi / Math.sqrt(cache[i] + EPSILON)));
            }
            progress.step(step, settings.steps(), score);
        }
        double score = objectiveGradient(objective, x, null);
        return new Maximization(objective, settings, new Grid(height, width, x), pass.probabilities(0), score);
    }

    /** Grey 0.5 plus uniform noise rescaled to mean 0.5 and the settings' standard deviation (keras-vis' random_array). */
    private double[] start(SplittableRandom random, int n) {
        double[] x = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
            mean += x[i] / n;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / n;
        }
        double sd = Math.sqrt(var) + EPSILON;
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(1, Math.max(0, 0.5 + (x[i] - mean) / sd * settings.noise()));
        }
        return x;
    }

    /**
     * The objective y at {@code image}; when {@code grad} is not null, dy/dimage into it (the true
     * gradient). Leaves the forward pass of {@code image} in {@link #pass}.
     */
    private double objectiveGradient(Objective o, double[] image, double[] grad) {
        DMatrixRMaj in = new DMatrixRMaj(1, image.length);
        System.arraycopy(image, 0, in.data, 0, image.length);
        pass.forward(in);
        double y;
        if (o.isClass()) {
            double[] p = pass.probabilities(0);
            y = o.target().value(pass.logits(0), p, o.index());
            if (grad != null) {
                DMatrixRMaj top = new DMatrixRMaj(1, p.length);
                o.target().gradient(p, o.index(), top.data);
                pass.backwardFromLogits(top, ReluRule.VANILLA);
            }
        } else {
            // y = mean over positions of filter f's map in a_l
            double[] a = pass.activation(o.layer(), 0);
            int filters = pass.layers().get(o.layer()) instanceof ConvLayer c ? c.filters() : 1;
            int positions = a.length / filters;
            double sum = 0;
            for (int q = 0; q < positions; q++) {
                sum += a[o.index() * positions + q];
            }
            y = sum / positions;
            if (grad != null) {
                DMatrixRMaj top = new DMatrixRMaj(1, a.length);
                for (int q = 0; q < positions; q++) {
                    top.data[o.index() * positions + q] = 1.0 / positions;
                }
                pass.backwardFromActivation(o.layer(), top, ReluRule.VANILLA);
            }
        }
        if (grad != null) {
            System.arraycopy(pass.inputGradient(0), 0, grad, 0, grad.length);
        }
        return y;
    }

    /** d/dx of w ||x||_p: w |x_i|^(p-1) sign(x_i) / ||x||_p^(p-1), added to {@code grad}. */
    private void addNormGradient(double[] x, double w, double[] grad) {
        double p = settings.p();
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(Math.abs(v), p);
        }
        if (sum == 0 || w == 0) {
            return;
        }
        double norm = Math.pow(sum, 1 / p);
        for (int i = 0; i < x.length; i++) {
            grad[i] += w * Math.signum(x[i]) * Math.pow(Math.abs(x[i]) / norm, p - 1);
        }
    }

    /** d/dx of w TV(x) (beta 2, keras-vis' region: i &lt; H-1, j &lt; W-1), added to {@code grad}. */
    private void addTvGradient(double[] x, double w, double[] grad) {
        if (w == 0) {
            return;
        }
        for (int r = 0; r < height - 1; r++) {
            for (int c = 0; c < width - 1; c++) {
                int i = r * width + c;
                double down = x[i + width] - x[i];
                double right = x[i + 1] - x[i];
                grad[i] -= 2 * w * (down + right);
                grad[i + width] += 2 * w * down;
                grad[i + 1] += 2 * w * right;
            }
        }
    }

    /** {@code v} rolled by (dy, dx) with wrap-around: out[r][c] = v[r - dy][c - dx]. */
    private double[] roll(double[] v, int dy, int dx) {
        double[] out = new double[v.length];
        for (int r = 0; r < height; r++) {
            int sr = Math.floorMod(r - dy, height);
            for (int c = 0; c < width; c++) {
                out[r * width + c] = v[sr * width + Math.floorMod(c - dx, width)];
            }
        }
        return out;
    }

    /** The loss L of the settings at {@code x}, without jitter: for tests and the docs. */
    double loss(Objective o, double[] x) {
        double y = objectiveGradient(o, x, null);
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(Math.abs(v), settings.p());
        }
        double tv = 0;
        for (int r = 0; r < height - 1; r++) {
            for (int c = 0; c < width - 1; c++) {
                int i = r * width + c;
                tv += Math.pow(x[i + width] - x[i], 2) + Math.pow(x[i + 1] - x[i], 2);
            }
        }
        return -settings.activationWeight() * y + settings.normWeight() * Math.pow(sum, 1 / settings.p()) / n
                + settings.tvWeight() * tv / n;
    }

    /** dL/dx at {@code x}, without jitter and before normalisation: for tests. */
    double[] lossGradient(Objective o, double[] x) {
        double[] g = new double[x.length];
        objectiveGradient(o, x, g);
        for (int i = 0; i < g.length; i++) {
            g[i] *= -settings.activationWeight();
        }
        addNormGradient(x, settings.normWeight() / x.length, g);
        addTvGradient(x, settings.tvWeight() / x.length, g);
        return g;
    }
}
