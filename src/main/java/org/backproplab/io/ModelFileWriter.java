package org.backproplab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;

/**
 * A network as the JSON of a version-2 model file. The engine's layouts are PyTorch's, so values
 * are written as they are held: a conv layer's W is F rows of C k k values in (channel, row,
 * column) order, as {@code conv.weight.reshape(F, -1)}; a dense layer's W is one row per neuron,
 * one column per input, as nn.Linear's {@code weight}, its inputs after a conv layer flattened in
 * (channel, row, column) order as {@code torch.flatten}; every b is a plain list. Numbers are
 * written as Java's Double.toString, which reads back to the same double, so a file reloads bit for
 * bit.
 */
final class ModelFileWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFileWriter() {
    }

    static byte[] write(String preset, Network network, ModelArchitecture architecture, ModelFile.Training training)
            throws JsonProcessingException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", ModelFile.FORMAT);
        root.put("version", ModelFile.VERSION);
        root.put("preset", preset);
        ArrayNode input = root.putArray("input");
        architecture.input().forEach(input::add);
        root.put("loss", architecture.loss().id());
        ArrayNode layers = root.putArray("layers");
        Map<String, ImmutableMatrix> values = network.copyParameters();
        for (int i = 0; i < architecture.layers().size(); i++) {
            ObjectNode layer = layers.addObject();
            ModelArchitecture.LayerShape shape = architecture.layers().get(i);
            layer.put("type", shape.type());
            if (shape instanceof ModelArchitecture.Conv c) {
                layer.put("filters", c.filters());
                layer.put("kernel", c.kernel());
                layer.put("stride", c.stride());
                layer.put("padding", c.padding());
                layer.put("activation", c.activation().id());
            } else if (shape instanceof ModelArchitecture.MaxPool p) {
                layer.put("size", p.size());
                continue;
            } else if (shape instanceof ModelArchitecture.Flatten) {
                continue;
            } else if (shape instanceof ModelArchitecture.Dropout d) {
                layer.put("p", d.p());
                continue;
            } else if (shape instanceof ModelArchitecture.Subsampling s) {
                layer.put("size", s.size());
                layer.put("activation", s.activation().id());
                ImmutableMatrix w = values.get(Parameter.weightsName(i));
                ArrayNode coefficient = layer.putArray("coefficient");
                for (int r = 0; r < w.rows(); r++) {
                    add(coefficient, w.get(r, 0));
                }
                bias(layer, values.get(Parameter.biasName(i)));
                continue;
            } else {
                ModelArchitecture.Dense d = (ModelArchitecture.Dense) shape;
                layer.put("units", d.units());
                layer.put("activation", d.activation().id());
                if (d.bias() != BiasMode.TRAINED) {
                    layer.put("bias", d.bias().id());
                }
            }
            ImmutableMatrix w = values.get(Parameter.weightsName(i));
            ArrayNode rows = layer.putArray("W");
            for (int r = 0; r < w.rows(); r++) {
                ArrayNode row = rows.addArray();
                for (int c = 0; c < w.cols(); c++) {
                    add(row, w.get(r, c));
                }
            }
            bias(layer, values.get(Parameter.biasName(i)));
        }
        if (training != null) {
            ObjectNode t = root.putObject("training");
            if (training.epochs() != null) {
                t.put("epochs", training.epochs());
            }
            if (training.seed() != null) {
                t.put("seed", training.seed());
            }
            if (training.testAccuracy() != null) {
                t.put("test_accuracy", training.testAccuracy());
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static void bias(ObjectNode layer, ImmutableMatrix b) {
        ArrayNode bias = layer.putArray("b");
        for (int r = 0; r < b.rows(); r++) {
            add(bias, b.get(r, 0));
        }
    }

    /** A non-finite value (allowed by the caller) as null, not Jackson's "NaN" string: such a file does not load. */
    private static void add(ArrayNode row, double v) {
        if (Double.isFinite(v)) {
            row.add(v);
        } else {
            row.addNull();
        }
    }
}
