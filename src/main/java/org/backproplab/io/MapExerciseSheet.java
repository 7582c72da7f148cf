package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.MapArithmetic;
import org.backproplab.lesson.MapShape;
import org.backproplab.lesson.MapWalkThrough;
import org.backproplab.lesson.Naming;

/**
 * The exercise sheet of a network with maps (the {@code conv-worked} lesson): the givens (the
 * input image, the kernels and biases, the dense weights and biases, the targets, loss and
 * learning rate) and a blank for every value the iteration computes (each conv cell's z and a,
 * each pooled value, each dense z and a, each error and E, each delta, each kernel weight's,
 * dense weight's and bias's gradient, each parameter after the update); its answer key is
 * {@link MapWalkThrough}'s lines, the same text {@code trace} prints.
 */
public final class MapExerciseSheet {
    /** Most parameters and samples of a network with maps a sheet is written for (one to work by hand). */
    static final int MAX_PARAMETERS = 400;
    static final int MAX_SAMPLES = 4;
    /** The names of the values asked: z1[..], a2[..], E[k], E, delta3[k], dE/dW1[..], dE/db1[..], and "W1[..]+". */
    private static final Pattern ASKED = Pattern.compile("^(z\\d|a\\d|delta\\d|E\\[|dE/d[Wb]\\d)\\S*$|^E$|^\\S+\\+$");

    private final boolean chinese;
    private final boolean answers;
    private final ExerciseSheet words;

    MapExerciseSheet(boolean chinese, boolean answers) {
        this.chinese = chinese;
        this.answers = answers;
        this.words = new ExerciseSheet(chinese ? "zh" : "en", answers);
    }

    /** Whether the network is convolutions, max-poolings and dense layers, small enough to work by hand. */
    static boolean supports(Trainer trainer) {
        boolean layers = trainer.network().layers().stream()
                .allMatch(l -> l instanceof ConvLayer || l instanceof MaxPoolLayer || l instanceof DenseLayer);
        int parameters = 0;
        for (ImmutableMatrix m : trainer.network().copyParameters().values()) {
            parameters += m.rows() * m.cols();
        }
        return layers && parameters <= MAX_PARAMETERS && trainer.samples().inputs().rows() <= MAX_SAMPLES;
    }

    /** Whether the walk-through's line computing {@code name} is one the sheet leaves blank. */
    public static boolean isAsked(String name) {
        return ASKED.matcher(name).matches();
    }

    private String t(String key) {
        return ExerciseSheet.word(key, chinese);
    }

    /** The sheet or key of {@code iterations} iterations from where {@code trainer} stands. */
    String write(Lesson lesson, Trainer trainer, int iterations, String title) {
        Stepper stepper = new Stepper(trainer, 1);
        List<MapShape> layers = MapShape.of(trainer.network());
        StringBuilder md = new StringBuilder();
        long first = trainer.iteration() + 1;
        words.heading(md, title, first, iterations);
        givens(md, lesson, trainer, layers);
        words.iterations(md, stepper, first, iterations, new MapWalkThrough(layers)::describe, this::blank);
        return md.toString();
    }

    /**
     * A line of the walk-through on the sheet: a heading, a blank for each value it computes
     * ("z1[0][0][1] = ____;  a1[0][0][1] = ____"), or null for a line that is neither (dE/da, an
     * optimizer's state, a frozen parameter).
     */
    private String blank(String line) {
        String trimmed = line.strip();
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        if (trimmed.startsWith("Update (")) {
            return indent + t("Update");
        }
        int eq = trimmed.indexOf(" = ");
        if (eq < 0) {
            return trimmed.contains(" stays ") ? null : words.heading(line);
        }
        int paren = trimmed.indexOf(" (");
        String name = trimmed.substring(0, paren >= 0 && paren < eq ? paren : eq);
        if (!isAsked(name)) {
            return null;
        }
        String out = indent + name + " = " + ExerciseSheet.BLANK;
        if (name.startsWith("z") && trimmed.contains(";  a = ")) {
            // a convolution's cell: z and a on one line
            out += ";  a" + name.substring(1) + " = " + ExerciseSheet.BLANK;
        }
        return out;
    }

    /** {@code pattern} with {0}, {1}, ... replaced by {@code values}. */
    private static String fill(String pattern, int... values) {
        String out = pattern;
        for (int i = 0; i < values.length; i++) {
            out = out.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return out;
    }

    private void givens(StringBuilder md, Lesson lesson, Trainer trainer, List<MapShape> layers) {
        List<String> shapes = new ArrayList<>();
        for (MapShape s : layers) {
            if (s.conv() != null) {
                MapArithmetic.ConvShape c = s.conv();
                shapes.add(fill(t("conv"), c.filters(), c.kernel(), c.stride(), c.padding())
                        + " (" + s.activation().id() + ")");
            } else if (s.pool() != null) {
                shapes.add(fill(t("maxpool"), s.pool().size()));
            } else {
                shapes.add(fill(t("dense"), s.units()) + " (" + s.activation().id() + ")");
            }
        }
        md.append("## ").append(t("givens")).append("\n\n| | |\n|---|---|\n");
        md.append("| ").append(t("network")).append(" | ").append(String.join(" \u2192 ", shapes)).append(" |\n");
        md.append("| ").append(t("loss")).append(" | ").append(lesson.network().loss().id()).append(" |\n");
        md.append("| ").append(t("optimizer")).append(" | ").append(trainer.optimizer().id()).append(", eta = ")
                .append(Naming.number(trainer.optimizer().learningRate())).append(" |\n\n");
        int[] in = inputShape(layers, trainer.samples().inputs().cols());
        md.append("### ").append(t("image")).append("\n\n```text\n");
        ImmutableMatrix x = trainer.samples().inputs();
        ImmutableMatrix y = trainer.samples().targets();
        for (int s = 0; s < x.rows(); s++) {
            String tag = x.rows() > 1 ? "{sample " + (s + 1) + "}" : "";
            for (int c = 0; c < in[0]; c++) {
                md.append("x").append(tag).append("[").append(c).append("] =\n");
                grid(md, x.rowValues(s), c * in[1] * in[2], in[1], in[2]);
            }
            List<String> targets = new ArrayList<>();
            for (int k = 0; k < y.cols(); k++) {
                targets.add(Naming.number(y.get(s, k)));
            }
            md.append("target").append(tag).append(" = [").append(String.join(", ", targets)).append("]\n");
        }
        md.append("```\n\n### ").append(t("parameters")).append("\n\n```text\n");
        Map<String, ImmutableMatrix> values = trainer.network().copyParameters();
        for (int l = 0; l < layers.size(); l++) {
            MapShape s = layers.get(l);
            ImmutableMatrix w = values.get(Parameter.weightsName(l));
            ImmutableMatrix b = values.get(Parameter.biasName(l));
            if (w == null) {
                continue;
            }
            for (int r = 0; r < w.rows(); r++) {
                if (s.conv() != null) {
                    int k = s.conv().kernel();
                    for (int c = 0; c < s.conv().channels(); c++) {
                        md.append(Parameter.weightsName(l)).append("[").append(r).append("][").append(c)
                                .append("] =\n");
                        grid(md, w.rowValues(r), c * k * k, k, k);
                    }
                } else {
                    md.append(Parameter.weightsName(l)).append("[").append(r).append("] =\n");
                    grid(md, w.rowValues(r), 0, 1, w.cols());
                }
            }
            if (b != null) {
                List<String> parts = new ArrayList<>();
                for (int r = 0; r < b.rows(); r++) {
                    parts.add(Naming.number(b.get(r, 0)));
                }
                md.append(Parameter.biasName(l)).append(" = [").append(String.join(", ", parts)).append("]\n");
            }
        }
        md.append("```\n\n");
    }

    /** Channels, height and width of the network's input. */
    private static int[] inputShape(List<MapShape> layers, int inputs) {
        MapShape s = layers.get(0);
        if (s.conv() != null) {
            return new int[] {s.conv().channels(), s.conv().height(), s.conv().width()};
        }
        if (s.pool() != null) {
            return new int[] {s.pool().channels(), s.pool().height(), s.pool().width()};
        }
        return new int[] {1, 1, inputs};
    }

    /** rows x cols values from {@code offset}, a line per row, each between brackets. */
    private static void grid(StringBuilder md, double[] values, int offset, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                parts.add(Naming.number(values[offset + r * cols + c]));
            }
            md.append("  [").append(String.join(", ", parts)).append("]\n");
        }
    }
}
