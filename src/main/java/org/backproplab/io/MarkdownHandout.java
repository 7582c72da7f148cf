package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.backproplab.engine.Checkpoint;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.MapWalkThrough;
import org.backproplab.lesson.Naming;
import org.backproplab.lesson.WalkThrough;

/**
 * N iterations of a lesson written out as a Markdown handout: the set-up, then every formula and
 * number of each iteration, the same text as the CLI's {@code trace}.
 *
 * <p>The handout's own words (headings, the table, the names paragraph, the closing line) come
 * from {@code words} (a message key and its arguments, in the reader's language); the formula
 * lines are the walk-through's, written as the CLI writes them (their few English words such as
 * "Hidden layer" stay English, like the formulas' names).
 */
public final class MarkdownHandout {
    private MarkdownHandout() {
    }

    /**
     * The handout of {@code iterations} iterations from {@code start} (a checkpoint of a trainer of
     * {@code lesson}: its weights, biases, optimizer memory and position in the data, edits
     * included), computed on a fresh trainer so the one shown is not touched.
     */
    public static String of(Lesson lesson, Checkpoint start, int iterations, String title,
            BiFunction<String, Object[], String> words) {
        Trainer trainer = lesson.newTrainer();
        trainer.restore(start);
        Stepper stepper = new Stepper(trainer, 1);
        List<Integer> sizes = Naming.layerSizes(trainer.network());
        List<String> activations = new ArrayList<>();
        for (Layer l : trainer.network().layers()) {
            activations.add(l.activation().id());
        }
        boolean maps = trainer.network().layers().stream().anyMatch(l -> !(l instanceof DenseLayer));
        WalkThrough walk = new WalkThrough(new Naming(sizes));
        MapWalkThrough mapWalk = new MapWalkThrough(trainer.network());
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, words, "handout.preset", "`" + lesson.id() + "`");
        row(md, words, "handout.layers", sizes.toString().replace("[", "").replace("]", "").replace(", ", "-")
                + " (" + String.join(", ", activations) + ")");
        row(md, words, "handout.loss", lesson.network().loss().id());
        row(md, words, "handout.bias", lesson.network().layers().get(0).biasMode().id());
        row(md, words, "handout.optimizer", trainer.optimizer().id() + ", "
                + text(words, "handout.learningRate", Naming.number(trainer.optimizer().learningRate())));
        md.append('\n');
        long first = start.iteration() + 1;
        if (first > 1) {
            md.append(text(words, "handout.from", String.valueOf(first))).append("\n\n");
        }
        md.append(text(words, maps ? "handout.namesMaps" : "handout.namesDense")).append("\n\n");
        for (long i = first; i < first + iterations; i++) {
            List<StageRecord> records = stepper.finishIteration();
            List<String> lines = maps ? mapWalk.describe(i, records) : walk.describe(i, records);
            md.append("## ").append(text(words, "handout.iteration", String.valueOf(i))).append("\n\n");
            iteration(md, words, lines.subList(2, lines.size()));
        }
        md.append(text(words, "handout.after", String.valueOf(first + iterations - 1),
                Naming.number(trainer.evaluateTraining().loss()))).append("\n");
        return md.toString();
    }

    /** One iteration's lines: its sections (forward, error, backward, update) as headings, the formulas as text. */
    private static void iteration(StringBuilder md, BiFunction<String, Object[], String> words, List<String> lines) {
        boolean open = false;
        for (String line : lines) {
            String heading = heading(words, line);
            if (heading != null) {
                if (open) {
                    md.append("```\n\n");
                }
                md.append("### ").append(heading).append("\n\n```text\n");
                open = true;
            } else if (open && !(line.isEmpty())) {
                md.append(line).append('\n');
            }
        }
        if (open) {
            md.append("```\n\n");
        }
    }

    /** The heading a walk-through section line stands for, in the reader's words, or null for a formula line. */
    private static String heading(BiFunction<String, Object[], String> words, String line) {
        return switch (line) {
            case "Forward pass" -> text(words, "handout.forward");
            case "Error" -> text(words, "handout.error");
            case "Backward pass" -> text(words, "handout.backward");
            default -> line.startsWith("Update (") ? text(words, "handout.update") + " "
                    + line.substring("Update ".length())
                    : line.startsWith("Error (") ? text(words, "handout.error") + " " + line.substring("Error ".length())
                    : null;
        };
    }

    private static void row(StringBuilder md, BiFunction<String, Object[], String> words, String key, String value) {
        md.append("| ").append(text(words, key)).append(" | ").append(value).append(" |\n");
    }

    private static String text(BiFunction<String, Object[], String> words, String key, Object... args) {
        return words.apply(key, args);
    }
}
