package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The activations tab's view-model: the curves it samples and its commands, refused values included. */
class ActivationsSessionTest {
    private final ActivationsSession session = new ActivationsSession();

    private ActivationsSession.Plot plot(String id) {
        return session.plots().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachCurveAndItsDerivativeAreSampledWithWhereTheGradientVanishes() {
        assertEquals(List.of("sigmoid", "tanh", "relu", "leaky-relu", "identity", "softmax"), session.activations());
        ActivationsSession.Plot sigmoid = plot("sigmoid");
        assertEquals(241, sigmoid.z().length);
        assertEquals(-6, sigmoid.z()[0], 1e-12);
        assertEquals(0.5, sigmoid.values()[120], 1e-12, "f(0)");
        assertEquals(0.25, sigmoid.derivatives()[120], 1e-12, "f'(0)");
        assertEquals("act.sigmoid", sigmoid.captionKey());
        // the tails where f' < 5 % of 1/4, on both sides, and nothing exactly zero
        assertEquals(2, sigmoid.bands().size());
        assertFalse(sigmoid.bands().get(0).dead());
        assertEquals(-6, sigmoid.bands().get(0).from(), 1e-12);
        assertEquals(6, sigmoid.bands().get(1).to(), 1e-12);
        ActivationsSession.Plot relu = plot("relu");
        assertEquals(1, relu.bands().size(), "z < 0 passes nothing back");
        assertTrue(relu.bands().get(0).dead());
        assertEquals(0, relu.bands().get(0).to(), 1e-12);
        assertTrue(plot("leaky-relu").bands().isEmpty(), "a little gradient everywhere");
        assertTrue(plot("identity").bands().isEmpty());
    }

    @Test
    void selectChoosesAnActivationAndRefusesAnUnknownOne() {
        assertEquals("sigmoid", session.selectedProperty().get());
        session.select("relu");
        assertEquals("relu", session.selectedProperty().get());
        assertNull(session.inputErrorProperty().get());
        session.select("swish");
        assertEquals("act.error.unknown", session.inputErrorProperty().get().key());
        assertEquals("relu", session.selectedProperty().get(), "unchanged");
        session.select("tanh");
        assertNull(session.inputErrorProperty().get(), "an accepted command clears the message");
    }

    @Test
    void theProbeReadsEveryCurveAtTheZTypedAndRefusesOneOutOfRange() {
        session.setProbe("0");
        assertEquals(0, session.probeProperty().get());
        ActivationsSession.Reading sigmoid = session.readingsProperty().get().get(0);
        assertEquals(0.5, sigmoid.value(), 1e-12);
        assertEquals(0.25, sigmoid.derivative(), 1e-12);
        session.setProbe("-2,5");
        ActivationsSession.Reading relu = session.readingsProperty().get().get(2);
        assertEquals(-2.5, relu.z(), 1e-12);
        assertEquals(0, relu.derivative(), 1e-12, "a dead ReLU");
        var before = session.readingsProperty().get();
        session.setProbe("7");
        assertEquals("act.error.probe", session.inputErrorProperty().get().key());
        session.setProbe("1e9");
        assertEquals("act.error.probe", session.inputErrorProperty().get().key());
        session.setProbe("abc");
        assertEquals("edit.error.notANumber", session.inputErrorProperty().get().key());
        assertEquals(-2.5, session.probeProperty().get(), 1e-12, "unchanged");
        assertEquals(before, session.readingsProperty().get());
        session.moveProbe(9);
        assertEquals(6, session.probeProperty().get(), 1e-12, "a click past the edge reads at the edge");
        assertNull(session.inputErrorProperty().get());
    }

    @Test
    void softmaxIsShownAsTheFirstProbabilityOfZZeroZeroWithItsDiagonalDerivative() {
        ActivationsSession.Plot softmax = plot("softmax");
        assertEquals("act.softmax", softmax.captionKey());
        for (int i = 0; i < softmax.z().length; i += 7) {
            double z = softmax.z()[i];
            // p1 = e^z / (e^z + e^0 + e^0), the sigmoid of z - ln 2
            assertEquals(Math.exp(z) / (Math.exp(z) + 2), softmax.values()[i], 1e-12);
            assertEquals(1 / (1 + Math.exp(-(z - Math.log(2)))), softmax.values()[i], 1e-12);
            double h = 1e-6;
            double numeric = (Math.exp(z + h) / (Math.exp(z + h) + 2) - Math.exp(z - h) / (Math.exp(z - h) + 2)) / (2 * h);
            assertEquals(numeric, softmax.derivatives()[i], 1e-8);
        }
        assertEquals(2, softmax.bands().size(), "it saturates at both ends, like the sigmoid");
        session.setProbe("0");
        ActivationsSession.Reading r = session.readingsProperty().get().get(5);
        assertEquals("softmax", r.id());
        assertEquals(1.0 / 3, r.value(), 1e-12);
        assertEquals(2.0 / 9, r.derivative(), 1e-12);
    }
}
