package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.FlattenLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.SubsamplingLayer;
import org.ejml.data.DMatrixRMaj;

/**
 * Looking inside a digits network: the model summary, a digit's feature maps, saliency, occlusion,
 * and the preprocessing of a hand-drawn digit the way MNIST digits were made.
 */
public final class Digits {
    private Digits() {
    }

    /**
     * One row of the model summary; {@code kind} is input, conv, maxpool, subsampling, flatten,
     * dropout or dense (as in model files), {@code args} what describes the layer beyond its kind
     * (a conv's kernel side and activation, a pool's size, a dropout's rate, a dense layer's
     * activation), for the window to write in its language. Shapes are C x H x W, PyTorch's order.
     */
    public record SummaryRow(String kind, List<Object> args, String shape, long parameters) {
        public SummaryRow {
            args = List.copyOf(args);
        }
    }

    /**
     * Layer, output shape and parameter count of every layer, first layer first; a layer of a
     * kind not listed here is refused, so that no row is silently left out.
     */
    public static List<SummaryRow> summary(Network net) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(new SummaryRow("input", List.of(), "1 x 28 x 28", 0));
        for (Layer l : net.layers()) {
            long params = l.parameters().stream().mapToLong(p -> p.size()).sum();
            if (l instanceof ConvLayer c) {
                rows.add(new SummaryRow("conv", List.of(c.kernel(), l.activation().id()),
                        c.filters() + " x " + c.outHeight() + " x " + c.outWidth(), params));
            } else if (l instanceof MaxPoolLayer p) {
                rows.add(new SummaryRow("maxpool", List.of(p.size()),
                        p.channels() + " x " + p.outHeight() + " x " + p.outWidth(), 0));
            } else if (l instanceof SubsamplingLayer s) {
                rows.add(new SummaryRow("subsampling", List.of(s.size(), l.activation().id()),
                        s.channels() + " x " + s.outHeight() + " x " + s.outWidth(), params));
            } else if (l instanceof FlattenLayer) {
                rows.add(new SummaryRow("flatten", List.of(), String.valueOf(l.outputSize()), 0));
            } else if (l instanceof DropoutLayer d) {
                rows.add(new SummaryRow("dropout", List.of(d.rate()), d.height() * d.width() == 1
                        ? String.valueOf(d.channels()) : d.channels() + " x " + d.height() + " x " + d.width(), 0));
            } else if (l instanceof DenseLayer) {
                rows.add(new SummaryRow("dense", List.of(l.activation().id()), String.valueOf(l.outputSize()), params));
            } else {
                throw new IllegalArgumentException("a " + l.getClass().getSimpleName() + " has no row in a summary");
            }
        }
        return rows;
    }

    /** Every layer's activations for one image (a row of 784 values in [0, 1]); z of layer l is a[l]. */
    public static List<double[]> featureMaps(Network net, double[] image) {
        net.forward(new DMatrixRMaj(1, image.length, true, image));
        List<double[]> out = new ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            out.add(net.activationValues(l).rowValues(0));
        }
        return out;
    }

    /**
     * Saliency: |d ln p_c / dx| for each pixel, c the given class: how much each pixel moves the
     * class's log-probability (the gradient of the cross-entropy with target c, by backpropagation
     * down to the input).
     */
    public static double[] saliency(Network net, double[] image, int cls) {
        DMatrixRMaj x = new DMatrixRMaj(1, image.length, true, image.clone());
        DMatrixRMaj t = new DMatrixRMaj(1, net.outputSize());
        t.set(0, cls, 1);
        net.forward(x);
        net.backward(t, org.backproplab.engine.Regularization.NONE, true);
        double[] g = net.inputGradientValues().rowValues(0);
        double[] out = new double[image.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.abs(g[i]);
        }
        return out;
    }

    /**
     * Occlusion: for each patch x patch square (stride patch), how much the probability of class c
     * drops when the square is set to 0 (the background). One value per square, row by row.
     */
    public static double[] occlusion(Network net, double[] image, int cls, int patch) {
        int side = 28 / patch;
        net.forward(new DMatrixRMaj(1, image.length, true, image.clone()));
        double base = net.outputValues().get(0, cls);
        DMatrixRMaj batch = new DMatrixRMaj(side * side, image.length);
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                int row = py * side + px;
                System.arraycopy(image, 0, batch.data, row * image.length, image.length);
                for (int y = py * patch; y < (py + 1) * patch; y++) {
                    for (int x = px * patch; x < (px + 1) * patch; x++) {
                        batch.data[row * image.length + y * 28 + x] = 0;
                    }
                }
            }
        }
        net.forward(batch);
        ImmutableMatrix out = net.outputValues();
        double[] drop = new double[side * side];
        for (int i = 0; i < drop.length; i++) {
            drop[i] = base - out.get(i, cls);
        }
        return drop;
    }

    /**
     * A drawing (values in [0, 1], any square size) made into an MNIST-like digit: cropped to its
     * ink, scaled so that its longer side is 20 pixels, and placed in 28 x 28 with its centre of
     * mass at the centre, as the MNIST digits were. A blank drawing gives a blank image.
     */
    public static double[] preprocess(double[] drawing, int size) {
        int minX = size;
        int minY = size;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (drawing[y * size + x] > 0.05) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double[] out = new double[784];
        if (maxX < 0) {
            return out;
        }
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        double scale = 20.0 / Math.max(w, h);
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        // area-average the ink box into sw x sh
        double[] small = new double[sw * sh];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double x0 = minX + x / scale;
                double x1 = minX + (x + 1) / scale;
                double y0 = minY + y / scale;
                double y1 = minY + (y + 1) / scale;
                double sum = 0;
                int n = 0;
                for (int yy = (int) y0; yy < Math.ceil(y1) && yy < size; yy++) {
                    for (int xx = (int) x0; xx < Math.ceil(x1) && xx < size; xx++) {
                        sum += drawing[yy * size + xx];
                        n++;
                    }
                }
                small[y * sw + x] = n == 0 ? 0 : sum / n;
            }
        }
        // centre of mass of the scaled digit
        double mass = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double v = small[y * sw + x];
                mass += v;
                cx += v * x;
                cy += v * y;
            }
        }
        cx = mass > 0 ? cx / mass : sw / 2.0;
        cy = mass > 0 ? cy / mass : sh / 2.0;
        int ox = (int) Math.round(14 - cx);
        int oy = (int) Math.round(14 - cy);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + ox;
                int ty = y + oy;
                if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) {
                    out[ty * 28 + tx] = Math.min(1, small[y * sw + x]);
                }
            }
        }
        return out;
    }
}
