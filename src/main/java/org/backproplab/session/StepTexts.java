package org.backproplab.session;

import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.UpdateRecord;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.backproplab.lesson.Naming;

/** The stepping tab's sentences: where the iteration stands, and the lesson's text. */
final class StepTexts {
    private StepTexts() {
    }

    /** "Iteration 1 · forward pass through the hidden layer 1". */
    static Phrase stage(StepSnapshot s) {
        StageRecord last = s.lastRecord();
        Phrase what;
        if (last == null) {
            what = Phrase.key("stage.start");
        } else if (last instanceof ForwardRecord f) {
            what = Phrase.key("stage.forward", layerName(f.layer(), s.layerCount()));
        } else if (last instanceof LossRecord l) {
            what = Phrase.key("stage.loss", Naming.number(l.total()));
        } else if (last instanceof BackwardRecord b) {
            what = Phrase.key("stage.backward", layerName(b.layer(), s.layerCount()));
        } else if (last instanceof UpdateRecord u) {
            what = Phrase.key("stage.update", Naming.number(u.learningRate()));
        } else {
            what = Phrase.EMPTY;
        }
        return Phrase.key("stage.iteration", s.iteration()).then(" \u00b7 ").then(what);
    }

    private static Phrase layerName(int l, int layers) {
        return l == layers - 1 ? Phrase.key("layer.output") : Phrase.key("layer.hidden", l + 1);
    }

    /** The lesson's text, or for a playground point which playground lesson it came from. */
    static Phrase lessonText(String lessonId) {
        return Lessons.isPlayground(lessonId)
                ? Phrase.key("stage.playgroundPoint", Phrase.key(Lesson.titleKey(lessonId)))
                : Phrase.key(Lesson.textKey(lessonId));
    }
}
