package org.backproplab.ui;

import org.backproplab.session.Numbers;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.session.CurveBoard;
import org.backproplab.session.PlaygroundSnapshot;

/** The playground's numbers and curves: loss and accuracy now, the loss landscape, the curves. */
final class PlaygroundCurves {
    private final I18n i18n;
    private final VBox root = new VBox(6);
    private final Label trainLoss = new Label();
    private final Label testLoss = new Label();
    private final Label trainAccuracy = new Label();
    private final Label testAccuracy = new Label();
    private final CurveBoardView lossCurve;
    private final LossCurveView accuracyCurve = new LossCurveView();
    private final LandscapeView landscape = new LandscapeView(DataMapView.SIZE * 0.8);
    private final VBox landscapeBox = new VBox(4);

    PlaygroundCurves(I18n i18n, CurveBoard board, ExportDialogs dialogs) {
        this.i18n = i18n;
        lossCurve = new CurveBoardView(board, i18n, dialogs, "pg", "curves.title", "pg.epochAxis", "pg.hover");
        trainLoss.setId("train-loss");
        testLoss.setId("test-loss");
        trainAccuracy.setId("train-accuracy");
        testAccuracy.setId("test-accuracy");
        GridPane metrics = new GridPane();
        metrics.setHgap(12);
        metrics.addRow(0, new Label(), label("pg.train"), label("pg.test"));
        metrics.addRow(1, label("pg.loss"), new SteadyBox(trainLoss), new SteadyBox(testLoss));
        metrics.addRow(2, label("pg.accuracy"), new SteadyBox(trainAccuracy), new SteadyBox(testAccuracy));
        lossCurve.curve().setPrefSize(DataMapView.SIZE, 150);
        accuracyCurve.setId("pg-accuracy-curve");
        accuracyCurve.setPrefSize(DataMapView.SIZE, 130);
        accuracyCurve.setFixedMax(1);
        Label landscapeText = label("pg.landscapeText");
        landscapeText.setWrapText(true);
        landscapeText.setMaxWidth(DataMapView.SIZE);
        landscapeBox.getChildren().addAll(ViewParts.title(i18n, "pg.landscape"), ViewParts.zoomable(landscape),
                landscapeText);
        landscapeBox.setVisible(false);
        landscapeBox.setManaged(false);
        root.getChildren().addAll(metrics, landscapeBox, lossCurve.root(), label("pg.accuracyCurve"),
                accuracyCurve);
    }

    /** "Save picture as PNG…" on each curve and the landscape, reporting through {@code say}. */
    void offerPng(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<org.backproplab.session.Notice> say) {
        lossCurve.offerPng(dialogs, say);
        PngMenu.install(accuracyCurve, i18n, dialogs, say);
        PngMenu.install(landscape, i18n, dialogs, say);
    }

    /** 1 normally, larger in presentation mode. */
    void setScale(double scale) {
        lossCurve.curve().setScale(scale);
        accuracyCurve.setScale(scale);
        ViewParts.zoom(landscape, scale);
    }

    VBox root() {
        return root;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        return l;
    }

    void draw(PlaygroundSnapshot s) {
        trainLoss.setText(Numbers.shortNumber(s.trainLossNow()));
        testLoss.setText(Double.isNaN(s.testLossNow()) ? "\u2013" : Numbers.shortNumber(s.testLossNow()));
        trainAccuracy.setText(percent(s.trainAccuracyNow()));
        testAccuracy.setText(percent(s.testAccuracyNow()));
        landscapeBox.setVisible(s.landscape() != null);
        landscapeBox.setManaged(s.landscape() != null);
        landscape.draw(s.landscape());
        accuracyCurve.setTexts(i18n.get("pg.epochAxis"), i18n.get("pg.hover"));
        accuracyCurve.setCurves(s.trainAccuracy(), s.testAccuracy());
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }
}
