package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Optimizer;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Stage;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.MapArithmetic;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * Worker thread: one digit through a copy of the digits network (forward, softmax cross-entropy
 * against its label, backward; no update), as the Step-by-step tab runs an iteration, and what the
 * "Numbers inside" view shows of the layer, map and cell chosen: the same {@link MapInspector}
 * as the convolution worked example, with a finite-difference estimate for the one parameter chosen.
 */
final class DigitsCellsWork {
    /** Side of the enlarged input and output pictures, in pixels. */
    static final int SIDE = 224;
    private static final int FRAME = 0xFF00A040;
    private static final int WINDOW = 0xFF202020;
    private static final double H = 1e-5;

    private DigitsCellsWork() {
    }

    /**
     * What a person chose: the layer (its position among the convolution and pooling layers), the
     * output map, the input channel, the cell, and the kernel weight (i k + j), -1 for none or -2 for the bias.
     */
    record Choice(int position, int map, int channel, int y, int x, int chosen) {
        static final Choice FIRST = new Choice(0, 0, 0, -1, -1, -1);
    }

    /** One digit's pass: the network copy it ran on, its records, and the target it was scored against. */
    record Pass(Network net, StepSnapshot state, MapLayout layout, List<Integer> mapLayers, int label, int target) {
    }

    /** Runs {@code image} through a copy of {@code probe}; the target is the label, or the prediction of a drawing (label -1). */
    static Pass pass(Network probe, double[] image, int label, int prediction) {
        Network net = probe.copy();
        MapLayout layout = MapLayout.of(net);
        List<Integer> mapLayers = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            if (layout.layers().get(l).isConv() || layout.layers().get(l).isPool()) {
                mapLayers.add(l);
            }
        }
        if (mapLayers.isEmpty()) {
            return new Pass(net, null, layout, mapLayers, label, -1);
        }
        int target = label >= 0 ? label : Math.max(0, prediction);
        double[] t = new double[net.outputSize()];
        t[target] = 1;
        Samples one = Samples.of(new double[][] {image}, new double[][] {t});
        Trainer trainer = new Trainer(net, new Optimizer.Sgd(1), Regularization.NONE, one, 1, 1);
        trainer.setClassification(true);
        Stepper stepper = new Stepper(trainer, 1);
        List<StageRecord> records = new ArrayList<>();
        do {
            records.add(stepper.next());
        } while (stepper.nextStage().kind() != Stage.Kind.UPDATE);
        List<Integer> sizes = new ArrayList<>(List.of(net.inputSize()));
        List<String> activations = new ArrayList<>();
        for (Layer l : net.layers()) {
            sizes.add(l.outputSize());
            activations.add(l.activation().id());
        }
        StepSnapshot state = new StepSnapshot("digits", sizes, activations, 1, 0, records, stepper.nextStage(),
                net.copyParameters(), ImmutableMatrix.row(image), ImmutableMatrix.row(t), 1, BiasMode.TRAINED, "sgd",
                net.loss().id(), Map.of(), LossHistory.Curve.EMPTY, false, 0);
        return new Pass(net, state, layout, mapLayers, label, target);
    }

    /** What the view shows of {@code pass} for {@code c} (already checked against the layout). */
    static DigitsCellsSnapshot show(Pass pass, Choice c, long version) {
        if (pass.state() == null) {
            return DigitsCellsSnapshot.none(Phrase.key("cells.noMaps"), version);
        }
        int l = pass.mapLayers().get(c.position());
        MapLayout.Shape shape = pass.layout().layers().get(l);
        int[] out = shape.output();
        ForwardRecord fwd = StageRecords.of(pass.state().records()).forward(l);
        double[] in = fwd.input().rowValues(0);
        int inH = shape.isConv() ? shape.conv().height() : shape.pool().height();
        int inW = shape.isConv() ? shape.conv().width() : shape.pool().width();
        int size = shape.isConv() ? shape.conv().kernel() : shape.pool().size();
        int stride = shape.isConv() ? shape.conv().stride() : size;
        int pad = shape.isConv() ? shape.conv().padding() : 0;
        int channel = shape.isConv() ? c.channel() : c.map();
        int top = c.y() * stride - pad;
        int left = c.x() * stride - pad;
        double[] plane = slice(in, channel, inH * inW);
        List<String> window = new ArrayList<>();
        List<Integer> windowArgb = new ArrayList<>();
        double inMax = DigitsPictures.maxAbs(plane);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int yy = top + i;
                int xx = left + j;
                double v = yy < 0 || xx < 0 || yy >= inH || xx >= inW ? 0 : plane[yy * inW + xx];
                window.add(grid(v));
                windowArgb.add(PlaygroundPictures.color(v, -inMax, inMax));
            }
        }
        int winner = -1;
        if (shape.isPool()) {
            winner = MapArithmetic.window(shape.pool(), fwd, 0, c.map(), c.y(), c.x()).winner();
        }
        List<String> weights = new ArrayList<>();
        List<Integer> weightArgb = new ArrayList<>();
        String bias = "";
        if (shape.isConv()) {
            ImmutableMatrix w = pass.state().parameters().get(Parameter.weightsName(l));
            double wMax = 1e-9;
            for (int k = 0; k < w.cols(); k++) {
                wMax = Math.max(wMax, Math.abs(w.get(c.map(), k)));
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    double v = w.get(c.map(), shape.conv().tap(channel, i, j));
                    weights.add(grid(v));
                    weightArgb.add(PlaygroundPictures.color(v, -wMax, wMax));
                }
            }
            bias = grid(pass.state().parameters().get(Parameter.biasName(l)).get(c.map(), 0));
        }
        double[] outPlane = slice(StageRecords.of(pass.state().records()).forward(l).activation().rowValues(0), c.map(),
                out[1] * out[2]);
        Picture input = framed(plane, inH, inW, top, left, size, size, WINDOW,
                winner < 0 ? null : new int[] {top + winner / size, left + winner % size});
        Picture output = framed(outPlane, out[1], out[2], c.y(), c.x(), 1, 1, FRAME, null);
        GraphItem item = item(pass, l, shape, c);
        StepSnapshot state = pass.state();
        if (c.chosen() != -1 && shape.isConv()) {
            state = withEstimate(pass, item);
        }
        InspectorSnapshot inspector = MapInspector.withoutTable(state, pass.layout(), item);
        List<Phrase> layers = new ArrayList<>();
        for (int m : pass.mapLayers()) {
            layers.add(caption(m, pass.layout().layers().get(m)));
        }
        Phrase digit = pass.label() >= 0 ? Phrase.key("cells.testDigit", pass.label())
                : Phrase.key("cells.drawnDigit", pass.target());
        return new DigitsCellsSnapshot(layers, c.position(), shape.isConv(), out[0], c.map(),
                shape.isConv() ? shape.conv().channels() : out[0], channel, c.y(), c.x(), out[1], out[2], inH, inW,
                input, output, size, window, windowArgb, winner, weights, weightArgb, bias,
                shape.isConv() ? c.chosen() : -1, digit, inspector, version);
    }

    /** The output cell, the kernel weight or the bias chosen. */
    private static GraphItem item(Pass pass, int l, MapLayout.Shape shape, Choice c) {
        int[] out = shape.output();
        if (shape.isConv() && c.chosen() == -2) {
            return GraphItem.bias(l, c.map());
        }
        if (shape.isConv() && c.chosen() >= 0) {
            int k = shape.conv().kernel();
            return GraphItem.weight(l, c.map(), shape.conv().tap(c.channel(), c.chosen() / k, c.chosen() % k));
        }
        return GraphItem.neuron(l, (c.map() * out[1] + c.y()) * out[2] + c.x());
    }

    /** The cell of map {@code map} of layer {@code l} with the largest value (its index in the map). */
    static int strongest(Pass pass, int l, int map) {
        int[] out = pass.layout().layers().get(l).output();
        int plane = out[1] * out[2];
        double[] a = StageRecords.of(pass.state().records()).forward(l).activation().rowValues(0);
        int best = 0;
        for (int i = 1; i < plane; i++) {
            if (a[map * plane + i] > a[map * plane + best]) {
                best = i;
            }
        }
        return best;
    }

    static Phrase caption(int l, MapLayout.Shape s) {
        int[] o = s.output();
        return s.isConv()
                ? Phrase.key("cells.layer.conv", l + 1, s.conv().filters(), s.conv().kernel(), o[1], o[2], s.activation())
                : Phrase.key("cells.layer.pool", l + 1, s.pool().size(), o[0], o[1], o[2]);
    }

    /**
     * The state with the central difference (E(p + h) - E(p - h)) / 2h of the chosen parameter,
     * on a copy holding each dropout layer's mask of the pass (the same function backpropagation differentiated).
     */
    private static StepSnapshot withEstimate(Pass pass, GraphItem item) {
        String name = item.kind() == GraphItem.Kind.BIAS ? Parameter.biasName(item.layer())
                : Parameter.weightsName(item.layer());
        int col = item.kind() == GraphItem.Kind.BIAS ? 0 : item.col();
        Network copy = pass.net().copy();
        for (int l = 0; l < copy.layerCount(); l++) {
            if (copy.layer(l) instanceof DropoutLayer d && pass.net().layer(l) instanceof DropoutLayer ran) {
                boolean[][] mask = ran.lastMask();
                d.fixMask(mask.length == 0 ? null : mask);
            }
        }
        copy.restoreParameters(pass.state().parameters());
        double w = pass.state().parameters().get(name).get(item.row(), col);
        var x = pass.state().inputs().toMatrix();
        var t = pass.state().targets().toMatrix();
        copy.setParameterValue(name, item.row(), col, w + H);
        double plus = copy.totalLoss(x, t, Regularization.NONE);
        copy.setParameterValue(name, item.row(), col, w - H);
        double minus = copy.totalLoss(x, t, Regularization.NONE);
        ImmutableMatrix shapeOf = pass.state().parameters().get(name);
        double[][] est = new double[shapeOf.rows()][shapeOf.cols()];
        est[item.row()][col] = (plus - minus) / (2 * H);
        return pass.state().withNumericGradients(Map.of(name, ImmutableMatrix.of(est)));
    }

    private static double[] slice(double[] values, int plane, int size) {
        double[] out = new double[size];
        System.arraycopy(values, plane * size, out, 0, size);
        return out;
    }

    /** A number in a grid cell: 3 decimals (the inspector's lines give every digit). */
    private static String grid(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /**
     * The map {@code values} (h x w) enlarged to about {@link #SIDE} pixels on the diverging scale,
     * with the rows x cols block at (top, left) framed in {@code colour} (clipped to the map), and a
     * cell framed in green when {@code winner} is not null.
     */
    static Picture framed(double[] values, int h, int w, int top, int left, int rows, int cols, int colour,
            int[] winner) {
        int scale = Math.max(1, SIDE / Math.max(h, w));
        int pw = w * scale;
        int ph = h * scale;
        double max = DigitsPictures.maxAbs(values);
        int[] px = new int[pw * ph];
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                px[y * pw + x] = PlaygroundPictures.color(values[y / scale * w + x / scale], -max, max);
            }
        }
        if (top >= -rows && left >= -cols) {
            frame(px, pw, ph, top * scale, left * scale, rows * scale, cols * scale, colour);
        }
        if (winner != null) {
            frame(px, pw, ph, winner[0] * scale, winner[1] * scale, scale, scale, FRAME);
        }
        return new Picture(pw, ph, px);
    }

    /** A two-pixel frame just inside the block, the parts outside the picture left out. */
    private static void frame(int[] px, int pw, int ph, int top, int left, int height, int width, int colour) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                boolean edge = y - top < 2 || top + height - 1 - y < 2 || x - left < 2 || left + width - 1 - x < 2;
                if (edge && y >= 0 && x >= 0 && y < ph && x < pw) {
                    px[y * pw + x] = colour;
                }
            }
        }
    }
}
