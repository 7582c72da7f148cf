package org.backproplab.session;

import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.Layer;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
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
    static Phrase stage(StepSnapshot s, Network net) {
        StageRecord last = s.lastRecord();
        Phrase what;
        if (last == null) {
            what = Phrase.key("stage.start");
        } else if (last instanceof ForwardRecord f) {
            what = Phrase.key("stage.forward", layerName(net, f.layer(), s.layerCount()));
        } else if (last instanceof LossRecord l) {
            what = Phrase.key("stage.loss", Naming.number(l.total()));
        } else if (last instanceof BackwardRecord b) {
            what = Phrase.key("stage.backward", layerName(net, b.layer(), s.layerCount()));
        } else if (last instanceof UpdateRecord u) {
            what = Phrase.key("stage.update", Naming.number(u.learningRate()));
        } else {
            what = Phrase.EMPTY;
        }
        return Phrase.key("stage.iteration", s.iteration()).then(" \u00b7 ").then(what);
    }

    /** "the output layer", "the hidden layer 1", or for a CNN "the convolution (layer 1)", "the max-pooling (layer 2)". */
    private static Phrase layerName(Network net, int l, int layers) {
        if (l == layers - 1) {
            return Phrase.key("layer.output");
        }
        Layer layer = net.layer(l);
        if (layer instanceof ConvLayer) {
            return Phrase.key("layer.conv", l + 1);
        }
        if (layer instanceof MaxPoolLayer) {
            return Phrase.key("layer.pool", l + 1);
        }
        return Phrase.key("layer.hidden", l + 1);
    }

    /** The lesson's text, or for a playground point which playground lesson it came from. */
    static Phrase lessonText(String lessonId) {
        return Lessons.isPlayground(lessonId)
                ? Phrase.key("stage.playgroundPoint", Phrase.key(Lesson.titleKey(lessonId)))
                : Phrase.key(Lesson.textKey(lessonId));
    }
}
