package org.backproplab.ui;

import java.util.function.BooleanSupplier;
import javafx.scene.Scene;

/**
 * The start's order (run this after a layout, or some frames later) and its marks:
 * {@code -Dbackproplab.startLog=true} prints, in milliseconds since the epoch, when JavaFX started
 * the app, when the window was shown, first laid out, when the stepping tab was built and when its lesson was first laid out in
 * it ("content"), the times the start is measured by (docs/PERFORMANCE.md, "Start").
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
        if (ON) {
            afterLayout(scene, ready, () -> mark(what));
        }
    }

    /** Runs {@code action} once, between pulses, after {@code frames} more frames. */
    static void afterFrames(int frames, Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= frames) {
                    stop();
                    javafx.application.Platform.runLater(action);
                }
            }
        }.start();
    }

    /** Runs {@code action} once, at the end of the first layout pulse of {@code scene} in which {@code ready} holds. */
    static void afterLayout(Scene scene, BooleanSupplier ready, Runnable action) {
        Runnable[] listener = new Runnable[1];
        boolean[] done = new boolean[1];
        listener[0] = () -> {
            if (!done[0] && ready.getAsBoolean()) {
                done[0] = true;
                // removed after the pulse, not while the scene goes through its listeners
                javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
