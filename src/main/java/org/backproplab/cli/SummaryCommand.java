package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.backproplab.data.Excerpt;
import org.backproplab.lesson.KerasSummary;
import org.backproplab.lesson.MnistLessons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code summary PRESET}: a digits preset's layers as Keras's model.summary() prints them. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a digits preset's layers, output shapes and parameter counts as Keras's model.summary() "
                + "does (shapes channels last, (None, H, W, C), as Keras holds images; the engine holds them "
                + "channels first, as PyTorch).")
final class SummaryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRESET", completionCandidates = DigitsPresetName.class,
            description = "A digits preset: ${COMPLETION-CANDIDATES}.")
    String preset;

    @Option(names = "--json", description = "One JSON object: the layers, then the totals.")
    boolean json;

    @Override
    public void run() {
        if (!MnistLessons.has(preset)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown digits preset '" + Excerpt.of(preset)
                    + "' (known: " + String.join(", ", MnistLessons.ids()) + ")");
        }
        MnistLessons.Preset p = MnistLessons.byId(preset);
        KerasSummary summary = KerasSummary.of(p.network().apply(p.seed()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = Json.object();
            root.put("preset", preset);
            List<Object> layers = Json.list();
            for (KerasSummary.Row r : summary.rows()) {
                Map<String, Object> layer = Json.object();
                layer.put("name", r.name());
                layer.put("type", r.type());
                layer.put("output_shape", r.shape());
                layer.put("parameters", r.parameters());
                layers.add(layer);
            }
            root.put("layers", layers);
            root.put("total", summary.total());
            root.put("trainable", summary.trainable());
            root.put("non_trainable", summary.nonTrainable());
            out.println(Json.line(root));
        } else {
            summary.lines().forEach(out::println);
        }
        out.flush();
    }

    /** Completion candidates: the digits presets. */
    static final class DigitsPresetName implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MnistLessons.ids().iterator();
        }
    }
}
