package org.backproplab.ui;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Premultiplied ARGB pixels drawn on the FX thread and shown by one image that shares their format
 * (a {@link PixelBuffer}: no conversion when they are handed over), with source-over blending as
 * the renderer blends: the picture {@link CurveRaster} draws loss curves into and {@link MapPicture}
 * scales the data map into; {@link EdgeRaster} hands it edges drawn elsewhere ({@link #show(int[])}).
 */
final class ArgbPicture {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private IntBuffer buffer;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private WritableImage image;

    /** Starts a transparent picture of {@code width} x {@code height} pixels (at least 1 x 1); whether its image is new. */
    boolean begin(int width, int height) {
        if (!size(width, height)) {
            Arrays.fill(pixels, 0);
            return false;
        }
        return true;
    }

    /** A picture of {@code width} x {@code height} pixels (at least 1 x 1), its pixels as they were if that size; whether its image is new. */
    boolean size(int width, int height) {
        int w = Math.max(1, width);
        int h = Math.max(1, height);
        if (w == this.width && h == this.height) {
            return false;
        }
        this.width = w;
        this.height = h;
        pixels = new int[w * h];
        buffer = ByteBuffer.allocateDirect(4 * w * h).order(ByteOrder.nativeOrder()).asIntBuffer();
        pixelBuffer = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(pixelBuffer);
        return true;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The image that shows the pixels as last {@link #show}n. */
    WritableImage image() {
        return image;
    }

    /** The premultiplied ARGB pixels, row by row, to draw into; {@link #show} hands them to the image. */
    int[] pixels() {
        return pixels;
    }

    /** The premultiplied ARGB pixel at column x, row y. */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** Hands what was drawn since {@link #begin} to the image. */
    void show() {
        pixelBuffer.updateBuffer(b -> {
            buffer.put(0, pixels);
            return null;
        });
    }

    /** Hands {@code drawn} (as many premultiplied ARGB values as this picture's, row by row) to the image instead of its own pixels. */
    void show(int[] drawn) {
        pixelBuffer.updateBuffer(b -> {
            buffer.put(0, drawn, 0, width * height);
            return null;
        });
    }

    /**
     * Source over at pixel {@code i} (row * width + column) with the colour (r, g, b) at opacity
     * a / 65536, in fixed point: out = src x a + dst x (1 - a) for each premultiplied channel,
     * rounded to the nearest.
     */
    void blend(int i, int r, int g, int b, int a) {
        int dst = pixels[i];
        int keep = 65536 - a;
        int da = (255 * a + (dst >>> 24) * keep + 32768) >>> 16;
        int dr = (r * a + ((dst >> 16) & 0xFF) * keep + 32768) >>> 16;
        int dg = (g * a + ((dst >> 8) & 0xFF) * keep + 32768) >>> 16;
        int db = (b * a + (dst & 0xFF) * keep + 32768) >>> 16;
        pixels[i] = da << 24 | dr << 16 | dg << 8 | db;
    }
}
