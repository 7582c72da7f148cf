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
    void aThumbnailPixelIsTheMeanOfTheCellsWhoseCentresItCovers() {
        // 4 x 4 cells to 2 x 2 pixels: each pixel the 2 x 2 block at its corner
        float[] v = {
            -1, -1, 1, 1,
            -1, -1, 1, 1,
            -1, 1, 0.5f, 0.5f,
            1, -1, 0.5f, 0.5f};
        int[] p = PlaygroundPictures.thumbnail(v, 4, 2, -1, 1);
        assertEquals(PlaygroundPictures.LOW, p[0]);
        assertEquals(PlaygroundPictures.HIGH, p[1]);
        assertEquals(PlaygroundPictures.mix(PlaygroundPictures.MID, PlaygroundPictures.HIGH, 1 / 255.0), p[2],
                "mean 0: the middle step");
        // 0.5 on -1..1 is 3/4 of the scale: step round(191.25) = 191, 127/255 of the way from white to blue
        assertEquals(PlaygroundPictures.mix(PlaygroundPictures.MID, PlaygroundPictures.HIGH, 127 / 255.0), p[3]);
        // 5 cells to 2 pixels: centres at 0.2, 0.6 | 1.0, 1.4, 1.8 pixel widths, so columns 0-1 and 2-4
        float[] columns = new float[25];
        for (int i = 0; i < 25; i++) {
            columns[i] = i % 5;
        }
        int[] q = PlaygroundPictures.thumbnail(columns, 5, 2, 0, 4);
        assertEquals(PlaygroundPictures.color((0 + 1) / 2.0, 0, 4), q[0]);
        assertEquals(PlaygroundPictures.color((2 + 3 + 4) / 3.0, 0, 4), q[1]);
        assertEquals(q[0], q[2], "every row alike");
        assertEquals(q[1], q[3]);
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
