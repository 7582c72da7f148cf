package org.backproplab.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backproplab.explain.Grid;
import org.backproplab.io.AtomicFiles;

/**
 * A map as a PNG, each value a 10 x 10 square, scaled for display by its largest absolute value:
 * black (0) to white (the largest); a signed map (occlusion) white at 0, red where hiding the patch
 * lowered the score, blue where it raised it. Written atomically.
 */
final class MapPicture {
    static final int SCALE = 10;

    private MapPicture() {
    }

    static void write(Path file, Grid map, boolean signed) throws IOException {
        Grid shown = map.scaledToMax();
        BufferedImage image = new BufferedImage(map.cols() * SCALE, map.rows() * SCALE, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                int rgb = signed ? diverging(shown.get(r, c)) : grey(shown.get(r, c));
                for (int y = 0; y < SCALE; y++) {
                    for (int x = 0; x < SCALE; x++) {
                        image.setRGB(c * SCALE + x, r * SCALE + y, rgb);
                    }
                }
            }
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** v in [0, 1] as grey. */
    static int grey(double v) {
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
        return g << 16 | g << 8 | g;
    }

    /** v in [-1, 1]: white at 0, red towards 1, blue towards -1. */
    static int diverging(double v) {
        int fade = (int) Math.round(255 * (1 - Math.min(1, Math.abs(v))));
        return v >= 0 ? 255 << 16 | fade << 8 | fade : fade << 16 | fade << 8 | 255;
    }
}
