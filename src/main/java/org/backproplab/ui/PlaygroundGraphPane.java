package org.backproplab.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.session.GraphItem;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;

/**
 * The playground's network: the input feature toggles and the graph, its neurons showing their
 * maps (written by the graph into images it keeps, one {@code setPixels} per neuron and frame) and
 * their biases as squares, its edges drawn by the worker where the graph says they go; under it the value the mouse points at and the field for the weight or
 * bias clicked ({@link PlaygroundEditPane}).
 */
final class PlaygroundGraphPane {
    private final VBox root;
    private final GraphView graph;
    private final PlaygroundEditPane edit;
    private final PlaygroundSession session;

    PlaygroundGraphPane(PlaygroundSession session, I18n i18n, Consumer<GraphItem> onHover) {
        this.session = session;
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
        edit = new PlaygroundEditPane(session.editor(), i18n);
        graph = new GraphView(i18n, item -> session.editor().select(item));
        graph.setIdPrefix("pg-");
        graph.setId("pg-graph");
        graph.setShowTargets(false);
        graph.setCompact(true);
        graph.setOnHover(item -> {
            edit.hover(item);
            onHover.accept(item);
        });
        PlaygroundBindings.follow(session.editor().selectionProperty(), graph::setMarked);
        // the worker draws the edges where the graph puts them; the FX thread only shows them
        graph.edges().setOnGeometry(session::setEdgeGeometry);
        HBox.setHgrow(graph, Priority.ALWAYS);
        HBox network = new HBox(8, features, graph);
        VBox.setVgrow(network, Priority.ALWAYS);
        root = new VBox(6, network, edit.root());
    }

    /** "Save picture as PNG…" on the network, reporting through {@code say}. */
    void offerPng(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<org.backproplab.session.Notice> say) {
        PngMenu.install(graph, i18n, dialogs, say);
    }

    /** 1 normally, larger in presentation mode. */
    void setScale(double scale) {
        graph.setScale(scale);
    }

    Region root() {
        return root;
    }

    void draw(PlaygroundSnapshot s) {
        graph.edges().setDrawn(s.edgePicture());
        graph.render(s.graph());
        graph.setThumbnails(s.thumbnails(), s.thumbnailSize());
        // the next snapshots' maps at the size they are shown (a new size after a resize or zoom)
        int shown = graph.thumbnailPixels();
        if (shown > 0) {
            session.setThumbnailSize(shown);
        }
        graph.setBiasColors(s.biasColors());
        edit.draw(s.graph());
    }
}
