package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.ExerciseSheet;
import org.backproplab.io.MarkdownHandout;
import org.backproplab.lesson.Lesson;

/**
 * The stepping tab's files: the handout, and the exercise sheet with its answer key. Each command
 * checks its input on the calling thread (a refusal: a notice, nothing written) and writes on the
 * worker, from the engine's state as edited.
 */
final class StepExports {
    private final StepEngine engine;
    private final Consumer<Runnable> submit;
    private final Consumer<Notice> post;
    /** Predict mode's progress of a lesson, for the handout. */
    private final java.util.function.Function<String, PredictProgress.Counts> progress;

    StepExports(StepEngine engine, Consumer<Runnable> submit, Consumer<Notice> post,
            java.util.function.Function<String, PredictProgress.Counts> progress) {
        this.engine = engine;
        this.submit = submit;
        this.post = post;
        this.progress = progress;
    }

    /**
     * The handout from the state shown (edits included), in {@code words} (a message key and its
     * arguments to the UI language's text), and how the learner did in predict mode when they tried it.
     */
    void handout(Path file, int iterations, String title,
            java.util.function.BiFunction<String, Object[], String> words) {
        if (file == null || iterations < 1 || iterations > StepSession.HANDOUT_LIMIT) {
            post.accept(new Notice("step.error.iterations", List.of(StepSession.HANDOUT_LIMIT), true));
            return;
        }
        submit.accept(() -> write(file, () -> {
            Lesson lesson = engine.currentLesson();
            PredictProgress.Counts c = progress.apply(lesson.id());
            return MarkdownHandout.of(lesson, engine.handoutStart(), iterations, title, words)
                    + (c.asked() == 0 ? "" : "\n## " + words.apply("predict.title", new Object[0]) + "\n\n"
                            + c.markdown() + ".\n");
        }));
    }

    /**
     * The exercise sheet, or with {@code answers} its key, of {@code iterations} iterations from the
     * start of the iteration shown, with the weights, inputs and targets as edited; Markdown, or a
     * printable page when the file ends in .html. {@code language}: "en" or "zh". Refused (a notice)
     * beyond {@link ExerciseSheet#LIMIT} iterations, and for a network with maps.
     */
    void exercise(Path file, int iterations, String language, boolean answers, String title) {
        if (file == null || iterations < 1 || iterations > ExerciseSheet.LIMIT
                || !("en".equals(language) || "zh".equals(language))) {
            post.accept(new Notice("step.error.iterations", List.of(ExerciseSheet.LIMIT), true));
            return;
        }
        boolean html = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".html");
        submit.accept(() -> {
            Lesson lesson = engine.currentLesson();
            if (!ExerciseSheet.supports(lesson)) {
                post.accept(new Notice("predict.error.dense", List.of(), true));
                return;
            }
            write(file, () -> html
                    ? ExerciseSheet.html(lesson, engine.iterationStart(), iterations, language, answers, title)
                    : ExerciseSheet.markdown(lesson, engine.iterationStart(), iterations, language, answers, title));
        });
    }

    private void write(Path file, java.util.function.Supplier<String> text) {
        try {
            AtomicFiles.writeString(file, text.get());
            post.accept(new Notice("notice.exported", List.of(String.valueOf(file.getFileName())), false));
        } catch (IOException e) {
            post.accept(new Notice("notice.exportFailed", List.of(file.toString(), String.valueOf(e.getMessage())), true));
        }
    }
}
