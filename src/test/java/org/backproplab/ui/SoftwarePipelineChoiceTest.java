package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The software pipeline is asked for at once only where JavaFX would fall back to it anyway. */
class SoftwarePipelineChoiceTest {
    @Test
    void linuxWithoutAGraphicsDeviceGoesStraightToSoftware() {
        assertTrue(DesktopLauncher.usesSoftwareOnly("Linux", false));
    }

    @Test
    void aGraphicsDeviceOrAnotherSystemKeepsJavaFxsOwnChoice() {
        assertFalse(DesktopLauncher.usesSoftwareOnly("Linux", true));
        assertFalse(DesktopLauncher.usesSoftwareOnly("Windows 11", false));
        assertFalse(DesktopLauncher.usesSoftwareOnly("Mac OS X", false));
    }
}
