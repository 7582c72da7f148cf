package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.backproplab.io.ExperimentFile;

/** Writing and reading an experiment file for a tab, each outcome said in a notice (worker thread). */
final class ExperimentNotices {
    private ExperimentNotices() {
    }

    /** Writes {@code e} to {@code file}, atomically; says so, or why not. */
    static void save(Path file, ExperimentFile.Experiment e, Consumer<Notice> post) {
        try {
            ExperimentFile.save(file, e);
            post.accept(new Notice("notice.experimentSaved", List.of(String.valueOf(file.getFileName())), false));
        } catch (ExperimentFile.TooLarge ex) {
            post.accept(new Notice("notice.experimentTooLarge", List.of(String.valueOf(file.getFileName()),
                    megabytes(ex.bytes()), megabytes(ExperimentFile.MAX_BYTES)), true));
        } catch (IOException ex) {
            post.accept(new Notice("notice.exportFailed", List.of(file.toString(), String.valueOf(ex.getMessage())),
                    true));
        }
    }

    /**
     * The experiment in {@code file} when it was saved from {@code tab}; else null, and a notice says
     * why (a refused file: the place and the reason; another tab's: which one).
     */
    static ExperimentFile.Experiment load(Path file, String tab, Consumer<Notice> post) {
        ExperimentFile.Experiment e;
        try {
            e = ExperimentFile.load(file);
        } catch (ExperimentFile.ExperimentException ex) {
            post.accept(new Notice("notice.experimentRefused", List.of(ex.getMessage()), true));
            return null;
        }
        if (!tab.equals(e.tab())) {
            post.accept(new Notice("notice.experimentOtherTab", List.of(String.valueOf(file.getFileName()), e.tab()),
                    true));
            return null;
        }
        return e;
    }

    /** Bytes in whole megabytes (10^6), rounded up: 64,000,001 bytes are 65 MB. */
    static long megabytes(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }
}
