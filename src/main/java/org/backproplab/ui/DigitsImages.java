package org.backproplab.ui;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.backproplab.session.DigitsSnapshot.Picture;

/** Pictures from a snapshot written into images that are kept and written again (one setPixels each). */
final class DigitsImages {
    private DigitsImages() {
    }

    /** Writes {@code p} into {@code reuse} when it has p's size, else into a new image; returns the image. */
    static WritableImage write(WritableImage reuse, Picture p) {
        WritableImage img = reuse != null && (int) reuse.getWidth() == p.width() && (int) reuse.getHeight() == p.height()
                ? reuse : new WritableImage(p.width(), p.height());
        img.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        return img;
    }

    /** Shows {@code p} in {@code view}, in the image it shows already when the size is the same. */
    static void show(ImageView view, Picture p) {
        WritableImage current = view.getImage() instanceof WritableImage w ? w : null;
        WritableImage img = write(current, p);
        if (img != current) {
            view.setImage(img);
        }
    }

    /** An image view of a fixed size, pixels kept sharp unless {@code smooth}. */
    static ImageView view(String id, double size, boolean smooth) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setSmooth(smooth);
        return v;
    }
}
