package org.backproplab.explain;

/**
 * Bilinear resizing with half-pixel centres: the convention of OpenCV's {@code cv2.resize} with
 * {@code INTER_LINEAR} (which pytorch-grad-cam uses to bring a class activation map to the
 * image's size) and of PyTorch's {@code F.interpolate(mode="bilinear", align_corners=False)}.
 *
 * <p>Output pixel i (of n, from an input of m) samples the input at
 * {@code s = (i + 0.5) m / n - 0.5}, clamped to [0, m - 1]; the value is
 * {@code (1 - t) v[floor(s)] + t v[floor(s) + 1]} with {@code t = s - floor(s)}, in both
 * directions. So the borders repeat the edge value instead of fading to zero.
 */
public final class Bilinear {
    private Bilinear() {
    }

    /** {@code source} resized to {@code rows x cols}. */
    public static Grid resize(Grid source, int rows, int cols) {
        int m = source.rows();
        int n = source.cols();
        double[] v = source.values();
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double sy = sample(r, m, rows);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, m - 1);
            double ty = sy - y0;
            for (int c = 0; c < cols; c++) {
                double sx = sample(c, n, cols);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, n - 1);
                double tx = sx - x0;
                double top = (1 - tx) * v[y0 * n + x0] + tx * v[y0 * n + x1];
                double bottom = (1 - tx) * v[y1 * n + x0] + tx * v[y1 * n + x1];
                out[r * cols + c] = (1 - ty) * top + ty * bottom;
            }
        }
        return new Grid(rows, cols, out);
    }

    /** Where output pixel i of {@code out} falls on an input of {@code in} pixels: (i + 0.5) in / out - 0.5, clamped. */
    static double sample(int i, int in, int out) {
        double s = (i + 0.5) * in / out - 0.5;
        return Math.max(0, Math.min(in - 1, s));
    }
}
