package org.backproplab.session;

import java.util.Arrays;
import java.util.List;

/**
 * The vectorised view of one layer at the current stage, as the tutorial writes it: one column
 * per sample of the batch, so that Z[l] = W[l] A[l-1] + b[l] holds for the whole batch at once.
 *
 * @param dense  false for a network with maps (convolution, pooling): then nothing else is filled
 * @param layer  the layer shown, counted from 1 as the tutorial counts (A[0] is the input X)
 * @param layers how many layers the network has
 * @param batch  m, the samples of the batch
 * @param blocks the matrices, in the order the iteration computes them
 * @param table  the tutorial's table of dimensions, with this layer's numbers
 */
public record StepMatrixSnapshot(boolean dense, int layer, int layers, int batch, List<Block> blocks,
        List<ShapeRow> table) {

    public StepMatrixSnapshot {
        blocks = List.copyOf(blocks);
        table = List.copyOf(table);
    }

    /** Shown for a network with maps, which this view does not cover. */
    static final StepMatrixSnapshot NOT_DENSE = new StepMatrixSnapshot(false, 0, 0, 0, List.of(), List.of());

    /** The block with this name ("Z[2]"), or null. */
    public Block block(String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One matrix: its name, how it is computed, its shape, and its values row by row (null while
     * the stage that computes it has not run).
     *
     * @param current whether the stage run last computed it
     * @param hidden  the cells (row * cols + col) predict mode still asks for, shown as "?"; null: none
     */
    public record Block(String name, String formula, int rows, int cols, double[] values, boolean current,
            boolean[] hidden) {
        public Block {
            values = values == null ? null : values.clone();
            hidden = hidden == null ? null : hidden.clone();
            if (values != null && values.length != rows * cols) {
                throw new IllegalArgumentException(name + ": " + values.length + " values for " + rows + "x" + cols);
            }
            if (hidden != null && hidden.length != rows * cols) {
                throw new IllegalArgumentException(name + ": " + hidden.length + " cells hidden for " + rows + "x" + cols);
            }
        }

        /** A block with every value shown. */
        public Block(String name, String formula, int rows, int cols, double[] values, boolean current) {
            this(name, formula, rows, cols, values, current, null);
        }

        @Override
        public boolean[] hidden() {
            return hidden == null ? null : hidden.clone();
        }

        /** Whether predict mode still asks for the value at (row, col). */
        public boolean isHidden(int row, int col) {
            return hidden != null && hidden[row * cols + col];
        }

        /** The cell as the view shows it: 6 significant digits, or "?" while it is asked. */
        public String text(int row, int col) {
            return isHidden(row, col) ? PredictMask.HIDDEN : Numbers.shortNumber(value(row, col));
        }

        @Override
        public double[] values() {
            return values == null ? null : values.clone();
        }

        public boolean computed() {
            return values != null;
        }

        public double value(int row, int col) {
            return values[row * cols + col];
        }

        /** "[2, 4]": rows, columns. */
        public String shape() {
            return "[" + rows + ", " + cols + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && b.name.equals(name) && b.formula.equals(formula) && b.rows == rows
                    && b.cols == cols && Arrays.equals(b.values, values) && b.current == current
                    && Arrays.equals(b.hidden, hidden);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return name + " " + shape();
        }
    }

    /**
     * A row of the table of dimensions: the quantities, the tutorial's rule and this layer's shape.
     *
     * @param quantities "W[l], dW[l]"
     * @param rule       "[n_l, n_(l-1)]"
     * @param shape      "[2, 2]"
     */
    public record ShapeRow(String quantities, String rule, String shape) {
    }
}
