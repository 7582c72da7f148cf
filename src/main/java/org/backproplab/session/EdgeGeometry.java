package org.backproplab.session;

import java.util.Arrays;

/**
 * Where a graph view draws its edges, in the pixels of the picture they are drawn into (the
 * view's size times the screen's output scale): what the playground's worker needs to draw them
 * ({@link EdgePicture}). Made by the view when its layout changes; the same object until then, so
 * that a picture drawn for it is recognised by identity.
 *
 * @param width     the picture's width in pixels
 * @param height    the picture's height in pixels
 * @param ends      edge e runs from (ends[4e], ends[4e + 1]) to (ends[4e + 2], ends[4e + 3]), in pixels
 * @param widthUnit pixels of stroke width per unit of {@code 1 + 6 x} an edge's relative width
 * @param skipped   the edge the view draws itself (the selected one), or -1
 */
public record EdgeGeometry(int width, int height, double[] ends, double widthUnit, int skipped) {
    public EdgeGeometry {
        ends = ends.clone();
    }

    /** How many edges. */
    public int edges() {
        return ends.length / 4;
    }

    @Override
    public double[] ends() {
        return ends.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeGeometry g && width == g.width && height == g.height && widthUnit == g.widthUnit
                && skipped == g.skipped && Arrays.equals(ends, g.ends);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ends) + width * 7 + height + skipped;
    }

    @Override
    public String toString() {
        return "EdgeGeometry[" + width + " x " + height + ", " + edges() + " edges]";
    }
}
