package org.backproplab.cli;

import java.util.Locale;
import java.util.Map;
import org.backproplab.engine.Metrics;
import org.backproplab.explain.GradCam;
import org.backproplab.explain.Grid;
import org.backproplab.explain.GuidedGradCam;
import org.backproplab.explain.Maximization;
import org.backproplab.explain.Occlusion;
import org.backproplab.explain.Saliency;
import org.backproplab.explain.ScoreTarget;

/** What {@code explain} prints: one JSON object of raw values, or a few lines and the map drawn in characters. */
final class ExplainReport {
    /** From light to dark, for the map drawn in text. */
    private static final String SHADES = " .:-=+*#%@";
    private final Map<String, Object> object = Json.object();
    private final StringBuilder text = new StringBuilder();
    private Grid picture;
    private boolean signed;

    ExplainReport(String method, Integer digit, int label) {
        object.put("method", method);
        object.put("digit", digit);
        object.put("label", label < 0 ? null : label);
    }

    /** The digit's probabilities, the class explained and its score's kind. */
    void digit(double[] probabilities, int c, ScoreTarget target) {
        int predicted = Metrics.argmax(probabilities);
        object.put("class", c);
        object.put("target", target.id());
        object.put("prediction", predicted);
        object.put("probabilities", probabilities);
        line("digit %d, label %s: predicted %d (p = %.4f); explaining class %d (p = %.4f) by its %s",
                object.get("digit"), object.get("label"), predicted, probabilities[predicted], c, probabilities[c],
                target.id());
    }

    void saliency(Saliency s) {
        object.put("rule", s.rule().id());
        object.put("rule_applies", s.ruleApplies());
        object.put("score", s.score());
        map(s.map(), false);
        line("|dy/dx| with the %s rule at every ReLU%s; y = %s; largest %s", s.rule().id(),
                s.ruleApplies() ? "" : " (this network has no ReLU: the same as vanilla)", num(s.score()),
                num(s.map().max()));
    }

    void gradCam(GradCam cam) {
        object.put("layer", cam.layer() + 1);
        object.put("score", cam.score());
        object.put("weights", cam.weights());
        object.put("layer_map", cam.layerMap().toRows());
        object.put("display_scale", cam.displayScale());
        map(cam.map(), false);
        line("Grad-CAM at layer %d (%d x %d, %d filters); y = %s; largest %s", cam.layer() + 1, cam.layerMap().rows(),
                cam.layerMap().cols(), cam.weights().length, num(cam.score()), num(cam.map().max()));
    }

    void guidedGradCam(GuidedGradCam g) {
        gradCam(g.cam());
        object.put("rule", "guided");
        map(g.map(), false);
        line("guided Grad-CAM: guided |dy/dx| times the map above; largest %s", num(g.map().max()));
    }

    void occlusion(Occlusion o) {
        object.put("patch", o.patch());
        object.put("fill", o.fill());
        object.put("score", o.score());
        map(o.map(), true);
        object.put("winner", o.winnerMap());
        object.put("cells", o.cells().toRows());
        line("%d x %d patches of %s; each cell: y(digit) - y(patch hidden), y = %s; largest drop %s", o.patch(),
                o.patch(), num(o.fill()), num(o.score()), num(o.cells().max()));
    }

    void maximization(Maximization m, int layer) {
        double[] p = m.probabilities();
        if (m.objective().isClass()) {
            object.put("class", m.objective().index());
            object.put("target", m.objective().target().id());
        } else {
            object.put("layer", layer + 1);
            object.put("filter", m.objective().index());
        }
        object.put("prediction", Metrics.argmax(p));
        object.put("probabilities", p);
        object.put("score", m.score());
        object.put("seed", m.settings().seed());
        object.put("steps", m.settings().steps());
        map(m.image(), false);
        object.put("image", m.image().toRows());
        int predicted = Metrics.argmax(p);
        line("%s maximised in %d steps (seed %d): y = %s; the network predicts %d (p = %.4f)",
                m.objective().isClass() ? "class " + m.objective().index()
                        : "layer " + (layer + 1) + " filter " + m.objective().index(),
                m.settings().steps(), m.settings().seed(), num(m.score()), predicted, p[predicted]);
    }

    private void map(Grid map, boolean isSigned) {
        object.put("map", map.toRows());
        picture = map;
        signed = isSigned;
    }

    Map<String, Object> object() {
        return object;
    }

    /** The lines, then the map in characters (scaled to its largest absolute value; for occlusion, drops only). */
    String text() {
        StringBuilder sb = new StringBuilder(text);
        sb.append(String.format(Locale.ROOT, "the map, from '%c' (0) to '%c' (the largest%s):%n", SHADES.charAt(0),
                SHADES.charAt(SHADES.length() - 1), signed ? " drop; rises are left blank" : ""));
        Grid shown = picture.scaledToMax();
        for (int r = 0; r < shown.rows(); r++) {
            for (int c = 0; c < shown.cols(); c++) {
                double v = Math.max(0, shown.get(r, c));
                sb.append(SHADES.charAt((int) Math.round(v * (SHADES.length() - 1))));
            }
            sb.append('\n');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    Grid picture() {
        return picture;
    }

    boolean signed() {
        return signed;
    }

    private void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
