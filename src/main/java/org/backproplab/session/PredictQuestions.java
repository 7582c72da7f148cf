package org.backproplab.session;

import static org.backproplab.lesson.Naming.factor;
import static org.backproplab.lesson.Naming.number;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.ParameterUpdate;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.WalkThrough;
import org.backproplab.session.PredictQuestion.Place;
import org.backproplab.session.PredictQuestion.Spot;

/**
 * Every value a stage of a dense network computes (a network with maps: {@link MapQuestions}), as questions: the answers straight from the
 * stage records, the formulas and hints from the walk-through's own lines (so predict mode, the
 * exercise sheet and {@code trace} say the same). The order is the one the app asks in: neuron
 * by neuron, and on the backward pass a neuron's delta, then its first weight's gradient.
 */
public final class PredictQuestions {
    private final Naming naming;
    private final StageRecords records;
    private final List<String> lines;
    private final int sample;
    private final int rows;

    /**
     * @param layerSizes neuron counts, inputs first
     * @param iteration  the iteration, from 1
     * @param records    its stages run so far
     * @param sample     which sample of the batch the per-sample values are of
     */
    public PredictQuestions(List<Integer> layerSizes, long iteration, List<StageRecord> records, int sample) {
        this.naming = new Naming(layerSizes);
        this.records = StageRecords.of(records);
        this.lines = records.isEmpty() ? List.of() : new WalkThrough(naming).describe(iteration, records).stream()
                .map(String::trim).toList();
        ForwardRecord first = this.records.forward(0);
        this.rows = first == null ? 1 : first.input().rows();
        this.sample = Math.min(Math.max(sample, 0), rows - 1);
    }

    /** The questions of the stage run last of a stepping state (none before the first stage). */
    public static List<PredictQuestion> ofLastStage(StepSnapshot s, int sample) {
        if (s.screen() != null && s.screen().maps() != null) {
            return new MapQuestions(s.screen().maps().layout().shapes(), s.iteration(), s.records(), sample)
                    .of(s.lastRecord());
        }
        return new PredictQuestions(s.layerSizes(), s.iteration(), s.records(), sample).of(s.lastRecord());
    }

    /** The questions of one of the records' stages. */
    public List<PredictQuestion> of(StageRecord r) {
        List<PredictQuestion> out = new ArrayList<>();
        if (r instanceof ForwardRecord f) {
            forward(f, out);
        } else if (r instanceof LossRecord l) {
            loss(l, out);
        } else if (r instanceof BackwardRecord b) {
            backward(b, out);
        } else if (r instanceof UpdateRecord u) {
            update(u, out);
        }
        return out;
    }

    private String tag() {
        return rows == 1 ? "" : " [sample " + (sample + 1) + "]";
    }

    private void forward(ForwardRecord f, List<PredictQuestion> out) {
        int l = f.layer();
        for (int j = 0; j < f.preActivation().cols(); j++) {
            String n = naming.neuron(l, j);
            double z = f.preActivation().get(sample, j);
            // the first term of the weighted sum: w x input
            double w = f.weights().get(j, 0);
            double x = f.input().get(sample, 0);
            String netHint = naming.weight(l, j, 0) + " x " + naming.input(l, 0) + " = " + factor(w) + " x " + factor(x)
                    + " = " + number(w * x);
            out.add(question("net_" + n, PredictKind.FORWARD, z, netHint, new Spot(Place.NET, l, j, 0)));
            String outHint = f.function() == Activation.SIGMOID
                    ? "e^-net_" + n + " = e^-" + factor(z) + " = " + number(Math.exp(-z))
                    : "net_" + n + " = " + number(z);
            out.add(question("out_" + n, PredictKind.FORWARD, f.activation().get(sample, j), outHint,
                    new Spot(Place.OUT, l, j, 0)));
        }
    }

    private void loss(LossRecord loss, List<PredictQuestion> out) {
        int last = naming.layers() - 1;
        for (int k = 0; k < loss.outputs().cols(); k++) {
            String n = naming.neuron(last, k);
            double t = loss.targets().get(sample, k);
            double o = loss.outputs().get(sample, k);
            String hint = "target_" + n + " - out_" + n + " = " + factor(t) + " - " + factor(o) + " = " + number(t - o);
            out.add(question("E_" + n, PredictKind.LOSS, loss.terms().get(sample, k), hint,
                    new Spot(Place.ERROR, last, k, 0)));
        }
        String hint = "E_" + naming.neuron(last, 0) + tag() + " = " + number(loss.terms().get(sample, 0));
        out.add(new PredictQuestion("E_total", PredictKind.LOSS, loss.total(), formula(find("E_total")), hint,
                find("E_total"), new Spot(Place.TOTAL, -1, 0, 0)));
    }

    private void backward(BackwardRecord b, List<PredictQuestion> out) {
        int l = b.layer();
        PredictKind deltaKind = l == naming.layers() - 1 ? PredictKind.OUTPUT_DELTA : PredictKind.HIDDEN_DELTA;
        ForwardRecord f = records.forward(l);
        List<PredictQuestion> rest = new ArrayList<>();
        for (int j = 0; j < b.delta().cols(); j++) {
            String n = naming.neuron(l, j);
            String deltaLine = find("delta_" + n + tag());
            String deltaHint = b.gradActivation() == null ? "out_" + n + tag() + " = "
                    + number(f.activation().get(sample, j)) : find("dE/dout_" + n + tag());
            out.add(question("delta_" + n, deltaKind, b.delta().get(sample, j), deltaHint, new Spot(Place.DELTA, l, j, 0)));
            for (int i = 0; i < f.input().cols(); i++) {
                String w = naming.weight(l, j, i);
                PredictQuestion q = new PredictQuestion("dE/d" + w, PredictKind.WEIGHT_GRADIENT,
                        b.gradWeights().get(j, i), formula(find("dE/d" + w)), deltaLine, find("dE/d" + w),
                        new Spot(Place.WEIGHT_GRADIENT, l, j, i));
                (i == 0 ? out : rest).add(q);
            }
            if (b.gradBias() != null) {
                String name = "dE/d" + naming.bias(l, j);
                rest.add(new PredictQuestion(name, PredictKind.WEIGHT_GRADIENT, b.gradBias().get(j, 0),
                        formula(find(name)), deltaLine, find(name), new Spot(Place.BIAS_GRADIENT, l, j, 0)));
            }
        }
        out.addAll(rest);
    }

    private void update(UpdateRecord u, List<PredictQuestion> out) {
        updates(u, naming.layers(), (l, kind, r, c) -> kind == Parameter.Kind.WEIGHTS ? naming.weight(l, r, c)
                : naming.bias(l, r), this::find, out);
    }

    /** How the walk-through names entry (r, c) of a layer's weights or biases ("w5", "W1[0][0][1][1]"). */
    interface ParameterName {
        String of(int layer, Parameter.Kind kind, int r, int c);
    }

    /**
     * Each trainable parameter's value after the update, the last of {@code layers} layers first
     * (as the backward pass went); the lines from {@code find}, the hint the parameter's gradient.
     */
    static void updates(UpdateRecord u, int layers, ParameterName names, UnaryOperator<String> find,
            List<PredictQuestion> out) {
        for (int l = layers - 1; l >= 0; l--) {
            for (String p : List.of(Parameter.weightsName(l), Parameter.biasName(l))) {
                ParameterUpdate pu = u.parameters().stream().filter(x -> x.name().equals(p)).findFirst().orElse(null);
                if (pu == null || !pu.trainable()) {
                    continue;
                }
                boolean weights = pu.kind() == Parameter.Kind.WEIGHTS;
                for (int r = 0; r < pu.after().rows(); r++) {
                    for (int c = 0; c < pu.after().cols(); c++) {
                        String name = names.of(l, pu.kind(), r, c);
                        String line = find.apply(name + "+");
                        out.add(new PredictQuestion(name + "+", PredictKind.UPDATE, pu.after().get(r, c), formula(line),
                                "dE/d" + name + " = " + number(pu.gradient().get(r, c)), line,
                                new Spot(weights ? Place.WEIGHT_AFTER : Place.BIAS_AFTER, l, r, c)));
                    }
                }
            }
        }
    }

    /** A per-sample question: the name carries the sample's tag when the batch has several. */
    private PredictQuestion question(String name, PredictKind kind, double answer, String hint, Spot spot) {
        String line = find(name + tag());
        return new PredictQuestion(name + tag(), kind, answer, formula(line), hint, line, spot);
    }

    /** The walk-through's line that computes {@code name} ("net_h1 = ... = 0.3775"). */
    private String find(String name) {
        for (String line : lines) {
            if (line.startsWith(name + " = ")) {
                return line;
            }
        }
        return name + " = ?";
    }

    /**
     * The line without its result: everything before the last " = " (a note after the result,
     * "   (13 terms are 0)", goes with it).
     */
    static String formula(String line) {
        int k = line.lastIndexOf(" = ");
        return k < 0 ? line : line.substring(0, k);
    }
}
