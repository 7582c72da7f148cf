package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.backproplab.engine.BiasMode;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.ExerciseSheet;
import org.backproplab.io.ExperimentFile;
import org.backproplab.lesson.Lesson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes an exercise sheet (or its answer key) for a preset's first iterations (dense, or conv-worked). */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = "Write an exercise sheet for a dense preset or conv-worked: the givens (inputs, targets, starting "
                + "weights and biases, activations, loss, learning rate) and a blank for every value the first N "
                + "iterations compute (net and out - for conv-worked each map cell's z and a and each pooled value -, "
                + "errors and the total, deltas, weight, kernel and bias gradients, updated parameters). "
                + "With --answers, the answer key instead: every value with its formula, the same lines as trace. "
                + "Markdown, or a printable HTML page when FILE ends in .html.")
final class ExerciseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PRESET", completionCandidates = PresetName.class,
            description = "A dense preset or conv-worked: ${COMPLETION-CANDIDATES}.")
    String preset;

    @Option(names = "--experiment", paramLabel = "FILE", description = "Instead of a preset: the experiment saved in "
            + "FILE (by trace --save-experiment or the app's Save experiment), from the start of its current iteration, "
            + "with its weights, samples and settings as edited.")
    Path experiment;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1",
            description = "Iterations the sheet covers, 1 to " + ExerciseSheet.LIMIT + " (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "en or zh: the language of the headings (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--answers", description = "Write the answer key instead of the sheet.")
    boolean answers;

    @Option(names = "--bias", paramLabel = "MODE",
            description = "frozen (kept at its first value), trained (per neuron) or none. Default: the preset's.")
    String bias;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it (.md or .html).")
    Path out;

    @Override
    public void run() {
        if ((preset == null) == (experiment == null)) {
            throw usage("give a PRESET or --experiment FILE (one of them)");
        }
        if (experiment != null && bias != null) {
            throw usage("--bias does not apply to --experiment (its settings are in the file)");
        }
        ExperimentFile.Experiment from = experiment == null ? null : ExperimentFiles.load(spec, experiment);
        if (from != null && !ExperimentFile.STEP.equals(from.tab())) {
            throw usage(experiment + " is an experiment of the " + from.tab() + " tab, not of a lesson stepped through");
        }
        Lesson lesson = from != null ? ExperimentFile.lesson(from) : Options.lesson(spec, preset, List.of());
        org.backproplab.engine.Checkpoint start = from == null ? null : iterationStart(from);
        if (steps < 1 || steps > ExerciseSheet.LIMIT) {
            throw usage("--steps must be 1 to " + ExerciseSheet.LIMIT + ", got " + steps);
        }
        if (!"en".equals(lang) && !"zh".equals(lang)) {
            throw usage("--lang must be en or zh, got " + lang);
        }
        if (bias != null) {
            try {
                lesson = lesson.withBiasMode(BiasMode.fromId(bias));
            } catch (IllegalArgumentException e) {
                throw usage("--bias: " + e.getMessage());
            }
        }
        if (!ExerciseSheet.supports(lesson)) {
            throw usage("exercise sheets are written for dense presets and small ones with maps (conv-worked) only; "
                    + lesson.id() + " is too large to work by hand (use trace for its numbers)");
        }
        String title = title(lesson.id(), lang);
        boolean html = out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
        String text = html ? ExerciseSheet.html(lesson, start, steps, lang, answers, title)
                : ExerciseSheet.markdown(lesson, start, steps, lang, answers, title);
        try {
            AtomicFiles.writeString(out, text);
        } catch (IOException e) {
            throw usage("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + (answers ? "the answer key" : "the exercise sheet") + " to " + out);
        spec.commandLine().getOut().flush();
    }

    /**
     * Where the exercise of an experiment starts: the start of the iteration it stopped in, or, when
     * it stopped between iterations (after an update), the state it reached.
     */
    private static org.backproplab.engine.Checkpoint iterationStart(ExperimentFile.Experiment from) {
        org.backproplab.engine.Stepper stepper = ExperimentFile.resume(from, 1);
        org.backproplab.engine.Stage next = stepper.nextStage();
        boolean between = next.kind() == org.backproplab.engine.Stage.Kind.FORWARD && next.layer() == 0;
        return between ? stepper.trainer().checkpoint() : stepper.currentStart();
    }

    /** The lesson's title in the window's words for that language, or its id. */
    private static String title(String id, String lang) {
        try {
            Locale locale = "zh".equals(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
            return ResourceBundle.getBundle("org.backproplab.ui.messages", locale).getString(Lesson.titleKey(id));
        } catch (MissingResourceException e) {
            return id;
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
