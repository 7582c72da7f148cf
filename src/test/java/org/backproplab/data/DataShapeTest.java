package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DataShapeTest {

    @ParameterizedTest
    @EnumSource(DataShape.class)
    void everyShapeIsSeededAndLabelledForItsTask(DataShape shape) {
        List<DataPoint> a = shape.generate(300, 0.2, 7);
        assertEquals(300, a.size());
        assertEquals(a, shape.generate(300, 0.2, 7), "same seed, same points");
        assertNotEquals(a, shape.generate(300, 0.2, 8));
        for (DataPoint p : a) {
            assertTrue(Math.abs(p.x1()) < 12 && Math.abs(p.x2()) < 12, p.toString());
            switch (shape.task()) {
                case BINARY -> assertTrue(p.label() == 0 || p.label() == 1);
                case MULTICLASS -> assertTrue(p.label() >= 0 && p.label() < shape.classes() && p.label() == Math.rint(p.label()));
                case REGRESSION -> assertTrue(p.label() >= -1 && p.label() <= 1);
            }
        }
    }

    @Test
    void circleLabelsFollowTheRadius() {
        for (DataPoint p : DataShape.CIRCLE.generate(400, 0, 1)) {
            double r = Math.hypot(p.x1(), p.x2());
            assertEquals(r < 2.5 ? 1 : 0, p.label(), 0, p.toString());
            assertTrue(r < 2.5 || r >= 3.5);
        }
    }

    @Test
    void xorAndLinearLabelsByHand() {
        for (DataPoint p : DataShape.XOR.generate(200, 0, 2)) {
            assertEquals(p.x1() * p.x2() >= 0 ? 1 : 0, p.label(), 0);
        }
        for (DataPoint p : DataShape.LINEAR.generate(200, 0, 2)) {
            assertEquals(0.8 * p.x1() + 0.6 * p.x2() > 1.5 ? 1 : 0, p.label(), 0);
        }
        for (DataPoint p : DataShape.PLANE.generate(200, 0, 2)) {
            assertEquals((p.x1() + p.x2()) / 12, p.label(), 1e-12);
        }
        assertEquals(Set.of(0.0, 1.0, 2.0), DataSet.generate(DataShape.BLOBS, 90, 0, 0.5, 1).labels());
    }

    @Test
    void splitKeepsEveryPointOnce() {
        DataSet d = DataSet.generate(DataShape.SPIRAL, 500, 0.1, 0.3, 5);
        assertEquals(150, d.train().size());
        assertEquals(350, d.test().size());
        assertThrows(IllegalArgumentException.class, () -> DataSet.generate(DataShape.SPIRAL, 100, 0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> DataShape.CIRCLE.generate(100, 0.6, 1));
    }

    @Test
    void pointsCanBeAddedAndRemoved() {
        DataSet d = DataSet.generate(DataShape.XOR, 20, 0, 0.5, 1);
        DataSet more = d.withTrainPoint(new DataPoint(1, 1, 1));
        assertEquals(11, more.train().size());
        DataSet fewer = more.withoutPointNear(1.05, 0.98, 0.3);
        assertEquals(10, fewer.train().size());
        assertEquals(fewer, fewer.withoutPointNear(100, 100, 0.3), "nothing near: nothing removed");
    }

    @Test
    void featuresByHand() {
        assertEquals(9, Feature.X1_SQUARED.of(3, 2), 0);
        assertEquals(6, Feature.X1_TIMES_X2.of(3, 2), 0);
        assertEquals(Math.sin(2), Feature.SIN_X2.of(3, 2), 0);
        var s = DataSet.samples(List.of(new DataPoint(3, 2, 1), new DataPoint(-1, 0, 0)),
                List.of(Feature.X1, Feature.X2_SQUARED), Task.BINARY, 2, true);
        assertEquals(4, s.inputs().get(0, 1), 0);
        assertEquals(1, s.targets().get(0, 0), 0);
        assertEquals(-1, s.targets().get(1, 0), 0, "tanh targets are -1 and 1");
        var m = DataSet.samples(List.of(new DataPoint(0, 0, 2)), List.of(Feature.X1), Task.MULTICLASS, 3, false);
        assertEquals(1, m.targets().get(0, 2), 0);
    }
}
