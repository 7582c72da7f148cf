package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Parameter;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.WalkThrough;

/**
 * An exercise sheet for a lesson (a network with maps: {@link MapExerciseSheet}): the givens (inputs, targets, weights and biases at the
 * start of the iteration, activations, loss, learning rate) and a blank for every value the
 * iteration computes (each neuron's net and out, each error and the total, each delta, each weight
 * and bias gradient, each updated parameter); and its answer key, every value with its formula:
 * the walk-through's own lines, the same text {@code trace} prints. Headings in English or
 * Chinese; the formulas are the same in both. Markdown, or a printable HTML page.
 */
public final class ExerciseSheet {
    /** Most iterations a sheet covers. */
    public static final int LIMIT = 20;
    static final String BLANK = "__________";
    /** The names of the values asked: net_, out_, E_, delta_, dE/dw, dE/db_ and an updated "w5+". */
    private static final Pattern ASKED = Pattern.compile("^(net_|out_|E_|delta_|dE/dw|dE/db_)\\S*( \\[sample \\d+])?$"
            + "|^\\S+\\+$");

    private static final Map<String, String[]> TEXT = Map.ofEntries(
            Map.entry("sheet", new String[] {"Exercise", "练习"}),
            Map.entry("key", new String[] {"Answer key", "答案"}),
            Map.entry("iteration", new String[] {"Iteration", "第 {0} 次迭代"}),
            Map.entry("givens", new String[] {"Given", "已知"}),
            Map.entry("task", new String[] {"Work out every blank by hand, stage by stage; round to 4 significant "
                    + "digits or better.", "逐个阶段手算每个空白处的数值，保留至少 4 位有效数字。"}),
            Map.entry("keyText", new String[] {"Every value with its formula and the numbers put in (the same lines as "
                    + "`backprop-lab trace`).", "每个数值及其公式和代入的数字（与 `backprop-lab trace` 输出的内容相同）。"}),
            Map.entry("samples", new String[] {"Inputs and targets", "输入与目标"}),
            Map.entry("parameters", new String[] {"Weights and biases at the start", "开始时的权重与偏置"}),
            Map.entry("network", new String[] {"Network", "网络"}),
            Map.entry("loss", new String[] {"Loss", "损失函数"}),
            Map.entry("bias", new String[] {"Biases", "偏置"}),
            Map.entry("optimizer", new String[] {"Optimizer", "优化器"}),
            Map.entry("Forward pass", new String[] {"Forward pass", "前向传播"}),
            Map.entry("Error", new String[] {"Error", "误差"}),
            Map.entry("Backward pass", new String[] {"Backward pass", "反向传播"}),
            Map.entry("Hidden layer", new String[] {"Hidden layer", "隐藏层"}),
            Map.entry("Output layer", new String[] {"Output layer", "输出层"}),
            Map.entry("Update", new String[] {"Update", "更新"}),
            Map.entry("Layer", new String[] {"Layer", "层"}),
            Map.entry("image", new String[] {"Input image", "输入图像"}),
            Map.entry("conv", new String[] {"conv {0} x {1}x{1}, stride {2}, padding {3}",
                "卷积 {0} 个 {1}x{1}，步长 {2}，填充 {3}"}),
            Map.entry("maxpool", new String[] {"max-pool {0}x{0}", "最大池化 {0}x{0}"}),
            Map.entry("dense", new String[] {"dense {0}", "全连接 {0}"}));

    private final boolean chinese;
    private final boolean answers;

    ExerciseSheet(String language, boolean answers) {
        if (!"en".equals(language) && !"zh".equals(language)) {
            throw new IllegalArgumentException("the language must be en or zh, not " + language);
        }
        this.chinese = "zh".equals(language);
        this.answers = answers;
    }

    /**
     * The sheet (or with {@code answers} its key) as Markdown.
     *
     * @param lesson     the lesson as edited (samples, bias mode, optimizer and learning rate)
     * @param start      where the iteration starts (parameters as edited, optimizer memory,
     *                   iteration count), or null for the lesson's starting weights
     * @param iterations how many iterations, 1 to {@link #LIMIT}
     * @param language   "en" or "zh"
     * @param title      the lesson's title in that language
     */
    public static String markdown(Lesson lesson, Checkpoint start, int iterations, String language, boolean answers,
            String title) {
        return new ExerciseSheet(language, answers).write(lesson, start, iterations, title);
    }

    /** {@link #markdown} as a printable HTML page. */
    public static String html(Lesson lesson, Checkpoint start, int iterations, String language, boolean answers,
            String title) {
        return MarkdownPage.html(markdown(lesson, start, iterations, language, answers, title), language);
    }

    /** Whether the walk-through line computing {@code name} is one a sheet leaves blank. */
    public static boolean isAsked(String name) {
        return ASKED.matcher(name).matches();
    }

    /**
     * Whether a sheet is written for a lesson's network: dense all through, or small enough with
     * convolution and max-pooling layers to be worked by hand ({@link MapExerciseSheet#supports}).
     */
    public static boolean supports(Lesson lesson) {
        Trainer trainer = lesson.newTrainer();
        return dense(trainer) || MapExerciseSheet.supports(trainer);
    }

    private static boolean dense(Trainer trainer) {
        return trainer.network().layers().stream().allMatch(l -> l instanceof DenseLayer);
    }

    private String t(String key) {
        return word(key, chinese);
    }

    /** A heading's or a given's word in English or (with {@code chinese}) Chinese. */
    static String word(String key, boolean chinese) {
        return TEXT.get(key)[chinese ? 1 : 0];
    }

    private String write(Lesson lesson, Checkpoint start, int iterations, String title) {
        if (iterations < 1 || iterations > LIMIT) {
            throw new IllegalArgumentException("iterations must be 1 to " + LIMIT + ", not " + iterations);
        }
        if (!supports(lesson)) {
            throw new IllegalArgumentException("exercise sheets are written for dense networks and small ones with maps "
                    + "only, not " + lesson.id());
        }
        Trainer trainer = lesson.newTrainer();
        if (start != null) {
            trainer.restore(start);
        }
        if (!dense(trainer)) {
            return new MapExerciseSheet(chinese, answers).write(lesson, trainer, iterations, title);
        }
        Stepper stepper = new Stepper(trainer, 1);
        Naming naming = Naming.of(trainer.network());
        StringBuilder md = new StringBuilder();
        long first = trainer.iteration() + 1;
        heading(md, title, first, iterations);
        givens(md, lesson, trainer, naming);
        iterations(md, stepper, first, iterations, new WalkThrough(naming)::describe, this::blank);
        return md.toString();
    }

    /** The sheet's (or the key's) title, with the iterations it covers, and what to do with it. */
    void heading(StringBuilder md, String title, long first, int iterations) {
        md.append("# ").append(t(answers ? "key" : "sheet")).append(": ").append(title).append(" \u00b7 ")
                .append(iterationName(first)).append(iterations > 1 ? " \u2013 " + (first + iterations - 1) : "")
                .append("\n\n").append(t(answers ? "keyText" : "task")).append("\n\n");
    }

    /**
     * {@code iterations} iterations run by {@code stepper}, each under its heading: the
     * walk-through's lines ({@code describe}) after its two title lines, whole in an answer key,
     * as {@code blank} turns them on a sheet (a null leaves the line out).
     */
    void iterations(StringBuilder md, Stepper stepper, long first, int iterations,
            BiFunction<Long, List<StageRecord>, List<String>> describe, UnaryOperator<String> blank) {
        for (int i = 0; i < iterations; i++) {
            List<StageRecord> records = stepper.finishIteration();
            List<String> lines = describe.apply(first + i, records);
            md.append("## ").append(iterationName(first + i)).append("\n\n```text\n");
            for (String line : lines.subList(2, lines.size())) {
                String shown = answers ? line : blank.apply(line);
                if (shown != null) {
                    md.append(shown).append('\n');
                }
            }
            md.append("```\n\n");
        }
    }

    String iterationName(long k) {
        return chinese ? t("iteration").replace("{0}", String.valueOf(k)) : t("iteration") + " " + k;
    }

    /**
     * A line of the walk-through on the sheet: a heading, a blank for an asked value, or null for
     * a line that is neither (dE/dout, dout/dnet, a frozen bias, Adam's m and v).
     */
    private String blank(String line) {
        String trimmed = line.strip();
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        int eq = trimmed.indexOf(" = ");
        if (trimmed.startsWith("Update (")) {
            return indent + t("Update");
        }
        if (eq < 0) {
            return trimmed.contains(" stays ") ? null : heading(line);
        }
        String name = trimmed.substring(0, eq);
        return isAsked(name) ? indent + name + " = " + BLANK : null;
    }

    String heading(String line) {
        String out = line;
        for (String h : List.of("Forward pass", "Error", "Backward pass", "Hidden layer", "Output layer", "Layer")) {
            out = out.replace(h, t(h));
        }
        return out;
    }

    private void givens(StringBuilder md, Lesson lesson, Trainer trainer, Naming naming) {
        List<String> activations = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        sizes.add(trainer.network().inputSize());
        for (Layer l : trainer.network().layers()) {
            activations.add(l.activation().id());
            sizes.add(l.outputSize());
        }
        md.append("## ").append(t("givens")).append("\n\n| | |\n|---|---|\n");
        md.append("| ").append(t("network")).append(" | ").append(sizes.toString().replaceAll("[\\[\\]]", "")
                .replace(", ", "-")).append(" (").append(String.join(", ", activations)).append(") |\n");
        md.append("| ").append(t("loss")).append(" | ").append(lesson.network().loss().id()).append(" |\n");
        md.append("| ").append(t("bias")).append(" | ").append(lesson.network().layers().get(0).biasMode().id()).append(" |\n");
        md.append("| ").append(t("optimizer")).append(" | ").append(trainer.optimizer().id()).append(", eta = ")
                .append(Naming.number(trainer.optimizer().learningRate())).append(" |\n\n");
        md.append("### ").append(t("samples")).append("\n\n```text\n");
        ImmutableMatrix x = trainer.samples().inputs();
        ImmutableMatrix y = trainer.samples().targets();
        for (int s = 0; s < x.rows(); s++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < x.cols(); i++) {
                parts.add(naming.neuron(-1, i) + " = " + Naming.number(x.get(s, i)));
            }
            for (int k = 0; k < y.cols(); k++) {
                parts.add("target_" + naming.neuron(naming.layers() - 1, k) + " = " + Naming.number(y.get(s, k)));
            }
            md.append(x.rows() > 1 ? "[sample " + (s + 1) + "] " : "").append(String.join(", ", parts)).append('\n');
        }
        md.append("```\n\n### ").append(t("parameters")).append("\n\n```text\n");
        var values = trainer.network().copyParameters();
        for (int l = 0; l < naming.layers(); l++) {
            ImmutableMatrix w = values.get(Parameter.weightsName(l));
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < w.rows(); j++) {
                for (int i = 0; i < w.cols(); i++) {
                    parts.add(naming.weight(l, j, i) + " = " + Naming.number(w.get(j, i)));
                }
            }
            ImmutableMatrix b = values.get(Parameter.biasName(l));
            if (b != null && lesson.network().layers().get(l).biasMode() != org.backproplab.engine.BiasMode.NONE) {
                for (int j = 0; j < b.rows(); j++) {
                    parts.add(naming.bias(l, j) + " = " + Naming.number(b.get(j, 0)));
                }
            }
            md.append(String.join(", ", parts)).append('\n');
        }
        md.append("```\n\n");
    }
}
