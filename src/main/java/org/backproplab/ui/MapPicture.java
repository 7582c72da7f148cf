package org.backproplab.ui;

import javafx.scene.image.WritableImage;

/**
 * The playground's data map as one picture at the screen's pixels: the map's grid of colours
 * (100 x 100) scaled bilinearly to the side it is shown at, the points (drawn apart, premultiplied)
 * over it. The renderer then copies one opaque image a frame, where it used to scale the grid
 * with its own bilinear filter and blend a canvas of points over it, about half of its time on
 * the playground (docs/PERFORMANCE.md).
 */
final class MapPicture {
    private final ArgbPicture picture = new ArgbPicture();
    /** The points, premultiplied ARGB of {@code overlaySide} x {@code overlaySide}; null: none. */
    private int[] overlay;
    private int overlaySide;
    /** The indices of the overlay's pixels that are not transparent. */
    private int[] inked = new int[0];

    /** The picture, as last {@link #draw}n. */
    WritableImage image() {
        return picture.image();
    }

    int side() {
        return picture.width();
    }

    /** The premultiplied ARGB pixel at column x, row y. */
    int pixel(int x, int y) {
        return picture.pixel(x, y);
    }

    /**
     * What {@link #draw} puts over the map from now on: {@code premultiplied} ARGB pixels of
     * {@code side} x {@code side} (kept, not copied), or null for nothing.
     */
    void setOverlay(int[] premultiplied, int side) {
        overlay = premultiplied;
        overlaySide = side;
        int n = 0;
        int[] at = new int[premultiplied == null ? 0 : premultiplied.length];
        for (int i = 0; i < at.length; i++) {
            if (premultiplied[i] != 0) {
                at[n++] = i;
            }
        }
        inked = java.util.Arrays.copyOf(at, n);
    }

    /**
     * Draws {@code grid} (opaque ARGB, {@code n} x {@code n}) scaled to {@code side} x {@code side}
     * with the overlay over it (when it is as large) and shows it; whether the image is new.
     */
    boolean draw(int[] grid, int n, int side) {
        boolean fresh = picture.begin(side, side);
        int[] out = picture.pixels();
        scale(grid, n, out, side);
        if (overlay != null && overlaySide == side) {
            for (int i : inked) {
                out[i] = over(overlay[i], out[i]);
            }
        }
        picture.show();
        return fresh;
    }

    /**
     * {@code src} (opaque ARGB, n x n) into {@code dst} (side x side), bilinear as Java 2D's and
     * the renderer's filter: pixel centres aligned, (x + 0.5) n / side - 0.5 in the source, the
     * edge pixels repeated beyond the edges; weights in 256ths, each channel rounded.
     */
    static void scale(int[] src, int n, int[] dst, int side) {
        int[] x0 = new int[side];
        int[] x1 = new int[side];
        int[] fx = new int[side];
        for (int x = 0; x < side; x++) {
            int[] at = tap(x, n, side);
            x0[x] = at[0];
            x1[x] = at[1];
            fx[x] = at[2];
        }
        int[] row = new int[n];
        for (int y = 0; y < side; y++) {
            int[] at = tap(y, n, side);
            int r0 = at[0] * n;
            int r1 = at[1] * n;
            // the two source rows blended once, then each output pixel from two of that row's pixels
            for (int i = 0; i < n; i++) {
                row[i] = lerp(src[r0 + i], src[r1 + i], at[2]);
            }
            int o = y * side;
            for (int x = 0; x < side; x++) {
                dst[o + x] = lerp(row[x0[x]], row[x1[x]], fx[x]);
            }
        }
    }

    /** For output pixel {@code i}: the two source pixels it lies between and the second one's weight in 256ths. */
    private static int[] tap(int i, int n, int side) {
        double s = (i + 0.5) * n / side - 0.5;
        if (s <= 0) {
            return new int[] {0, 0, 0};
        }
        int lo = (int) s;
        if (lo >= n - 1) {
            return new int[] {n - 1, n - 1, 0};
        }
        return new int[] {lo, lo + 1, (int) Math.round((s - lo) * 256)};
    }

    /**
     * a x (256 - f) / 256 + b x f / 256 for each channel of two opaque colours, rounded: red and
     * blue in one multiplication (each stays under 16 bits), green in another.
     */
    static int lerp(int a, int b, int f) {
        int g = 256 - f;
        int rb = ((a & 0xFF00FF) * g + (b & 0xFF00FF) * f + 0x800080) >>> 8 & 0xFF00FF;
        int gr = ((a & 0xFF00) * g + (b & 0xFF00) * f + 0x8000) >>> 8 & 0xFF00;
        return 0xFF000000 | rb | gr;
    }

    /** Premultiplied {@code src} over the opaque {@code dst}: src + dst x (255 - src alpha) / 255, rounded. */
    static int over(int src, int dst) {
        int keep = 255 - (src >>> 24);
        int r = ((src >> 16) & 0xFF) + (((dst >> 16) & 0xFF) * keep + 127) / 255;
        int g = ((src >> 8) & 0xFF) + (((dst >> 8) & 0xFF) * keep + 127) / 255;
        int b = (src & 0xFF) + ((dst & 0xFF) * keep + 127) / 255;
        return 0xFF000000 | Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, b);
    }
}
