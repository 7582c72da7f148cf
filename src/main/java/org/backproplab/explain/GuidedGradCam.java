package org.backproplab.explain;

/**
 * Guided Grad-CAM (Selvaraju et al. 2017): the guided saliency map times the upsampled class
 * activation map, pixel by pixel: {@code map = |dy_c/dx|_guided * bilinear(cam)}, raw values.
 * pytorch-grad-cam multiplies the signed guided gradient by the map scaled to [0, 1] instead;
 * scaled for display, the two pictures are the same up to the sign.
 */
public record GuidedGradCam(Saliency guided, GradCam cam, Grid map) {
}
