package org.backproplab.ui;

import javafx.scene.image.ImageView;
import org.backproplab.session.EdgeStrokes;

/**
 * The image that shows a graph's plain edges: strokes drawn here on the FX thread
 * ({@link EdgeStrokes}: antialiased, square caps, source over), or pixels the playground's worker
 * drew ({@link org.backproplab.session.EdgePicture}), handed to the image as they are.
 */
final class EdgeRaster {
    private final ImageView view = new ImageView();
    private final ArgbPicture picture = new ArgbPicture();
    private final EdgeStrokes strokes = new EdgeStrokes();

    EdgeRaster() {
        view.setMouseTransparent(true);
        view.setManaged(false);
        view.setSmooth(true);
    }

    /** The node that shows the strokes, as large as the graph. */
    ImageView view() {
        return view;
    }

    /** The strokes drawn here on the FX thread. */
    EdgeStrokes strokes() {
        return strokes;
    }

    /** Shows {@code pixels} (w x h premultiplied ARGB, not changed while shown), {@code pixelScale} to the unit. */
    void show(int[] pixels, int w, int h, double pixelScale) {
        if (picture.size(w, h)) {
            view.setImage(picture.image());
        }
        picture.show(pixels);
        view.setFitWidth(w / pixelScale);
        view.setFitHeight(h / pixelScale);
    }
}
