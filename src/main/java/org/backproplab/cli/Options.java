package org.backproplab.cli;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Excerpt;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import picocli.CommandLine;

/** Shared checks of the commands' input. */
final class Options {
    private Options() {
    }

    /**
     * The preset with this id, or a usage error that lists the known ones: the lessons, and
     * {@code alsoKnown} (presets the command runs another way).
     */
    static Lesson lesson(CommandLine.Model.CommandSpec spec, String id, List<String> alsoKnown) {
        if (!Lessons.ids().contains(id)) {
            List<String> known = new ArrayList<>(Lessons.ids());
            known.addAll(alsoKnown);
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown preset '" + Excerpt.of(id) + "' (known: " + String.join(", ", known) + ")");
        }
        return Lessons.byId(id);
    }
}
