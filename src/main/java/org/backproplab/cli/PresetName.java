package org.backproplab.cli;

import java.util.Iterator;
import org.backproplab.lesson.Lessons;

/** Completion candidates for preset names, shown in --help. */
final class PresetName implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Lessons.ids().iterator();
    }
}
