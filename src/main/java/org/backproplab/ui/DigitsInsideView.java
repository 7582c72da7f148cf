package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.session.DigitsSession;
import org.backproplab.session.DigitsSnapshot;
import org.backproplab.session.Notice;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the digits network sees, for the digits tab: the filters and feature maps (the centre),
 * and the digit with its probabilities, the gallery of misclassified digits, saliency, occlusion,
 * the drawing canvas and the confusion matrix (the right column). Every node is built here once;
 * a snapshot is drawn into them.
 */
final class DigitsInsideView {
    /** Feature-map rows made once: more than the deepest preset (LeNet-5) has hidden layers. */
    private static final int MAX_LAYERS = 8;
    /** Filter banks made once: more than any preset has conv layers. */
    private static final int MAX_BANKS = 4;

    private final DigitsSession session;
    private final I18n i18n;
    private final List<Label> bankCaptions = new ArrayList<>();
    private final List<PictureGrid> banks = new ArrayList<>();
    private final List<Label> mapCaptions = new ArrayList<>();
    private final List<PictureGrid> maps = new ArrayList<>();
    private final ImageView digit = DigitsImages.view("digit-image", 112, false);
    private final ProbabilityBars probabilities = new ProbabilityBars();
    private final Label prediction = new Label();
    private final PictureGrid gallery = new PictureGrid(4);
    private final ImageView saliency = DigitsImages.view("saliency", 112, true);
    private final ImageView occlusion = DigitsImages.view("occlusion", 112, false);
    private final ConfusionCanvas confusion = new ConfusionCanvas();
    private final ScrollPane center;
    private final ScrollPane right;
    /** 1, or presentation mode's scale. */
    private double scale = 1;
    private List<DigitsSnapshot.GalleryItem> galleryItems = List.of();

    DigitsInsideView(DigitsSession session, I18n i18n, ExportDialogs dialogs, Consumer<Notice> say) {
        this.session = session;
        this.i18n = i18n;
        VBox filters = new VBox(4);
        filters.setId("filters");
        for (int b = 0; b < MAX_BANKS; b++) {
            Label caption = new Label();
            PictureGrid bank = new PictureGrid(b == 0 ? 4 : 2);
            bank.setId("filters-" + b);
            hideWhenEmpty(caption, bank);
            bankCaptions.add(caption);
            banks.add(bank);
            filters.getChildren().addAll(caption, bank);
            PngMenu.install(bank, i18n, dialogs, say);
        }
        VBox featureMaps = new VBox(6);
        featureMaps.setId("feature-maps");
        for (int l = 0; l < MAX_LAYERS; l++) {
            Label caption = new Label();
            PictureGrid row = new PictureGrid(3);
            row.setId("feature-maps-" + l);
            hideWhenEmpty(caption, row);
            PngMenu.install(row, i18n, dialogs, say);
            mapCaptions.add(caption);
            maps.add(row);
            featureMaps.getChildren().addAll(caption, row);
        }
        VBox centerBox = new VBox(8, title("digits.filters"), filters, title("digits.featureMaps"), featureMaps);
        centerBox.setPadding(new Insets(8));
        center = ViewParts.liveScrollPane(centerBox);
        center.setFitToWidth(true);

        probabilities.setId("probabilities");
        prediction.setId("prediction");
        prediction.getStyleClass().add("stage-label");
        Button prev = ViewParts.button(i18n, "digit-prev", Material2AL.ARROW_BACK, "digits.prev", () -> session.selectAfter(-1));
        Button next = ViewParts.button(i18n, "digit-next", Material2AL.ARROW_FORWARD, "digits.next", () -> session.selectAfter(1));
        gallery.setId("misclassified");
        gallery.setCursor(Cursor.HAND);
        gallery.setOnMouseClicked(e -> {
            int i = gallery.indexAt(e.getX(), e.getY());
            if (i >= 0 && i < galleryItems.size()) {
                session.select(galleryItems.get(i).index());
            }
        });
        Button clear = ViewParts.button(i18n, "draw-clear", Material2MZ.REPLAY, "digits.clear", session::clearDrawing);
        confusion.setId("confusion");
        // the gallery sits under the digit it fills when clicked
        // the probabilities go under the digit where the column is too narrow for both (presentation mode at 1280 x 800)
        javafx.scene.layout.FlowPane digitRow = new javafx.scene.layout.FlowPane(8, 8, digit, new VBox(4, prev, next),
                probabilities);
        digitRow.setId("digit-row");
        VBox rightBox = new VBox(6, title("digits.digit"), digitRow,
                prediction, title("digits.misclassified"), gallery,
                new HBox(8, new VBox(2, title("digits.saliency"), saliency),
                        new VBox(2, title("digits.occlusion"), occlusion)),
                title("digits.draw"), new DrawingPad(session), clear, title("digits.confusion"), confusion);
        rightBox.setPadding(new Insets(8));
        for (javafx.scene.Node n : List.of(digit, saliency, occlusion, confusion)) {
            PngMenu.install(n, i18n, dialogs, say);
        }
        right = ViewParts.liveScrollPane(rightBox);
        right.setFitToWidth(true);
        right.setPrefWidth(460);
        right.widthProperty().addListener((o, a, b) -> fitConfusion());
    }

    /** A caption and its pictures take no room while the caption is empty. */
    private static void hideWhenEmpty(Label caption, PictureGrid pictures) {
        caption.visibleProperty().bind(caption.textProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        pictures.visibleProperty().bind(caption.visibleProperty());
        pictures.managedProperty().bind(caption.visibleProperty());
    }

    private Label title(String key) {
        return ViewParts.title(i18n, key);
    }

    ScrollPane center() {
        return center;
    }

    ScrollPane right() {
        return right;
    }

    /** 1 normally, larger in presentation mode: the probability bars and the confusion matrix grow. */
    void setScale(double scale) {
        this.scale = scale;
        probabilities.setScale(scale);
        fitConfusion();
    }

    /** The confusion matrix as large as asked, as far as the column has room for it (no wider than it is shown). */
    private void fitConfusion() {
        double room = right.getWidth() - 2 * 8 - 14; // the padding, a scroll bar
        confusion.setScale(right.getWidth() <= 0 ? scale
                : Math.max(1, Math.min(scale, room / ConfusionCanvas.widthAt(1))));
    }

    /** Draws a new snapshot's pictures and numbers. */
    void show(DigitsSnapshot s) {
        for (int b = 0; b < MAX_BANKS; b++) {
            if (b < s.filters().size()) {
                DigitsSnapshot.FilterBank f = s.filters().get(b);
                banks.get(b).setColumns(f.channels() > 1 ? f.channels() : 0);
                banks.get(b).show(f.kernels(), f.tile(), f.tile());
            } else {
                bankCaptions.get(b).setText("");
                banks.get(b).show(List.of(), 40, 40);
            }
        }
        for (int l = 0; l < MAX_LAYERS; l++) {
            if (l < s.featureMaps().size()) {
                DigitsSnapshot.LayerMaps m = s.featureMaps().get(l);
                maps.get(l).show(m.maps(), m.tileWidth(), m.tileHeight());
            } else {
                mapCaptions.get(l).setText("");
                maps.get(l).show(List.of(), 40, 40);
            }
        }
        DigitsImages.show(digit, s.digit());
        probabilities.draw(s.probabilities(), s.prediction());
        DigitsImages.show(saliency, s.saliency());
        DigitsImages.show(occlusion, s.occlusion());
        confusion.draw(s.confusion());
        galleryItems = s.gallery();
        gallery.show(galleryItems.stream().map(DigitsSnapshot.GalleryItem::picture).toList(), 40, 40);
        showTexts(s);
    }

    /** The texts in the language shown. */
    void showTexts(DigitsSnapshot s) {
        for (int b = 0; b < Math.min(MAX_BANKS, s.filters().size()); b++) {
            bankCaptions.get(b).setText(s.filters().get(b).caption().format(i18n::get));
        }
        for (int l = 0; l < Math.min(MAX_LAYERS, s.featureMaps().size()); l++) {
            mapCaptions.get(l).setText(s.featureMaps().get(l).caption().format(i18n::get));
        }
        prediction.setText(s.label() >= 0 ? i18n.get("digits.predictionLabelled", s.prediction(), s.label())
                : i18n.get("digits.predictionDrawn", s.prediction()));
    }
}
