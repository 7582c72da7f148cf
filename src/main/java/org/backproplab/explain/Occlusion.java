package org.backproplab.explain;

/**
 * Occlusion (Zeiler and Fergus 2014): a {@code patch x patch} square filled with {@code fill},
 * moved over the image with a stride of {@code patch} (the last row and column of cells are cut
 * by the image's edge when the patch does not divide its size). For each cell:
 * <pre>
 * cells[cell]   = y_c(image) - y_c(image with the cell hidden)   (positive: hiding it lowered y_c)
 * winners[cell] = argmax_j p_j(image with the cell hidden)
 * </pre>
 * {@code map} and {@link #winnerMap()} give every pixel its cell's value, at the image's size.
 */
public record Occlusion(int classIndex, ScoreTarget target, int patch, double fill, double score, Grid cells,
        int[] winners, Grid map) {
    public Occlusion {
        winners = winners.clone();
    }

    /** The winning class per cell, row by row (a copy). */
    @Override
    public int[] winners() {
        return winners.clone();
    }

    /** The winning class of the cell over each pixel, {@code map.rows()} arrays of {@code map.cols()}. */
    public int[][] winnerMap() {
        int[][] out = new int[map.rows()][map.cols()];
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                out[r][c] = winners[(r / patch) * cells.cols() + c / patch];
            }
        }
        return out;
    }
}
