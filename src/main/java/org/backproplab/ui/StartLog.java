package org.backproplab.ui;

import java.util.function.BooleanSupplier;
import javafx.scene.Scene;

/**
 * {@code -Dbackproplab.startLog=true} prints, in milliseconds since the epoch, when the window was
 * shown and when the stepping tab's lesson was first laid out in it ("content"): the two times the
 * start is measured by (docs/PERFORMANCE.md, "Start").
 */
final class StartLog {
    private static final boolean ON = Boolean.getBoolean("backproplab.startLog");

    private StartLog() {
    }

    /** Prints {@code what} with the time now. */
    static void mark(String what) {
        if (ON) {
            System.out.println("start " + what + " " + System.currentTimeMillis());
        }
    }

    /**
     * Prints {@code what} at the end of the first layout pulse of {@code scene} in which {@code ready}
     * holds. A snapshot arrives between pulses, and a pulse draws it (frame timers) before its layout.
     */
    static void markWhenLaidOut(Scene scene, String what, BooleanSupplier ready) {
        if (!ON) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (ready.getAsBoolean()) {
                mark(what);
                scene.removePostLayoutPulseListener(listener[0]);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
