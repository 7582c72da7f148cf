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
 * maps (written by the graph into images it keeps, one {@code setPixels} per neuron and frame).
 */
final class PlaygroundGraphPane {
    private final HBox root;
    private final GraphView graph;

    PlaygroundGraphPane(PlaygroundSession session, I18n i18n, Consumer<GraphItem> onHover) {
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
        graph = new GraphView(i18n, s -> { });
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

    void draw(PlaygroundSnapshot s) {
        graph.render(s.graph());
        graph.setThumbnails(s.thumbnails(), s.resolution());
    }
}
