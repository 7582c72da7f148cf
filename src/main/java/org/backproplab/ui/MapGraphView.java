package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.backproplab.session.GraphItem;
import org.backproplab.session.MapGraphSnapshot;

/**
 * The stepping tab's picture of a network with maps: one column per layer, each a stack of grids
 * of numbers (input image, kernels, biases, feature maps, pooled maps, dense weights and outputs)
 * with a colour behind each number (blue positive, orange negative, stronger for larger |v|),
 * pooling winners framed in green, the selection framed in red. Nodes are built once per shape of
 * the snapshot; a new snapshot only sets texts, colours and frames. A click selects the number.
 */
public final class MapGraphView extends ScrollPane {
    private static final Color POSITIVE = Color.rgb(33, 102, 172);
    private static final Color NEGATIVE = Color.rgb(230, 97, 1);
    private static final Border WINNER = frame(Color.rgb(0, 140, 60), 2.5);
    private static final Border SELECTED = frame(Color.rgb(200, 0, 0), 3);
    private static final Border PLAIN = frame(Color.rgb(200, 200, 200), 0.5);

    private final I18n i18n;
    private final Consumer<GraphItem> onSelect;
    private final HBox columns = new HBox(18);
    private final List<Label> titles = new ArrayList<>();
    private final List<Label> cells = new ArrayList<>();
    private String shape = "";
    private double scale = 1.0;

    public MapGraphView(I18n i18n, Consumer<GraphItem> onSelect) {
        this.i18n = i18n;
        this.onSelect = onSelect;
        columns.setPadding(new Insets(8));
        setContent(columns);
        setFitToHeight(true);
        setId("map-graph");
    }

    private static Border frame(Color color, double width) {
        return new Border(new BorderStroke(color, BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(width)));
    }

    public void setScale(double scale) {
        this.scale = scale;
        shape = "";
    }

    /** The id of the label of an item, for tests and screenshots: map-cell-L-J, map-weight-L-R-C, ... */
    static String id(GraphItem item) {
        return switch (item.kind()) {
            case NEURON -> "map-cell-" + item.layer() + "-" + item.row();
            case WEIGHT -> "map-weight-" + item.layer() + "-" + item.row() + "-" + item.col();
            case BIAS -> "map-bias-" + item.layer() + "-" + item.row();
            case INPUT -> "map-input-" + item.col();
            case TARGET -> "map-target-" + item.col();
        };
    }

    public void render(MapGraphSnapshot s) {
        String now = shapeOf(s);
        if (!now.equals(shape)) {
            build(s);
            shape = now;
        }
        int t = 0;
        int k = 0;
        for (MapGraphSnapshot.Column column : s.columns()) {
            Label title = titles.get(t++);
            title.setText(column.title().format(i18n::get));
            title.setUnderline(column.active());
            for (MapGraphSnapshot.Grid grid : column.grids()) {
                for (MapGraphSnapshot.Cell cell : grid.cells()) {
                    show(cells.get(k++), cell);
                }
            }
        }
    }

    private static String shapeOf(MapGraphSnapshot s) {
        StringBuilder sb = new StringBuilder();
        for (MapGraphSnapshot.Column c : s.columns()) {
            sb.append('|');
            for (MapGraphSnapshot.Grid g : c.grids()) {
                sb.append(g.name()).append(g.rows()).append('x').append(g.cols()).append(';');
            }
        }
        return sb.toString();
    }

    private void build(MapGraphSnapshot s) {
        columns.getChildren().clear();
        titles.clear();
        cells.clear();
        Font font = Font.font(10 * scale);
        double side = 62 * scale;
        for (MapGraphSnapshot.Column column : s.columns()) {
            VBox box = new VBox(6);
            Label title = new Label();
            title.setFont(Font.font(12 * scale));
            ViewParts.wrapped(title).setMaxWidth(side * 4.2); // all its lines ("relu ..." was cut)
            titles.add(title);
            box.getChildren().add(title);
            for (MapGraphSnapshot.Grid grid : column.grids()) {
                GridPane pane = new GridPane();
                pane.setHgap(1);
                pane.setVgap(1);
                for (int i = 0; i < grid.cells().size(); i++) {
                    MapGraphSnapshot.Cell cell = grid.cells().get(i);
                    Label label = new Label();
                    label.setFont(font);
                    label.setMinSize(side, side * 0.62);
                    label.setPrefSize(side, side * 0.62);
                    label.setAlignment(Pos.CENTER);
                    label.setWrapText(true);
                    label.setTooltip(new Tooltip());
                    if (cell.item() != null) {
                        label.setId(id(cell.item()));
                        GraphItem item = cell.item();
                        label.setOnMouseClicked(e -> onSelect.accept(item));
                    }
                    cells.add(label);
                    pane.add(label, i % grid.cols(), i / grid.cols());
                }
                Label name = new Label(grid.name());
                name.setFont(Font.font(11 * scale));
                box.getChildren().add(new VBox(2, name, pane));
            }
            columns.getChildren().add(box);
        }
    }

    private static void show(Label label, MapGraphSnapshot.Cell cell) {
        label.setText(cell.text());
        label.getTooltip().setText(cell.tip());
        double v = Math.max(-1, Math.min(1, cell.shade()));
        Color base = v >= 0 ? POSITIVE : NEGATIVE;
        Color fill = Color.WHITE.interpolate(base, Math.abs(v) * 0.75);
        label.setBackground(new Background(new BackgroundFill(fill, CornerRadii.EMPTY, Insets.EMPTY)));
        label.setTextFill(Math.abs(v) > 0.6 ? Color.WHITE : Color.BLACK);
        label.setBorder(cell.selected() ? SELECTED : cell.winner() ? WINNER : PLAIN);
        label.setOpacity(cell.active() || cell.changed() ? 1.0 : 0.92);
    }
}
