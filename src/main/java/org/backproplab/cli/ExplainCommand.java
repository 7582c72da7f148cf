package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.backproplab.explain.Explainer;
import org.backproplab.explain.MaximizeSettings;
import org.backproplab.explain.Maximizer;
import org.backproplab.explain.Objective;
import org.backproplab.explain.ReluRule;
import org.backproplab.explain.ScoreTarget;
import org.backproplab.io.ModelFile;
import org.backproplab.lesson.MnistLessons;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Explains a trained digits model's answer for one test digit; docs/EXPLAIN.md defines every map. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a trained digits model's answer for a test digit: saliency (vanilla, guided, "
                + "rectified), Grad-CAM, guided Grad-CAM, occlusion, or activation maximisation. See docs/EXPLAIN.md.")
final class ExplainCommand implements Runnable {
    static final List<String> METHODS = List.of("saliency", "guided", "rectified", "gradcam", "guided-gradcam",
            "occlusion", "maximize");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A model file saved by 'train ... --save FILE'.")
    Path file;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "saliency, guided, rectified, gradcam, guided-gradcam, occlusion or maximize.")
    String method;

    @Option(names = "--digit", paramLabel = "N", description = "Which test digit, 0 to 9999 (maximize: optional).")
    Integer digit;

    @Option(names = "--class", paramLabel = "C", description = "The class explained, 0 to 9. Default: the predicted "
            + "class (occlusion: the digit's label; maximize: the digit's label).")
    Integer classIndex;

    @Option(names = "--target", paramLabel = "T", description = "y_c: logit, probability or log-probability. "
            + "Default: logit (occlusion: probability).")
    String target;

    @Option(names = "--layer", paramLabel = "L", description = "gradcam, guided-gradcam, maximize --filter: the conv "
            + "layer, counted from 1 as in the model summary (W1 is layer 1's). Default: the last conv layer.")
    Integer layer;

    @Option(names = "--filter", paramLabel = "F", description = "maximize: a filter of --layer (from 0) instead of a "
            + "class.")
    Integer filter;

    @Option(names = "--patch", paramLabel = "S", description = "occlusion: the patch's side (and stride), 1 to 28. "
            + "Default: 4.")
    Integer patch;

    @Option(names = "--fill", paramLabel = "V", description = "occlusion: the patch's value, 0 to 1. Default: 0.5.")
    Double fill;

    @Option(names = "--seed", paramLabel = "S", description = "maximize: seed of the start noise and jitter. "
            + "Default: 1.")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "maximize: gradient steps. Default: 200.")
    Integer steps;

    @Option(names = "--json", description = "Print one JSON object with the raw map.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Also write the map as a PNG (scaled for display).")
    Path png;

    @Option(names = "--data", paramLabel = "DIR", description = "The folder with the MNIST IDX files (default: "
            + "assets/mnist, or the copy inside the jar).")
    Path data;

    @Override
    public void run() {
        checkOptions();
        Network network = load();
        Explainer explainer = Explainer.forDigits(network);
        int convLayer = checkLayer(network, explainer);
        double[] image = null;
        int label = -1;
        if (digit != null) {
            Idx.LabelledImages test = testDigits();
            if (digit < 0 || digit >= test.count()) {
                throw usage("--digit must be 0 to " + (test.count() - 1) + " (the test digits), not " + digit);
            }
            image = new double[test.images().size()];
            for (int i = 0; i < image.length; i++) {
                image[i] = test.images().pixel(digit, i) / 255.0;
            }
            label = test.label(digit);
        } else if (!method.equals("maximize")) {
            throw usage("--method " + method + " needs --digit N");
        }
        ExplainReport report = new ExplainReport(method, digit, label);
        ScoreTarget t = target == null ? (method.equals("occlusion") ? ScoreTarget.PROBABILITY : ScoreTarget.LOGIT)
                : ScoreTarget.fromId(target);
        if (method.equals("maximize")) {
            if (classIndex == null && filter == null && label < 0) {
                throw usage("maximize needs --class C, --filter F or --digit N (whose label is the class)");
            }
            Objective objective = filter != null ? Objective.filter(convLayer, filter)
                    : Objective.classScore(classIndex != null ? classIndex : label, t);
            MaximizeSettings settings = MaximizeSettings.defaults(seed == null ? 1 : seed);
            report.maximization(explainer.maximize(objective, steps == null ? settings : settings.withSteps(steps),
                    Maximizer.Progress.NONE, () -> false), convLayer);
        } else {
            double[] p = explainer.probabilities(image);
            int predicted = Metrics.argmax(p);
            int c = classIndex != null ? classIndex : method.equals("occlusion") ? label : predicted;
            report.digit(p, c, t);
            switch (method) {
                case "saliency" -> report.saliency(explainer.saliency(image, c, t, ReluRule.VANILLA));
                case "guided" -> report.saliency(explainer.saliency(image, c, t, ReluRule.GUIDED));
                case "rectified" -> report.saliency(explainer.saliency(image, c, t, ReluRule.RECTIFIED));
                case "gradcam" -> report.gradCam(explainer.gradCam(image, c, t, convLayer));
                case "guided-gradcam" -> report.guidedGradCam(explainer.guidedGradCam(image, c, t, convLayer));
                default -> report.occlusion(explainer.occlusion(image, c, t, patch == null ? 4 : patch,
                        fill == null ? 0.5 : fill));
            }
        }
        var out = spec.commandLine().getOut();
        Map<String, Object> object = report.object();
        out.println(json ? Json.line(object) : report.text());
        out.flush();
        if (png != null) {
            try {
                MapPicture.write(png, report.picture(), report.signed());
            } catch (IOException e) {
                throw new IllegalArgumentException(png + ": cannot write the picture (" + e.getMessage() + ")", e);
            }
        }
    }

    /** The checks that need no file: each refusal is one line, exit code 2. */
    private void checkOptions() {
        if (!METHODS.contains(method)) {
            throw usage("unknown method '" + org.backproplab.data.Excerpt.of(method) + "' (known: "
                    + String.join(", ", METHODS) + ")");
        }
        if (classIndex != null && (classIndex < 0 || classIndex > 9)) {
            throw usage("--class must be 0 to 9, not " + classIndex);
        }
        if (target != null) {
            ScoreTarget.fromId(target);
        }
        boolean occlusion = method.equals("occlusion");
        boolean maximize = method.equals("maximize");
        refuseUnless(patch != null, occlusion, "--patch");
        refuseUnless(fill != null, occlusion, "--fill");
        refuseUnless(seed != null, maximize, "--seed");
        refuseUnless(steps != null, maximize, "--steps");
        refuseUnless(filter != null, maximize, "--filter");
        refuseUnless(layer != null, method.contains("gradcam") || filter != null, "--layer");
        if (filter != null && classIndex != null) {
            throw usage("--filter and --class ask for different things; give one");
        }
        if (filter != null && target != null) {
            throw usage("--target does not apply to --filter (the filter's mean activation is maximised)");
        }
        if (patch != null && (patch < 1 || patch > 28)) {
            throw usage("--patch must be 1 to 28 pixels, not " + patch);
        }
        if (fill != null && !(fill >= 0 && fill <= 1)) {
            throw usage("--fill must be between 0 and 1, not " + fill);
        }
        if (steps != null && steps < 1) {
            throw usage("--steps must be at least 1, not " + steps);
        }
    }

    private void refuseUnless(boolean given, boolean applies, String option) {
        if (given && !applies) {
            throw usage(option + " does not apply to --method " + method);
        }
    }

    /** The model file's network: its preset's layers with the file's values. */
    private Network load() {
        try {
            ModelFile.Loaded loaded = ModelFile.load(file);
            if (!MnistLessons.has(loaded.preset())) {
                throw new IllegalArgumentException(file + ": the preset '" + ModelFile.shorten(loaded.preset())
                        + "' is not a digits network (explain takes " + String.join(", ", MnistLessons.ids()) + ")");
            }
            Network network = MnistLessons.byId(loaded.preset()).network().apply(1);
            loaded.restoreInto(network);
            return network;
        } catch (ModelFile.ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The conv layer's index from 0 for --layer (counted from 1), or the last conv; -1 where none is needed. */
    private int checkLayer(Network network, Explainer explainer) {
        boolean needed = method.contains("gradcam") || filter != null;
        if (!needed) {
            return -1;
        }
        List<Integer> convs = explainer.convLayers();
        String numbers = String.join(", ", convs.stream().map(l -> String.valueOf(l + 1)).toList());
        if (convs.isEmpty()) {
            throw usage("this model has no convolution layer; --method " + method
                    + (filter != null ? " --filter" : "") + " needs one");
        }
        if (layer != null && (layer < 1 || layer > network.layerCount()
                || !(network.layer(layer - 1) instanceof ConvLayer))) {
            throw usage("--layer " + layer + " is not a convolution layer (this model's: " + numbers + ")");
        }
        int index = layer == null ? convs.get(convs.size() - 1) : layer - 1;
        int filters = ((ConvLayer) network.layer(index)).filters();
        if (filter != null && (filter < 0 || filter >= filters)) {
            throw usage("--filter must be 0 to " + (filters - 1) + " (layer " + (index + 1) + "'s filters), not "
                    + filter);
        }
        return index;
    }

    private Idx.LabelledImages testDigits() {
        try {
            return MnistFiles.test(MnistFiles.folder(data));
        } catch (DataFileException | IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

}
