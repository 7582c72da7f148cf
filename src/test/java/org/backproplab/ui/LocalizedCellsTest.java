package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The short name a combo box's button shows when a title does not fit it. */
class LocalizedCellsTest {
    @Test
    void theShortNameIsWhatComesBeforeTheFirstColon() {
        assertEquals("Small CNN", LocalizedCells.shortName("Small CNN: conv 10 5x5, sigmoid, pool, dense 128"));
        assertEquals("LeNet-5 (1998)", LocalizedCells.shortName("LeNet-5 (1998): subsampling with coefficient and bias, tanh"));
        assertEquals("\u5c0f\u578b CNN", LocalizedCells.shortName("\u5c0f\u578b CNN\uff1a\u5377\u79ef 10 \u4e2a 5x5"), "a full-width colon");
        assertEquals("a", LocalizedCells.shortName("a\uff1ab: c"), "the first of either");
        assertEquals("no colon", LocalizedCells.shortName("no colon"));
        assertEquals(": starts", LocalizedCells.shortName(": starts"), "nothing before it: the whole title");
    }
}
