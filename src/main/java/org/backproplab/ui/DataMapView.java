package org.backproplab.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backproplab.session.PlaygroundChoices.MapPoint;
import org.backproplab.session.PlaygroundChoices;
import org.backproplab.session.PlaygroundSession;
import org.backproplab.session.PlaygroundSnapshot;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The playground's data map: the output's decision regions (or the hovered neuron's map) under
 * the data points. A click adds a point of the chosen class, a right-click removes one, a
 * Shift+click chooses one to step through.
 */
final class DataMapView {
    static final double SIZE = 380;

    private final PlaygroundSession session;
    private final I18n i18n;
    private final VBox root = new VBox(6);
    /** The map and its points as one picture at the screen's pixels ({@link MapPicture}). */
    private final ImageView image = new ImageView();
    private final MapPicture picture = new MapPicture();
    /** Takes the mouse over the map; draws nothing. */
    private final Region points = new Region();
    /** The points are drawn here, off the scene, and copied into the picture's overlay when they change. */
    private final Canvas painter = new Canvas();
    private final Label title = new Label();
    private final CheckBox showTest = new CheckBox();
    /** The map's pixels last drawn into the picture, and the picture's side then. */
    private int[] written;
    private int writtenSide;
    /** 1 normally, larger in presentation mode. */
    private double scale = 1;
    /** The pixels a point of the map takes in a PNG export (0: on the screen, the window's). */
    private double exportPixels;
    private final StackPane map;
    private final Label legend = new Label();
    /** What the points canvas shows (the snapshot keeps the same list while the data stays). */
    private List<MapPoint> pointsDrawn;
    private boolean testsDrawn;
    private MapPoint chosenDrawn;

    /**
     * @param pointClass the class a click adds (null: none)
     * @param onStepPoint what the "step through the chosen point" button does
     * @param redraw asks the shell for a redraw on the next frame
     */
    DataMapView(PlaygroundSession session, I18n i18n, java.util.function.Supplier<Integer> pointClass,
            Runnable onStepPoint, Runnable redraw) {
        this.session = session;
        this.i18n = i18n;
        image.setFitWidth(SIZE);
        image.setFitHeight(SIZE);
        // the picture is as large as shown: no filtering
        image.setSmooth(false);
        // at the map's top left whatever it holds: a new picture in its buffer asks the image view for
        // a layout, which a managed child passes up to the window's root on every frame
        image.setManaged(false);
        points.setPickOnBounds(true);
        points.setMinSize(SIZE, SIZE);
        points.setMaxSize(SIZE, SIZE);
        map = new StackPane(image, points);
        map.setId("output-map");
        map.setMaxSize(SIZE, SIZE);
        double range = PlaygroundChoices.RANGE;
        points.setOnMouseClicked(e -> {
            double x1 = -range + e.getX() / SIZE * 2 * range;
            double x2 = range - e.getY() / SIZE * 2 * range;
            if (e.getButton() == MouseButton.SECONDARY) {
                session.removePoint(x1, x2);
            } else if (e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
                session.choosePoint(x1, x2);
            } else if (e.getButton() == MouseButton.PRIMARY && pointClass.get() != null) {
                session.addPoint(x1, x2, pointClass.get());
            }
        });
        session.setup().chosenPointProperty().addListener((o, a, b) -> redraw.run());
        title.setId("map-title");
        title.getStyleClass().add("section-title");
        legend.textProperty().bind(i18n.bind("pg.legend"));
        legend.setId("map-legend");
        legend.setWrapText(true);
        legend.setMaxWidth(SIZE);
        CheckBox discretize = new CheckBox();
        discretize.setId("discretize");
        discretize.textProperty().bind(i18n.bind("pg.discretize"));
        PlaygroundBindings.follow(session.setup().discretizeProperty(), discretize::setSelected);
        discretize.setOnAction(e -> session.setDiscretize(discretize.isSelected()));
        showTest.setId("show-test");
        showTest.textProperty().bind(i18n.bind("pg.showTest"));
        showTest.setSelected(true);
        showTest.setOnAction(e -> redraw.run());
        Button stepPoint = ViewParts.button(i18n, "step-point", Material2MZ.SKIP_NEXT, "pg.stepPoint", onStepPoint);
        // a right click on the map removes a point: its picture is saved from the title's and legend's menu
        points.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                e.consume();
            }
        });
        root.getChildren().addAll(title, ViewParts.zoomable(map), stepPoint, legend, new javafx.scene.layout.FlowPane(12, 4, discretize, showTest)); // on two lines where one is too narrow
        // a PNG export at twice the scale gets the map and points drawn at its pixels
        PngExport.beforeSnapshot(map, pixels -> {
            exportPixels = pixels;
            redrawNow();
        });
    }

    /**
     * "Save picture as PNG…" for the map, from its title and legend (a right click on the map
     * removes a point), reporting through {@code say}.
     */
    void offerPng(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<org.backproplab.session.Notice> say) {
        PngMenu.install(title, map, i18n, dialogs, say);
        PngMenu.install(legend, map, i18n, dialogs, say);
    }

    /** 1 normally, larger in presentation mode. */
    void setScale(double scale) {
        this.scale = scale;
        ViewParts.zoom(map, scale);
        legend.setMaxWidth(SIZE * scale);
    }

    VBox root() {
        return root;
    }

    /**
     * Draws the snapshot: the hovered neuron's map when {@code hovered} is one (its pixels and
     * name), else the output's decision regions.
     */
    void draw(PlaygroundSnapshot s, int[] hovered, String hoveredName) {
        shown = s;
        shownHovered = hovered;
        shownName = hoveredName;
        // regression data (no classes) has a predicted value at each place, not decision regions
        title.setText(hovered != null ? i18n.get("pg.neuronMap", hoveredName)
                : i18n.get(session.setup().pointClassesProperty().get().isEmpty() ? "pg.outputMapValue" : "pg.outputMap"));
        // the picture's side: the map's points at the screen's pixels (or the export's)
        double pixels = exportPixels > 0 ? exportPixels : image.getScene() != null && image.getScene().getWindow() != null
                ? image.getScene().getWindow().getOutputScaleX() : 1;
        int side = (int) Math.round(SIZE * scale * pixels);
        boolean newPoints = drawPoints(s.points(), side);
        int[] grid = hovered != null ? hovered : s.outputPicture();
        // a snapshot that kept the last maps passes the same pixels: no drawing, no upload for the renderer
        if (grid != written || side != writtenSide || newPoints) {
            if (picture.draw(grid, s.resolution(), side) || image.getImage() != picture.image()) {
                image.setImage(picture.image());
            }
            written = grid;
            writtenSide = side;
        }
    }

    /** The last snapshot drawn and the hovered map then, for drawing again at another size. */
    private PlaygroundSnapshot shown;
    private int[] shownHovered;
    private String shownName;

    private void redrawNow() {
        if (shown != null) {
            draw(shown, shownHovered, shownName);
        }
    }

    /** Draws the points into the picture's overlay when they (or the picture's side) changed; whether they did. */
    private boolean drawPoints(List<MapPoint> all, int side) {
        // the points change far less often than the frames: draw them again only when they do
        MapPoint chosen = session.setup().chosenPointProperty().get();
        if (all == pointsDrawn && showTest.isSelected() == testsDrawn && Objects.equals(chosen, chosenDrawn)
                && side == picture.side()) {
            return false;
        }
        pointsDrawn = all;
        testsDrawn = showTest.isSelected();
        chosenDrawn = chosen;
        painter.setWidth(side);
        painter.setHeight(side);
        GraphicsContext g = painter.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, side, side);
        g.scale(side / SIZE, side / SIZE);
        IntFunction<Color> color = argb -> Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
        for (MapPoint p : all) {
            if (p.test() && !showTest.isSelected()) {
                continue;
            }
            double x = x(p.x1());
            double y = y(p.x2());
            g.setFill(color.apply(p.argb()));
            g.fillOval(x - 3.5, y - 3.5, 7, 7);
            g.setStroke(p.test() ? Color.BLACK : Color.WHITE);
            g.setLineWidth(p.test() ? 1.5 : 1);
            g.strokeOval(x - 3.5, y - 3.5, 7, 7);
        }
        if (chosen != null) {
            g.setStroke(Color.web("#bf8700"));
            g.setLineWidth(3);
            g.strokeOval(x(chosen.x1()) - 8, y(chosen.x2()) - 8, 16, 16);
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        WritableImage drawn = painter.snapshot(params, null);
        int[] overlay = new int[side * side];
        drawn.getPixelReader().getPixels(0, 0, side, side, PixelFormat.getIntArgbPreInstance(), overlay, 0, side);
        picture.setOverlay(overlay, side);
        return true;
    }

    private static double x(double x1) {
        return (x1 + PlaygroundChoices.RANGE) / (2 * PlaygroundChoices.RANGE) * SIZE;
    }

    private static double y(double x2) {
        return (PlaygroundChoices.RANGE - x2) / (2 * PlaygroundChoices.RANGE) * SIZE;
    }
}
