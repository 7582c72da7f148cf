package org.backproplab.cli;

import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import picocli.CommandLine;

/** Shared checks of the commands' input. */
final class Options {
    private Options() {
    }

    /** The preset with this id, or a usage error that lists the known ones. */
    static Lesson lesson(CommandLine.Model.CommandSpec spec, String id) {
        try {
            return Lessons.byId(id);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace(")",
                    ", " + String.join(", ", org.backproplab.lesson.MnistLessons.ids()) + ")"));
        }
    }
}
