package org.backproplab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.OptimizerLines;

/**
 * The objects of {@code trace --json}: one per iteration with every layer's numbers, and the
 * final parameters. Each layer names its {@code type} and attributes; a dense layer's values are
 * flat lists (one per sample when the batch has several), a convolution's and a pooling layer's
 * are maps as nested lists [channel][row][column] (PyTorch's layout; [sample][channel][row][column]
 * for a batch of several), a convolution's W is [filter][channel][row][column].
 */
final class TraceJson {
    private final Network network;

    TraceJson(Network network) {
        this.network = network;
    }

    /**
     * The line of one iteration; the first also holds its batch ({@code input}, {@code target})
     * and the loss's id.
     */
    Map<String, Object> step(int step, List<StageRecord> records, boolean first) {
        Map<String, Object> line = Json.object();
        line.put("step", step);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            layers.add(describe(network.layer(l)));
        }
        for (StageRecord r : records) {
            if (r instanceof ForwardRecord f) {
                forward(f, layers.get(f.layer()), first);
                if (first && f.layer() == 0) {
                    line.put("input", values(f.input(), inputShape()));
                }
            } else if (r instanceof LossRecord loss) {
                if (first) {
                    line.put("target", Json.samples(loss.targets()));
                    line.put("loss_function", loss.loss().id());
                }
                line.put("loss", loss.total());
            } else if (r instanceof BackwardRecord b) {
                backward(b, layers.get(b.layer()));
            } else if (r instanceof UpdateRecord u) {
                if (first) {
                    line.put("optimizer", hyperparameters(u.spec()));
                }
                for (ParameterUpdate p : u.parameters()) {
                    update(u, p, layers.get(p.layer()));
                }
            }
        }
        line.put("layers", layers);
        return line;
    }

    /** The optimizer's name and hyperparameters, as torch.optim names them. */
    private static Map<String, Object> hyperparameters(OptimizerSpec spec) {
        Map<String, Object> o = Json.object();
        o.put("name", spec instanceof OptimizerSpec.Momentum ? "momentum" : spec instanceof OptimizerSpec.Adam ? "adam" : "sgd");
        o.put("lr", spec.learningRate());
        if (spec instanceof OptimizerSpec.Momentum m) {
            o.put("momentum", m.momentum());
        } else if (spec instanceof OptimizerSpec.Adam a) {
            o.put("beta1", a.beta1());
            o.put("beta2", a.beta2());
            o.put("eps", a.epsilon());
        }
        return o;
    }

    /**
     * The layer's {@code optimizer} object: per parameter ("W", "b") the step taken and the
     * optimizer's state after it (velocity; or m, v, m_hat, v_hat and t), shaped as the parameter.
     */
    @SuppressWarnings("unchecked")
    private void update(UpdateRecord u, ParameterUpdate p, Map<String, Object> l) {
        Layer layer = network.layer(p.layer());
        Map<String, Object> all = (Map<String, Object>) l.computeIfAbsent("optimizer", k -> Json.object());
        Map<String, Object> o = Json.object();
        boolean weights = p.kind() == Parameter.Kind.WEIGHTS;
        java.util.function.Function<ImmutableMatrix, Object> shape = m -> weights ? weights(layer, m) : Json.column(m);
        o.put("step", shape.apply(p.step()));
        if (u.spec() instanceof OptimizerSpec.Momentum) {
            o.put("velocity", shape.apply(p.optimizerState().get("velocity")));
        } else if (u.spec() instanceof OptimizerSpec.Adam a) {
            ImmutableMatrix m = p.optimizerState().get("m");
            ImmutableMatrix v = p.optimizerState().get("v");
            long t = u.optimizerStep();
            o.put("m", shape.apply(m));
            o.put("v", shape.apply(v));
            o.put("m_hat", shape.apply(mapped(m, x -> OptimizerLines.mHat(a, x, t))));
            o.put("v_hat", shape.apply(mapped(v, x -> OptimizerLines.vHat(a, x, t))));
            o.put("t", t);
        }
        all.put(weights ? "W" : "b", o);
    }

    private static ImmutableMatrix mapped(ImmutableMatrix m, java.util.function.DoubleUnaryOperator f) {
        double[][] a = m.toArray();
        for (double[] row : a) {
            for (int i = 0; i < row.length; i++) {
                row[i] = f.applyAsDouble(row[i]);
            }
        }
        return ImmutableMatrix.of(a);
    }

    /** Every layer's type, attributes and parameters now. */
    List<Object> finalLayers() {
        List<Object> out = Json.list();
        for (Layer layer : network.layers()) {
            Map<String, Object> l = describe(layer);
            ImmutableMatrix w = parameter(layer, Parameter.Kind.WEIGHTS);
            if (w != null) {
                l.put("W", weights(layer, w));
                l.put("b", Json.column(parameter(layer, Parameter.Kind.BIAS)));
            }
            out.add(l);
        }
        return out;
    }

    private static ImmutableMatrix parameter(Layer layer, Parameter.Kind kind) {
        for (Parameter p : layer.allParameters()) {
            if (p.kind() == kind) {
                boolean present = layer.parameters().contains(p);
                return present ? p.values() : null;
            }
        }
        return null;
    }

    /** The layer's type and attributes. */
    private static Map<String, Object> describe(Layer layer) {
        Map<String, Object> l = Json.object();
        if (layer instanceof DenseLayer) {
            l.put("type", "dense");
            l.put("units", layer.outputSize());
        } else if (layer instanceof ConvLayer conv) {
            l.put("type", "conv");
            l.put("filters", conv.filters());
            l.put("kernel", conv.kernel());
            l.put("stride", conv.stride());
            l.put("padding", conv.padding());
        } else if (layer instanceof MaxPoolLayer pool) {
            l.put("type", "maxpool");
            l.put("size", pool.size());
            l.put("stride", pool.size());
        } else {
            l.put("type", layer.getClass().getSimpleName().replace("Layer", "").toLowerCase(Locale.ROOT));
        }
        l.put("activation", layer.activation().id());
        return l;
    }

    private void forward(ForwardRecord f, Map<String, Object> l, boolean first) {
        Layer layer = network.layer(f.layer());
        int[] shape = outputShape(layer);
        if (f.weights() != null) {
            l.put("W", weights(layer, f.weights()));
            l.put("b", Json.column(f.bias()));
        } else if (layer instanceof DenseLayer) {
            l.put("W", null);
            l.put("b", null);
        }
        if (f.winners() == null) {
            l.put("z", values(f.preActivation(), shape));
        }
        l.put("a", values(f.activation(), shape));
        if (f.winners() != null && layer instanceof MaxPoolLayer pool) {
            l.put("argmax", argmax(f.winners(), pool));
        }
    }

    private void backward(BackwardRecord b, Map<String, Object> l) {
        Layer layer = network.layer(b.layer());
        l.put("delta", values(b.delta(), outputShape(layer)));
        if (b.gradWeights() != null) {
            l.put("dW", weights(layer, b.gradWeights()));
            l.put("db", Json.column(b.gradBias()));
        } else if (layer instanceof DenseLayer) {
            l.put("dW", null);
            l.put("db", null);
        }
        if (b.layer() == 0 && b.gradInput() != null && inputShape() != null) {
            l.put("dx", values(b.gradInput(), inputShape()));
        }
    }

    /** C H W of the network's input when its first layer takes an image, else null. */
    private int[] inputShape() {
        Layer first = network.layer(0);
        if (first instanceof ConvLayer c) {
            return new int[] {c.inputChannels(), c.inputHeight(), c.inputWidth()};
        }
        if (first instanceof MaxPoolLayer p) {
            return new int[] {p.channels(), p.inputHeight(), p.inputWidth()};
        }
        return null;
    }

    /** C H W of a layer's output when it is a map, else null. */
    private static int[] outputShape(Layer layer) {
        if (layer instanceof ConvLayer c) {
            return new int[] {c.filters(), c.outHeight(), c.outWidth()};
        }
        if (layer instanceof MaxPoolLayer p) {
            return new int[] {p.channels(), p.outHeight(), p.outWidth()};
        }
        return null;
    }

    /** A dense layer's W as rows; a convolution's as [filter][channel][row][column]. */
    private static Object weights(Layer layer, ImmutableMatrix w) {
        if (layer instanceof ConvLayer c) {
            double[][][][] out = new double[w.rows()][][][];
            for (int f = 0; f < w.rows(); f++) {
                out[f] = map(w.rowValues(f), c.channels(), c.kernel(), c.kernel());
            }
            return out;
        }
        return Json.rows(w);
    }

    /** Per-sample values: flat when {@code shape} is null, else maps; one sample unwrapped. */
    private static Object values(ImmutableMatrix m, int[] shape) {
        if (m == null || shape == null) {
            return Json.samples(m);
        }
        if (m.rows() == 1) {
            return map(m.rowValues(0), shape[0], shape[1], shape[2]);
        }
        double[][][][] out = new double[m.rows()][][][];
        for (int s = 0; s < m.rows(); s++) {
            out[s] = map(m.rowValues(s), shape[0], shape[1], shape[2]);
        }
        return out;
    }

    /** A row of C H W values (channel by channel, row by row) as [channel][row][column]. */
    static double[][][] map(double[] values, int channels, int height, int width) {
        double[][][] out = new double[channels][height][width];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(values, (c * height + y) * width, out[c][y], 0, width);
            }
        }
        return out;
    }

    /**
     * Which input won each window, as PyTorch's max_pool2d(return_indices=True) gives it: per
     * channel and output cell, y W + x of the winner in its input plane.
     */
    private static Object argmax(ImmutableMatrix winners, MaxPoolLayer pool) {
        int plane = pool.inputHeight() * pool.inputWidth();
        int[][][][] out = new int[winners.rows()][pool.channels()][pool.outHeight()][pool.outWidth()];
        for (int s = 0; s < winners.rows(); s++) {
            int o = 0;
            for (int c = 0; c < pool.channels(); c++) {
                for (int y = 0; y < pool.outHeight(); y++) {
                    for (int x = 0; x < pool.outWidth(); x++) {
                        out[s][c][y][x] = (int) winners.get(s, o++) - c * plane;
                    }
                }
            }
        }
        return winners.rows() == 1 ? out[0] : out;
    }
}
