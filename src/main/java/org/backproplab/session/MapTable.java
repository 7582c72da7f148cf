package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;

/** The inspector's table for a network with maps: every kernel weight, bias and dense weight. */
final class MapTable {
    private MapTable() {
    }

    static List<ParameterRow> rows(StepSnapshot s, MapLayout layout) {
        StageRecords records = StageRecords.of(s.records());
        UpdateRecord update = s.lastRecord() instanceof UpdateRecord u ? u : null;
        List<ParameterRow> out = new ArrayList<>();
        for (int l = 0; l < layout.layers().size(); l++) {
            MapLayout.Shape shape = layout.layers().get(l);
            if (shape.isPool()) {
                continue;
            }
            BackwardRecord b = records.backward(l);
            for (Parameter.Kind kind : Parameter.Kind.values()) {
                boolean weights = kind == Parameter.Kind.WEIGHTS;
                String name = weights ? Parameter.weightsName(l) : Parameter.biasName(l);
                ImmutableMatrix value = s.parameters().get(name);
                if (value == null || !weights && b != null && b.gradBias() == null) {
                    continue;
                }
                ParameterUpdate changed = updateOf(update, name);
                if (update != null && changed == null) {
                    continue;
                }
                ImmutableMatrix before = changed != null ? changed.before() : value;
                ImmutableMatrix grad = b == null ? null : weights ? b.gradWeights() : b.gradBias();
                ImmutableMatrix numeric = s.numericGradients().get(name);
                for (int r = 0; r < value.rows(); r++) {
                    for (int c = 0; c < value.cols(); c++) {
                        out.add(new ParameterRow(name + index(shape, weights, r, c), connection(shape, weights, r),
                                before.get(r, c), grad == null ? Double.NaN : grad.get(r, c),
                                numeric == null ? Double.NaN : numeric.get(r, c),
                                changed == null ? Double.NaN : changed.step().get(r, c)));
                    }
                }
            }
        }
        return out;
    }

    /** The update of parameter {@code name}, or null when there is no update or it took no part (a bias switched off). */
    static ParameterUpdate updateOf(UpdateRecord update, String name) {
        if (update != null) {
            for (ParameterUpdate p : update.parameters()) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String index(MapLayout.Shape shape, boolean weights, int r, int c) {
        if (!weights) {
            return "[" + r + "]";
        }
        if (shape.isConv()) {
            int k = shape.conv().kernel();
            return "[" + r + "][" + c / (k * k) + "][" + c / k % k + "][" + c % k + "]";
        }
        return "[" + r + "][" + c + "]";
    }

    private static Phrase connection(MapLayout.Shape shape, boolean weights, int r) {
        if (shape.isConv()) {
            return Phrase.key(weights ? "table.kernelOf" : "table.biasOf", r);
        }
        return Phrase.key("table.toUnit", r);
    }
}
