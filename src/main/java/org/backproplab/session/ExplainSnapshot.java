package org.backproplab.session;

import java.util.List;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * What the "Why this class?" view shows, made on the worker: one map per class (or one maximised
 * image per class or filter), the chosen class's map over the digit with its legend, and a second
 * picture where the method has one (Grad-CAM's map at the layer's resolution, occlusion's winners).
 *
 * @param method       the method's id (saliency, guided, rectified, gradcam, guided-gradcam, occlusion, maximize)
 * @param target       the score's id (logit, probability, log-probability)
 * @param shownClass   the class whose map is large
 * @param row          one small picture per class (or per filter), each on its own scale
 * @param rowCaptions  a caption under each ("7" or "7: p 0.999")
 * @param map          the shown class's map over the digit (28 x 28), or a maximised image
 * @param legendLo     the value drawn orange (or white for a map that is 0 or more)
 * @param legendHi     the value drawn deep blue
 * @param second       the second picture, or null
 * @param secondKey    its caption's bundle key (with {@code secondArgs}), or null
 * @param notes        bundle keys of what to say about this map (a method that changes nothing here, say)
 * @param layers       the conv layers one can choose ("conv 1", ...); empty for an MLP
 * @param layer        the chosen one's position in {@code layers}
 */
public record ExplainSnapshot(String method, String target, int shownClass, List<Picture> row, List<String> rowCaptions,
        Picture map, double legendLo, double legendHi, Picture second, String secondKey, List<Object> secondArgs,
        List<Notice> notes, List<String> layers, int layer, long version) {

    public ExplainSnapshot {
        row = List.copyOf(row);
        rowCaptions = List.copyOf(rowCaptions);
        secondArgs = List.copyOf(secondArgs);
        notes = List.copyOf(notes);
        layers = List.copyOf(layers);
    }

    /** The legend's colour bar, from {@link #legendLo} (left) to {@link #legendHi} (right), as the map draws them. */
    public Picture legendBar() {
        return ExplainPictures.legend(legendLo, legendHi, 128);
    }

    /** The colour of class c in the winners map (ARGB). */
    public static int classColor(int c) {
        return ExplainPictures.CLASS_COLORS[c];
    }
}
