package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.explain.Explainer;
import org.backproplab.explain.GradCam;
import org.backproplab.explain.Grid;
import org.backproplab.explain.GuidedGradCam;
import org.backproplab.explain.Occlusion;
import org.backproplab.explain.ReluRule;
import org.backproplab.explain.Saliency;
import org.backproplab.explain.ScoreTarget;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * Computes what the "Why this class?" view shows for one digit, on the worker, with the explain
 * package (the same code as the command line's {@code explain}): the map of every class, the shown
 * class's map over the digit, and the method's second picture.
 */
final class ExplainWork {
    /** The choices a person made (all checked by {@link DigitsExplain}); class -1: the label, else the prediction. */
    record Choice(String method, String target, int chosenClass, int layer, int patch, double fill) {
    }

    /** The maximised images of the network shown: per class or per filter of a layer, with captions. */
    record Maximized(String what, List<Picture> images, List<String> captions) {
    }

    private ExplainWork() {
    }

    static ExplainSnapshot compute(Choice choice, Explainer ex, double[] image, int label, int prediction,
            Maximized maximized, long version) {
        ScoreTarget target = ScoreTarget.fromId(choice.target());
        int shown = choice.chosenClass() >= 0 ? choice.chosenClass() : label >= 0 ? label : prediction;
        List<Integer> convs = ex.convLayers();
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < convs.size(); i++) {
            layers.add("conv " + (i + 1));
        }
        int layerPos = Math.max(0, Math.min(convs.size() - 1, choice.layer() < 0 ? convs.size() - 1 : choice.layer()));
        int layer = convs.isEmpty() ? -1 : convs.get(layerPos);
        List<Notice> notes = new ArrayList<>();
        List<Picture> row = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int c = 0; c < ex.classes(); c++) {
            captions.add(String.valueOf(c));
        }
        Picture map;
        double lo = 0;
        double hi = 1;
        Picture second = null;
        String secondKey = null;
        List<Object> secondArgs = List.of();
        switch (choice.method()) {
            case "saliency", "guided", "rectified" -> {
                ReluRule rule = ReluRule.valueOf(choice.method().equals("saliency") ? "VANILLA"
                        : choice.method().toUpperCase(Locale.ROOT));
                List<Saliency> all = ex.saliencyAllClasses(image, target, rule);
                for (Saliency s : all) {
                    row.add(ExplainPictures.positive(s.map().values(), 28, 28, s.map().max(), null));
                }
                Grid m = all.get(shown).map();
                hi = m.max();
                map = ExplainPictures.positive(m.values(), 28, 28, hi, image);
                if (rule != ReluRule.VANILLA && !all.get(shown).ruleApplies()) {
                    notes.add(new Notice("explain.noRelu", List.of(), false));
                }
            }
            case "gradcam", "guided-gradcam" -> {
                if (layer < 0) {
                    return noConv(choice, shown, image, version);
                }
                boolean guided = choice.method().equals("guided-gradcam");
                Grid chosen = null;
                GradCam chosenCam = null;
                for (int c = 0; c < ex.classes(); c++) {
                    Grid m;
                    GradCam cam;
                    if (guided) {
                        GuidedGradCam g = ex.guidedGradCam(image, c, target, layer);
                        m = g.map();
                        cam = g.cam();
                    } else {
                        cam = ex.gradCam(image, c, target, layer);
                        m = cam.map();
                    }
                    row.add(ExplainPictures.positive(m.values(), 28, 28, m.max(), null));
                    if (c == shown) {
                        chosen = m;
                        chosenCam = cam;
                    }
                }
                hi = chosen.max();
                map = ExplainPictures.positive(chosen.values(), 28, 28, hi, image);
                Grid lm = chosenCam.layerMap();
                second = ExplainPictures.positive(lm.values(), lm.rows(), lm.cols(), lm.max(), null);
                secondKey = "explain.layerMap";
                secondArgs = List.of(layers.get(layerPos), lm.rows(), lm.cols());
                if (chosen.max() == 0) {
                    notes.add(new Notice("explain.camZero", List.of(shown), false));
                }
            }
            case "occlusion" -> {
                Occlusion chosen = null;
                for (int c = 0; c < ex.classes(); c++) {
                    Occlusion o = ex.occlusion(image, c, target, choice.patch(), choice.fill());
                    double m = o.map().maxAbs();
                    row.add(ExplainPictures.map(o.map().values(), 28, 28, -m, m, null));
                    if (c == shown) {
                        chosen = o;
                    }
                }
                hi = Math.max(1e-12, chosen.map().maxAbs());
                lo = -hi;
                map = ExplainPictures.map(chosen.map().values(), 28, 28, lo, hi, image);
                second = ExplainPictures.winners(chosen.winnerMap(), image);
                secondKey = "explain.winners";
                secondArgs = List.of(choice.patch());
            }
            default -> { // maximize
                if (maximized == null) {
                    map = ExplainPictures.grey(new double[784], 28, 28);
                    notes.add(new Notice("explain.maximizeFirst", List.of(), false));
                } else {
                    row.addAll(maximized.images());
                    captions = maximized.captions();
                    int i = Math.min(shown, maximized.images().size() - 1);
                    map = maximized.images().get(i);
                }
            }
        }
        return new ExplainSnapshot(choice.method(), choice.target(), shown, row, captions, map, lo, hi, second,
                secondKey, secondArgs, notes, layers, layerPos, version);
    }

    private static ExplainSnapshot noConv(Choice choice, int shown, double[] image, long version) {
        return new ExplainSnapshot(choice.method(), choice.target(), shown, List.of(), List.of(),
                ExplainPictures.grey(image, 28, 28), 0, 1, null, null, List.of(),
                List.of(new Notice("explain.noConv", List.of(), false)), List.of(), 0, version);
    }
}
