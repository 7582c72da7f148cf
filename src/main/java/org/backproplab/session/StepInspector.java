package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.ChainRule;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.OptimizerLines;

/**
 * The numbers behind what is selected: its value, the chain rule with the numbers filled in (the
 * same {@link ChainRule} the walk-through prints), the finite-difference estimate beside the
 * backpropagated gradient, and the table of every weight and bias.
 */
public final class StepInspector {
    private final StepSnapshot s;
    private final StageRecords records;
    private final Naming naming;

    private StepInspector(StepSnapshot s) {
        this.s = s;
        this.records = StageRecords.of(s.records());
        this.naming = s.naming();
    }

    /** What the inspector shows for {@code item} (null: nothing selected) after the stages of {@code s}. */
    public static InspectorSnapshot of(StepSnapshot s, GraphItem item) {
        return new StepInspector(s).build(item);
    }

    private InspectorSnapshot build(GraphItem item) {
        List<ParameterRow> rows = rows();
        if (item == null) {
            return new InspectorSnapshot(null, Phrase.key("inspector.empty"), List.of(), null, false, "", rows);
        }
        ChainRule chain = new ChainRule(naming, s.records());
        List<Phrase> text = new ArrayList<>();
        Phrase numeric = null;
        Phrase title;
        int l = item.layer();
        int j = item.row();
        switch (item.kind()) {
            case NEURON -> {
                title = Phrase.key("inspector.neuron", naming.neuron(l, j));
                if (chain.hasForward(l)) {
                    chain.forwardLines(l, j).forEach(line -> text.add(line(line)));
                }
                if (chain.hasBackward(l)) {
                    chain.neuron(l, j).forEach(line -> text.add(line(line)));
                }
            }
            case WEIGHT -> {
                int i = item.col();
                String w = naming.weight(l, j, i);
                title = Phrase.key("inspector.weight", w, naming.neuron(l - 1, i), naming.neuron(l, j),
                        Naming.number(value(item)));
                if (chain.hasBackward(l)) {
                    chain.neuron(l, j).forEach(line -> text.add(line(line)));
                    text.add(line(chain.weight(l, j, i)));
                    numeric = numeric(records.backward(l).gradWeights().get(j, i), Parameter.weightsName(l), j, i,
                            "dE/d" + w);
                }
                update(text, Parameter.weightsName(l), j, i, w);
            }
            case BIAS -> {
                String b = naming.bias(l, j);
                title = Phrase.key("inspector.bias", b, Naming.number(value(item)));
                if (chain.hasBackward(l) && records.backward(l).gradBias() != null) {
                    chain.neuron(l, j).forEach(line -> text.add(line(line)));
                    text.add(line(chain.bias(l, j)));
                    numeric = numeric(records.backward(l).gradBias().get(j, 0), Parameter.biasName(l), j, 0, "dE/d" + b);
                }
                update(text, Parameter.biasName(l), j, 0, b);
            }
            case INPUT -> title = Phrase.key("inspector.input", naming.neuron(-1, item.col()), Naming.number(value(item)));
            case TARGET -> {
                int k = item.col();
                title = Phrase.key("inspector.target", naming.neuron(naming.layers() - 1, k), Naming.number(value(item)));
                LossRecord loss = records.loss();
                if (loss != null) {
                    text.add(line("E_" + naming.neuron(naming.layers() - 1, k) + " = "
                            + Naming.number(loss.terms().get(0, k))));
                }
            }
            default -> throw new IllegalArgumentException(item.toString());
        }
        if (text.isEmpty()) {
            text.add(Phrase.key("inspector.notYet"));
        }
        return new InspectorSnapshot(item, title, text, numeric, item.editable(),
                item.editable() ? Numbers.exact(value(item)) : "", rows);
    }

    /** A chain-rule line as shown: no indent, x as a times sign. */
    private static Phrase line(String line) {
        return Phrase.of(line.strip().replace(" x ", " \u00d7 "));
    }

    private Phrase numeric(double analytic, String parameter, int row, int col, String what) {
        ImmutableMatrix est = s.numericGradients().get(parameter);
        if (est == null) {
            return null;
        }
        double n = est.get(row, col);
        double error = Math.abs(analytic - n) / Math.max(Math.abs(analytic) + Math.abs(n), 1e-12);
        return Phrase.key("inspector.numeric", what, Naming.number(n), Naming.number(analytic),
                String.format(Locale.ROOT, "%.1e", error));
    }

    private void update(List<Phrase> text, String parameter, int row, int col, String name) {
        if (s.lastRecord() instanceof UpdateRecord u) {
            ParameterUpdate p = u.parameter(parameter);
            double before = p.before().get(row, col);
            double after = p.after().get(row, col);
            // at the update stage the update comes first, the gradient's chain rule after it
            List<Phrase> written = new ArrayList<>();
            if (!u.optimizer().equals("sgd") && p.trainable()) {
                written.add(Phrase.of(OptimizerLines.pretty(OptimizerLines.heading(u))));
                List<String> lines = OptimizerLines.lines(u, p, row, col, name);
                lines.subList(0, lines.size() - 1).forEach(line -> written.add(Phrase.of(OptimizerLines.pretty(line))));
            }
            written.add(Phrase.key("inspector.update", name, Naming.number(before), Naming.number(after - before),
                    Naming.number(after)));
            text.addAll(0, written);
        }
    }

    /** The selected item's value now (NaN for a neuron). */
    double value(GraphItem item) {
        return value(s, item);
    }

    static double value(StepSnapshot s, GraphItem item) {
        return switch (item.kind()) {
            case WEIGHT -> s.parameters().get(Parameter.weightsName(item.layer())).get(item.row(), item.col());
            case BIAS -> s.parameters().get(Parameter.biasName(item.layer())).get(item.row(), 0);
            case INPUT -> s.inputs().get(Math.min(item.row(), s.inputs().rows() - 1), item.col());
            case TARGET -> s.targets().get(Math.min(item.row(), s.targets().rows() - 1), item.col());
            case NEURON -> Double.NaN;
        };
    }

    /** Every weight and bias with value, gradient (once backward reached it), estimate and change. */
    private List<ParameterRow> rows() {
        List<ParameterRow> out = new ArrayList<>();
        UpdateRecord update = s.lastRecord() instanceof UpdateRecord u ? u : null;
        for (int l = 0; l < s.layerCount(); l++) {
            BackwardRecord b = records.backward(l);
            String wName = Parameter.weightsName(l);
            ImmutableMatrix w = update != null ? update.parameter(wName).before() : s.parameters().get(wName);
            ImmutableMatrix numeric = s.numericGradients().get(wName);
            for (int j = 0; j < w.rows(); j++) {
                for (int i = 0; i < w.cols(); i++) {
                    out.add(new ParameterRow(naming.weight(l, j, i), Phrase.of(naming.neuron(l - 1, i) + " \u2192 " + naming.neuron(l, j)),
                            w.get(j, i), b == null ? Double.NaN : b.gradWeights().get(j, i),
                            numeric == null ? Double.NaN : numeric.get(j, i),
                            update == null ? Double.NaN : update.parameter(wName).step().get(j, i)));
                }
            }
            if (s.biasMode() != BiasMode.NONE) {
                String bName = Parameter.biasName(l);
                ImmutableMatrix bias = s.parameters().get(bName);
                ImmutableMatrix bNumeric = s.numericGradients().get(bName);
                for (int j = 0; j < bias.rows(); j++) {
                    double value = update != null ? update.parameter(bName).before().get(j, 0) : bias.get(j, 0);
                    out.add(new ParameterRow(naming.bias(l, j), Phrase.of("\u2192 " + naming.neuron(l, j)), value,
                            b == null || b.gradBias() == null ? Double.NaN : b.gradBias().get(j, 0),
                            bNumeric == null ? Double.NaN : bNumeric.get(j, 0),
                            update == null ? Double.NaN : update.parameter(bName).step().get(j, 0)));
                }
            }
        }
        return out;
    }
}
