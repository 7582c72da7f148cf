package org.backproplab.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;

/**
 * The playground's network: the input feature toggles and the graph (the stepping window's
 * graph view, its neurons showing their maps). The maps are written into reused images, one
 * {@code setPixels} per neuron and frame.
 */
final class PlaygroundGraphPane {
    private final HBox root;
    private final NetworkGraphView graph;
    private WritableImage[][] images = new WritableImage[0][];

    PlaygroundGraphPane(PlaygroundSession session, I18n i18n, Consumer<Selection> onHover) {
        VBox features = new VBox(6);
        features.setId("features");
        features.setAlignment(Pos.CENTER);
        for (String id : PlaygroundChoices.features()) {
            ToggleButton t = new ToggleButton(PlaygroundChoices.featureLabel(id));
            t.setId("feature-" + id);
            t.setMinWidth(74);
            t.getStyleClass().add("feature-toggle");
            // the toggle shows the view-model's choice, also after a refused toggle (never zero features)
            t.setOnAction(e -> {
                session.toggleFeature(id);
                t.setSelected(session.setup().featuresProperty().get().contains(id));
            });
            features.getChildren().add(t);
        }
        PlaygroundBindings.follow(session.setup().featuresProperty(), on -> {
            for (var n : features.getChildren()) {
                ((ToggleButton) n).setSelected(on.contains(n.getId().substring("feature-".length())));
            }
        });
        graph = new NetworkGraphView(i18n, s -> { });
        graph.setIdPrefix("pg-");
        graph.setShowTargets(false);
        graph.setCompact(true);
        graph.setOnHover(onHover);
        HBox.setHgrow(graph, Priority.ALWAYS);
        root = new HBox(8, features, graph);
    }

    Region root() {
        return root;
    }

    /** The image of neuron j of layer l as last drawn, or null. */
    WritableImage image(int l, int j) {
        return l < images.length && j < images[l].length ? images[l][j] : null;
    }

    void draw(PlaygroundSnapshot s) {
        graph.setInputNames(s.inputNames());
        graph.render(s.graph(), null);
        int[][][] thumbs = s.thumbnails();
        int res = s.resolution();
        if (!sameShape(thumbs)) {
            images = new WritableImage[thumbs.length][];
            for (int l = 0; l < thumbs.length; l++) {
                images[l] = new WritableImage[thumbs[l].length];
                for (int j = 0; j < thumbs[l].length; j++) {
                    images[l][j] = new WritableImage(res, res);
                }
            }
        }
        for (int l = 0; l < thumbs.length; l++) {
            for (int j = 0; j < thumbs[l].length; j++) {
                images[l][j].getPixelWriter().setPixels(0, 0, res, res, PixelFormat.getIntArgbInstance(), thumbs[l][j],
                        0, res);
            }
        }
        graph.setThumbnails(images);
    }

    private boolean sameShape(int[][][] thumbs) {
        if (images.length != thumbs.length) {
            return false;
        }
        for (int l = 0; l < thumbs.length; l++) {
            if (images[l].length != thumbs[l].length) {
                return false;
            }
        }
        return true;
    }

}
