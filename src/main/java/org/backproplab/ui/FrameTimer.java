package org.backproplab.ui;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * An animation timer that runs only while its owner is in a window that is showing. A running
 * AnimationTimer is held by the toolkit for as long as it runs, and with it the view it draws:
 * a view whose window is closed, or whose scene is replaced, is let go.
 */
final class FrameTimer extends AnimationTimer {
    private final Node owner;
    private final LongConsumer frame;
    private final ChangeListener<Boolean> showing = (o, a, b) -> update();
    private final ChangeListener<Window> window = (o, before, now) -> watch(before, now);
    private boolean running;

    FrameTimer(Node owner, LongConsumer frame) {
        this.owner = owner;
        this.frame = frame;
        owner.sceneProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.windowProperty().removeListener(window);
            }
            if (now != null) {
                now.windowProperty().addListener(window);
            }
            watch(before == null ? null : before.getWindow(), now == null ? null : now.getWindow());
        });
        Scene scene = owner.getScene();
        if (scene != null) {
            scene.windowProperty().addListener(window);
            watch(null, scene.getWindow());
        }
    }

    @Override
    public void handle(long now) {
        frame.accept(now);
    }

    /** Whether the timer runs now (its owner's window is showing). */
    boolean isRunning() {
        return running;
    }

    private void watch(Window before, Window now) {
        if (before != null) {
            before.showingProperty().removeListener(showing);
        }
        if (now != null) {
            now.showingProperty().addListener(showing);
        }
        update();
    }

    private void update() {
        Scene scene = owner.getScene();
        boolean on = scene != null && scene.getWindow() != null && scene.getWindow().isShowing();
        if (on != running) {
            running = on;
            if (on) {
                start();
            } else {
                stop();
            }
        }
    }
}
