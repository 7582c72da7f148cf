package org.backproplab.explain;

/**
 * The recipe of activation maximisation, keras-vis' {@code visualize_activation} by default
 * ({@link #defaults}): the loss minimised is
 * <pre>
 * L(x) = - activationWeight * y(x) + normWeight * ||x||_p / N + tvWeight * TV(x) / N
 * </pre>
 * with N the number of pixels, ||x||_p = (sum_i |x_i|^p)^(1/p) and
 * TV(x) = sum_(i &lt; H-1, j &lt; W-1) (x[i+1][j] - x[i][j])^2 + (x[i][j+1] - x[i][j])^2.
 *
 * @param steps gradient steps (keras-vis: 200)
 * @param activationWeight weight of the objective (keras-vis: 1)
 * @param normWeight weight of the Lp norm (keras-vis: 10)
 * @param p the norm's p (keras-vis: 6)
 * @param tvWeight weight of the total variation (keras-vis: 10)
 * @param jitter the largest shift, in pixels, of the random jitter applied before each step (0: none)
 * @param stepSize the RMSProp step size, in pixel values (keras-vis' step is 1 on images from 0 to 255)
 * @param noise the standard deviation of the starting noise around grey 0.5 (keras-vis: 5 % of the range)
 * @param seed the seed of the starting noise and of the jitter
 */
public record MaximizeSettings(int steps, double activationWeight, double normWeight, double p, double tvWeight,
        int jitter, double stepSize, double noise, long seed) {
    public MaximizeSettings {
        if (steps < 1 || p < 1 || jitter < 0 || !(stepSize > 0) || !(noise >= 0)) {
            throw new IllegalArgumentException("maximisation needs steps >= 1, p >= 1, jitter >= 0, a step size > 0 "
                    + "and noise >= 0");
        }
    }

    /**
     * The keras-vis recipe with this seed: weights 1, 10, 10; L6; 200 steps; a jitter of 1 pixel
     * (keras-vis' Jitter(0.05) on 28 pixels); noise of standard deviation 0.05 around 0.5. The
     * step is 2/255: keras-vis' RMSProp step has no learning rate and moves a pixel about 1 per
     * step on its default range 0 to 255, which is 1/255 here; that leaves the sigmoid small CNN's
     * class 1 at p = 0.96 after 200 steps (0.31 for one trained 2 epochs), while 2/255 takes all
     * ten classes of all three shipped digits models above p = 0.999 (docs/EXPLAIN.md).
     */
    public static MaximizeSettings defaults(long seed) {
        return new MaximizeSettings(200, 1, 10, 6, 10, 1, 2 / 255.0, 0.05, seed);
    }

    public MaximizeSettings withSeed(long newSeed) {
        return new MaximizeSettings(steps, activationWeight, normWeight, p, tvWeight, jitter, stepSize, noise, newSeed);
    }

    public MaximizeSettings withSteps(int newSteps) {
        return new MaximizeSettings(newSteps, activationWeight, normWeight, p, tvWeight, jitter, stepSize, noise, seed);
    }
}
