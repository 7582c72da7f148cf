package org.backproplab.explain;

/**
 * Grad-CAM (Selvaraju et al. 2017) for class c at conv layer {@code layer} (index in the network,
 * from 0), whose output after its activation is A^k (k = 0 .. K-1 filters, each h x w):
 * <pre>
 * alpha_k  = (1 / (h w)) sum_(i,j) dy_c / dA^k_ij            {@link #weights()}
 * cam      = ReLU(sum_k alpha_k A^k)                          {@link #layerMap()}, h x w
 * map      = bilinear(cam) to the image's size                {@link #map()}
 * </pre>
 * The values are raw; {@code displayScale} = 1 / max(map) (0 when the map is all 0) is what the
 * window multiplies by to show the map from 0 to 1.
 */
public record GradCam(int layer, int classIndex, ScoreTarget target, double score, double[] weights, Grid layerMap,
        Grid map, double displayScale) {
    public GradCam {
        weights = weights.clone();
    }

    /** alpha_k, one per filter of the layer (a copy). */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The map divided by its maximum, for display. */
    public Grid display() {
        return map.scaledToMax();
    }
}
