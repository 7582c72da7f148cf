package org.backproplab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** A file dropped onto the window is opened as an experiment: one file at a time, anywhere in the window. */
final class ExperimentDrop {
    private ExperimentDrop() {
    }

    /** Accepts a drag of exactly one file over {@code scene}; dropped, it goes to {@code open}. */
    static void install(Scene scene, Consumer<Path> open) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (one(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            File file = one(e);
            if (file != null) {
                open.accept(file.toPath());
            }
            e.setDropCompleted(file != null);
            e.consume();
        });
    }

    private static File one(DragEvent e) {
        List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
        return files.size() == 1 && files.get(0).isFile() ? files.get(0) : null;
    }
}
