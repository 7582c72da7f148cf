package org.backproplab.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
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
     * Snapshots {@code node} at {@code pixelScale} (2 gives a sharper picture for print); the nodes
     * in it whose pictures are drawn at the screen's pixels, or only while in view, draw them for
     * the snapshot first, and again for the screen after ({@link #beforeSnapshot}).
     */
    public static WritableImage snapshot(Node node, double pixelScale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        List<DoubleConsumer> redraws = new ArrayList<>();
        collect(node, redraws);
        redraws.forEach(r -> r.accept(pixelScale));
        try {
            return node.snapshot(params, null);
        } finally {
            redraws.forEach(r -> r.accept(0));
        }
    }

    /** The redraws asked for by {@code node} and the nodes under it. */
    private static void collect(Node node, List<DoubleConsumer> redraws) {
        if (node.getProperties().get(BEFORE) instanceof DoubleConsumer redraw) {
            redraws.add(redraw);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, redraws);
            }
        }
    }

    /**
     * {@code redraw} is called with the pixels a unit of {@code node} takes before it (or a node
     * holding it) is snapshotted, and with 0 after (the screen's again).
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
