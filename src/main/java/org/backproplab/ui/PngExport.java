package org.backproplab.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.backproplab.session.SavedFiles;

/** A node (a panel or the whole window) as a PNG file, written atomically. Call on the FX thread. */
public final class PngExport {
    private PngExport() {
    }

    private static final String BEFORE = "backproplab.beforeSnapshot";

    /**
     * Snapshots {@code node} at {@code pixelScale} (2 gives a sharper picture for print); a node
     * whose pictures are drawn at the screen's pixels draws them at the snapshot's first, and again
     * for the screen after ({@link #beforeSnapshot}).
     */
    public static WritableImage snapshot(Node node, double pixelScale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        if (!(node.getProperties().get(BEFORE) instanceof DoubleConsumer redraw)) {
            return node.snapshot(params, null);
        }
        redraw.accept(pixelScale);
        try {
            return node.snapshot(params, null);
        } finally {
            redraw.accept(0);
        }
    }

    /**
     * {@code redraw} is called with the pixels a unit of {@code node} takes before it is
     * snapshotted, and with 0 after (the screen's again).
     */
    static void beforeSnapshot(Node node, DoubleConsumer redraw) {
        node.getProperties().put(BEFORE, redraw);
    }

    public static void write(WritableImage image, Path file) throws IOException {
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(buffered, "png", png)) {
            throw new IOException("no PNG writer available");
        }
        SavedFiles.write(file, png.toByteArray());
    }
}
