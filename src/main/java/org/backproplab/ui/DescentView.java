package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.backproplab.session.DescentSession;
import org.backproplab.session.MinimaSession;
import org.backproplab.session.Notice;
import org.backproplab.session.SoftmaxSession;

/**
 * The descent tab: three lessons as inner tabs (gradient descent on one variable, random starts
 * and local minima, softmax and cross-entropy), each with a view-model of its own. Its keys:
 * Space plays, → steps and R resets the descent; N draws new starts; 1 to 3 choose the target.
 */
public final class DescentView {
    private final DescentSession descent;
    private final MinimaSession minima;
    private final SoftmaxSession softmax;
    private final TabPane tabs = new TabPane();
    private final Tab descentTab;
    private final Tab minimaTab;
    private final Tab softmaxTab;
    /** The three lessons' pictures (canvases), enlarged in presentation mode. */
    private final List<Node> pictures;
    /** The first two pictures' text scales: their texts grow where the pictures cannot. */
    private final List<java.util.function.DoubleConsumer> textScales;
    /** The least width the readouts beside the pictures keep. */
    private static final double READOUT = 300;
    /** The scale asked for: 1, or presentation mode's. */
    private double scale = 1;
    private final SoftmaxView softmaxView;
    private final MinimaView minimaView;

    public DescentView(I18n i18n) {
        this(new DescentSession(), new MinimaSession(), new SoftmaxSession(), i18n);
    }

    /** With "Save picture as PNG…" on each lesson's picture, reporting through {@code say}. */
    public DescentView(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<Notice> say) {
        this(new DescentSession(), new MinimaSession(), new SoftmaxSession(), i18n);
        for (Node picture : pictures) {
            PngMenu.install(picture, i18n, dialogs, say);
        }
    }

    public DescentView(DescentSession descent, MinimaSession minima, SoftmaxSession softmax, I18n i18n) {
        this.descent = descent;
        this.minima = minima;
        this.softmax = softmax;
        GradientDescentView gd = new GradientDescentView(descent, i18n);
        MinimaView mv = new MinimaView(minima, i18n);
        SoftmaxView sv = new SoftmaxView(softmax, i18n);
        pictures = List.of(gd.picture(), mv.picture(), sv.picture());
        textScales = List.of(gd::setTextScale, mv::setTextScale);
        softmaxView = sv;
        minimaView = mv;
        descentTab = tab(i18n, "descent-tab-gd", "descent.tab.gd", gd.root());
        minimaTab = tab(i18n, "descent-tab-minima", "descent.tab.minima", mv.root());
        softmaxTab = tab(i18n, "descent-tab-softmax", "descent.tab.softmax", sv.root());
        tabs.getTabs().setAll(descentTab, minimaTab, softmaxTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("descent-tabs");
        tabs.widthProperty().addListener((o, a, b) -> fit());
        tabs.heightProperty().addListener((o, a, b) -> fit());
        // a picture's top is known once its tab is laid out with the text's new size
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        // and again whenever a picture moves (the text above it wraps anew, the tab is first shown)
        for (int i = 0; i < 2; i++) {
            pictures.get(i).getParent().localToSceneTransformProperty().addListener((o, a, b) -> fit());
        }
    }

    private static Tab tab(I18n i18n, String id, String key, Region content) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        t.setContent(scroll);
        return t;
    }

    public Region root() {
        return tabs;
    }

    /** Handles a key for the lesson showing; true if it was one of this tab's shortcuts. */
    boolean handleKey(KeyEvent e) {
        Tab showing = tabs.getSelectionModel().getSelectedItem();
        KeyCode code = e.getCode();
        if (showing == descentTab) {
            switch (code) {
                case SPACE -> descent.togglePlay();
                case RIGHT -> descent.step();
                case R -> descent.reset();
                case LEFT -> {
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (showing == minimaTab) {
            switch (code) {
                // Space draws the paths again, or, while they are being drawn, shows their ends
                case SPACE -> {
                    if (minima.playingProperty().get()) {
                        minima.showEnds();
                    } else {
                        minima.replay();
                    }
                }
                case RIGHT -> minima.showEnds();
                case R -> minima.replay();
                case N -> minima.newStarts();
                case LEFT -> {
                }
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (code == KeyCode.DIGIT1 || code == KeyCode.DIGIT2 || code == KeyCode.DIGIT3) {
            softmax.setTarget(code.ordinal() - KeyCode.DIGIT1.ordinal());
            return true;
        }
        // the arrows step the lessons that have steps; on this one they do nothing rather than switch tabs
        return code == KeyCode.LEFT || code == KeyCode.RIGHT;
    }

    /**
     * 1 normally, larger in presentation mode: the lessons' pictures grow with the text, as far as
     * the window leaves room beside them for their readouts (a 1280 x 800 projector too).
     */
    public void setScale(double scale) {
        this.scale = scale;
        fit();
        javafx.application.Platform.runLater(this::fit); // again once the larger text is laid out
        softmaxView.setScale(scale);
    }

    private void fit() {
        // the room a picture has: the tab's width less its padding, the gap and the readout's least width,
        // and the tab's height below the picture's top
        // the gradient descent's and the random starts' pictures (the softmax draws its own, setScale)
        for (int i = 0; i < 2; i++) {
            // the random starts' table keeps its whole width (at 1280 x 800 in presentation mode its columns were cut)
            double readout = i == 1 ? Math.max(READOUT, minimaView.readoutWidth()) : READOUT;
            double room = tabs.getWidth() - 2 * 12 - 16 - readout - 20;
            Node picture = pictures.get(i);
            Bounds natural = picture.getLayoutBounds();
            double high = Double.MAX_VALUE;
            // a tab not showing has stale bounds: it is measured when chosen (the selection's listener)
            if (picture.getScene() != null && tabs.getSelectionModel().getSelectedIndex() == i) {
                Node group = picture.getParent();
                double top = tabs.sceneToLocal(group.localToScene(group.getLayoutBounds())).getMinY();
                high = tabs.getHeight() - Math.max(0, top) - 12;
            }
            double zoom = Math.min(ViewParts.fitted(scale, room, natural.getWidth()),
                    ViewParts.fitted(scale, high, natural.getHeight()));
            ViewParts.zoom(picture, zoom);
            textScales.get(i).accept(Math.max(1, scale / zoom));
        }
    }

    /** Shows one of the lessons: 0 descent, 1 minima, 2 softmax. */
    public void show(int lesson) {
        tabs.getSelectionModel().select(lesson);
    }

    public DescentSession descent() {
        return descent;
    }

    public MinimaSession minima() {
        return minima;
    }

    public SoftmaxSession softmax() {
        return softmax;
    }
}
