package org.backproplab.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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

    /** Snapshots {@code node} at {@code pixelScale} (2 gives a sharper picture for print). */
    public static WritableImage snapshot(Node node, double pixelScale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(pixelScale, pixelScale));
        return node.snapshot(params, null);
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
