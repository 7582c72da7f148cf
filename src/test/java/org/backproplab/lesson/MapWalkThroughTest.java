package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapWalkThroughTest {

    @Test
    void aLongSumShowsItsLargestTermsAndAddsUpTheRest() {
        List<double[]> products = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            products.add(new double[] {i, 0.5});
        }
        products.add(new double[] {0, 3});
        // 1 x 0.5 + 2 x 0.5 = 1.5 left over; 0.5 (1 + ... + 14) = 52.5
        assertEquals("14 x 0.5 + 13 x 0.5 + 12 x 0.5 + 11 x 0.5 + 10 x 0.5 + 9 x 0.5 + 8 x 0.5 + 7 x 0.5 + 6 x 0.5"
                + " + 5 x 0.5 + 4 x 0.5 + 3 x 0.5 + 1.5 (the other 2 terms) = 52.5   (1 term is 0)",
                MapWalkThrough.sum(products, 52.5));
    }

    @Test
    void aSumOfZerosIsWrittenAsZero() {
        assertEquals("0 = 0   (2 terms are 0)", MapWalkThrough.sum(List.of(new double[] {0, 1}, new double[] {2, 0}), 0));
    }
}
