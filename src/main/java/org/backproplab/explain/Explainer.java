package org.backproplab.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.backproplab.engine.Activation;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Metrics;
import org.backproplab.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * Asks a trained classifier "why this class?" (docs/EXPLAIN.md defines each answer): saliency,
 * Grad-CAM, guided Grad-CAM, occlusion and activation maximisation, for the window and the
 * command line alike.
 *
 * <p>Works on its own copy of the network, taken when it is made: the network being trained is
 * never touched (a backward pass overwrites parameter gradients). Not thread-safe: use one
 * explainer from one thread at a time, e.g. the session's worker. The network must end in a
 * softmax layer; its input is one channel of {@code height x width} pixels, row by row.
 */
public final class Explainer {
    /** The occluded images sent through the network at once. */
    private static final int OCCLUSION_BATCH = 64;
    private final Backprop pass;
    private final int height;
    private final int width;
    private final int classes;
    private final boolean hasRelu;

    public Explainer(Network network, int height, int width) {
        if (network.outputActivation() != Activation.SOFTMAX) {
            throw new IllegalArgumentException("explanations need a classifier whose last layer is a softmax, not "
                    + network.outputActivation().id());
        }
        if (height * width != network.inputSize()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize() + " inputs, not a " + height
                    + " x " + width + " image");
        }
        this.pass = new Backprop(network);
        this.height = height;
        this.width = width;
        this.classes = network.outputSize();
        boolean relu = false;
        for (Layer l : network.layers()) {
            relu |= l.activation() == Activation.RELU;
        }
        this.hasRelu = relu;
    }

    /** An explainer for a digits network (28 x 28 pixels). */
    public static Explainer forDigits(Network network) {
        return new Explainer(network, 28, 28);
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int classes() {
        return classes;
    }

    /** True when some layer has a ReLU, so that the guided and rectified rules differ from vanilla. */
    public boolean hasRelu() {
        return hasRelu;
    }

    /** The indices (from 0, as {@link Network#layer(int)}) of the convolution layers. */
    public List<Integer> convLayers() {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < pass.layers().size(); l++) {
            if (pass.layers().get(l) instanceof ConvLayer) {
                out.add(l);
            }
        }
        return out;
    }

    /** The number of filters of conv layer {@code layer}. */
    public int filters(int layer) {
        return conv(layer).filters();
    }

    /** p = softmax(z) for the image. */
    public double[] probabilities(double[] image) {
        pass.forward(row(image));
        return pass.probabilities(0);
    }

    /** |dy_c/dx| with {@code rule} at every ReLU of the backward pass. */
    public Saliency saliency(double[] image, int c, ScoreTarget target, ReluRule rule) {
        checkClass(c);
        pass.forward(row(image));
        double score = target.value(pass.logits(0), pass.probabilities(0), c);
        pass.backwardFromLogits(scoreGradient(target, c), rule);
        double[] g = pass.inputGradient(0);
        double[] abs = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            abs[i] = Math.abs(g[i]);
        }
        return new Saliency(c, target, rule, score, new Grid(height, width, g), new Grid(height, width, abs), hasRelu);
    }

    /** {@link #saliency} for each class 0, 1, ... in turn: the row of maps the teaching material plots. */
    public List<Saliency> saliencyAllClasses(double[] image, ScoreTarget target, ReluRule rule) {
        List<Saliency> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add(saliency(image, c, target, rule));
        }
        return out;
    }

    /** Grad-CAM of class c at conv layer {@code layer} (see {@link GradCam}); the true gradient throughout. */
    public GradCam gradCam(double[] image, int c, ScoreTarget target, int layer) {
        checkClass(c);
        ConvLayer conv = conv(layer);
        pass.forward(row(image));
        double score = target.value(pass.logits(0), pass.probabilities(0), c);
        pass.backwardFromLogits(scoreGradient(target, c), ReluRule.VANILLA);
        double[] maps = pass.activation(layer, 0);
        double[] grads = pass.activationGradient(layer, 0);
        int k = conv.filters();
        int positions = conv.outHeight() * conv.outWidth();
        double[] alpha = new double[k];
        double[] cam = new double[positions];
        for (int f = 0; f < k; f++) {
            // alpha_k = mean over positions of dy_c/dA^k
            double sum = 0;
            for (int q = 0; q < positions; q++) {
                sum += grads[f * positions + q];
            }
            alpha[f] = sum / positions;
            for (int q = 0; q < positions; q++) {
                cam[q] += alpha[f] * maps[f * positions + q];
            }
        }
        for (int q = 0; q < positions; q++) {
            cam[q] = Math.max(0, cam[q]);
        }
        Grid layerMap = new Grid(conv.outHeight(), conv.outWidth(), cam);
        Grid map = Bilinear.resize(layerMap, height, width);
        double max = map.max();
        return new GradCam(layer, c, target, score, alpha, layerMap, map, max > 0 ? 1 / max : 0);
    }

    /** Grad-CAM of the last conv layer. */
    public GradCam gradCam(double[] image, int c, ScoreTarget target) {
        return gradCam(image, c, target, lastConvLayer());
    }

    /** Guided saliency times the upsampled Grad-CAM map, pixel by pixel. */
    public GuidedGradCam guidedGradCam(double[] image, int c, ScoreTarget target, int layer) {
        GradCam cam = gradCam(image, c, target, layer);
        Saliency guided = saliency(image, c, target, ReluRule.GUIDED);
        double[] s = guided.map().values();
        double[] m = cam.map().values();
        for (int i = 0; i < s.length; i++) {
            s[i] *= m[i];
        }
        return new GuidedGradCam(guided, cam, new Grid(height, width, s));
    }

    /** The index of the last conv layer; refused when the network has none. */
    public int lastConvLayer() {
        List<Integer> convs = convLayers();
        if (convs.isEmpty()) {
            throw new IllegalArgumentException("Grad-CAM needs a convolution layer and this network has none");
        }
        return convs.get(convs.size() - 1);
    }

    /** Occlusion of class c with a {@code patch x patch} square of {@code fill} (see {@link Occlusion}). */
    public Occlusion occlusion(double[] image, int c, ScoreTarget target, int patch, double fill) {
        checkClass(c);
        if (patch < 1 || patch > Math.min(height, width)) {
            throw new IllegalArgumentException("the patch must be 1 to " + Math.min(height, width) + " pixels, not "
                    + patch);
        }
        if (!(fill >= 0 && fill <= 1)) {
            throw new IllegalArgumentException("the fill value must be between 0 and 1, not " + fill);
        }
        check(image);
        pass.forward(row(image));
        double score = target.value(pass.logits(0), pass.probabilities(0), c);
        int rows = (height + patch - 1) / patch;
        int cols = (width + patch - 1) / patch;
        double[] drop = new double[rows * cols];
        int[] winners = new int[rows * cols];
        for (int first = 0; first < drop.length; first += OCCLUSION_BATCH) {
            int n = Math.min(OCCLUSION_BATCH, drop.length - first);
            DMatrixRMaj batch = new DMatrixRMaj(n, image.length);
            for (int i = 0; i < n; i++) {
                int cell = first + i;
                System.arraycopy(image, 0, batch.data, i * image.length, image.length);
                int top = (cell / cols) * patch;
                int left = (cell % cols) * patch;
                for (int y = top; y < Math.min(top + patch, height); y++) {
                    for (int x = left; x < Math.min(left + patch, width); x++) {
                        batch.data[i * image.length + y * width + x] = fill;
                    }
                }
            }
            pass.forward(batch);
            for (int i = 0; i < n; i++) {
                double[] p = pass.probabilities(i);
                drop[first + i] = score - target.value(pass.logits(i), p, c);
                winners[first + i] = Metrics.argmax(p);
            }
        }
        double[] map = new double[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                map[y * width + x] = drop[(y / patch) * cols + x / patch];
            }
        }
        return new Occlusion(c, target, patch, fill, score, new Grid(rows, cols, drop), winners,
                new Grid(height, width, map));
    }

    /**
     * Activation maximisation (see {@link Maximizer}): an input that makes {@code objective}
     * large, from seeded grey noise. Reports each step to {@code progress}; stops with a
     * {@link java.util.concurrent.CancellationException} once {@code cancelled} says so.
     */
    public Maximization maximize(Objective objective, MaximizeSettings settings, Maximizer.Progress progress,
            BooleanSupplier cancelled) {
        if (objective.isClass()) {
            checkClass(objective.index());
        } else if (objective.index() < 0 || objective.index() >= conv(objective.layer()).filters()) {
            throw new IllegalArgumentException("filter " + objective.index() + " is not one of 0.."
                    + (conv(objective.layer()).filters() - 1));
        }
        return new Maximizer(pass, height, width, settings).run(objective, progress, cancelled);
    }

    private ConvLayer conv(int layer) {
        if (layer < 0 || layer >= pass.layers().size() || !(pass.layers().get(layer) instanceof ConvLayer conv)) {
            throw new IllegalArgumentException("layer index " + layer + " is not a convolution (convolutions: "
                    + convLayers() + ")");
        }
        return conv;
    }

    private DMatrixRMaj scoreGradient(ScoreTarget target, int c) {
        DMatrixRMaj g = new DMatrixRMaj(1, classes);
        target.gradient(pass.probabilities(0), c, g.data);
        return g;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("class " + c + " is not one of 0.." + (classes - 1));
        }
    }

    private void check(double[] image) {
        if (image.length != height * width) {
            throw new IllegalArgumentException("the image has " + image.length + " pixels, the network takes "
                    + height + " x " + width);
        }
    }

    private DMatrixRMaj row(double[] image) {
        check(image);
        DMatrixRMaj x = new DMatrixRMaj(1, image.length);
        System.arraycopy(image, 0, x.data, 0, image.length);
        return x;
    }

}
