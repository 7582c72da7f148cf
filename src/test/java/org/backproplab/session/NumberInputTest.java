package org.backproplab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class NumberInputTest {
    @Test
    void acceptsNumbersAsPeopleTypeThem() {
        assertEquals(0.25, NumberInput.parameter(" 0.25 ").value(), 0);
        assertEquals(-1.5, NumberInput.parameter("\u22121,5").value(), 0);
        assertEquals(1e-3, NumberInput.parameter("1e-3").value(), 0);
        assertEquals(1e6, NumberInput.parameter("1000000").value(), 0);
    }

    @Test
    void refusesWithAReason() {
        assertEquals("edit.error.notANumber", NumberInput.parameter("abc").errorKey());
        assertEquals("edit.error.empty", NumberInput.parameter("  ").errorKey());
        assertEquals("edit.error.notFinite", NumberInput.parameter("NaN").errorKey());
        assertEquals("edit.error.notFinite", NumberInput.parameter("Infinity").errorKey());
        assertEquals("edit.error.tooLarge", NumberInput.parameter("1000001").errorKey());
        assertEquals("edit.error.learningRate", NumberInput.learningRate("0").errorKey());
        assertEquals("edit.error.learningRate", NumberInput.learningRate("1001").errorKey());
        assertFalse(NumberInput.learningRate("-1").ok());
    }
}
