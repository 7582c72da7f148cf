package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.FlattenLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.SubsamplingLayer;

/**
 * A network's summary as Keras 2 prints {@code model.summary()} for a Sequential model: layer
 * names numbered per kind from 1 (conv2d_1, conv2d_2, max_pooling2d_1, ...), output shapes with
 * the batch as None and channels last, (None, 26, 26, 32), as Keras holds images (the engine
 * holds them channels first, as PyTorch); parameters per layer, and the totals with thousands
 * separators. The table is 65 characters wide with columns at 29 and 55, each field cut to its
 * column less one character, as Keras's {@code print_row} does.
 */
public final class KerasSummary {
    /** One layer: "conv2d_1", "Conv2D", its output shape without the batch, its parameter count. */
    public record Row(String name, String type, List<Integer> shape, long parameters) {
        /** "(None, 26, 26, 32)". */
        public String shapeText() {
            StringBuilder sb = new StringBuilder("(None");
            for (int d : shape) {
                sb.append(", ").append(d);
            }
            return sb.append(')').toString();
        }
    }

    private static final int WIDTH = 65;
    private static final int[] COLUMNS = {29, 55, 65};

    private final List<Row> rows;
    private final long trainable;
    private final long frozen;

    private KerasSummary(List<Row> rows, long trainable, long frozen) {
        this.rows = List.copyOf(rows);
        this.trainable = trainable;
        this.frozen = frozen;
    }

    /** The summary of {@code net}; a layer this table does not know is refused in one line. */
    public static KerasSummary of(Network net) {
        List<Row> rows = new ArrayList<>();
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        long trainable = 0;
        long frozen = 0;
        for (Layer l : net.layers()) {
            String type;
            List<Integer> shape;
            if (l instanceof ConvLayer c) {
                type = "Conv2D";
                shape = List.of(c.outHeight(), c.outWidth(), c.filters());
            } else if (l instanceof MaxPoolLayer p) {
                type = "MaxPooling2D";
                shape = List.of(p.outHeight(), p.outWidth(), p.channels());
            } else if (l instanceof SubsamplingLayer s) {
                type = "Subsampling";
                shape = List.of(s.outHeight(), s.outWidth(), s.channels());
            } else if (l instanceof DropoutLayer d) {
                type = "Dropout";
                shape = d.height() * d.width() == 1 ? List.of(d.channels()) : List.of(d.height(), d.width(), d.channels());
            } else if (l instanceof FlattenLayer) {
                type = "Flatten";
                shape = List.of(l.outputSize());
            } else if (l instanceof DenseLayer) {
                type = "Dense";
                shape = List.of(l.outputSize());
            } else {
                throw new IllegalArgumentException("a " + l.getClass().getSimpleName() + " has no Keras name");
            }
            long params = 0;
            for (Parameter p : l.parameters()) {
                params += p.size();
                if (p.trainable()) {
                    trainable += p.size();
                } else {
                    frozen += p.size();
                }
            }
            int n = counts.merge(type, 1, Integer::sum);
            rows.add(new Row(snake(type) + "_" + n, type, shape, params));
        }
        return new KerasSummary(rows, trainable, frozen);
    }

    /** Keras's layer name from its class: Conv2D to conv2d, MaxPooling2D to max_pooling2d. */
    private static String snake(String type) {
        return switch (type) {
            case "Conv2D" -> "conv2d";
            case "MaxPooling2D" -> "max_pooling2d";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    public List<Row> rows() {
        return rows;
    }

    public long total() {
        return trainable + frozen;
    }

    public long trainable() {
        return trainable;
    }

    /** Parameters kept but not trained (frozen biases). */
    public long nonTrainable() {
        return frozen;
    }

    /** The table, line by line, as Keras prints it (trailing spaces included). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String thin = "_".repeat(WIDTH);
        String thick = "=".repeat(WIDTH);
        out.add(thin);
        out.add(row("Layer (type)", "Output Shape", "Param #"));
        out.add(thick);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(row(r.name() + " (" + r.type() + ")", r.shapeText(), String.valueOf(r.parameters())));
            out.add(i == rows.size() - 1 ? thick : thin);
        }
        out.add("Total params: " + grouped(total()));
        out.add("Trainable params: " + grouped(trainable));
        out.add("Non-trainable params: " + grouped(frozen));
        out.add(thin);
        return out;
    }

    /** Keras's print_row: each field appended after replacing the last character with a space, then cut and padded. */
    private static String row(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setCharAt(line.length() - 1, ' ');
            }
            line.append(fields[i]);
            line.setLength(Math.min(line.length(), COLUMNS[i]));
            while (line.length() < COLUMNS[i]) {
                line.append(' ');
            }
        }
        return line.toString();
    }

    /** 1199882 as "1,199,882". */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
