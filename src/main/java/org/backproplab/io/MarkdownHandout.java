package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
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
 * The first N iterations of a lesson written out as a Markdown handout: the set-up, then every
 * formula and number of each iteration, the same text as the CLI's {@code trace}.
 */
public final class MarkdownHandout {
    private MarkdownHandout() {
    }

    /** The handout text, computed on a fresh trainer from the lesson's starting weights. */
    public static String of(Lesson lesson, int iterations, String title) {
        Trainer trainer = lesson.newTrainer();
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
        md.append("| preset | `").append(lesson.id()).append("` |\n");
        md.append("| layers | ").append(sizes.toString().replace("[", "").replace("]", "").replace(", ", "-"))
                .append(" (").append(String.join(", ", activations)).append(") |\n");
        md.append("| loss | ").append(lesson.network().loss().id()).append(" |\n");
        md.append("| bias | ").append(lesson.network().layers().get(0).biasMode().id()).append(" |\n");
        md.append("| optimizer | ").append(trainer.optimizer().id()).append(", learning rate ")
                .append(Naming.number(trainer.optimizer().learningRate())).append(" |\n\n");
        md.append(maps ? "Names: x is the input; z1, a1, W1, b1 are layer 1's weighted sums, activations, weights and "
                + "biases (layers counted from 1); maps are [channel][row][column] and a kernel weight "
                + "W[filter][channel][row][column], indices counted from 0; delta = dE/dz.\n\n"
                : "Names: inputs i1, i2, ...; hidden neurons h1, h2, ...; outputs o1, o2, ...; weights w1, w2, ... "
                + "numbered neuron by neuron (w1 is i1 -> h1, w2 is i2 -> h1); net = weighted sum, out = activation, "
                + "delta = dE/dnet.\n\n");
        for (int i = 1; i <= iterations; i++) {
            List<StageRecord> records = stepper.finishIteration();
            List<String> lines = maps ? mapWalk.describe(i, records) : walk.describe(i, records);
            md.append("## ").append(lines.get(0)).append("\n\n```text\n");
            for (String line : lines.subList(2, lines.size())) {
                md.append(line).append('\n');
            }
            md.append("```\n\n");
        }
        md.append("After ").append(iterations).append(iterations == 1 ? " iteration" : " iterations")
                .append(": E_total = ").append(Naming.number(trainer.evaluateTraining().loss())).append("\n");
        return md.toString();
    }
}
