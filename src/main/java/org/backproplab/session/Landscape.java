package org.backproplab.session;

/**
 * The loss over the two weights of a network that has exactly two (a neuron without bias), on a
 * square grid from -range to +range in both, with the path the weights took: what the learning-rate
 * lessons draw as contours.
 *
 * @param loss  the total loss at (w1, w2), row r = w2 from +range (top) down, column c = w1
 * @param pathX w1 after each epoch, the starting weights first
 * @param pathY w2 likewise
 * @param picture the loss as ARGB pixels (resolution x resolution): log-scaled into bands from dark
 *                (low) to pale (high), whose edges are the contour lines
 */
public record Landscape(double range, int resolution, float[] loss, double[] pathX, double[] pathY, int[] picture) {
    private static final int BANDS = 14;
    private static final int LOW = 0xFF0B3C5D;
    private static final int HIGH = 0xFFF2F5F7;

    /** The picture of a loss grid: log scale, quantised into bands. */
    static int[] picture(float[] loss) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : loss) {
            if (Double.isFinite(v) && v > 0) {
                min = Math.min(min, Math.log(v));
                max = Math.max(max, Math.log(v));
            }
        }
        int[] bands = new int[BANDS + 1];
        for (int b = 0; b <= BANDS; b++) {
            bands[b] = PlaygroundPictures.mix(LOW, HIGH, (double) b / BANDS);
        }
        int[] pixels = new int[loss.length];
        for (int i = 0; i < loss.length; i++) {
            float v = loss[i];
            double t = v > 0 && Double.isFinite(v) && max > min ? (Math.log(v) - min) / (max - min) : 1;
            pixels[i] = bands[(int) Math.floor(t * BANDS)];
        }
        return pixels;
    }
}
