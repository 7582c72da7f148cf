package org.backproplab.engine;

/**
 * The patches of a {@link FloatConv}'s output positions, one sample at a time: each patch copied
 * out as one row of K = channels x kernel x kernel values (0 in the padding), and a row of
 * dE/dpatch added back onto the pixels it was cut from. Both work on the sample's planes with a
 * zero border of {@code padding} pixels (the input itself when the layer does not pad), so that
 * every index is inside the planes and a 5 x 5 kernel's rows need no loop.
 */
final class FloatPatches {
    private final int channels;
    private final int height;
    private final int width;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outHeight;
    private final int outWidth;
    /** Row and plane sizes of the bordered planes. */
    private final int rowWidth;
    private final int planeSize;

    FloatPatches(int channels, int height, int width, int kernel, int stride, int padding, int outHeight,
            int outWidth) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.rowWidth = width + 2 * padding;
        this.planeSize = (height + 2 * padding) * rowWidth;
    }

    /** Values in one sample's bordered planes (0 when the layer does not pad: the input is read itself). */
    int borderedSize() {
        return padding == 0 ? 0 : channels * planeSize;
    }

    /** Copies one sample's planes (from {@code offset}) into the inside of {@code bordered}, whose border stays 0. */
    void border(float[] in, int offset, float[] bordered) {
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(in, offset + (c * height + y) * width, bordered,
                        c * planeSize + (y + padding) * rowWidth + padding, width);
            }
        }
    }

    /** Copies the inside of {@code bordered} into one sample's planes (from {@code offset}): the border is dropped. */
    void unborder(float[] bordered, float[] out, int offset) {
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(bordered, c * planeSize + (y + padding) * rowWidth + padding, out,
                        offset + (c * height + y) * width, width);
            }
        }
    }

    /**
     * The patch of every output position q with {@code wanted[q] != 0} into {@code patches[q]}, from
     * planes laid out as {@link #border} leaves them, starting at {@code base} ({@code src} is the
     * bordered copy, or the input itself when there is no padding).
     */
    void gather(float[] src, int base, float[] wanted, float[][] patches) {
        for (int oy = 0; oy < outHeight; oy++) {
            for (int ox = 0; ox < outWidth; ox++) {
                int q = oy * outWidth + ox;
                if (wanted[q] != 0) {
                    gather(src, base + oy * stride * rowWidth + ox * stride, patches[q]);
                }
            }
        }
    }

    private void gather(float[] src, int corner, float[] p) {
        int at = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                int s = corner + c * planeSize + ky * rowWidth;
                if (kernel == 5) {
                    p[at] = src[s];
                    p[at + 1] = src[s + 1];
                    p[at + 2] = src[s + 2];
                    p[at + 3] = src[s + 3];
                    p[at + 4] = src[s + 4];
                } else {
                    for (int kx = 0; kx < kernel; kx++) {
                        p[at + kx] = src[s + kx];
                    }
                }
                at += kernel;
            }
        }
    }

    /** Adds the row of dE/dpatch of output position q onto the pixels of its patch, in planes laid out as {@link #gather} reads them. */
    void scatter(float[] gradPatch, int q, float[] dst, int base) {
        int corner = base + (q / outWidth) * stride * rowWidth + (q % outWidth) * stride;
        int at = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                int s = corner + c * planeSize + ky * rowWidth;
                if (kernel == 5) {
                    dst[s] += gradPatch[at];
                    dst[s + 1] += gradPatch[at + 1];
                    dst[s + 2] += gradPatch[at + 2];
                    dst[s + 3] += gradPatch[at + 3];
                    dst[s + 4] += gradPatch[at + 4];
                } else {
                    for (int kx = 0; kx < kernel; kx++) {
                        dst[s + kx] += gradPatch[at + kx];
                    }
                }
                at += kernel;
            }
        }
    }

    /**
     * For stride 1: where tap (c, ky, kx) reads for output position (0, 0), in planes laid out as
     * {@link #border} leaves them. Output position (oy, ox) of a "wide" row (rows of the bordered
     * width: index oy x rowWidth + ox) then reads from that offset plus its index, so that a tap's
     * values for every position are one slice of the planes and need no copying.
     */
    int[] tapOffsets() {
        int[] off = new int[channels * kernel * kernel];
        int tap = 0;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    off[tap++] = c * planeSize + ky * rowWidth + kx;
                }
            }
        }
        return off;
    }

    /** The length of a wide row: up to the last output position, (OH - 1) x rowWidth + OW. */
    int wideLength() {
        return (outHeight - 1) * rowWidth + outWidth;
    }

    /** Copies the output positions of a wide row (from {@code from}) into a plane of OH x OW values from {@code at}. */
    void narrow(float[] wide, int from, float[] out, int at) {
        for (int oy = 0; oy < outHeight; oy++) {
            System.arraycopy(wide, from + oy * rowWidth, out, at + oy * outWidth, outWidth);
        }
    }
}
