package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.MaxPoolLayer;

/**
 * The arithmetic behind one number of a convolution or a max-pooling layer, term by term, read
 * from an iteration's records: what the walk-through prints and the inspector shows for a cell of
 * a map or a kernel weight. Maps are indexed [channel][row][column] (PyTorch's layout); a sample
 * is a row of C H W values, channel by channel, row by row.
 */
public final class MapArithmetic {
    private MapArithmetic() {
    }

    /** A convolution's shape: C x H x W in, F filters of k x k, stride, padding, F x OH x OW out. */
    public record ConvShape(int channels, int height, int width, int filters, int kernel, int stride, int padding,
            int outHeight, int outWidth) {
        public static ConvShape of(ConvLayer c) {
            return new ConvShape(c.inputChannels(), c.inputHeight(), c.inputWidth(), c.filters(), c.kernel(), c.stride(),
                    c.padding(), c.outHeight(), c.outWidth());
        }

        /** Index of input pixel (c, y, x) in a sample's row. */
        public int input(int c, int y, int x) {
            return (c * height + y) * width + x;
        }

        /** Index of output cell (f, y, x) in a sample's row. */
        public int output(int f, int y, int x) {
            return (f * outHeight + y) * outWidth + x;
        }

        /** Column of W[f] for tap (c, i, j). */
        public int tap(int c, int i, int j) {
            return (c * kernel + i) * kernel + j;
        }
    }

    /** A max-pooling layer's shape: C x H x W in, k x k windows with stride k, C x OH x OW out. */
    public record PoolShape(int channels, int height, int width, int size, int outHeight, int outWidth) {
        public static PoolShape of(MaxPoolLayer p) {
            return new PoolShape(p.channels(), p.inputHeight(), p.inputWidth(), p.size(), p.outHeight(), p.outWidth());
        }

        /** Index of output cell (c, y, x) in a sample's row. */
        public int output(int c, int y, int x) {
            return (c * outHeight + y) * outWidth + x;
        }
    }

    /** One tap of a window: input pixel (channel, row, column), 0 in the padding, times its weight. */
    public record Product(int channel, int row, int column, double input, double weight, double product) {
    }

    /** z = sum of the window's products + b, a = f(z), at output cell (filter, row, column). */
    public record ConvCell(int filter, int row, int column, List<Product> products, double sum, double bias, double z,
            double a, Activation activation) {
    }

    /** delta[f][y][x] x input[c][y s + i - p][x s + j - p] at one output cell (of one sample). */
    public record Term(int sample, int row, int column, double delta, double input, double product) {
    }

    /** dE/dw[f][c][i][j] = sum of the terms. */
    public record WeightGradient(int filter, int channel, int i, int j, List<Term> terms, double sum) {
    }

    /** dE/dx at input pixel (channel, row, column) = sum over filters and taps of delta x w. */
    public record InputTerm(int filter, int row, int column, int i, int j, double delta, double weight,
            double product) {
    }

    public record InputGradient(int channel, int row, int column, List<InputTerm> terms, double sum) {
    }

    /** A pooling window: its values row by row, which one won (the first of equal largest), the output. */
    public record PoolWindow(int channel, int row, int column, double[] values, int winner, double output) {
        public PoolWindow {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /** The forward arithmetic of output cell (f, y, x) of {@code sample}. */
    public static ConvCell cell(ConvShape g, ForwardRecord r, int sample, int f, int y, int x) {
        List<Product> products = new ArrayList<>();
        double sum = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernel(); i++) {
                for (int j = 0; j < g.kernel(); j++) {
                    int iy = y * g.stride() + i - g.padding();
                    int ix = x * g.stride() + j - g.padding();
                    boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                    double in = inside ? r.input().get(sample, g.input(c, iy, ix)) : 0;
                    double w = r.weights().get(f, g.tap(c, i, j));
                    products.add(new Product(c, iy, ix, in, w, in * w));
                    sum += in * w;
                }
            }
        }
        int o = g.output(f, y, x);
        return new ConvCell(f, y, x, products, sum, r.bias().get(f, 0), r.preActivation().get(sample, o),
                r.activation().get(sample, o), r.function());
    }

    /** dE/dw[f][c][i][j] as the sum over the batch's output cells of delta times the pixel under the tap. */
    public static WeightGradient weight(ConvShape g, ForwardRecord fwd, BackwardRecord back, int f, int c, int i,
            int j) {
        List<Term> terms = new ArrayList<>();
        double sum = 0;
        for (int s = 0; s < back.delta().rows(); s++) {
            for (int y = 0; y < g.outHeight(); y++) {
                for (int x = 0; x < g.outWidth(); x++) {
                    int iy = y * g.stride() + i - g.padding();
                    int ix = x * g.stride() + j - g.padding();
                    boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                    double in = inside ? fwd.input().get(s, g.input(c, iy, ix)) : 0;
                    double d = back.delta().get(s, g.output(f, y, x));
                    terms.add(new Term(s, y, x, d, in, d * in));
                    sum += d * in;
                }
            }
        }
        return new WeightGradient(f, c, i, j, terms, sum);
    }

    /** dE/db_f: the deltas of filter f's map, every sample, row by row. */
    public static List<Double> biasTerms(ConvShape g, BackwardRecord back, int f) {
        List<Double> out = new ArrayList<>();
        for (int s = 0; s < back.delta().rows(); s++) {
            for (int y = 0; y < g.outHeight(); y++) {
                for (int x = 0; x < g.outWidth(); x++) {
                    out.add(back.delta().get(s, g.output(f, y, x)));
                }
            }
        }
        return out;
    }

    /**
     * dE/dx[c][row][column] of {@code sample}: every output cell whose window covers the pixel
     * contributes delta x the weight of the tap that reads it (the full convolution with the
     * flipped kernel).
     */
    public static InputGradient input(ConvShape g, ForwardRecord fwd, BackwardRecord back, int sample, int c, int row,
            int column) {
        List<InputTerm> terms = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < g.filters(); f++) {
            for (int i = 0; i < g.kernel(); i++) {
                for (int j = 0; j < g.kernel(); j++) {
                    int ny = row + g.padding() - i;
                    int nx = column + g.padding() - j;
                    if (ny < 0 || nx < 0 || ny % g.stride() != 0 || nx % g.stride() != 0) {
                        continue;
                    }
                    int y = ny / g.stride();
                    int x = nx / g.stride();
                    if (y >= g.outHeight() || x >= g.outWidth()) {
                        continue;
                    }
                    double d = back.delta().get(sample, g.output(f, y, x));
                    double w = fwd.weights().get(f, g.tap(c, i, j));
                    terms.add(new InputTerm(f, y, x, i, j, d, w, d * w));
                    sum += d * w;
                }
            }
        }
        return new InputGradient(c, row, column, terms, sum);
    }

    /** The window of pooled cell (c, y, x) of {@code sample}, and its winner as the forward pass chose it. */
    public static PoolWindow window(PoolShape pool, ForwardRecord r, int sample, int c, int y, int x) {
        int k = pool.size();
        int h = pool.height();
        int w = pool.width();
        double[] values = new double[k * k];
        int o = pool.output(c, y, x);
        int won = (int) r.winners().get(sample, o);
        int winner = -1;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int index = (c * h + y * k + i) * w + x * k + j;
                values[i * k + j] = r.input().get(sample, index);
                if (index == won) {
                    winner = i * k + j;
                }
            }
        }
        return new PoolWindow(c, y, x, values, winner, r.activation().get(sample, o));
    }
}
