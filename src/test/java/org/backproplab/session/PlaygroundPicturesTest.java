package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The playground's pictures, as TensorFlow Playground colours them. */
class PlaygroundPicturesTest {
    @Test
    void aMapRunsFromOrangeThroughWhiteToBlue() {
        int[] p = PlaygroundPictures.map(new float[] {-1, 0, 1, -7, 7, Float.NaN}, -1, 1, false);
        assertEquals(PlaygroundPictures.LOW, p[0]);
        assertEquals(PlaygroundPictures.HIGH, p[2]);
        assertEquals(PlaygroundPictures.mix(PlaygroundPictures.MID, PlaygroundPictures.HIGH, 1 / 255.0), p[1], "the middle step is white, a hair towards blue");
        assertEquals(PlaygroundPictures.LOW, p[3], "clamped");
        assertEquals(PlaygroundPictures.HIGH, p[4], "clamped");
        assertEquals(PlaygroundPictures.LOW, p[5], "not a number: the lowest step");
    }

    @Test
    void discretisedThereAreTwoColoursAndClassesTakeTheirOwn() {
        int[] p = PlaygroundPictures.map(new float[] {0.2f, 0.49f, 0.51f, 0.9f}, 0, 1, true);
        assertEquals(PlaygroundPictures.LOW, p[0]);
        assertEquals(PlaygroundPictures.LOW, p[1]);
        assertEquals(PlaygroundPictures.HIGH, p[2]);
        assertEquals(PlaygroundPictures.HIGH, p[3]);
        float[][] probabilities = {{1, 0, 0.34f}, {0, 0, 0.33f}, {0, 1, 0.33f}};
        int[] c = PlaygroundPictures.classes(probabilities, false);
        assertEquals(PlaygroundPictures.classColor(0), c[0], "sure: the class colour");
        assertEquals(PlaygroundPictures.classColor(2), c[1]);
        assertNotEquals(PlaygroundPictures.classColor(0), c[2], "unsure: paler");
        assertEquals(PlaygroundPictures.classColor(0), PlaygroundPictures.classes(probabilities, true)[2]);
    }

    @Test
    void theLandscapeIsDrawnInBandsOnALogScale() {
        int[] p = Landscape.picture(new float[] {1, 10, 100, 1000, Float.POSITIVE_INFINITY});
        assertEquals(0xFF0B3C5D, p[0], "the lowest loss is darkest");
        assertEquals(0xFFF2F5F7, p[3], "the highest palest");
        assertEquals(p[3], p[4], "an infinite loss is drawn as the highest");
        assertNotEquals(p[1], p[2]);
    }
}
