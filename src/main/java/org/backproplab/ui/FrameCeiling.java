package org.backproplab.ui;

import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * The most frames JavaFX draws on this host, the yardstick of {@code bench --window}'s frames per
 * second: a window of the app's size with almost nothing in it (a square that moves and a 100 x 100
 * map rewritten at every pulse, as the playground's output map is), while one thread keeps a core
 * busy as the playground's training does. It prints {@code fps F} once a second, counted as the
 * playground counts its frames. Started with {@code -Dbackproplab.fpsCeiling=true}.
 */
public final class FrameCeiling extends Application {
    private static final int SIDE = 100;
    private final Thread busy = new Thread(FrameCeiling::keepBusy, "backprop-lab-ceiling-busy");

    @Override
    public void start(Stage stage) {
        Settings settings = Settings.user();
        WritableImage map = new WritableImage(SIDE, SIDE);
        ImageView mapView = new ImageView(map);
        mapView.setFitWidth(300);
        mapView.setFitHeight(300);
        mapView.relocate(40, 40);
        Rectangle square = new Rectangle(20, 20, Color.ORANGE);
        square.relocate(400, 40);
        Pane root = new Pane(mapView, square);
        busy.setDaemon(true);
        busy.start();
        int[] pixels = new int[SIDE * SIDE];
        new AnimationTimer() {
            private long windowStart;
            private int frames;
            private int pulse;

            @Override
            public void handle(long now) {
                pulse++;
                square.setTranslateX(pulse % 200);
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = 0xFF000000 | (i * 31 + pulse * 7) & 0xFFFFFF;
                }
                map.getPixelWriter().setPixels(0, 0, SIDE, SIDE, PixelFormat.getIntArgbInstance(), pixels, 0, SIDE);
                if (windowStart == 0) {
                    windowStart = now;
                }
                frames++;
                if (now - windowStart >= 1_000_000_000L) {
                    System.err.printf(Locale.ROOT, "fps %.1f%n", frames * 1e9 / (now - windowStart));
                    frames = 0;
                    windowStart = now;
                }
            }
        }.start();
        stage.setTitle("Backprop Lab: frames ceiling");
        stage.setScene(new Scene(root, settings.width(), settings.height()));
        stage.show();
    }

    @Override
    public void stop() {
        busy.interrupt();
    }

    /** Arithmetic without end, as the training worker keeps its core busy. */
    private static void keepBusy() {
        double sum = 0;
        while (!Thread.currentThread().isInterrupted()) {
            for (int i = 1; i < 1_000_000; i++) {
                sum += Math.sqrt(i + sum % 7);
            }
            if (sum < 0) {
                System.err.println(sum);
            }
        }
    }
}
