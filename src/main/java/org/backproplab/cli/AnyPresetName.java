package org.backproplab.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.MnistLessons;

/** Completion candidates for every preset train accepts: the lessons, then the digits presets. */
final class AnyPresetName implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> all = new ArrayList<>(Lessons.ids());
        all.addAll(MnistLessons.ids());
        return all.iterator();
    }
}
